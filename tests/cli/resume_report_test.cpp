// --resume --report: the report of a run killed half-way and resumed counts every order of
// the export, the part written before the kill read back from FILE.partial.
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <fstream>
#include <regex>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "support/test_support.hpp"

namespace preflight {
namespace {

namespace fs = std::filesystem;

// The report's verdict counts ("release" -> 120, ...).
std::map<std::string, long> report_counts(const fs::path& index) {
    std::map<std::string, long> counts;
    const std::string html = testing::read_file(index);
    std::regex count(R"re(id="count-([a-z]+)"><b>(\d+)</b>)re");
    for (std::sregex_iterator it(html.begin(), html.end(), count), end; it != end; ++it)
        counts[(*it)[1]] = std::stol((*it)[2]);
    return counts;
}

TEST(ResumeReport, ReportOfAResumedRunCountsEveryOrder) {
    testing::TempDir dir;
    ASSERT_EQ(testing::run_command(std::string(PREFLIGHT_MAKE_SAMPLES_PATH) + " " + (dir / "export").string() + " >/dev/null 2>&1").exit_code, 0);
    const std::string orders = testing::read_file(dir / "export/orders.jsonl");
    {
        std::ofstream out(dir / "export/long.jsonl");
        for (int i = 0; i < 8; ++i) out << orders;
    }
    auto args = [&](const std::string& output, const std::string& report, std::vector<std::string> extra = {}) {
        std::vector<std::string> a = {PREFLIGHT_CLI_PATH, "check", (dir / "export/long.jsonl").string(), "--policy",
                                      (dir / "export/policy.json").string(), "--now", "2026-11-25T10:00:00+01:00",
                                      "--jobs", "2", "-o", (dir / output).string(), "--report", (dir / report).string()};
        a.insert(a.end(), extra.begin(), extra.end());
        return a;
    };
    ASSERT_EQ(testing::run_to_end((args("whole.jsonl", "whole-report"))), 1);
    const long total = testing::count_lines(dir / "whole.jsonl");
    const auto whole = report_counts(dir / "whole-report/index.html");
    long whole_sum = 0;
    for (const auto& [kind, n] : whole) whole_sum += n;
    ASSERT_EQ(whole_sum, total);

    pid_t run = testing::spawn(args("killed.jsonl", "killed-report"));
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (std::chrono::steady_clock::now() < deadline && testing::count_lines(dir / "killed.jsonl.partial") < total / 3)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    ::kill(run, SIGKILL);
    EXPECT_EQ(testing::wait_exit(run), 128 + SIGKILL);
    const long before_kill = testing::count_lines(dir / "killed.jsonl.partial");
    ASSERT_GE(before_kill, total / 3);
    ASSERT_LT(before_kill, total);

    ASSERT_EQ(testing::run_to_end((args("killed.jsonl", "killed-report", {"--resume"}))), 1);
    EXPECT_EQ(testing::read_file(dir / "killed.jsonl"), testing::read_file(dir / "whole.jsonl"));
    EXPECT_EQ(report_counts(dir / "killed-report/index.html"), whole);   // every order, each once
}

}  // namespace
}  // namespace preflight
