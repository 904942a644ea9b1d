// `preflight lint` on the sample collection templates: exit codes, and JUnit XML and SARIF
// that real parsers accept (expat for the XML; the SARIF 2.1.0 structure checked field by field).
#include <expat.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <sys/wait.h>

#include "support/test_support.hpp"

namespace preflight {
namespace {

namespace fs = std::filesystem;

using CommandRun = testing::CommandResult;

CommandRun run(const std::string& command) { return testing::run_command(command + " 2>/dev/null"); }

class LintCommand : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new testing::TempDir();
        run(std::string(PREFLIGHT_MAKE_SAMPLES_PATH) + " " + (dir_->path() / "export").string());
    }
    static void TearDownTestSuite() { delete dir_; }
    static CommandRun lint(const std::string& designs, const std::string& format) {
        return run("cd " + (dir_->path() / "export").string() + " && " + PREFLIGHT_CLI_PATH + " lint " + designs +
                   " --root . --format " + format);
    }
    static testing::TempDir* dir_;
};
testing::TempDir* LintCommand::dir_ = nullptr;

struct JUnitCounts {
    int testcases = 0, failures = 0;
    std::vector<std::string> names;
};

TEST_F(LintCommand, ExitCodes) {
    EXPECT_EQ(lint("templates/rose/design.json", "text").exit_code, 0);
    EXPECT_EQ(lint("templates/feest/design.json", "text").exit_code, 1);
    EXPECT_EQ(lint("templates/rose/design.json", "yaml").exit_code, 2);
}

TEST_F(LintCommand, JUnitIsWellFormedXml) {
    auto result = lint("templates/rose/design.json templates/feest/design.json", "junit");
    EXPECT_EQ(result.exit_code, 1);
    JUnitCounts counts;
    XML_Parser parser = XML_ParserCreate("UTF-8");
    XML_SetUserData(parser, &counts);
    XML_SetStartElementHandler(parser, [](void* data, const XML_Char* name, const XML_Char** attributes) {
        auto* c = static_cast<JUnitCounts*>(data);
        if (std::string(name) == "testcase") {
            ++c->testcases;
            for (int i = 0; attributes[i]; i += 2)
                if (std::string(attributes[i]) == "name") c->names.push_back(attributes[i + 1]);
        }
        if (std::string(name) == "failure") ++c->failures;
    });
    ASSERT_EQ(XML_Parse(parser, result.out.data(), int(result.out.size()), 1), XML_STATUS_OK)
        << XML_ErrorString(XML_GetErrorCode(parser)) << "\n" << result.out;
    XML_ParserFree(parser);
    EXPECT_EQ(counts.testcases, 2);
    EXPECT_EQ(counts.failures, 1);
    EXPECT_EQ(counts.names, (std::vector<std::string>{"templates/rose/design.json", "templates/feest/design.json"}));
}

TEST_F(LintCommand, SarifHasTheStructureOf210) {
    auto result = lint("templates/rose/design.json templates/feest/design.json", "sarif");
    auto sarif = nlohmann::json::parse(result.out);
    EXPECT_EQ(sarif["version"], "2.1.0");
    ASSERT_EQ(sarif["runs"].size(), 1u);
    const auto& run0 = sarif["runs"][0];
    EXPECT_EQ(run0["tool"]["driver"]["name"], "preflight");
    const auto& rules = run0["tool"]["driver"]["rules"];
    ASSERT_FALSE(run0["results"].empty());
    for (const auto& r : run0["results"]) {
        EXPECT_TRUE(r["ruleId"].is_string());
        EXPECT_EQ(rules[r["ruleIndex"].get<int>()]["id"], r["ruleId"]);
        EXPECT_TRUE(r["level"] == "error" || r["level"] == "warning" || r["level"] == "note");
        EXPECT_FALSE(r["message"]["text"].get<std::string>().empty());
        EXPECT_EQ(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "templates/feest/design.json");
    }
}

TEST_F(LintCommand, GithubAnnotations) {
    auto result = lint("templates/feest/design.json", "github");
    EXPECT_EQ(result.out.rfind("::error file=templates/feest/design.json,line=28,col=11,title=text.overflow::", 0), 0u) << result.out;
}

}  // namespace
}  // namespace preflight
