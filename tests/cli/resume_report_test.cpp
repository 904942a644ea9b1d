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

std::string slurp(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

long count_lines(const fs::path& file) {
    std::string text = slurp(file);
    return long(std::count(text.begin(), text.end(), '\n'));
}

pid_t start(const std::vector<std::string>& args) {
    pid_t pid = ::fork();
    if (pid == 0) {
        std::vector<char*> argv;
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        int devnull = ::open("/dev/null", O_WRONLY);
        ::dup2(devnull, 2);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    return pid;
}

int wait_for(pid_t pid) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The report's verdict counts ("release" -> 120, ...).
std::map<std::string, long> report_counts(const fs::path& index) {
    std::map<std::string, long> counts;
    const std::string html = slurp(index);
    std::regex count(R"re(id="count-([a-z]+)"><b>(\d+)</b>)re");
    for (std::sregex_iterator it(html.begin(), html.end(), count), end; it != end; ++it)
        counts[(*it)[1]] = std::stol((*it)[2]);
    return counts;
}

TEST(ResumeReport, ReportOfAResumedRunCountsEveryOrder) {
    testing::TempDir dir;
    ASSERT_EQ(testing::run_command(std::string(PREFLIGHT_MAKE_SAMPLES_PATH) + " " + (dir / "export").string() + " >/dev/null 2>&1").exit_code, 0);
    const std::string orders = slurp(dir / "export/orders.jsonl");
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
    ASSERT_EQ(wait_for(start(args("whole.jsonl", "whole-report"))), 1);
    const long total = count_lines(dir / "whole.jsonl");
    const auto whole = report_counts(dir / "whole-report/index.html");
    long whole_sum = 0;
    for (const auto& [kind, n] : whole) whole_sum += n;
    ASSERT_EQ(whole_sum, total);

    pid_t run = start(args("killed.jsonl", "killed-report"));
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (std::chrono::steady_clock::now() < deadline && count_lines(dir / "killed.jsonl.partial") < total / 3)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    ::kill(run, SIGKILL);
    EXPECT_EQ(wait_for(run), 128 + SIGKILL);
    const long before_kill = count_lines(dir / "killed.jsonl.partial");
    ASSERT_GE(before_kill, total / 3);
    ASSERT_LT(before_kill, total);

    ASSERT_EQ(wait_for(start(args("killed.jsonl", "killed-report", {"--resume"}))), 1);
    EXPECT_EQ(slurp(dir / "killed.jsonl"), slurp(dir / "whole.jsonl"));
    EXPECT_EQ(report_counts(dir / "killed-report/index.html"), whole);   // every order, each once
}

}  // namespace
}  // namespace preflight
