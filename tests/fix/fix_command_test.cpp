// `preflight fix` end to end: exit codes (0 fixed, 1 errors remain, 2 nothing written), the
// output folder, and `preflight lint` on the corrected design. Skipped while the subcommand is
// not wired into cli/main.cpp.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <sys/wait.h>

#include "fix/fix_card.hpp"
#include "support/test_support.hpp"

namespace preflight {
namespace {

namespace fs = std::filesystem;

using CommandRun = testing::CommandResult;

CommandRun run(const std::string& command) { return testing::run_command(command + " 2>&1"); }

class FixCommand : public ::testing::Test {
protected:
    void SetUp() override {
        // (`fix --help` on an app without the subcommand prints the app's help and exits 0.)
        if (run(std::string(PREFLIGHT_CLI_PATH) + " --help").out.find("Fix what is safe") == std::string::npos)
            GTEST_SKIP() << "the fix subcommand is not wired into cli/main.cpp yet";
    }
    CommandRun in_root(const std::string& arguments) const {
        return run("cd " + dir_.path().string() + " && " + PREFLIGHT_CLI_PATH + " " + arguments);
    }
    testing::TempDir dir_;
};

TEST_F(FixCommand, FixesAndTheCorrectedDesignLintsClean) {
    testing::write_fix_card(dir_.path(), false);
    EXPECT_EQ(in_root("lint card/design.json --root .").exit_code, 1);
    const CommandRun fixed = in_root("fix card/design.json -o card-fixed");
    EXPECT_EQ(fixed.exit_code, 0) << fixed.out;
    EXPECT_NE(fixed.out.find("applied\tbleed.coverage"), std::string::npos) << fixed.out;
    EXPECT_NE(fixed.out.find("needs re-render"), std::string::npos) << fixed.out;
    for (const char* file : {"design.json", "changes.json", "front.png"}) EXPECT_TRUE(fs::exists(dir_ / "card-fixed" / file)) << file;
    const CommandRun lint = in_root("lint card-fixed/design.json --root . --format json");
    EXPECT_EQ(lint.exit_code, 0) << lint.out;
}

TEST_F(FixCommand, ExitsOneWhenAnErrorStaysUnfixed) {
    testing::write_fix_card(dir_.path(), true);
    const CommandRun fixed = in_root("fix card/design.json -o card-fixed");
    EXPECT_EQ(fixed.exit_code, 1) << fixed.out;
    EXPECT_NE(fixed.out.find("unfixed\ttext.overflow\tfront/t3"), std::string::npos) << fixed.out;
    std::ifstream in(dir_ / "card-fixed" / "changes.json");
    const auto changes = nlohmann::json::parse(in);
    EXPECT_GE(changes["applied"].get<int>(), 6);
}

TEST_F(FixCommand, ExitsTwoAndWritesNothingForBrokenInputOrUsage) {
    testing::write_fix_card(dir_.path(), false);
    fs::remove(dir_ / "card" / "front.png");
    EXPECT_EQ(in_root("fix card/design.json -o card-fixed").exit_code, 2);
    EXPECT_FALSE(fs::exists(dir_ / "card-fixed"));
    EXPECT_EQ(in_root("fix card/design.json").exit_code, 2);   // no -o
    EXPECT_EQ(in_root("fix card/design.json -o card").exit_code, 2);   // over the original
}

}  // namespace
}  // namespace preflight
