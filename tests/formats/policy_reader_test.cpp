// The policy file: papers, options per check and per product, and strict validation.
#include <gtest/gtest.h>

#include "preflight/checker.hpp"
#include "preflight/formats.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace preflight {
namespace {

TEST(PolicyReader, ReadsTheSpecExample) {
    auto parsed = parse_policy(R"({
      "papers": {"linen-350": {"finishes": ["gold-foil", "silver-foil"]}, "recycled-300": {"finishes": []}},
      "checks": {"input.unreadable": {"max_megapixels": 80}},
      "products": {"wedding": {"checks": {"input.raster_size": {"enabled": false}}}}})");
    ASSERT_TRUE(parsed.ok());
    EXPECT_TRUE(parsed->has_paper_catalogue);
    EXPECT_EQ(parsed->papers.at("linen-350").finishes.size(), 2u);
    EXPECT_TRUE(parsed->papers.at("recycled-300").finishes.empty());
    EXPECT_TRUE(validate_policy(*parsed).empty());
}

std::string problem_text(const Result<Policy>& parsed) {
    if (parsed.ok()) return {};
    std::string text;
    for (const auto& problem : parsed.error().problems) text += problem.key_path + ": " + problem.message + "\n";
    return text;
}

TEST(PolicyReader, UnknownCheckOrOptionIsAnErrorWithItsPathAndTheNearestKey) {
    auto parsed = parse_policy(R"({"checks": {"bleed.coverag": {"enabled": false},
                                               "input.unreadable": {"max_megapixel": 10}}})");
    ASSERT_FALSE(parsed.ok());
    ASSERT_EQ(parsed.error().problems.size(), 2u) << problem_text(parsed);
    EXPECT_EQ(parsed.error().problems[0].key_path, "checks[\"bleed.coverag\"]");
    EXPECT_NE(parsed.error().problems[0].message.find("did you mean 'bleed.coverage'?"), std::string::npos) << problem_text(parsed);
    EXPECT_EQ(parsed.error().problems[1].key_path, "checks[\"input.unreadable\"].max_megapixel");
    EXPECT_NE(parsed.error().problems[1].message.find("did you mean 'max_megapixels'?"), std::string::npos) << problem_text(parsed);
}

TEST(PolicyReader, WrongOptionTypeIsAnErrorOfValidation) {
    auto parsed = parse_policy(R"({"checks": {"input.unreadable": {"max_file_mb": "big"}}})");
    ASSERT_TRUE(parsed.ok()) << problem_text(parsed);
    auto errors = validate_policy(*parsed);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].key_path, "checks[\"input.unreadable\"].max_file_mb");
}

// A typo must never empty the paper catalogue or drop a product's options silently.
TEST(PolicyReader, UnknownKeysAtEveryLevelAreErrors) {
    struct Case {
        const char* policy;
        const char* key_path;
        const char* suggestion;
    };
    const Case cases[] = {
        {R"({"paper": {"linen-350": {"finishes": ["gold-foil"]}}})", "paper", "did you mean 'papers'?"},
        {R"({"papers": {"linen-350": {"finish": ["gold-foil"]}}})", "papers[\"linen-350\"].finish", "did you mean 'finishes'?"},
        {R"({"products": {"wedding": {"check": {}}}})", "products[\"wedding\"].check", "did you mean 'checks'?"},
        {R"({"products": {"wedding": {"checks": {"content.yaer": {}}}}})", "products[\"wedding\"].checks[\"content.yaer\"]",
         "did you mean 'content.year'?"},
        {R"({"languge": "nl"})", "languge", "did you mean 'language'?"},
        {R"({"colour": "blue"})", "colour", "(known: 'checks', 'language', 'papers', 'products')"},
    };
    for (const auto& c : cases) {
        auto parsed = parse_policy(c.policy);
        ASSERT_FALSE(parsed.ok()) << c.policy;
        ASSERT_EQ(parsed.error().problems.size(), 1u) << problem_text(parsed);
        EXPECT_EQ(parsed.error().problems[0].key_path, c.key_path);
        EXPECT_NE(parsed.error().problems[0].message.find(c.suggestion), std::string::npos) << problem_text(parsed);
    }
    // The known keys, all of them, are accepted.
    auto parsed = parse_policy(R"({"language": "nl", "papers": {"linen-350": {"finishes": []}},
                                   "checks": {"content.year": {"enabled": true}},
                                   "products": {"wedding": {"checks": {"content.year": {"max_years_ahead": 2}}}}})");
    EXPECT_TRUE(parsed.ok()) << problem_text(parsed);
}

TEST(PolicyReader, OutOfRangeNumbersAreRefused) {
    auto parsed = parse_policy(R"({"products": {"wedding": {"checks": {"input.unreadable": {"max_megapixels": -5}}}}})");
    ASSERT_TRUE(parsed.ok());
    auto errors = validate_policy(*parsed);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].key_path, "products[\"wedding\"].checks[\"input.unreadable\"].max_megapixels");
}

