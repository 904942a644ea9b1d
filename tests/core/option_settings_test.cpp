// OptionSettings: what the checks' options tell the input layer, the checker and fix, filled in
// by each check from its own options; lib/core, lib/fix and lib/report name no check id.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "core/check.hpp"

namespace preflight::core {
namespace {

namespace fs = std::filesystem;

TEST(OptionSettings, EachCheckFillsInItsOwnOptionsPerProduct) {
    const Registry& registry = builtin_registry();
    const OptionSettings defaults = registry.settings_for("christmas", Policy{});
    EXPECT_EQ(defaults.fix.min_text_pt, 6.0);
    EXPECT_EQ(defaults.input.max_order_seconds, 60.0);
    EXPECT_EQ(defaults.fix.paper_rgb, (std::array<std::uint8_t, 3>{255, 255, 255}));
    Policy policy;
    policy.checks["text.too_small"]["min_pt"] = 7.5;
    policy.checks["bleed.coverage"]["paper_colour"] = std::string("#F5F0E6");
    policy.checks["input.time_limit"]["max_order_seconds"] = 12.0;
    policy.checks["input.unreadable"]["max_order_megapixels"] = 40.0;
    policy.products["christmas"]["text.overflow"]["tolerance_mm"] = 0.6;
    const OptionSettings christmas = registry.settings_for("christmas", policy);
    EXPECT_EQ(christmas.fix.min_text_pt, 7.5);
    EXPECT_EQ(christmas.fix.paper_rgb, (std::array<std::uint8_t, 3>{0xF5, 0xF0, 0xE6}));
    EXPECT_EQ(christmas.fix.text_overflow_tolerance_mm, 0.6);
    EXPECT_EQ(christmas.input.max_order_seconds, 12.0);
    EXPECT_EQ(christmas.input.max_order_megapixels, 40.0);
    // The product's own options hold for that product only.
    EXPECT_EQ(registry.settings_for("birth_announcement", policy).fix.text_overflow_tolerance_mm, 0.2);
}

// The house rule of issue 16: what a check id does lives on its CheckSpec, so the engine,
// fix and the report never spell one.
TEST(OptionSettings, CoreFixAndReportNameNoCheckId) {
    const std::regex id_literal("\"(bleed|text|photo|content|address|foil|paper|product|safe_zone|input)\\.[a-z_]+");
    std::string found;
    for (const char* folder : {"lib/core", "lib/fix", "lib/report"})
        for (const auto& entry : fs::directory_iterator(fs::path(PREFLIGHT_SOURCE_DIR) / folder)) {
            std::ifstream in(entry.path());
            std::string line;
            for (int number = 1; std::getline(in, line); ++number)
                if (std::regex_search(line, id_literal))
                    found += entry.path().lexically_relative(PREFLIGHT_SOURCE_DIR).string() + ":" + std::to_string(number) + ": " + line + "\n";
        }
    EXPECT_TRUE(found.empty()) << found;
}

}  // namespace
}  // namespace preflight::core
