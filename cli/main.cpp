// The preflight command line: a thin front end over the library (argument parsing, files,
// progress). No check logic lives here.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unistd.h>

#include "output_file.hpp"
#include "preflight/preflight.hpp"
#include "progress.hpp"

namespace {

constexpr int exit_ok = 0;
constexpr int exit_findings = 1;
constexpr int exit_usage = 2;

// Reads and validates the policy; prints every problem with its key path.
std::optional<preflight::Policy> load_policy(const std::string& file) {
    if (file.empty()) return preflight::Policy{};
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::cerr << "preflight: cannot open policy file '" << file << "'\n";
        return std::nullopt;
    }
    std::stringstream text;
    text << in.rdbuf();
    auto parsed = preflight::parse_policy(text.str());
    if (!parsed.ok()) {
        for (const auto& problem : parsed.problems)
            std::cerr << "preflight: policy " << file << ": " << (problem.key_path.empty() ? "" : problem.key_path + ": ")
                      << problem.message << "\n";
        return std::nullopt;
    }
    auto errors = preflight::validate_policy(*parsed.value);
    if (!errors.empty()) {
        for (const auto& error : errors) std::cerr << "preflight: policy " << file << ": " << error.key_path << ": " << error.message << "\n";
        return std::nullopt;
    }
    return parsed.value;
}

std::optional<std::chrono::system_clock::time_point> parse_now(const std::string& text, bool& ok) {
    ok = true;
    if (text.empty()) return std::nullopt;
    auto parsed = preflight::parse_time(text);
    if (!parsed) ok = false;
    return parsed;
}

int run_check(const std::string& export_file, const std::string& policy_file, const std::string& now_text,
              const std::string& output, int jobs) {
    auto policy = load_policy(policy_file);
    if (!policy) return exit_usage;
    bool now_ok = true;
    auto now = parse_now(now_text, now_ok);
    if (!now_ok) {
        std::cerr << "preflight: --now '" << now_text << "' is not an ISO 8601 date-time with an offset, e.g. 2026-11-25T09:00:00+01:00\n";
        return exit_usage;
    }
    std::ifstream file_in;
    std::istream* in = &std::cin;
    std::filesystem::path root = std::filesystem::current_path();
    if (export_file != "-") {
        file_in.open(export_file, std::ios::binary);
        if (!file_in) {
            std::cerr << "preflight: cannot open export '" << export_file << "'\n";
            return exit_usage;
        }
        in = &file_in;
        root = std::filesystem::absolute(export_file).parent_path();
    }
    preflight::Checker checker(std::move(*policy), {now});
    preflight::cli::OutputFile out(output);
    if (!out.ok()) {
        std::cerr << "preflight: cannot write '" << output << "': " << out.error() << "\n";
        return exit_usage;
    }
    preflight::cli::Progress progress;
    preflight::BatchOptions options;
    options.jobs = jobs;
    options.on_progress = [&](long done) { progress.update(done); };
    auto summary = preflight::check_export(*in, root, checker,
                                           [&](const preflight::Verdict&, const std::string& line) { out.write_line(line); },
                                           options);
    progress.finish(summary);
    if (!out.commit()) {
        std::cerr << "preflight: cannot write '" << output << "': " << out.error() << "\n";
        return exit_usage;
    }
    return summary.by_verdict[std::size_t(preflight::VerdictKind::error)] > 0 ? exit_findings : exit_ok;
}

int run_lint(const std::vector<std::string>& designs, const std::string& policy_file, const std::string& format) {
    auto policy = load_policy(policy_file);
    if (!policy) return exit_usage;
    preflight::Checker checker(std::move(*policy));
    std::vector<preflight::LintResult> results;
    for (const auto& design : designs) results.push_back({design, checker.lint_design(design)});
    std::cout << preflight::format_lint(results, format);
    for (const auto& result : results)
        for (const auto& finding : result.findings)
            if (finding.severity == preflight::Severity::error) return exit_findings;
    return exit_ok;
}

int run_list_checks() {
    for (const auto& check : preflight::list_checks()) {
        std::cout << check.id << "\n    " << check.summary << "\n";
        for (const auto& option : check.options)
            std::cout << "    " << option.name << " (" << option.type << ", default " << option.default_text << ")"
                      << (option.help.empty() ? "" : ": " + option.help) << "\n";
    }
    return exit_ok;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"preflight: checks greeting-card designs before they are printed.\n"
                 "Reads the shop's order export, writes one JSON verdict line per order:\n"
                 "release, hold (with what to tell the customer), cancel, skip or error."};
    app.set_version_flag("--version", std::string("preflight ") + preflight::version());
    app.require_subcommand(1);
    app.footer("Examples:\n"
               "  preflight check samples/export/orders.jsonl --now 2026-11-25T09:00:00+01:00\n"
               "  preflight check orders.jsonl --policy shop-policy.json -o verdicts.jsonl --jobs 8\n"
               "  preflight lint templates/*/design.json --format junit > lint.xml\n"
               "  preflight checks          # every check id and its policy options\n\n"
               "Exit codes: 0 every order has its verdict (lint: no errors); 1 at least one verdict\n"
               "is `error` (lint: at least one error finding); 2 usage or policy error, nothing checked.");

    std::string export_file, policy_file, now_text, output;
    int jobs = 0;
    auto* check = app.add_subcommand("check", "Check an order export (JSON Lines or a JSON array; '-' reads stdin).");
    check->add_option("EXPORT", export_file, "the order export; its folder is the root every path must stay in")->required();
    check->add_option("--policy", policy_file, "the shop's policy file: papers and check options (see `preflight checks`)");
    check->add_option("--now", now_text, "the time used for respond_by, ISO 8601 with offset (default: the clock)");
    check->add_option("-o,--output", output, "write the verdicts to FILE (whole or not at all) instead of stdout");
    check->add_option("-j,--jobs", jobs, "orders checked at once (default: the number of cores)")->check(CLI::Range(0, 1024));

    std::vector<std::string> designs;
    std::string format = "text";
    std::string lint_policy;
    auto* lint = app.add_subcommand("lint", "Check design documents with no order around them (collection templates in CI).");
    lint->add_option("DESIGN", designs, "design.json files")->required();
    lint->add_option("--policy", lint_policy, "the shop's policy file");
    lint->add_option("--format", format, "output format")->check(CLI::IsMember({"text", "json", "junit", "sarif", "github"}));

    auto* checks = app.add_subcommand("checks", "List every check with its id, what it finds and its policy options.");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? exit_ok : exit_usage;
    }
    try {
        if (*check) return run_check(export_file, policy_file, now_text, output, jobs);
        if (*lint) return run_lint(designs, lint_policy, format);
        if (*checks) return run_list_checks();
    } catch (const std::exception& e) {
        std::cerr << "preflight: " << e.what() << "\n";
        return exit_usage;
    }
    return exit_usage;
}
