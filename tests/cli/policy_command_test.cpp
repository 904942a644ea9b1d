// The policy through the command line: a typo stops the run before any order (exit 2, key
// path, nearest key); foil on a paper nobody knows holds the order, with or without a policy.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "support/test_support.hpp"

namespace preflight {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

class PolicyCommand : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new testing::TempDir();
        ASSERT_EQ(testing::run_command(std::string(PREFLIGHT_MAKE_SAMPLES_PATH) + " " + (dir_->path() / "export").string() +
                                       " >/dev/null 2>&1").exit_code, 0);
        // The sample's gold-foil order on recycled-300, alone in its own export.
        std::ifstream in(dir_->path() / "export" / "orders.jsonl");
        std::string line;
        while (std::getline(in, line))
            if (line.find("\"SP-1005\"") != std::string::npos) testing::write_text(dir_->path() / "export" / "foil.jsonl", line + "\n");
    }
    static void TearDownTestSuite() { delete dir_; }
    static fs::path dir() { return dir_->path() / "export"; }
    // Runs check on foil.jsonl; stderr into `err`.
    static testing::CommandResult check(const std::string& args, std::string& err) {
        fs::path err_file = dir_->path() / "stderr.txt";
        auto result = testing::run_command(std::string(PREFLIGHT_CLI_PATH) + " check " + (dir() / "foil.jsonl").string() +
                                           " --now 2026-11-25T10:00:00+01:00 --jobs 1 " + args + " 2>" + err_file.string());
        std::ifstream in(err_file);
        std::stringstream text;
        text << in.rdbuf();
        err = text.str();
        return result;
    }
    static testing::TempDir* dir_;
};
testing::TempDir* PolicyCommand::dir_ = nullptr;

TEST_F(PolicyCommand, TheSamplePolicyCancelsFoilOnRecycledPaper) {
    std::string err;
    auto result = check("--policy " + (dir() / "policy.json").string(), err);
    EXPECT_EQ(result.exit_code, 0) << err;
    EXPECT_EQ(Json::parse(result.out)["verdict"], "cancel") << result.out;
}

TEST_F(PolicyCommand, TypoInAKeyStopsTheRunBeforeAnyOrder) {
    std::ifstream in(dir() / "policy.json");
    std::stringstream text;
    text << in.rdbuf();
    std::string policy = text.str();
    policy.replace(policy.find("\"papers\""), 8, "\"paper\"");
    testing::write_text(dir() / "typo-policy.json", policy);
    std::string err;
    auto result = check("--policy " + (dir() / "typo-policy.json").string(), err);
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_TRUE(result.out.empty()) << result.out;   // no order checked
    EXPECT_NE(err.find("paper: unknown key 'paper'; did you mean 'papers'?"), std::string::npos) << err;
}

TEST_F(PolicyCommand, FoilOnAPaperTheCatalogueDoesNotListIsHeld) {
    testing::write_text(dir() / "other-papers.json", R"({"papers": {"linen-350": {"finishes": ["gold-foil"]}}})");
    std::string err;
    auto result = check("--policy " + (dir() / "other-papers.json").string(), err);
    EXPECT_EQ(result.exit_code, 0) << err;
    Json verdict = Json::parse(result.out);
    EXPECT_EQ(verdict["verdict"], "hold") << result.out;
    ASSERT_EQ(verdict["findings"].size(), 1u) << result.out;
    EXPECT_EQ(verdict["findings"][0]["check"], "product.foil_paper");
    EXPECT_EQ(verdict["findings"][0]["severity"], "error");
    EXPECT_NE(verdict["findings"][0]["message"].get<std::string>().find("check by hand"), std::string::npos);
}

TEST_F(PolicyCommand, APolicyWithoutPapersHoldsFoilAndSaysSo) {
    testing::write_text(dir() / "no-papers.json", R"({"checks": {"text.too_small": {"min_pt": 5}}})");
    std::string err;
    auto result = check("--policy " + (dir() / "no-papers.json").string(), err);
    EXPECT_EQ(result.exit_code, 0) << err;
    EXPECT_EQ(Json::parse(result.out)["verdict"], "hold") << result.out;
    EXPECT_NE(err.find("has no paper catalogue"), std::string::npos) << err;
}

TEST_F(PolicyCommand, WithoutAPolicyFoilIsHeldAndStderrSaysWhy) {
    std::string err;
    auto result = check("", err);
    EXPECT_EQ(result.exit_code, 0) << err;
    EXPECT_EQ(Json::parse(result.out)["verdict"], "hold") << result.out;
    EXPECT_NE(err.find("no --policy"), std::string::npos) << err;
    EXPECT_NE(err.find("no paper catalogue"), std::string::npos) << err;
}

}  // namespace
}  // namespace preflight
