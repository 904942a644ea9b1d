// `preflight check` end to end on the generated sample export: one line per order in order,
// the right verdict per gating row and input case, --jobs invariance, atomic -o, exit codes.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include "support/test_support.hpp"

namespace preflight {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

using Run = testing::CommandResult;

Run run(const std::string& command) { return testing::run_command(command + " 2>/dev/null"); }

std::vector<Json> lines(const std::string& text) {
    std::vector<Json> result;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) result.push_back(Json::parse(line));
    return result;
}

class CheckCommand : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new testing::TempDir();
        ASSERT_EQ(run(std::string(PREFLIGHT_MAKE_SAMPLES_PATH) + " " + (dir_->path() / "export").string()).exit_code, 0);
    }
    static void TearDownTestSuite() { delete dir_; }
    static fs::path export_dir() { return dir_->path() / "export"; }
    static std::string check(const std::string& args) {
        return std::string(PREFLIGHT_CLI_PATH) + " check " + (export_dir() / "orders.jsonl").string() + " --policy " +
               (export_dir() / "policy.json").string() + " --now 2026-11-25T10:00:00+01:00 " + args;
    }
    static testing::TempDir* dir_;
};
testing::TempDir* CheckCommand::dir_ = nullptr;

TEST_F(CheckCommand, OneVerdictPerLineInInputOrder) {
    auto result = run(check("--jobs 1"));
    EXPECT_EQ(result.exit_code, 1);   // the sample export has input errors
    auto verdicts = lines(result.out);
    std::ifstream in(export_dir() / "orders.jsonl");
    long input_lines = std::count(std::istreambuf_iterator<char>(in), {}, '\n');
    ASSERT_EQ(long(verdicts.size()), input_lines);
    for (std::size_t i = 0; i < verdicts.size(); ++i) EXPECT_EQ(verdicts[i]["line"], long(i + 1));
    std::map<std::string, std::string> by_id;
    for (const auto& v : verdicts)
        if (v["order_id"].is_string()) by_id[v["order_id"]] = v["verdict"];
    // Gating rows.
    EXPECT_EQ(by_id["SP-1009"], "skip");   // proof without check service
    EXPECT_EQ(by_id["SP-1010"], "skip");   // new
    EXPECT_EQ(by_id["SP-1011"], "skip");   // notpaid
    EXPECT_EQ(by_id["SP-1012"], "skip");   // queued
    EXPECT_EQ(by_id["SP-1013"], "skip");   // completed
    EXPECT_EQ(by_id["SP-1014"], "skip");   // cancelled
    EXPECT_EQ(verdicts[2]["checked"], "production");
    EXPECT_EQ(verdicts[0]["checked"], "full");
    // Input cases: each an error verdict naming the input check.
    std::map<std::string, std::string> expected_check = {{"SP-1020", "input.missing_file"}, {"SP-1021", "input.raster_size"},
                                                         {"SP-1022", "input.unreadable"}, {"SP-1023", "input.path_outside"},
                                                         {"SP-1024", "input.schema"}};
    for (const auto& v : verdicts) {
        if (!v["order_id"].is_string() || !expected_check.count(v["order_id"])) continue;
        EXPECT_EQ(v["verdict"], "error") << v.dump();
        EXPECT_FALSE(v["reason"].get<std::string>().empty());
        ASSERT_FALSE(v["findings"].empty());
        EXPECT_EQ(v["findings"][0]["check"], expected_check[v["order_id"]]) << v.dump();
    }
    // The cut-off last line: no order id, its line number, an error.
    EXPECT_TRUE(verdicts.back()["order_id"].is_null());
    EXPECT_EQ(verdicts.back()["verdict"], "error");
    EXPECT_NE(verdicts.back()["reason"].get<std::string>().find("not valid JSON"), std::string::npos);
}

TEST_F(CheckCommand, JobsDoNotChangeTheOutput) {
    auto one = run(check("--jobs 1"));
    auto two = run(check("--jobs 2"));
    auto many = run(check("--jobs 7"));
    EXPECT_FALSE(one.out.empty());
    EXPECT_EQ(one.out, two.out);
    EXPECT_EQ(one.out, many.out);
}