TEST(PolicyReader, MalformedPolicyIsRefused) {
    EXPECT_FALSE(parse_policy("[]").ok());
    EXPECT_FALSE(parse_policy(R"({"papers": {"linen": []}})").ok());
    EXPECT_FALSE(parse_policy(R"({"checks": {"input.unreadable": {"max_file_mb": {"z": 1}}}})").ok());
}

TEST(PolicyReader, CheckerCreateRefusesAnInvalidPolicyWithEveryProblem) {
    Policy policy;   // built in code: parse_policy already refuses the unknown id
    policy.checks["bleed.coverag"]["enabled"] = false;
    policy.checks["text.too_small"]["min_pt"] = -1.0;
    auto checker = Checker::create(policy);
    ASSERT_FALSE(checker.ok());
    EXPECT_EQ(checker.code(), ErrorCode::invalid_policy);
    ASSERT_EQ(checker.error().problems.size(), 2u);
    EXPECT_EQ(checker.error().problems[0].key_path, "checks[\"bleed.coverag\"]");
    auto fine = Checker::create(Policy{});
    ASSERT_TRUE(fine.ok());
    EXPECT_TRUE((*fine)->policy().checks.empty());
}

TEST(PolicyReader, ReadPolicyValidatesAndSaysWhatKindOfFailure) {
    EXPECT_EQ(read_policy("/nonexistent/policy.json").code(), ErrorCode::not_found);
    const auto dir = std::filesystem::temp_directory_path() / ("preflight_policy_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    auto write = [&](const char* text) {
        std::ofstream(dir / "policy.json") << text;
        return read_policy(dir / "policy.json");
    };
    EXPECT_EQ(write("{").code(), ErrorCode::invalid_json);
    EXPECT_EQ(write(R"({"papers": 3})").code(), ErrorCode::invalid_document);
    // An unknown option is refused while reading (did-you-mean); a known one of the wrong
    // type by the registry's validation.
    EXPECT_EQ(write(R"({"checks": {"bleed.coverage": {"inside_mn": 1}}})").code(), ErrorCode::invalid_document);
    auto invalid = write(R"({"checks": {"bleed.coverage": {"inside_mm": "wide"}}})");
    EXPECT_EQ(invalid.code(), ErrorCode::invalid_policy);
    EXPECT_EQ(invalid.error().problems.at(0).key_path, "checks[\"bleed.coverage\"].inside_mm");
    auto good = write(R"({"checks": {"bleed.coverage": {"enabled": false}}})");
    ASSERT_TRUE(good.ok()) << good.error().message;
    EXPECT_EQ(to_string(good.code()), "ok");
    // A FIFO or a folder as the policy: refused at once (never blocking), as unreadable.
    std::filesystem::remove(dir / "policy.json");
    ASSERT_EQ(::mkfifo((dir / "policy.json").c_str(), 0600), 0);
    EXPECT_EQ(read_policy(dir / "policy.json").code(), ErrorCode::unreadable);
    EXPECT_EQ(read_policy(dir).code(), ErrorCode::unreadable);
    std::filesystem::remove_all(dir);
}

// read_design has the readers' one shape: Result<Design>, with the kind of failure.
TEST(DesignReader, ReadDesignSaysWhatKindOfFailure) {
    EXPECT_EQ(read_design("/nonexistent/design.json").code(), ErrorCode::not_found);
    const auto dir = std::filesystem::temp_directory_path() / ("preflight_design_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    auto write = [&](const char* text) {
        std::ofstream(dir / "design.json") << text;
        return read_design(dir / "design.json");
    };
    EXPECT_EQ(write("{").code(), ErrorCode::invalid_json);
    EXPECT_EQ(write(R"({"design_id": "d"})").code(), ErrorCode::invalid_document);
    auto good = write(R"({"design_id": "d", "product": "christmas", "trim_mm": [148, 105], "bleed_mm": 3, "safe_mm": 4,
 "pages": [{"name": "front", "raster": "front.png", "dpi": 300, "elements": []}]})");
    ASSERT_TRUE(good.ok()) << good.error().message;
    EXPECT_EQ(good->design_id, "d");
    EXPECT_EQ(good->pages.at(0).raster, "front.png");
    std::filesystem::remove(dir / "design.json");
    ASSERT_EQ(::mkfifo((dir / "design.json").c_str(), 0600), 0);
    auto fifo = read_design(dir / "design.json");
    EXPECT_EQ(fifo.code(), ErrorCode::unreadable);
    EXPECT_NE(fifo.error().message.find("FIFO"), std::string::npos) << fifo.error().message;
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace preflight
