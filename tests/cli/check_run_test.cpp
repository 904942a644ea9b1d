// `preflight check` as cron and Kubernetes run it: one summary line on stderr every run
// (--quiet drops it), --stats JSON, a warning for an empty export, every argument and output
// path refused before any order (exit 2), and the CLI conventions (--version, did-you-mean,
// per-command help, progress only on a terminal and never inside a verdict line).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <fstream>
#include <regex>
#include <sstream>

#include "support/test_support.hpp"

namespace preflight {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

class CheckRun : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new testing::TempDir();
        testing::run_command(std::string(PREFLIGHT_MAKE_SAMPLES_PATH) + " " + (dir_->path() / "export").string() + " >/dev/null 2>&1");
    }
    static void TearDownTestSuite() { delete dir_; }
    static fs::path root() { return dir_->path() / "export"; }
    // Runs `preflight ARGS` in the export folder (with `env` before it), stdout and stderr apart.
    static testing::ShellOutcome preflight(const std::string& args, const std::string& env = "") {
        return testing::run_shell("cd " + root().string() + " && " + env + " " + PREFLIGHT_CLI_PATH + " " + args);
    }
    static testing::TempDir* dir_;
};
testing::TempDir* CheckRun::dir_ = nullptr;

const std::string check_samples = "check orders.jsonl --policy policy.json --now 2026-11-25T10:00:00+01:00 ";

TEST_F(CheckRun, EveryRunEndsWithOneSummaryLineOnStderr) {
    auto run = preflight(check_samples + "--jobs 2");
    EXPECT_EQ(run.exit_code, 1);
    std::map<std::string, long> counted;
    std::istringstream lines(run.out);
    std::string line;
    long orders = 0;
    while (std::getline(lines, line)) ++counted[Json::parse(line)["verdict"]], ++orders;
    std::smatch match;
    ASSERT_TRUE(std::regex_search(run.err, match, std::regex(R"(preflight: (\d+) orders in ([0-9.]+) s \(([0-9.]+) orders/s\): (\d+) release, (\d+) hold, (\d+) cancel, (\d+) skip, (\d+) error\n$)")))
        << run.err;
    EXPECT_EQ(std::stol(match[1]), orders);
    EXPECT_EQ(std::stol(match[4]), counted["release"]);
    EXPECT_EQ(std::stol(match[5]), counted["hold"]);
    EXPECT_EQ(std::stol(match[6]), counted["cancel"]);
    EXPECT_EQ(std::stol(match[7]), counted["skip"]);
    EXPECT_EQ(std::stol(match[8]), counted["error"]);
    auto quiet = preflight(check_samples + "--quiet");
    EXPECT_EQ(quiet.exit_code, 1);
    EXPECT_EQ(quiet.err.find("orders in"), std::string::npos) << quiet.err;
    EXPECT_EQ(quiet.out, run.out);
}

TEST_F(CheckRun, StatsFileCountsWhatTheVerdictsSay) {
    fs::path stats_file = dir_->path() / "stats.json";
    auto run = preflight(check_samples + "--stats " + stats_file.string());
    EXPECT_EQ(run.exit_code, 1);
    Json stats = Json::parse(testing::read_file(stats_file));
    std::map<std::string, long> verdicts;
    std::map<std::string, long> errors_by_check;
    long orders = 0;
    std::istringstream lines(run.out);
    for (std::string line; std::getline(lines, line); ++orders) {
        Json verdict = Json::parse(line);
        ++verdicts[verdict["verdict"]];
        for (const auto& finding : verdict["findings"]) errors_by_check[finding["check"]] += finding["severity"] == "error";
    }
    EXPECT_EQ(stats["orders"], orders);
    for (const char* kind : {"release", "hold", "cancel", "skip", "error"}) EXPECT_EQ(stats["verdicts"][kind], verdicts[kind]) << kind;
    for (const auto& [check, errors] : errors_by_check) EXPECT_EQ(stats["findings_by_check"][check]["error"], errors) << check;
    const Json& timing = stats["order_interval_ms"];
    EXPECT_LE(timing["p50"].get<double>(), timing["p95"].get<double>());
    EXPECT_LE(timing["p95"].get<double>(), timing["max"].get<double>());
    EXPECT_GT(timing["max"].get<double>(), 1.0);        // decoding a page takes longer than a millisecond
    // Each order's own time: ordered, a page decode is more than a millisecond, and no order
    // took longer than the whole run.
    const Json& own = stats["order_check_ms"];
    EXPECT_LE(own["p50"].get<double>(), own["p95"].get<double>());
    EXPECT_LE(own["p95"].get<double>(), own["max"].get<double>());
    EXPECT_GT(own["max"].get<double>(), 1.0);
    EXPECT_LE(own["max"].get<double>(), stats["seconds"].get<double>() * 1000 + 10);
    EXPECT_GT(stats["pages_decoded"].get<long>(), 10);  // the sample designs have front and back pages
    EXPECT_GT(stats["peak_memory_mb"].get<double>(), 20.0);
    EXPECT_GT(stats["orders_per_second"].get<double>(), 0.0);
}

