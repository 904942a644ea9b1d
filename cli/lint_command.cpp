// The `lint` subcommand: design documents with no order around them (collection templates
// in CI). Folders are searched for design.json files (sorted, so every run lists them in the
// same order); the formats are the library's format_lint.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <unistd.h>

#include "commands.hpp"
#include "preflight/formats.hpp"
#include "preflight/preflight.hpp"

namespace preflight::cli {

namespace {

namespace fs = std::filesystem;

struct LintArgs {
    std::vector<std::string> designs;
    std::string format = "text", policy_file, root, lang;
    long max_warnings = -1;
};

struct Target {
    std::string shown;   // the path as people see it
    fs::path file;
    fs::path root;       // empty: the library's default, the design's own folder
};

// Files as given; folders searched recursively for design.json. False after printing every
// argument that is neither.
bool find_designs(const LintArgs& args, std::vector<Target>& targets) {
    bool ok = true;
    for (const auto& given : args.designs) {
        std::error_code ec;
        if (fs::is_directory(given, ec)) {
            std::vector<fs::path> found;
            for (fs::recursive_directory_iterator it(given, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
                 it.increment(ec))
                if (it->path().filename() == "design.json" && it->is_regular_file(ec)) found.push_back(it->path());
            if (ec) {
                std::cerr << "preflight: cannot search '" << given << "': " << ec.message() << "\n";
                ok = false;
            }
            if (found.empty() && !ec) {
                std::cerr << "preflight: no design.json under '" << given << "'\n";
                ok = false;
            }
            std::sort(found.begin(), found.end(), [](const fs::path& a, const fs::path& b) { return a.generic_string() < b.generic_string(); });
            // A searched folder is the root of what was found in it: shared fonts beside the templates stay inside.
            for (const auto& file : found) targets.push_back({file.lexically_normal().generic_string(), file, args.root.empty() ? fs::path(given) : fs::path(args.root)});
        } else if (fs::is_regular_file(given, ec)) {
            targets.push_back({given, given, args.root});
        } else {
            std::cerr << "preflight: design '" << given << "' does not exist\n";
            ok = false;
        }
    }
    return ok;
}

int run_lint(const LintArgs& args) {
    auto policy = load_policy(args.policy_file);
    if (!policy) return exit_usage;
    if (!args.root.empty() && !fs::is_directory(args.root)) {
        std::cerr << "preflight: --root '" << args.root << "' is not a folder\n";
        return exit_usage;
    }
    std::vector<Target> targets;
    if (!find_designs(args, targets)) return exit_usage;
    if (!args.lang.empty()) policy->language = args.lang;   // --lang overrides the policy's "language"
    const Checker checker(std::move(*policy));
    std::vector<LintResult> results;
    long errors = 0, warnings = 0;
    for (const auto& target : targets) {
        LintResult result{target.shown, checker.lint_design(target.file, target.root), target.file};
        for (const auto& finding : result.findings) {
            errors += finding.severity == Severity::error;
            warnings += finding.severity == Severity::warning;
            // Findings a verdict does not list (the per-check limit) still count.
            if (auto more = finding.details.find("more_warnings"); more != finding.details.end())
                if (const double* count = std::get_if<double>(&more->second)) warnings += long(*count);
        }
        results.push_back(std::move(result));
    }
    LintFormatOptions options;
    options.root = args.root.empty() ? fs::current_path() : fs::path(args.root);
    options.colour = args.format == "text" && colour_enabled(STDOUT_FILENO);
    options.docs_url = PREFLIGHT_DOCS_URL;
    std::cout << format_lint(results, args.format, options);
    if (errors > 0) return exit_findings;
    if (args.max_warnings >= 0 && warnings > args.max_warnings) {
        std::cerr << "preflight: " << warnings << " warnings, more than --max-warnings " << args.max_warnings << "\n";
        return exit_findings;
    }
    return exit_ok;
}

}  // namespace

CLI::App* add_lint_command(CLI::App& app, CommandRun& run) {
    auto args = std::make_shared<LintArgs>();
    auto* lint = app.add_subcommand("lint", "Check design documents with no order around them (collection templates in CI).");
    lint->add_option("DESIGN", args->designs, "design.json FILEs, or DIRs searched (recursively) for design.json")
        ->required()
        ->type_name("FILE|DIR");
    lint->add_option("--policy", args->policy_file, "the shop's policy FILE")->type_name("FILE");
    lint->add_option("--lang", args->lang, "language of the messages: en or nl (default: the policy's \"language\", else en)")
        ->check(CLI::IsMember({"en", "nl"}));
    lint->add_option("--root", args->root,
                     "the folder DIR every path must stay in; SARIF URIs are relative to it (default: a searched DIR, "
                     "else the design's own folder; SARIF: the current folder)")
        ->type_name("DIR");
    lint->add_option("--format", args->format, "output format: text (coloured on a terminal unless NO_COLOR), json, junit, sarif, github")
        ->type_name("FORMAT")
        ->check(CLI::IsMember({"text", "json", "junit", "sarif", "github"}));
    lint->add_option("--max-warnings", args->max_warnings, "exit 1 when there are more than N warnings (default: warnings never fail)")
        ->type_name("N")
        ->check(CLI::Range(0L, 1000000000L));
    lint->footer("Exit codes: 0 no error finding (and no more warnings than --max-warnings); 1 at least one error\n"
                 "finding, or too many warnings; 2 usage or policy error, or a DESIGN that does not exist (or a DIR\n"
                 "without design.json): nothing was linted.");
    lint->callback([args, &run] { run = [args] { return run_lint(*args); }; });
    return lint;
}

}  // namespace preflight::cli
