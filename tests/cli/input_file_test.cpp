// The CLI's own inputs: a FIFO (or a folder) as the export or as --policy is refused at once
// with a message instead of blocking the run forever; stdin "-" still works.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

#include "support/test_support.hpp"

namespace preflight {
namespace {

namespace fs = std::filesystem;

struct Timed {
    int exit_code = -1;
    std::string out, err;
    double seconds = 0;
};

Timed run(const testing::TempDir& dir, const std::string& args) {
    fs::path err = dir / "stderr.txt";
    auto start = std::chrono::steady_clock::now();
    // `timeout` ends a run that hangs, so a regression fails the test instead of stalling the suite.
    auto result = testing::run_command("timeout 20 " + std::string(PREFLIGHT_CLI_PATH) + " check " + args + " 2>" + err.string());
    Timed timed{result.exit_code, result.out, "", std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()};
    std::ifstream in(err);
    std::stringstream text;
    text << in.rdbuf();
    timed.err = text.str();
    return timed;
}

TEST(CheckInputs, FifoAsExportOrPolicyIsRefusedAtOnce) {
    testing::TempDir dir;
    ASSERT_EQ(testing::run_command(std::string(PREFLIGHT_MAKE_SAMPLES_PATH) + " " + (dir / "export").string() + " >/dev/null 2>&1").exit_code, 0);
    fs::path fifo = dir / "export/pipe.jsonl";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
    const std::string now = " --now 2026-11-25T10:00:00+01:00";

    Timed as_export = run(dir, fifo.string() + now);
    EXPECT_EQ(as_export.exit_code, 2);
    EXPECT_LT(as_export.seconds, 10);
    EXPECT_NE(as_export.err.find("it is a FIFO"), std::string::npos) << as_export.err;

    Timed as_policy = run(dir, (dir / "export/orders.jsonl").string() + " --policy " + fifo.string() + now);
    EXPECT_EQ(as_policy.exit_code, 2);
    EXPECT_LT(as_policy.seconds, 10);
    EXPECT_NE(as_policy.err.find("it is a FIFO"), std::string::npos) << as_policy.err;

    Timed as_folder = run(dir, (dir / "export").string() + now);
    EXPECT_EQ(as_folder.exit_code, 2);
    EXPECT_NE(as_folder.err.find("is a folder"), std::string::npos) << as_folder.err;

    // Standard input stays a valid export.
    Timed from_stdin = run(dir, "- --policy " + (dir / "export/policy.json").string() + now + " < " +
                                    (dir / "export/orders.jsonl").string());
    EXPECT_EQ(from_stdin.exit_code, 1) << from_stdin.err;
    EXPECT_GT(std::count(from_stdin.out.begin(), from_stdin.out.end(), '\n'), 10);
}

}  // namespace
}  // namespace preflight
