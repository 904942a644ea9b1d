// The policy file: papers, options per check and per product, and strict validation.
#include <gtest/gtest.h>

#include "preflight/checker.hpp"
#include "preflight/formats.hpp"

namespace preflight {
namespace {

TEST(PolicyReader, ReadsTheSpecExample) {
    auto parsed = parse_policy(R"({
      "papers": {"linen-350": {"finishes": ["gold-foil", "silver-foil"]}, "recycled-300": {"finishes": []}},
      "checks": {"input.unreadable": {"max_megapixels": 80}},
      "products": {"wedding": {"checks": {"input.raster_size": {"enabled": false}}}}})");
    ASSERT_TRUE(parsed.ok());
    EXPECT_TRUE(parsed.value->has_paper_catalogue);
    EXPECT_EQ(parsed.value->papers.at("linen-350").finishes.size(), 2u);
    EXPECT_TRUE(parsed.value->papers.at("recycled-300").finishes.empty());
    EXPECT_TRUE(validate_policy(*parsed.value).empty());
}

TEST(PolicyReader, UnknownCheckOrOptionIsAnErrorWithItsPath) {
    auto parsed = parse_policy(R"({"checks": {"bleed.coverag": {"enabled": false},
                                               "input.unreadable": {"max_megapixel": 10, "max_file_mb": "big"}}})");
    ASSERT_TRUE(parsed.ok());
    auto errors = validate_policy(*parsed.value);
    ASSERT_EQ(errors.size(), 3u);
    EXPECT_EQ(errors[0].key_path, "checks[\"bleed.coverag\"]");
    EXPECT_EQ(errors[1].key_path, "checks[\"input.unreadable\"].max_file_mb");
    EXPECT_EQ(errors[2].key_path, "checks[\"input.unreadable\"].max_megapixel");
}

TEST(PolicyReader, OutOfRangeNumbersAreRefused) {
    auto parsed = parse_policy(R"({"products": {"wedding": {"checks": {"input.unreadable": {"max_megapixels": -5}}}}})");
    ASSERT_TRUE(parsed.ok());
    auto errors = validate_policy(*parsed.value);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].key_path, "products[\"wedding\"].checks[\"input.unreadable\"].max_megapixels");
}

TEST(PolicyReader, MalformedPolicyIsRefused) {
    EXPECT_FALSE(parse_policy("[]").ok());
    EXPECT_FALSE(parse_policy(R"({"papers": {"linen": []}})").ok());
    EXPECT_FALSE(parse_policy(R"({"checks": {"x": {"y": {"z": 1}}}})").ok());
}

}  // namespace
}  // namespace preflight
