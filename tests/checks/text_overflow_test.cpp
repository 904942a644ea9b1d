// text.overflow on real fonts: names that fit, too wide, too tall, and a swash past the box.
#include <gtest/gtest.h>

#include <regex>

#include "text/card_fixture.hpp"

namespace preflight::testing {
namespace {

/// The number after `prefix` in a message ("widen the box to 96.2 mm" -> 96.2), or -1.
double number_after(const std::string& message, const std::string& prefix) {
    std::smatch match;
    if (!std::regex_search(message, match, std::regex(prefix + " ([0-9]+\\.[0-9])"))) return -1;
    return std::stod(match[1]);
}

TEST(TextOverflow, NameWithRoomToSpareIsClean) {
    CardFixture card;
    card.add_text("t1", "Sophie van Dijk", "DancingScript-Regular.otf", 20, {14, 40, 120, 14}, TextAlign::center);
    card.build();
    EXPECT_TRUE(card.run("text.overflow").empty());
}

TEST(TextOverflow, NameThirtyPercentTooWide) {
    CardFixture card;
    Element& e = card.add_text("t1", "Sophie van Dijk", "Lato-Regular.ttf", 24, {20, 40, 100, 14}, TextAlign::center);
    e.wrap = false;
    card.build();
    const auto& full = *card.context.pages[0].text_layouts[0];
    // Shrink the box so the ink is 30 % wider than it.
    const double ink_width = full.ink_box_mm.width;
    card.design.pages[0].elements[0].box_mm.width = ink_width / 1.3;
    card.build();
    const auto findings = card.run("text.overflow");
    ASSERT_EQ(findings.size(), 1u);
    const Finding& f = findings[0];
    EXPECT_EQ(f.severity, Severity::error);
    EXPECT_EQ(f.fix.by, FixBy::service);
    EXPECT_EQ(f.element, "t1");
    EXPECT_EQ(f.unit, "mm");
    // A wide line is start-aligned (CSS): it overflows on the right only, by ~30 % of the box.
    EXPECT_NEAR(*f.measured, ink_width - ink_width / 1.3, 0.3);
    EXPECT_NE(f.message.find("wider than its box"), std::string::npos) << f.message;
    EXPECT_NE(f.message.find("widen the box to"), std::string::npos) << f.message;
    // The largest size that fits is about 24 / 1.3 = 18.5 pt: the message names it and it fits.
    EXPECT_NE(f.message.find("18."), std::string::npos) << f.message;
    // The box the message proposes holds the name: no finding once it is applied.
    const double proposed = number_after(f.message, "widen the box to");
    ASSERT_GT(proposed, 0) << f.message;
    EXPECT_NEAR(proposed, ink_width, 0.6);   // centred: side bearings differ left and right
    {
        CardFixture fixed;
        fixed.design = card.design;
        fixed.design.pages[0].elements[0].box_mm.width = proposed;
        fixed.build();
        EXPECT_TRUE(fixed.run("text.overflow").empty());
    }
    auto font = card.context.pages[0].fonts[0];
    Element resized = card.design.pages[0].elements[0];
    const auto at_18 = text::layout_text(resized, *font, 18.0);
    EXPECT_LE(at_18.ink_box_mm.right(), resized.box_mm.width + 0.2);
    const auto at_19 = text::layout_text(resized, *font, 19.0);
    EXPECT_GT(at_19.ink_box_mm.right(), resized.box_mm.width + 0.2);
}

TEST(TextOverflow, WrappedNameTooNarrowBecomesTooTall) {
    // With wrap on, a too narrow one-line box makes the name wrap: the second line falls out.
    CardFixture card;
    card.add_text("t1", "Sophie van Dijk", "Lato-Regular.ttf", 24, {20, 40, 40, 10.5}, TextAlign::center);
    card.build();
    ASSERT_GE(card.context.pages[0].text_layouts[0]->lines.size(), 2u);
    const auto findings = card.run("text.overflow");
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_NE(findings[0].message.find("taller than its box"), std::string::npos) << findings[0].message;
}

TEST(TextOverflow, ProposedBoxAndSizeBothFit) {
    // A long unbreakable word in a centred box: overflows right (start-aligned) and wraps.
    CardFixture card;
    card.add_text("t1", "Charlotte-Isabella & Maximiliaan", "lobster.otf", 28, {44, 26, 60, 18}, TextAlign::center);
    card.build();
    auto findings = card.run("text.overflow");
    ASSERT_EQ(findings.size(), 1u);
    const std::string message = findings[0].message;
    std::smatch match;
    ASSERT_TRUE(std::regex_search(message, match, std::regex("enlarge the box to ([0-9.]+) x ([0-9.]+) mm")))
        << message;
    const double size_pt = number_after(message, "set the size to");
    ASSERT_GT(size_pt, 0) << message;
    CardFixture bigger;
    bigger.design = card.design;
    auto& box = bigger.design.pages[0].elements[0].box_mm;
    const double centre = box.x + box.width / 2;
    box.width = std::stod(match[1]);
    box.height = std::stod(match[2]);
    box.x = centre - box.width / 2;   // same anchor: the centre
    bigger.build();
    EXPECT_TRUE(bigger.run("text.overflow").empty()) << message;
    // Narrower than proposed by 1 mm no longer holds it: the proposal is the smallest.
    box.width -= 1;
    bigger.build();
    EXPECT_FALSE(bigger.run("text.overflow").empty());
    CardFixture smaller;
    smaller.design = card.design;
    smaller.design.pages[0].elements[0].size_pt = size_pt;
    smaller.build();
    EXPECT_TRUE(smaller.run("text.overflow").empty()) << message;
}

TEST(TextOverflow, MultiLineFortyPercentTooTall) {
    CardFixture card;
    const double size_pt = 14, line_mm = size_pt * 25.4 / 72 * 1.2;
    const double needed = 4 * line_mm;
    card.add_text("t1", "Sophie\n12 maart 2026\n3250 gram, 49 cm\nThijs en Floor", "EBGaramond12-Regular.otf",
                  size_pt, {20, 30, 100, needed / 1.4}, TextAlign::left);
    card.build();
    const auto findings = card.run("text.overflow");
    ASSERT_EQ(findings.size(), 1u);
    const Finding& f = findings[0];
    EXPECT_NE(f.message.find("taller than its box (4 lines)"), std::string::npos) << f.message;
    const double proposed = number_after(f.message, "make the box");
    ASSERT_GT(proposed, needed / 1.4) << f.message;
    card.design.pages[0].elements[0].box_mm.height = proposed;
    card.build();
    EXPECT_TRUE(card.run("text.overflow").empty());
    // The last line's descenders reach about needed - descent-ish below the box: > 25 % of it.
    EXPECT_GT(*f.measured, needed - needed / 1.4 - line_mm * 0.4);
}

TEST(TextOverflow, SwashCrossesBoxAlthoughAdvancesFit) {
    CardFixture card;
    // Dancing Script's 'f' swings its tail past the advance box.
    card.add_text("t1", "Rolf", "DancingScript-Regular.otf", 48, {20, 30, 100, 30}, TextAlign::left);
    card.build();
    const auto layout = *card.context.pages[0].text_layouts[0];
    const double ink_right = layout.ink_box_mm.right();
    const double advance = layout.lines[0].advance_mm;
    ASSERT_GT(ink_right - advance, 1.2) << "the swash must reach past the advance for this test";
    card.design.pages[0].elements[0].box_mm.width = ink_right - 1.0;
    card.build();
    const auto& relaid = *card.context.pages[0].text_layouts[0];
    ASSERT_LE(relaid.lines[0].x_mm + relaid.lines[0].advance_mm, ink_right - 1.0);   // advances fit
    ASSERT_EQ(relaid.lines.size(), 1u);
    const auto findings = card.run("text.overflow");
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_NEAR(*findings[0].measured, 1.0, 0.01);
    EXPECT_NE(findings[0].message.find("1.0 mm wider"), std::string::npos) << findings[0].message;

    // Within the tolerance (0.2 mm): no finding.
    card.design.pages[0].elements[0].box_mm.width = ink_right - 0.15;
    card.build();
    EXPECT_TRUE(card.run("text.overflow").empty());
    // The tolerance is an option.
    EXPECT_EQ(card.run("text.overflow", {{"tolerance_mm", 0.05}}).size(), 1u);
}

TEST(TextOverflow, LeftSwashAtAnchoredEdgeAsksForSize) {
    CardFixture card;
    // A left-aligned line whose first glyph reaches left of the box: a bigger box does not help.
    card.add_text("t1", "jolijn", "DancingScript-Regular.otf", 40, {30, 30, 100, 22}, TextAlign::left);
    card.build();
    const auto& layout = *card.context.pages[0].text_layouts[0];
    if (layout.ink_box_mm.x >= -0.2) GTEST_SKIP() << "font's j does not reach left";
    const auto findings = card.run("text.overflow");
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_NE(findings[0].message.find("left"), std::string::npos) << findings[0].message;
}

}  // namespace
}  // namespace preflight::testing