TEST_F(CheckCommand, StdinAndJsonArrayGiveTheSameVerdicts) {
    auto from_file = lines(run(check("--jobs 1")).out);
    // The same orders as a JSON array on stdin, from inside the export folder.
    std::ifstream in(export_dir() / "orders.jsonl");
    std::string line, array = "[";
    int count = 0;
    while (std::getline(in, line)) {
        if (!Json::accept(line)) continue;
        array += (count++ ? ",\n" : "") + line;
    }
    array += "]";
    testing::write_text(export_dir() / "orders.json", array);
    auto from_stdin = lines(run("cd " + export_dir().string() + " && " + PREFLIGHT_CLI_PATH +
                                " check - --policy policy.json --now 2026-11-25T10:00:00+01:00 < orders.json").out);
    ASSERT_EQ(int(from_stdin.size()), count);
    for (int i = 0; i < count; ++i) {
        EXPECT_EQ(from_stdin[i]["order_id"], from_file[i]["order_id"]);
        EXPECT_EQ(from_stdin[i]["verdict"], from_file[i]["verdict"]);
    }
}

TEST_F(CheckCommand, OutputFileIsWrittenWhole) {
    fs::path out = dir_->path() / "verdicts.jsonl";
    auto result = run(check("--jobs 2 -o " + out.string()));
    EXPECT_TRUE(result.out.empty());
    std::ifstream in(out);
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_EQ(text.str(), run(check("--jobs 1")).out);
    for (const auto& entry : fs::directory_iterator(dir_->path()))
        EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos) << entry.path();
}

TEST_F(CheckCommand, UsageAndPolicyErrorsExitTwo) {
    testing::write_text(dir_->path() / "typo.json", R"({"checks": {"bleed.coverag": {"enabled": false}}})");
    EXPECT_EQ(run(std::string(PREFLIGHT_CLI_PATH) + " check " + (export_dir() / "orders.jsonl").string() + " --policy " +
                  (dir_->path() / "typo.json").string()).exit_code, 2);
    EXPECT_EQ(run(std::string(PREFLIGHT_CLI_PATH) + " check /nonexistent/orders.jsonl").exit_code, 2);
    EXPECT_EQ(run(check("--now yesterday")).exit_code, 2);
    EXPECT_EQ(run(std::string(PREFLIGHT_CLI_PATH) + " frobnicate").exit_code, 2);
    EXPECT_EQ(run(std::string(PREFLIGHT_CLI_PATH) + " --help").exit_code, 0);
}

TEST_F(CheckCommand, FixDirFixesHeldOrdersWhoseErrorsAreAllFixable) {
    fs::path fixed = dir_->path() / "fixed";
    auto result = run(check("--jobs 2 --fix-dir " + fixed.string()));
    EXPECT_EQ(result.exit_code, 1);
    // SP-1002 (bleed) and SP-1006 (text box) are fixable; SP-1015 (postcode) and SP-1007 (year) are not.
    ASSERT_TRUE(fs::exists(fixed / "SP-1002/1/changes.json"));
    ASSERT_TRUE(fs::exists(fixed / "SP-1006/1/changes.json"));
    EXPECT_FALSE(fs::exists(fixed / "SP-1015"));
    EXPECT_FALSE(fs::exists(fixed / "SP-1007"));
    auto changes = Json::parse(std::ifstream(fixed / "SP-1002/1/changes.json"));
    EXPECT_EQ(changes["applied"], 1);
    // The fixed design passes lint (run from the export root, which holds the fonts).
    auto lint = run(std::string(PREFLIGHT_CLI_PATH) + " lint " + (fixed / "SP-1002/1/design.json").string() + " --root " +
                    dir_->path().string());
    EXPECT_EQ(lint.exit_code, 0) << lint.out;
}

TEST_F(CheckCommand, CleanExportExitsZero) {
    testing::write_text(export_dir() / "clean.jsonl", R"({"order_id": "A", "status": "new"})" "\n");
    auto result = run(std::string(PREFLIGHT_CLI_PATH) + " check " + (export_dir() / "clean.jsonl").string());
    EXPECT_EQ(result.exit_code, 0);
    EXPECT_EQ(lines(result.out).size(), 1u);
}

}  // namespace
}  // namespace preflight
