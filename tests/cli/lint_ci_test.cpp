// `preflight lint` as a CI job runs it: folders searched for design.json in a fixed order, the
// library's root rule, exit 2 for a missing file, --max-warnings, colour only on a terminal,
// SARIF regions and rule metadata, and JUnit read by a JUnit consumer (python3-junitparser).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <sstream>

#include "support/test_support.hpp"

namespace preflight {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

class LintCi : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new testing::TempDir();
        testing::run_command(std::string(PREFLIGHT_MAKE_SAMPLES_PATH) + " " + (dir_->path() / "export").string() + " >/dev/null 2>&1");
    }
    static void TearDownTestSuite() { delete dir_; }
    static fs::path root() { return dir_->path() / "export"; }
    static testing::CommandResult lint(const std::string& args) {
        return testing::run_command("cd " + root().string() + " && " + PREFLIGHT_CLI_PATH + " lint " + args + " 2>/dev/null");
    }
    // The 1-based line of the first line of `file` holding `text`.
    static long line_of(const fs::path& file, const std::string& text) {
        std::ifstream in(file);
        std::string line;
        for (long number = 1; std::getline(in, line); ++number)
            if (line.find(text) != std::string::npos) return number;
        return -1;
    }
    static testing::TempDir* dir_;
};
testing::TempDir* LintCi::dir_ = nullptr;

std::vector<std::string> designs_of(const std::string& json_text) {
    std::vector<std::string> designs;
    for (const auto& result : Json::parse(json_text)) designs.push_back(result["design"]);
    return designs;
}

TEST_F(LintCi, FoldersAreSearchedInSortedOrderAndAreTheRoot) {
    auto result = lint("templates --format json");
    EXPECT_EQ(result.exit_code, 1);   // feest's overflowing names
    EXPECT_EQ(designs_of(result.out), (std::vector<std::string>{"templates/feest/design.json", "templates/rose/design.json"}));
    // The fonts beside the templates are inside the searched folder: no input finding.
    EXPECT_EQ(result.out.find("input.path_outside"), std::string::npos) << result.out;
    // The same designs, found from the folder above: same order every time.
    EXPECT_EQ(lint(". --format json").out, lint(". --format json").out);
}

// The library's rule (Checker::lint_design): a file given alone is confined to the current
// folder, or to its own folder when it lies outside the current one.
TEST_F(LintCi, AFileGivenAloneHasTheLibrarysRootTheCurrentFolder) {
    auto alone = lint("templates/rose/design.json --format json");
    EXPECT_EQ(alone.exit_code, 0) << alone.out;
    EXPECT_EQ(alone.out.find("input.path_outside"), std::string::npos) << alone.out;   // ../fonts is inside
    auto confined = lint("templates/rose/design.json --root templates/rose --format json");
    EXPECT_EQ(confined.exit_code, 1);
    EXPECT_NE(confined.out.find("input.path_outside"), std::string::npos) << confined.out;   // ../fonts is not
}

TEST_F(LintCi, MissingDesignOrEmptyFolderExitsTwoAndLintsNothing) {
    auto missing = lint("templates/rose/design.json no-such/design.json");
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_TRUE(missing.out.empty()) << missing.out;
    EXPECT_EQ(lint("templates/fonts").exit_code, 2);   // a folder without design.json
}

TEST_F(LintCi, MaxWarnings) {
    testing::write_text(root() / "strict.json", R"({"checks": {"text.too_small": {"min_pt": 40}}})");
    auto json = lint("templates/rose --root templates --policy strict.json --format json");
    long warnings = 0;
    for (const auto& result : Json::parse(json.out))
        for (const auto& finding : result["findings"]) warnings += finding["severity"] == "warning";
    ASSERT_GE(warnings, 2) << json.out;
    EXPECT_EQ(json.exit_code, 0);   // warnings never fail by default
    EXPECT_EQ(lint("templates/rose --root templates --policy strict.json --max-warnings " + std::to_string(warnings)).exit_code, 0);
    EXPECT_EQ(lint("templates/rose --root templates --policy strict.json --max-warnings " + std::to_string(warnings - 1)).exit_code, 1);
    EXPECT_EQ(lint("templates/rose --max-warnings -1").exit_code, 2);
}