TEST_F(CheckRun, AnInterruptedRunStillWritesItsSummaryAndStats) {
    std::string orders = testing::read_file(root() / "orders.jsonl"), many;
    // Long enough that the run is still going when the signal comes, however fast it gets.
    constexpr int copies = 300;
    for (int i = 0; i < copies; ++i) many += orders;
    testing::write_text(root() / "many.jsonl", many);
    fs::path stats_file = dir_->path() / "interrupted-stats.json";
    auto run = preflight("check many.jsonl --policy policy.json --jobs 1 -o many-verdicts.jsonl --stats " + stats_file.string(),
                         "timeout --preserve-status -s TERM 2");
    EXPECT_EQ(run.exit_code, 128 + 15) << run.err;
    EXPECT_NE(run.err.find("stopped by signal 15"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find(" orders in "), std::string::npos) << run.err;
    Json stats = Json::parse(testing::read_file(stats_file));
    EXPECT_TRUE(stats["interrupted"].get<bool>());
    EXPECT_GT(stats["orders"].get<long>(), 0);
    EXPECT_LT(stats["orders"].get<long>(), copies * 21);
}

TEST_F(CheckRun, AnEmptyExportWarnsAndExitsZero) {
    testing::write_text(root() / "empty.jsonl", "\n");
    auto run = preflight("check empty.jsonl --policy policy.json");
    EXPECT_EQ(run.exit_code, 0);
    EXPECT_TRUE(run.out.empty());
    EXPECT_NE(run.err.find("warning: no orders in 'empty.jsonl'"), std::string::npos) << run.err;
}

TEST_F(CheckRun, ArgumentAndPathErrorsComeBeforeAnyOrder) {
    std::string export_before = testing::read_file(root() / "orders.jsonl");
    struct Case {
        std::string args, env, says;
    };
    const Case cases[] = {
        {"check . --policy policy.json", "", "export '.' is a folder"},
        {"check SP-1001 --policy policy.json", "", "export 'SP-1001' is a folder"},
        {"check SP-1001/orders.jsonl --policy policy.json", "", "does not exist"},
        {check_samples + "-o orders.jsonl", "", "is the export itself"},
        {check_samples + "-o ./orders.jsonl", "", "is the export itself"},
        {check_samples + "-o SP-1001", "", "is a folder"},
        {check_samples + "--report orders.jsonl/report", "", "--report 'orders.jsonl/report' cannot be created"},
        {check_samples + "--report policy.json", "", "is a file, not a folder"},
        {check_samples + "--stats no-such-folder/stats.json", "", "does not exist or cannot be written"},
        {check_samples + "--jobs abc", "", "0 (one per core)"},
        {check_samples + "--jobs 2000", "", "0 (one per core)"},
        {check_samples + "--shard 1/4x", "", "--shard '1/4x'"},
        {check_samples + "--shard 4/4", "", "from 0 to N-1 = 3"},
        {check_samples + "--shard env/4", "JOB_COMPLETION_INDEX=7", "JOB_COMPLETION_INDEX=7 must lie from 0 to N-1 = 3"},
        {check_samples + "--shard env/4", "env -u JOB_COMPLETION_INDEX", "needs JOB_COMPLETION_INDEX"},
        {"check orders.jsonl --policy policy.json --now yesterday", "", "--now 'yesterday'"},
    };
    for (const auto& c : cases) {
        auto run = preflight(c.args, c.env);
        EXPECT_EQ(run.exit_code, 2) << c.args << "\n" << run.err;
        EXPECT_TRUE(run.out.empty()) << c.args;
        EXPECT_EQ(run.err.find("orders in"), std::string::npos) << c.args << ": " << run.err;   // nothing was checked
        EXPECT_NE(run.err.find(c.says), std::string::npos) << c.args << ": " << run.err;
    }
    EXPECT_EQ(testing::read_file(root() / "orders.jsonl"), export_before);
    EXPECT_FALSE(fs::exists(root() / "orders.jsonl.partial"));
}

// /proc/self/mem opens but every read fails (EIO): the run ends with its reason and exit 2,
// never with std::terminate (exit 134) from an exception thrown while workers run.
TEST_F(CheckRun, AReadErrorInTheExportEndsTheRunWithItsReason) {
    for (const char* jobs : {"1", "2"}) {
        auto run = preflight("check /proc/self/mem --policy policy.json --jobs " + std::string(jobs));
        EXPECT_EQ(run.exit_code, 2) << run.err;
        EXPECT_NE(run.err.find("reading the export failed after 0 orders: Input/output error"), std::string::npos) << run.err;
    }
}

TEST_F(CheckRun, VersionNamesTheLibrariesAndTheSimdTarget) {
    auto run = preflight("--version");
    EXPECT_EQ(run.exit_code, 0);
    for (const char* part : {"preflight 0.", "libvips 8.", "HarfBuzz ", "FreeType 2.", "OpenCV 4.", "SIMD target: "})
        EXPECT_NE(run.out.find(part), std::string::npos) << part << "\n" << run.out;
    EXPECT_NE(preflight("--version", "PREFLIGHT_SIMD=off").out.find("SIMD target: scalar"), std::string::npos);
}

TEST_F(CheckRun, DidYouMeanForCommandsAndOptions) {
    auto command = preflight("chek orders.jsonl");
    EXPECT_EQ(command.exit_code, 2);
    EXPECT_NE(command.err.find("unknown command 'chek'; did you mean 'check'?"), std::string::npos) << command.err;
    auto option = preflight("check orders.jsonl --polcy policy.json");
    EXPECT_EQ(option.exit_code, 2);
    EXPECT_NE(option.err.find("unknown option '--polcy' of check; did you mean '--policy'?"), std::string::npos) << option.err;
    auto lint_option = preflight("lint templates --max-warning 3");
    EXPECT_NE(lint_option.err.find("did you mean '--max-warnings'?"), std::string::npos) << lint_option.err;
}

TEST_F(CheckRun, EachCommandHasItsOwnHelpAndExitCodes) {
    auto fix = preflight("fix --help");
    EXPECT_EQ(fix.exit_code, 0);
    EXPECT_NE(fix.out.find("Exit codes: 0 written, no error left"), std::string::npos) << fix.out;
    EXPECT_EQ(fix.out.find("every order has its verdict"), std::string::npos) << fix.out;
    auto check = preflight("check --help");
    EXPECT_NE(check.out.find("0 (the default) = one per core"), std::string::npos) << check.out;
    EXPECT_NE(check.out.find("--report DIR"), std::string::npos) << check.out;
    EXPECT_NE(check.out.find("--policy FILE"), std::string::npos) << check.out;
    EXPECT_NE(check.out.find("also when the export has no orders"), std::string::npos) << check.out;
    auto lint = preflight("lint --help");
    EXPECT_NE(lint.out.find("--max-warnings N"), std::string::npos) << lint.out;
    EXPECT_NE(lint.out.find("Exit codes: 0 no error finding"), std::string::npos) << lint.out;
}

// What a terminal shows of each line: the text after the last carriage return, without the
// erase-line code.
std::vector<std::string> shown_lines(const std::string& typescript) {
    std::vector<std::string> shown;
    std::istringstream in(typescript);
    for (std::string line; std::getline(in, line);) {
        while (!line.empty() && line.back() == '\r') line.pop_back();
        line = line.substr(line.rfind('\r') == std::string::npos ? 0 : line.rfind('\r') + 1);
        for (auto at = line.find("\033[K"); at != std::string::npos; at = line.find("\033[K")) line.erase(at, 3);
        shown.push_back(line);
    }
    return shown;
}

TEST_F(CheckRun, ProgressShowsTotalAndTimeLeftOnATerminalAndNeverMixesWithVerdicts) {
    // script(1): stdout and stderr are the same terminal.
    auto typescript = testing::run_command("cd " + root().string() + " && TERM=xterm script -qec '" + PREFLIGHT_CLI_PATH + " " +
                                           check_samples + "--jobs 1' /dev/null < /dev/null");
    EXPECT_NE(typescript.out.find("/21 orders ("), std::string::npos) << typescript.out;   // done/total
    EXPECT_NE(typescript.out.find("%), "), std::string::npos);
    EXPECT_NE(typescript.out.find(" left"), std::string::npos);
    long verdicts = 0;
    for (const auto& line : shown_lines(typescript.out)) {
        if (line.find("order_id") == std::string::npos) continue;
        ++verdicts;
        Json verdict;
        EXPECT_NO_THROW(verdict = Json::parse(line)) << line;
    }
    EXPECT_EQ(verdicts, 21);
    // Not a terminal: no progress at all.
    auto piped = preflight(check_samples + "--jobs 1");
    EXPECT_EQ(piped.err.find(" left"), std::string::npos) << piped.err;
    EXPECT_EQ(piped.err.find('\r'), std::string::npos);
}

}  // namespace
}  // namespace preflight
