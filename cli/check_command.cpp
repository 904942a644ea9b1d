// The `check` subcommand: an order export in, one verdict line per order out, with the
// policy, output file, report, fixes, shards and resume around the library's check_export.
// Every argument and output path is checked before the first order (exit 2).
#include <atomic>
#include <charconv>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <unistd.h>

#include "check_paths.hpp"
#include "export_input.hpp"
#include "commands.hpp"
#include "output_file.hpp"
#include "preflight/fix.hpp"
#include "preflight/preflight.hpp"
#include "preflight/report.hpp"
#include "progress.hpp"
#include "resume_report.hpp"
#include "run_stats.hpp"

namespace preflight::cli {

namespace {

std::atomic<bool> stop_requested{false};
std::atomic<int> stop_signal{0};

extern "C" void request_stop(int signal_number) {
    stop_signal.store(signal_number);
    stop_requested.store(true);
}

struct CheckArgs {
    std::string export_file, policy_file, now_text, output, shard, report_dir, fix_dir, stats_file, lang;
    int jobs = 0;
    bool resume = false, quiet = false;
};

// What the arguments say, once every one of them has been found usable.
struct CheckSetup {
    Policy policy;
    std::optional<std::chrono::system_clock::time_point> now;
    int shard_index = 0, shard_count = 1;
};

// Everything that can be wrong with the arguments, before any order is read. False: the
// problem is on stderr and the run ends with exit 2.
bool prepare(const CheckArgs& args, CheckSetup& setup) {
    auto policy = load_policy(args.policy_file);
    if (!policy) return false;
    setup.policy = std::move(*policy);
    if (!args.lang.empty()) setup.policy.language = args.lang;   // --lang overrides the policy's "language"
    if (!args.now_text.empty()) {
        setup.now = parse_time(args.now_text);
        if (!setup.now) {
            std::cerr << "preflight: --now '" << args.now_text
                      << "' is not an ISO 8601 date-time with an offset, e.g. 2026-11-25T09:00:00+01:00\n";
            return false;
        }
    }
    if (!args.shard.empty()) {
        std::string error;
        if (!parse_shard(args.shard, setup.shard_index, setup.shard_count, error)) {
            std::cerr << "preflight: --shard '" << args.shard << "': " << error << "\n";
            return false;
        }
    }
    if (args.resume && (args.output.empty() || args.output == "-")) {
        std::cerr << "preflight: --resume needs -o FILE (it continues FILE.partial)\n";
        return false;
    }
    return check_output_paths({args.export_file, args.output, args.report_dir, args.fix_dir, args.stats_file});
}

void fix_if_fixable(const Checker& checker, const Verdict& verdict, const std::filesystem::path& root, const std::string& fix_dir,
                    HtmlReport* report, long& fixed_orders) {
    if (fix_dir.empty() || !all_errors_fixable(verdict)) return;
    auto fixes = fix_held_order(checker, verdict, root, fix_dir);
    for (const auto& fix : fixes) {
        if (fix) ++fixed_orders;
        else std::cerr << "preflight: --fix-dir: order " << verdict.order_id.value_or("(no id)") << " not fixed: " << fix.error().message << "\n";
    }
    if (report) report->add_fixes(verdict, fixes);
}

// The end of every run, complete or not: --stats and the summary line. False when --stats
// could not be written.
bool report_run(const CheckArgs& args, const BatchSummary& summary, const RunStats& stats, const Progress& progress) {
    bool ok = true;
    if (!args.stats_file.empty()) {
        std::ofstream stats_out(args.stats_file, std::ios::binary | std::ios::trunc);
        stats_out << stats.to_json(summary);
        if (!stats_out.flush()) {
            std::cerr << "preflight: cannot write --stats '" << args.stats_file << "'\n";
            ok = false;
        }
    }
    if (!args.quiet) std::cerr << "preflight: " << progress.bold(stats.summary_line(summary)) << "\n";
    return ok;
}

// After the last verdict: the files that complete the run, then the summary. The exit code.
int finish_run(const CheckArgs& args, const BatchSummary& summary, OutputFile& out, HtmlReport* report, long fixed_orders,
               const RunStats& stats, const Progress& progress) {
    if (summary.interrupted) {
        int signal_number = stop_signal.load();
        std::cerr << "preflight: stopped by signal " << signal_number << " after " << summary.orders << " orders";
        if (!args.output.empty() && args.output != "-")
            std::cerr << "; the verdicts so far are in " << out.partial_path().string() << ": run the same command with --resume to finish";
        std::cerr << "\n";
        report_run(args, summary, stats, progress);
        return 128 + signal_number;
    }
    if (!out.commit()) return report_output_failure(out);
    bool files_ok = true;
    if (!args.fix_dir.empty())
        std::cerr << "preflight: " << fixed_orders << " held design" << (fixed_orders == 1 ? "" : "s") << " fixed into "
                  << args.fix_dir << " (see changes.json in each)\n";
    if (report) {
        if (auto written = report->finish(); !written) {
            std::cerr << "preflight: report: " << written.error().message << "\n";
            files_ok = false;
        } else if (!args.quiet) {
            std::cerr << "preflight: report written to " << (std::filesystem::path(args.report_dir) / "index.html").string() << "\n";
        }
    }
    if (summary.orders == 0)
        std::cerr << "preflight: warning: no orders in " << (args.export_file == "-" ? "stdin" : "'" + args.export_file + "'")
                  << (args.shard.empty() ? "" : " for this shard") << " (exit 0: nothing to check is not an error)\n";
    files_ok = report_run(args, summary, stats, progress) && files_ok;
    if (!files_ok) return exit_usage;
    return summary.by_verdict[std::size_t(VerdictKind::error)] > 0 ? exit_findings : exit_ok;
}

int run_check(const CheckArgs& args) {
    CheckSetup setup;
    if (!args.fix_dir.empty() && args.export_file != "-") {
        // Before the output paths are checked (which creates missing folders): never inside the export's folder.
        const auto export_root = std::filesystem::absolute(args.export_file).parent_path();
        if (std::string problem = fix_dir_problem(args.fix_dir, export_root); !problem.empty()) {
            std::cerr << "preflight: --fix-dir: " << problem << "\n";
            return exit_usage;
        }
    }
    if (!prepare(args, setup)) return exit_usage;
    ExportInput input(args.export_file);
    if (!input.is_open()) {
        std::cerr << "preflight: export: " << input.error() << "\n";
        return exit_usage;
    }
    std::istream in(&input);
    const std::filesystem::path root =
        args.export_file == "-" ? std::filesystem::current_path() : std::filesystem::absolute(args.export_file).parent_path();
    OutputFile out(args.output, args.resume, {args.export_file, args.policy_file});
    if (!out.ok()) {
        std::cerr << "preflight: " << out.error() << "\n";
        return exit_output;
    }
    if (args.policy_file.empty())
        std::cerr << "preflight: no --policy: every check uses its defaults and no paper catalogue is known, so an order "
                     "with foil or spot UV is held for a check by hand (product.foil_paper, paper_unknown)\n";
    else if (!setup.policy.has_paper_catalogue)
        std::cerr << "preflight: policy " << args.policy_file << " has no paper catalogue (\"papers\"), so an order with foil "
                     "or spot UV is held for a check by hand (product.foil_paper, paper_unknown)\n";
    const Checker checker(std::move(setup.policy), {setup.now});
    std::unique_ptr<HtmlReport> report;
    if (!args.report_dir.empty()) {
        report = std::make_unique<HtmlReport>(args.report_dir, HtmlReportOptions{checker.policy().language, setup.now, root});
        add_resumed_verdicts(out, *report);
    }
    long fixed_orders = 0;
    const bool verdicts_on_terminal = (args.output.empty() || args.output == "-") && ::isatty(STDOUT_FILENO) == 1;
    long total = ::isatty(STDERR_FILENO) == 1 ? count_export_records(args.export_file) : -1;
    if (total > 0) total = (total + setup.shard_count - 1 - setup.shard_index) / setup.shard_count - out.resumed_lines();
    Progress progress(total, verdicts_on_terminal);
    RunStats stats(args.jobs);
    BatchOptions options;
    options.jobs = args.jobs;
    options.shard_index = setup.shard_index;
    options.shard_count = setup.shard_count;
    options.skip_records = out.resumed_lines();
    options.stop = &stop_requested;
    std::signal(SIGINT, request_stop);
    std::signal(SIGTERM, request_stop);
    options.on_progress = [&](long done) { progress.update(done); };
    auto summary = check_export(in, root, checker,
                                [&](const Verdict& verdict, const std::string& line) {
                                    progress.clear();
                                    if (!out.write_line(line)) stop_requested.store(true);   // reported after the run
                                    stats.add(verdict);
                                    if (report) report->add(verdict);
                                    fix_if_fixable(checker, verdict, root, args.fix_dir, report.get(), fixed_orders);
                                },
                                options);
    progress.finish();
    if (!out.ok()) return report_output_failure(out);
    if (!input.error().empty()) {
        // The verdicts so far stay in FILE.partial (--resume continues after them); FILE is not written.
        std::cerr << "preflight: reading the export failed after " << summary.orders << " orders: " << input.error() << "\n";
        report_run(args, summary, stats, progress);
        return exit_usage;
    }
    return finish_run(args, summary, out, report.get(), fixed_orders, stats, progress);
}

}  // namespace

CLI::App* add_check_command(CLI::App& app, CommandRun& run) {
    auto args = std::make_shared<CheckArgs>();
    auto* check = app.add_subcommand("check", "Check an order export (JSON Lines or a JSON array; '-' reads stdin).");
    check->add_option("EXPORT", args->export_file, "the order export FILE ('-': stdin); its folder is the root every path must stay in")
        ->required()
        ->type_name("FILE");
    check->add_option("--lang", args->lang, "language of the messages and the report: en or nl (default: the policy's \"language\", else en)")
        ->check(CLI::IsMember({"en", "nl"}));
    check->add_option("--policy", args->policy_file, "the shop's policy FILE: papers and check options (see `preflight checks`)")
        ->type_name("FILE");
    check->add_option("--now", args->now_text, "the time used for respond_by, ISO 8601 with offset (default: the clock)")
        ->type_name("TIME");
    check->add_option("-o,--output", args->output,
                      "write the verdicts to FILE instead of stdout; it appears whole when the run completes (until then: FILE.partial)")
        ->type_name("FILE");
    check->add_option("-j,--jobs", args->jobs, "orders checked at once; 0 (the default) = one per core")
        ->type_name("N")
        ->check(jobs_validator());
    check->add_option("--report", args->report_dir,
                      "also write DIR/index.html for the service team: orders that need someone first, findings outlined on the pages")
        ->type_name("DIR");
    check->add_option("--fix-dir", args->fix_dir,
                      "fix every held order whose errors are all fixable (bleed, text box, safe zone) into DIR/<order>/<n>/ "
                      "(order ids percent-encoded; DIR outside the export's folder)")
        ->type_name("DIR");
    check->add_flag("--resume", args->resume, "continue an interrupted run from FILE.partial (needs -o FILE): no order lost, none twice");
    check->add_option("--shard", args->shard,
                      "check only share K of N (K from 0: records whose number modulo N is K); env/N takes K from "
                      "JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID or AWS_BATCH_JOB_ARRAY_INDEX")
        ->type_name("K/N");
    check->add_option("--stats", args->stats_file,
                      "write run statistics to FILE as JSON: orders per verdict, findings per check, time per order "
                      "(p50/p95/max), pages decoded, peak memory")
        ->type_name("FILE");
    check->add_flag("-q,--quiet", args->quiet, "no summary line on stderr at the end (warnings and errors still appear)");
    check->footer("Exit codes: 0 every order has its verdict (also when the export has no orders: a warning says so);\n"
                  "1 at least one verdict is `error`; 2 usage, policy or output-path error, found before any order\n"
                  "is checked (or the report or --stats file that could not be completed); 3 the verdicts could not be\n"
                  "written (-o refused, disk full, stdout closed): FILE untouched, FILE.partial kept for --resume; 130/143 stopped by SIGINT/SIGTERM\n"
                  "after finishing the orders in flight (run again with --resume).");
    check->callback([args, &run] { run = [args] { return run_check(*args); }; });
    return check;
}

}  // namespace preflight::cli