TEST_F(LintCi, ColourOnlyOnATerminalAndNeverWithNoColor) {
    // script(1) gives the command a terminal; the test environment sets NO_COLOR=1.
    auto on_terminal = [&](const std::string& env) {
        return testing::run_command("cd " + root().string() + " && " + env + " TERM=xterm script -qec '" + PREFLIGHT_CLI_PATH +
                                    " lint templates' /dev/null < /dev/null").out;
    };
    EXPECT_NE(on_terminal("env -u NO_COLOR").find("\033[1;31merror"), std::string::npos);
    EXPECT_EQ(on_terminal("NO_COLOR=1").find('\033'), std::string::npos);
    EXPECT_EQ(lint("templates").out.find('\033'), std::string::npos);   // a pipe
}

TEST_F(LintCi, SarifPointsAtTheElementLineRelativeToTheRoot) {
    auto result = lint("templates --root templates --format sarif");
    EXPECT_EQ(result.exit_code, 1);
    Json run = Json::parse(result.out)["runs"][0];
    std::string base = run["originalUriBaseIds"]["ROOT"]["uri"];
    EXPECT_EQ(base, "file://" + (root() / "templates").string() + "/");
    ASSERT_EQ(run["results"].size(), 1u) << result.out;
    const Json& overflow = run["results"][0];
    EXPECT_EQ(overflow["ruleId"], "text.overflow");
    const Json& location = overflow["locations"][0]["physicalLocation"];
    EXPECT_EQ(location["artifactLocation"]["uri"], "feest/design.json");
    EXPECT_EQ(location["artifactLocation"]["uriBaseId"], "ROOT");
    long expected_line = line_of(root() / "templates/feest/design.json", "\"id\": \"names\"");
    ASSERT_GT(expected_line, 0);
    EXPECT_EQ(location["region"]["startLine"], expected_line);
    EXPECT_GT(location["region"]["startColumn"].get<long>(), 1);
    for (const Json& number : overflow["properties"]["where_mm"]) {
        double value = number.get<double>();
        EXPECT_NEAR(value * 100, std::round(value * 100), 1e-6) << value;   // 2 decimals
    }
    const Json& rule = run["tool"]["driver"]["rules"][0];
    EXPECT_EQ(rule["id"], "text.overflow");
    EXPECT_EQ(rule["name"], "TextOverflow");
    EXPECT_FALSE(rule["shortDescription"]["text"].get<std::string>().empty());
    EXPECT_NE(rule["fullDescription"]["text"], rule["shortDescription"]["text"]);
    EXPECT_NE(rule["help"]["text"].get<std::string>().find("tolerance_mm"), std::string::npos);
    std::string help_uri = rule["helpUri"];
    EXPECT_EQ(help_uri.substr(help_uri.size() - 14), "#text.overflow");
    // Without --root the URIs are relative to the current folder.
    Json plain = Json::parse(lint("templates --format sarif").out)["runs"][0];
    EXPECT_EQ(plain["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "templates/feest/design.json");
}

TEST_F(LintCi, JUnitIsReadByAJUnitConsumer) {
    auto result = lint("templates --format junit");
    EXPECT_EQ(result.exit_code, 1);
    testing::write_text(root() / "lint.xml", result.out);
    testing::write_text(root() / "read_junit.py", R"(import sys
from junitparser import JUnitXml, Failure
xml = JUnitXml.fromfile(sys.argv[1])
for suite in xml:
    for case in suite:
        failed = any(isinstance(r, Failure) for r in case.result)
        print(case.name, "failed" if failed else "passed", suite.tests, suite.failures)
)");
    auto read = testing::run_command("/usr/bin/python3 " + (root() / "read_junit.py").string() + " " + (root() / "lint.xml").string());
    ASSERT_EQ(read.exit_code, 0) << read.out;
    EXPECT_EQ(read.out, "templates/feest/design.json failed 2 1\ntemplates/rose/design.json passed 2 1\n");
}

}  // namespace
}  // namespace preflight
