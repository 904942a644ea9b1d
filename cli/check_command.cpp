// The `check` subcommand: an order export in, one verdict line per order out, with the
// policy, output file, report, fixes, shards and resume around the library's check_export.
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "output_file.hpp"
#include "preflight/fix.hpp"
#include "preflight/preflight.hpp"
#include "preflight/report.hpp"
#include "progress.hpp"

namespace preflight::cli {

namespace {

std::optional<std::chrono::system_clock::time_point> parse_now(const std::string& text, bool& ok) {
    ok = true;
    if (text.empty()) return std::nullopt;
    auto parsed = parse_time(text);
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
    if (args.policy_file.empty())
        std::cerr << "preflight: no --policy: every check uses its defaults and no paper catalogue is known, so an order "
                     "with foil or spot UV is held for a check by hand (product.foil_paper, paper_unknown)\n";
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
    Checker checker(std::move(*policy), {now});
    OutputFile out(output, args.resume);
    if (!out.ok()) {
        std::cerr << "preflight: cannot write '" << output << "': " << out.error() << "\n";
        return exit_usage;
    }
    std::unique_ptr<HtmlReport> report;
    if (!args.report_dir.empty()) report = std::make_unique<HtmlReport>(args.report_dir);
    long fixed_orders = 0;
    Progress progress;
    BatchOptions options;
    options.jobs = args.jobs;
    options.shard_index = shard_index;
    options.shard_count = shard_count;
    options.skip_records = out.resumed_lines();
    options.stop = &stop_requested;
    std::signal(SIGINT, request_stop);
    std::signal(SIGTERM, request_stop);
    options.on_progress = [&](long done) { progress.update(done); };
    auto summary = check_export(*in, root, checker,
                                           [&](const Verdict& verdict, const std::string& line) {
                                               out.write_line(line);
                                               if (report) report->add(verdict);
                                               if (!args.fix_dir.empty() && all_errors_fixable(verdict)) {
                                                   auto fixes = fix_held_order(checker, verdict, root, args.fix_dir);
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
    return summary.by_verdict[std::size_t(VerdictKind::error)] > 0 ? exit_findings : exit_ok;
}

}  // namespace

CLI::App* add_check_command(CLI::App& app, CommandRun& run) {
    auto args = std::make_shared<CheckArgs>();
    auto* check = app.add_subcommand("check", "Check an order export (JSON Lines or a JSON array; '-' reads stdin).");
    check->add_option("EXPORT", args->export_file, "the order export; its folder is the root every path must stay in")->required();
    check->add_option("--policy", args->policy_file, "the shop's policy file: papers and check options (see `preflight checks`)");
    check->add_option("--now", args->now_text, "the time used for respond_by, ISO 8601 with offset (default: the clock)");
    check->add_option("-o,--output", args->output,
                      "write the verdicts to FILE instead of stdout; it appears whole when the run completes (until then: FILE.partial)");
    check->add_option("-j,--jobs", args->jobs, "orders checked at once (default: the number of cores)")->check(CLI::Range(0, 1024));
    check->add_option("--report", args->report_dir,
                      "also write DIR/index.html for the service team: orders that need someone first, findings outlined on the pages");
    check->add_option("--fix-dir", args->fix_dir,
                      "fix every held order whose errors are all fixable (bleed, text box, safe zone) into DIR/<order>/<n>/");
    check->add_flag("--resume", args->resume, "continue an interrupted run from FILE.partial (needs -o FILE): no order lost, none twice");
    check->add_option("--shard", args->shard,
                      "check only share K of N (K from 0: records whose number modulo N is K); env/N takes K from "
                      "JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID or AWS_BATCH_JOB_ARRAY_INDEX");
    check->callback([args, &run] { run = [args] { return run_check(*args); }; });
    return check;
}

}  // namespace preflight::cli
