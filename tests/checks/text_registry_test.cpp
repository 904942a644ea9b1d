// The text family registers every text check (and safe_zone.text) with its documented options.
#include <gtest/gtest.h>

#include "core/check.hpp"

namespace preflight::core {
namespace {

TEST(TextRegistry, EveryTextCheckWithItsDefaults) {
    const Registry& registry = builtin_registry();
    for (const char* id : {"text.overflow", "safe_zone.text", "text.missing_glyph", "text.too_small",
                           "text.low_contrast", "text.alignment", "text.placeholder"}) {
        const CheckSpec* spec = registry.find(id);
        ASSERT_TRUE(spec) << id;
        EXPECT_TRUE(spec->run) << id;
        EXPECT_EQ(spec->scope, Scope::design) << id;
        EXPECT_FALSE(spec->summary.empty()) << id;
    }
    const Policy none;
    EXPECT_EQ(registry.options_for("text.overflow", "wedding", none).number("tolerance_mm"), 0.2);
    EXPECT_EQ(registry.options_for("text.too_small", "wedding", none).number("min_pt"), 6.0);
    EXPECT_EQ(registry.options_for("text.too_small", "wedding", none).number("hairline_min_pt"), 8.0);
    EXPECT_EQ(registry.options_for("text.low_contrast", "wedding", none).number("min_ratio"), 2.5);
    EXPECT_EQ(registry.options_for("text.alignment", "wedding", none).number("min_mm"), 0.3);
    EXPECT_EQ(registry.options_for("text.alignment", "wedding", none).number("max_mm"), 3.0);
    EXPECT_TRUE(registry.options_for("text.placeholder", "wedding", none).list("samples").empty());
    // A per-product policy reaches the check.
    Policy policy;
    policy.products["wedding"]["text.too_small"]["min_pt"] = 7.0;
    EXPECT_EQ(registry.options_for("text.too_small", "wedding", policy).number("min_pt"), 7.0);
    EXPECT_EQ(registry.options_for("text.too_small", "birth_announcement", policy).number("min_pt"), 6.0);
}

}  // namespace
}  // namespace preflight::core
