// The preflight command line: a thin front end over the library (argument parsing, files,
// progress). No check logic lives here.
#include <CLI/CLI.hpp>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <malloc.h>
#include <sstream>
#include <unistd.h>

#include "fix_command.hpp"
#include "output_file.hpp"
#include "preflight/preflight.hpp"
#include "preflight/report.hpp"
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
        for (const auto& problem : parsed.error().problems)
            std::cerr << "preflight: policy " << file << ": " << (problem.key_path.empty() ? "" : problem.key_path + ": ")
                      << problem.message << "\n";
        return std::nullopt;
    }
    auto errors = preflight::validate_policy(*parsed);
    if (!errors.empty()) {
        for (const auto& error : errors) std::cerr << "preflight: policy " << file << ": " << error.key_path << ": " << error.message << "\n";
        return std::nullopt;
    }
    return std::move(*parsed);
}

std::optional<std::chrono::system_clock::time_point> parse_now(const std::string& text, bool& ok) {
    ok = true;
    if (text.empty()) return std::nullopt;
    auto parsed = preflight::parse_time(text);
    if (!parsed) ok = false;
    return parsed;
}

std::atomic<bool> stop_requested{false};
std::atomic<int> stop_signal{0};

extern "C" void request_stop(int signal_number) {
    stop_signal.store(signal_number);
    stop_requested.store(true);
}

// "K/N" (K from 0) or "env/N" (K from the scheduler: Kubernetes Indexed Jobs, Slurm arrays,
// AWS Batch array jobs). False with a message when it cannot be read.
bool parse_shard(const std::string& text, int& index, int& count) {
    auto slash = text.find('/');
    if (slash == std::string::npos) return false;
    std::string k = text.substr(0, slash), n = text.substr(slash + 1);
    try {
        count = std::stoi(n);
        if (k == "env") {
            if (const char* v = std::getenv("JOB_COMPLETION_INDEX")) index = std::stoi(v);
            else if (const char* v = std::getenv("SLURM_ARRAY_TASK_ID")) {
                const char* min = std::getenv("SLURM_ARRAY_TASK_MIN");
                index = std::stoi(v) - (min ? std::stoi(min) : 0);
            } else if (const char* v = std::getenv("AWS_BATCH_JOB_ARRAY_INDEX")) index = std::stoi(v);
            else {
                std::cerr << "preflight: --shard env/N needs JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID or AWS_BATCH_JOB_ARRAY_INDEX\n";
                return false;
            }
        } else {
            index = std::stoi(k);
        }
    } catch (const std::exception&) {
        return false;
    }
    return count >= 1 && index >= 0 && index < count;
}

struct CheckArgs {
    std::string export_file, policy_file, now_text, output, shard, report_dir, fix_dir;
    int jobs = 0;
    bool resume = false;
};

int run_check(const CheckArgs& args) {
    const std::string& export_file = args.export_file;
    const std::string& output = args.output;
    auto policy = load_policy(args.policy_file);
    const std::string& now_text = args.now_text;
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
    int shard_index = 0, shard_count = 1;
    if (!args.shard.empty() && !parse_shard(args.shard, shard_index, shard_count)) {
        std::cerr << "preflight: --shard '" << args.shard << "' must be K/N with 0 <= K < N (or env/N)\n";
        return exit_usage;
    }
    if (args.resume && (output.empty() || output == "-")) {
        std::cerr << "preflight: --resume needs -o FILE (it continues FILE.partial)\n";
        return exit_usage;
    }
    preflight::Checker checker(std::move(*policy), {now});
    preflight::cli::OutputFile out(output, args.resume);
    if (!out.ok()) {
        std::cerr << "preflight: cannot write '" << output << "': " << out.error() << "\n";
        return exit_usage;
    }
    std::unique_ptr<preflight::HtmlReport> report;
    if (!args.report_dir.empty()) report = std::make_unique<preflight::HtmlReport>(args.report_dir);
    long fixed_orders = 0;
    preflight::cli::Progress progress;
    preflight::BatchOptions options;
    options.jobs = args.jobs;
    options.shard_index = shard_index;
    options.shard_count = shard_count;
    options.skip_records = out.resumed_lines();
    options.stop = &stop_requested;
    std::signal(SIGINT, request_stop);
    std::signal(SIGTERM, request_stop);
    options.on_progress = [&](long done) { progress.update(done); };
    auto summary = preflight::check_export(*in, root, checker,
                                           [&](const preflight::Verdict& verdict, const std::string& line) {
                                               out.write_line(line);
                                               if (report) report->add(verdict);
                                               if (!args.fix_dir.empty() && preflight::all_errors_fixable(verdict)) {
                                                   auto fixes = preflight::fix_held_order(checker, verdict, root, args.fix_dir);
                                                   std::vector<std::filesystem::path> previews;
                                                   for (const auto& fix : fixes) {
                                                       if (fix.ok) ++fixed_orders;
                                                       for (const auto& page : fix.pages)
                                                           if (!page.preview.empty())
                                                               previews.push_back(fix.design_out.parent_path() / page.preview);
                                                   }
                                                   if (report) report->add_fix_previews(verdict, previews);
                                               }
                                           },
                                           options);
    progress.finish(summary);
    if (summary.interrupted) {
        int signal_number = stop_signal.load();
        std::cerr << "preflight: stopped by signal " << signal_number << " after " << summary.orders << " orders";
        if (!output.empty() && output != "-")
            std::cerr << "; the verdicts so far are in " << out.partial_path().string() << ": run the same command with --resume to finish";
        std::cerr << "\n";
        return 128 + signal_number;
    }
    if (!out.commit()) {
        std::cerr << "preflight: cannot write '" << output << "': " << out.error() << "\n";
        return exit_usage;
    }
    if (!args.fix_dir.empty())
        std::cerr << "preflight: " << fixed_orders << " held design" << (fixed_orders == 1 ? "" : "s") << " fixed into "
                  << args.fix_dir << " (see changes.json in each)\n";
    if (report) {
        std::string error;
        if (!report->finish(error)) {
            std::cerr << "preflight: report: " << error << "\n";
            return exit_usage;
        }
        std::cerr << "preflight: report written to " << (std::filesystem::path(args.report_dir) / "index.html").string() << "\n";
    }
    return summary.by_verdict[std::size_t(preflight::VerdictKind::error)] > 0 ? exit_findings : exit_ok;
}

