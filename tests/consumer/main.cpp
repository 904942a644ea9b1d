// The smallest program that checks a design with preflight, as another service would
// (README "Use as a library"). Prints what `preflight lint DESIGN --format json` prints.
#include <preflight/preflight.hpp>

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: consumer POLICY.json DESIGN.json ROOT\n";
        return 2;
    }
    auto policy = preflight::read_policy(argv[1]);
    if (!policy) {
        std::cerr << policy.error().message << "\n";
        return 2;
    }
    auto checker = preflight::Checker::create(*policy);
    if (!checker) {
        std::cerr << checker.error().message << "\n";
        return 2;
    }
    std::vector<preflight::Finding> findings = (*checker)->lint_design(argv[2], argv[3]);
    std::cout << preflight::format_lint({{argv[2], findings}}, "json");
    return 0;
}
