// text.alignment: near misses only (0.3..3 mm): off-centre boxes and almost-aligned edges.
#include <gtest/gtest.h>

#include "text/card_fixture.hpp"

namespace preflight::testing {
namespace {

// Page centre of the 148 mm card: x = 74.
TEST(TextAlignment, BoxOneAndAHalfMillimetresOffCentre) {
    CardFixture card;
    card.add_text("t1", "Sophie", "DancingScript-Regular.otf", 28, {15.5, 30, 120, 16}, TextAlign::center);
    card.build();
    const auto findings = card.run("text.alignment");
    ASSERT_EQ(findings.size(), 1u);
    const Finding& f = findings[0];
    EXPECT_EQ(f.severity, Severity::warning);
    EXPECT_EQ(f.fix.by, FixBy::service);
    EXPECT_NEAR(*f.measured, 1.5, 1e-9);
    EXPECT_NE(f.message.find("1.5 mm right of the page centre"), std::string::npos) << f.message;
    EXPECT_NE(f.message.find("x = 14.0 mm"), std::string::npos) << f.message;
}

TEST(TextAlignment, CentredExactOrClearlyAsymmetricIsClean) {
    CardFixture card;
    card.add_text("t1", "Sophie", "DancingScript-Regular.otf", 28, {14, 10, 120, 16}, TextAlign::center);
    card.add_text("t2", "12 maart", "Lato-Regular.ttf", 12, {14.1, 30, 120, 8}, TextAlign::center);  // 0.1 mm: fine
    // Right-hand panel, centred on its own: 37 mm right of the page centre, intentional.
    card.add_text("t3", "Welkom", "Lato-Regular.ttf", 12, {80, 50, 60, 8}, TextAlign::center);
    // Left-aligned text: its box centre means nothing.
    card.add_text("t4", "Lotte", "Lato-Regular.ttf", 12, {15, 70, 120, 8}, TextAlign::left);
    card.add_text("t5", "Lotte", "Lato-Regular.ttf", 12, {15, 80, 60, 8}, TextAlign::left);
    // A left-aligned block far from the others.
    card.add_text("t6", "Utrecht", "Lato-Regular.ttf", 12, {40, 90, 60, 8}, TextAlign::left);
    card.build();
    const auto findings = card.run("text.alignment");
    EXPECT_TRUE(findings.empty()) << findings.front().message;
}

TEST(TextAlignment, LeftEdgesNearlyAligned) {
    CardFixture card;
    card.add_text("t1", "Sophie", "Lato-Regular.ttf", 14, {15, 20, 60, 8});
    card.add_text("t2", "12 maart 2026", "Lato-Regular.ttf", 11, {15, 32, 60, 8});
    card.add_text("t3", "3250 gram", "Lato-Regular.ttf", 11, {15.8, 44, 60, 8});
    card.build();
    const auto findings = card.run("text.alignment");
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].element, "t3");   // the odd one out, not t1 or t2
    EXPECT_NEAR(*findings[0].measured, 0.8, 1e-9);
    EXPECT_NE(findings[0].message.find("move it 0.8 mm left"), std::string::npos) << findings[0].message;
}

TEST(TextAlignment, RightEdgesAndRotatedBoxes) {
    CardFixture card;
    card.add_text("t1", "Sophie", "Lato-Regular.ttf", 14, {70, 20, 60, 8}, TextAlign::right);
    card.add_text("t2", "12 maart", "Lato-Regular.ttf", 14, {71, 32, 60, 8}, TextAlign::right);
    card.build();
    EXPECT_EQ(card.run("text.alignment").size(), 1u);
    // A rotated box does not take part.
    card.design.pages[0].elements[1].rotation_deg = 8;
    card.build();
    EXPECT_TRUE(card.run("text.alignment").empty());
}

}  // namespace
}  // namespace preflight::testing
