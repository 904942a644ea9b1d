// The `lint` subcommand: design documents with no order around them (collection templates
// in CI), in the formats CI systems read.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "preflight/formats.hpp"
#include "preflight/preflight.hpp"

namespace preflight::cli {

namespace {

struct LintArgs {
    std::vector<std::string> designs;
    std::string format = "text", policy_file, root;
};

int run_lint(const std::vector<std::string>& designs, const std::string& policy_file, const std::string& format,
             const std::string& root) {
    auto policy = load_policy(policy_file);
    if (!policy) return exit_usage;
    Checker checker(std::move(*policy));
    std::vector<LintResult> results;
    for (const auto& design : designs) results.push_back({design, checker.lint_design(design, root.empty() ? std::filesystem::current_path() : std::filesystem::path(root))});
    std::cout << format_lint(results, format);
    for (const auto& result : results)
        for (const auto& finding : result.findings)
            if (finding.severity == Severity::error) return exit_findings;
    return exit_ok;
}

}  // namespace

CLI::App* add_lint_command(CLI::App& app, CommandRun& run) {
    auto args = std::make_shared<LintArgs>();
    auto* lint = app.add_subcommand("lint", "Check design documents with no order around them (collection templates in CI).");
    lint->add_option("DESIGN", args->designs, "design.json files")->required();
    lint->add_option("--policy", args->policy_file, "the shop's policy file");
    lint->add_option("--root", args->root, "the folder every path must stay in (default: the current folder)");
    lint->add_option("--format", args->format, "output format")->check(CLI::IsMember({"text", "json", "junit", "sarif", "github"}));
    lint->callback([args, &run] { run = [args] { return run_lint(args->designs, args->policy_file, args->format, args->root); }; });
    return lint;
}

}  // namespace preflight::cli
