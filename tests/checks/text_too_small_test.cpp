// text.too_small: 6 pt for ordinary faces, 8 pt for hairline and thin script faces.
#include <gtest/gtest.h>

#include "text/card_fixture.hpp"

namespace preflight::testing {
namespace {

TEST(TextTooSmall, FourPointText) {
    CardFixture card;
    card.add_text("t1", "Drukwerk: Sparkles", "Lato-Regular.ttf", 4, {14, 90, 60, 5});
    card.build();
    const auto findings = card.run("text.too_small");
    ASSERT_EQ(findings.size(), 1u);
    const Finding& f = findings[0];
    EXPECT_EQ(f.severity, Severity::warning);
    EXPECT_EQ(f.fix.by, FixBy::customer);
    EXPECT_EQ(*f.measured, 4.0);
    EXPECT_EQ(*f.limit, 6.0);
    EXPECT_EQ(f.unit, "pt");
    EXPECT_NE(f.message.find("4.0 pt"), std::string::npos) << f.message;
}

TEST(TextTooSmall, OrdinaryFacesAtSixPointAreClean) {
    CardFixture card;
    card.add_text("t1", "Drukwerk: Sparkles", "Lato-Regular.ttf", 6, {14, 80, 60, 5});
    card.add_text("t2", "Drukwerk: Sparkles", "DejaVuSans.ttf", 6, {14, 86, 60, 5});
    card.add_text("t3", "Drukwerk: Sparkles", "EBGaramond12-Regular.otf", 7, {14, 92, 60, 5});
    card.add_text("t4", "Drukwerk", "lobster.otf", 7, {80, 92, 60, 5});
    card.add_text("t5", "Drukwerk", "DancingScript-Bold.otf", 7, {80, 80, 60, 5});
    card.build();
    EXPECT_TRUE(card.run("text.too_small").empty());
}

TEST(TextTooSmall, HairlineFacesNeedEightPoint) {
    CardFixture card;
    card.add_text("t1", "met liefde", "DancingScript-Regular.otf", 7, {14, 80, 60, 6});
    card.add_text("t2", "met liefde", "Lato-Hairline.ttf", 7.5, {14, 88, 60, 6});
    card.add_text("t3", "met liefde", "Lato-Thin.ttf", 8, {80, 88, 60, 6});   // at the limit: fine
    card.build();
    const auto findings = card.run("text.too_small");
    ASSERT_EQ(findings.size(), 2u);
    EXPECT_EQ(findings[0].element, "t1");
    EXPECT_EQ(*findings[0].limit, 8.0);
    EXPECT_NE(findings[0].message.find("Dancing Script"), std::string::npos) << findings[0].message;
    EXPECT_EQ(findings[1].element, "t2");
}

TEST(TextTooSmall, MeasuredTraits) {
    CardFixture card;
    card.add_text("a", "x", "DancingScript-Regular.otf", 7, {14, 80, 60, 6});
    card.add_text("b", "x", "Lato-Regular.ttf", 7, {14, 80, 60, 6});
    card.add_text("c", "x", "Lato-Hairline.ttf", 7, {14, 80, 60, 6});
    card.build();
    const auto dancing = text::font_traits(*card.context.pages[0].fonts[0]);
    const auto lato = text::font_traits(*card.context.pages[0].fonts[1]);
    const auto hairline = text::font_traits(*card.context.pages[0].fonts[2]);
    EXPECT_TRUE(dancing.script);
    EXPECT_FALSE(lato.script);
    EXPECT_LT(hairline.thin_stroke_em, 0.02);
    EXPECT_GT(lato.thin_stroke_em, 0.05);
    EXPECT_LT(dancing.thin_stroke_em, lato.thin_stroke_em);
    EXPECT_GT(lato.stem_em, hairline.stem_em * 4);
}

TEST(TextTooSmall, PolicyMinimum) {
    CardFixture card;
    card.add_text("t1", "klein", "Lato-Regular.ttf", 6.5, {14, 80, 60, 6});
    card.build();
    EXPECT_TRUE(card.run("text.too_small").empty());
    EXPECT_EQ(card.run("text.too_small", {{"min_pt", 7.0}}).size(), 1u);
}

}  // namespace
}  // namespace preflight::testing
