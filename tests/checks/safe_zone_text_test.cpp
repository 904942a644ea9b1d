// safe_zone.text: ink distance to the trim, per edge, with rotation and clipping to the box.
#include <gtest/gtest.h>

#include "text/card_fixture.hpp"

namespace preflight::testing {
namespace {

TEST(SafeZoneText, BoxWellInsideIsClean) {
    CardFixture card;
    card.add_text("t1", "Sophie van Dijk", "DancingScript-Regular.otf", 20, {14, 40, 120, 14}, TextAlign::center);
    card.add_text("t2", "12 maart 2026", "Lato-Regular.ttf", 10, {4.0, 90, 60, 6}, TextAlign::left);
    card.build();
    // t2's box sits on the safe line; its ink starts a side bearing further in.
    EXPECT_TRUE(card.run("safe_zone.text").empty());
}

TEST(SafeZoneText, InkOnePointTwoMillimetresFromTrim) {
    CardFixture card;
    card.add_text("t1", "Hallo", "Lato-Regular.ttf", 14, {10, 40, 60, 8}, TextAlign::left);
    card.build();
    const double ink_x = card.context.pages[0].text_layouts[0]->ink_box_mm.x;
    card.design.pages[0].elements[0].box_mm.x = 1.2 - ink_x;   // ink starts 1.2 mm from the left trim
    card.build();
    const auto findings = card.run("safe_zone.text");
    ASSERT_EQ(findings.size(), 1u);
    const Finding& f = findings[0];
    EXPECT_EQ(f.severity, Severity::error);
    EXPECT_EQ(f.fix.by, FixBy::service);
    EXPECT_NEAR(*f.measured, 1.2, 1e-6);
    EXPECT_EQ(*f.limit, 4.0);
    EXPECT_NE(f.message.find("1.2 mm from the left trim edge"), std::string::npos) << f.message;
    EXPECT_NE(f.message.find("2.8 mm inward"), std::string::npos) << f.message;
}

TEST(SafeZoneText, AcrossTheTrimAndOtherEdges) {
    CardFixture card;
    // Bottom-right corner: runs past the right trim and sits 2 mm above the bottom one.
    card.add_text("t1", "Welkom", "DejaVuSans.ttf", 20, {130, 96, 40, 10}, TextAlign::left);
    card.build();
    const auto findings = card.run("safe_zone.text");
    ASSERT_EQ(findings.size(), 2u);
    EXPECT_NE(findings[0].message.find("right trim edge by"), std::string::npos) << findings[0].message;
    EXPECT_LT(*findings[0].measured, 0);
    EXPECT_NE(findings[1].message.find("bottom trim edge"), std::string::npos) << findings[1].message;
}

TEST(SafeZoneText, UsesDesignSafeMarginAndRotation) {
    CardFixture card;
    card.design.safe_mm = 8;
    // Rotated 90 degrees: a wide box becomes tall; its ink now reaches near the top edge.
    card.add_text("t1", "Lieve Anna en Thijs", "Lato-Regular.ttf", 16, {40, 20, 70, 8}, TextAlign::center);
    card.design.pages[0].elements[0].rotation_deg = 90;
    card.build();
    const auto findings = card.run("safe_zone.text");
    ASSERT_FALSE(findings.empty());
    EXPECT_NE(findings[0].message.find("top trim edge"), std::string::npos) << findings[0].message;
    EXPECT_EQ(*findings[0].limit, 8.0);
}

TEST(SafeZoneText, InkCutOffByItsBoxDoesNotCount) {
    CardFixture card;
    // The text overflows its box towards the right trim, but what overflows is cut off:
    // text.overflow reports it, the safe zone judges the ink that prints.
    card.add_text("t1", "Onoverwinnelijk", "Lato-Regular.ttf", 24, {90, 40, 50, 12}, TextAlign::left);
    card.design.pages[0].elements[0].wrap = false;
    card.build();
    ASSERT_GT(card.context.pages[0].text_layouts[0]->ink_page_mm.right(), 148);
    EXPECT_TRUE(card.run("safe_zone.text").empty());
    EXPECT_EQ(card.run("text.overflow").size(), 1u);
}

}  // namespace
}  // namespace preflight::testing
