// Checks one order export through the installed library, as another service would.
#include <preflight/preflight.hpp>

#include <fstream>
#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: consumer orders.jsonl\n";
        return 2;
    }
    preflight::Checker checker(preflight::Policy{});
    std::ifstream in(argv[1]);
    long lines = 0;
    auto summary = preflight::check_export(in, std::filesystem::path(argv[1]).parent_path(), checker,
                                           [&](const preflight::Verdict&, const std::string&) { ++lines; });
    std::cout << "preflight " << preflight::version() << ": " << summary.orders << " verdicts, "
              << summary.by_verdict[std::size_t(preflight::VerdictKind::skip)] << " skipped\n";
    return lines == summary.orders && lines > 0 ? 0 : 1;
}