int run_lint(const std::vector<std::string>& designs, const std::string& policy_file, const std::string& format,
             const std::string& root) {
    auto policy = load_policy(policy_file);
    if (!policy) return exit_usage;
    preflight::Checker checker(std::move(*policy));
    std::vector<preflight::LintResult> results;
    for (const auto& design : designs) results.push_back({design, checker.lint_design(design, root.empty() ? std::filesystem::current_path() : std::filesystem::path(root))});
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
    // Each decoded page is several megabytes. Left to its defaults glibc hands such blocks back
    // to the kernel when an order is done and faults them in again for the next one (twice the
    // system time of decoding alone); a batch run keeps them in the heap instead.
    mallopt(M_MMAP_THRESHOLD, 8 * 1024 * 1024);   // a 300 dpi A6 page (7.2 MB) stays in the heap
    mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
    CLI::App app{"preflight: checks greeting-card designs before they are printed.\n"
                 "Reads the shop's order export, writes one JSON verdict line per order:\n"
                 "release, hold (with what to tell the customer), cancel, skip or error."};
    app.set_version_flag("--version", std::string("preflight ") + preflight::version());
    app.require_subcommand(1);
    app.footer("Examples:\n"
               "  preflight check samples/export/orders.jsonl --now 2026-11-25T09:00:00+01:00\n"
               "  preflight check orders.jsonl --policy shop-policy.json -o verdicts.jsonl --jobs 8\n"
               "  preflight lint templates/*/design.json --format junit > lint.xml\n"
               "  preflight fix card/design.json -o card-fixed   # generate bleed, fit text boxes; see changes.json\n"
               "  preflight checks          # every check id and its policy options\n\n"
               "Exit codes: 0 every order has its verdict (lint: no errors); 1 at least one verdict\n"
               "is `error` (lint: at least one error finding); 2 usage or policy error, nothing checked;\n"
               "130/143 stopped by SIGINT/SIGTERM after finishing the orders in flight (then --resume).");

    CheckArgs check_args;
    auto* check = app.add_subcommand("check", "Check an order export (JSON Lines or a JSON array; '-' reads stdin).");
    check->add_option("EXPORT", check_args.export_file, "the order export; its folder is the root every path must stay in")->required();
    check->add_option("--policy", check_args.policy_file, "the shop's policy file: papers and check options (see `preflight checks`)");
    check->add_option("--now", check_args.now_text, "the time used for respond_by, ISO 8601 with offset (default: the clock)");
    check->add_option("-o,--output", check_args.output,
                      "write the verdicts to FILE instead of stdout; it appears whole when the run completes (until then: FILE.partial)");
    check->add_option("-j,--jobs", check_args.jobs, "orders checked at once (default: the number of cores)")->check(CLI::Range(0, 1024));
    check->add_option("--report", check_args.report_dir,
                      "also write DIR/index.html for the service team: orders that need someone first, findings outlined on the pages");
    check->add_option("--fix-dir", check_args.fix_dir,
                      "fix every held order whose errors are all fixable (bleed, text box, safe zone) into DIR/<order>/<n>/");
    check->add_flag("--resume", check_args.resume, "continue an interrupted run from FILE.partial (needs -o FILE): no order lost, none twice");
    check->add_option("--shard", check_args.shard,
                      "check only share K of N (K from 0: records whose number modulo N is K); env/N takes K from "
                      "JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID or AWS_BATCH_JOB_ARRAY_INDEX");

    std::vector<std::string> designs;
    std::string format = "text";
    std::string lint_policy, lint_root;
    auto* lint = app.add_subcommand("lint", "Check design documents with no order around them (collection templates in CI).");
    lint->add_option("DESIGN", designs, "design.json files")->required();
    lint->add_option("--policy", lint_policy, "the shop's policy file");
    lint->add_option("--root", lint_root, "the folder every path must stay in (default: the current folder)");
    lint->add_option("--format", format, "output format")->check(CLI::IsMember({"text", "json", "junit", "sarif", "github"}));

    add_fix_command(app);

    auto* checks = app.add_subcommand("checks", "List every check with its id, what it finds and its policy options.");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? exit_ok : exit_usage;
    }
    try {
        if (*check) return run_check(check_args);
        if (*lint) return run_lint(designs, lint_policy, format, lint_root);
        if (*checks) return run_list_checks();
    } catch (const std::exception& e) {
        std::cerr << "preflight: " << e.what() << "\n";
        return exit_usage;
    }
    return exit_usage;
}
