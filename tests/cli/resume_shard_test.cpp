// Crash safety and sharding: a run killed half-way (SIGKILL) completes with --resume, with
// exactly one verdict per order; SIGTERM stops cleanly; shards union to the single run.
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <fcntl.h>
#include <unistd.h>

#include "support/test_support.hpp"

namespace preflight {
namespace {

namespace fs = std::filesystem;

class ResumeAndShard : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new testing::TempDir();
        ASSERT_EQ(testing::run_to_end({PREFLIGHT_MAKE_SAMPLES_PATH, (dir_->path() / "export").string()}), 0);
        // A longer export: the sample orders repeated, so a run takes a few seconds.
        std::string orders = testing::read_file(dir_->path() / "export/orders.jsonl");
        std::ofstream out(dir_->path() / "export/long.jsonl");
        for (int i = 0; i < 12; ++i) out << orders;
    }
    static void TearDownTestSuite() { delete dir_; }
    static std::vector<std::string> check_args(const std::string& output, std::vector<std::string> extra = {}) {
        std::vector<std::string> args = {PREFLIGHT_CLI_PATH, "check", (dir_->path() / "export/long.jsonl").string(),
                                         "--policy", (dir_->path() / "export/policy.json").string(),
                                         "--now", "2026-11-25T10:00:00+01:00", "-o", output};
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    }
    static testing::TempDir* dir_;
};
testing::TempDir* ResumeAndShard::dir_ = nullptr;

// Starts a run, waits until `min_lines` verdicts are in FILE.partial, then sends `signal_number`.
int interrupt_run(const std::vector<std::string>& args, const fs::path& partial, long min_lines, int signal_number) {
    const pid_t pid = testing::spawn(args);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline && testing::count_lines(partial) < min_lines)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    ::kill(pid, signal_number);
    return testing::wait_exit(pid);
}

TEST_F(ResumeAndShard, KilledRunCompletesWithResume) {
    fs::path reference = dir_->path() / "reference.jsonl";
    ASSERT_EQ(testing::run_to_end(check_args(reference.string(), {"--jobs", "1"})), 1);
    long total = testing::count_lines(reference);
    ASSERT_GT(total, 200);

    fs::path output = dir_->path() / "killed.jsonl";
    fs::path partial = dir_->path() / "killed.jsonl.partial";
    int killed = interrupt_run(check_args(output.string(), {"--jobs", "2"}), partial, 30, SIGKILL);
    EXPECT_EQ(killed, 128 + SIGKILL);
    EXPECT_FALSE(fs::exists(output));           // never a half-written FILE
    long done = testing::count_lines(partial);
    EXPECT_GE(done, 30);
    EXPECT_LT(done, total);                     // really half-way

    EXPECT_EQ(testing::run_to_end(check_args(output.string(), {"--jobs", "2", "--resume"})), 1);
    EXPECT_FALSE(fs::exists(partial));
    EXPECT_EQ(testing::read_file(output), testing::read_file(reference)); // every order once, in order
}

TEST_F(ResumeAndShard, TermFinishesInFlightOrdersAndSaysSo) {
    fs::path output = dir_->path() / "term.jsonl";
    fs::path partial = dir_->path() / "term.jsonl.partial";
    int code = interrupt_run(check_args(output.string(), {"--jobs", "2"}), partial, 10, SIGTERM);
    EXPECT_EQ(code, 128 + SIGTERM);
    EXPECT_FALSE(fs::exists(output));
    std::string text = testing::read_file(partial);
    EXPECT_FALSE(text.empty());
    EXPECT_EQ(text.back(), '\n');               // whole lines only
    EXPECT_EQ(testing::run_to_end(check_args(output.string(), {"--resume"})), 1);
    EXPECT_EQ(testing::count_lines(output), testing::count_lines(dir_->path() / "export/long.jsonl"));
}

TEST_F(ResumeAndShard, ShardsAreDisjointAndTogetherTheWholeRun) {
    fs::path whole = dir_->path() / "whole.jsonl";
    testing::run_to_end(check_args(whole.string(), {"--jobs", "2"}));
    std::vector<std::string> all_lines;
    for (int k = 0; k < 3; ++k) {
        fs::path part = dir_->path() / ("shard" + std::to_string(k) + ".jsonl");
        testing::run_to_end(check_args(part.string(), {"--shard", std::to_string(k) + "/3"}));
        std::istringstream in(testing::read_file(part));
        for (std::string line; std::getline(in, line);) all_lines.push_back(line);
    }
    // Each line carries its input line number: sorted by it, the shards are the whole run.
    auto line_number = [](const std::string& json) {
        auto at = json.find("\"line\":");
        return std::stol(json.substr(at + 7));
    };
    std::sort(all_lines.begin(), all_lines.end(),
              [&](const std::string& a, const std::string& b) { return line_number(a) < line_number(b); });
    std::string joined;
    for (const auto& line : all_lines) joined += line + "\n";
    EXPECT_EQ(joined, testing::read_file(whole));
}

TEST_F(ResumeAndShard, ShardFromTheSchedulersIndex) {
    fs::path by_env = dir_->path() / "env.jsonl", by_flag = dir_->path() / "flag.jsonl";
    ::setenv("JOB_COMPLETION_INDEX", "1", 1);
    testing::run_to_end(check_args(by_env.string(), {"--shard", "env/4"}));
    ::unsetenv("JOB_COMPLETION_INDEX");
    testing::run_to_end(check_args(by_flag.string(), {"--shard", "1/4"}));
    EXPECT_FALSE(testing::read_file(by_flag).empty());
    EXPECT_EQ(testing::read_file(by_env), testing::read_file(by_flag));
    EXPECT_EQ(testing::run_to_end(check_args(by_flag.string(), {"--shard", "4/4"})), 2);
}

}  // namespace
}  // namespace preflight
