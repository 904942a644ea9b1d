// text.low_contrast: the text colour against the background the raster shows around it.
#include <gtest/gtest.h>

#include "text/card_fixture.hpp"

namespace preflight::testing {
namespace {

core::PixelRect to_px(const CardFixture& card, BoxMm box) {
    return card.geometry.to_px(box, card.geometry.expected_width_px(), card.geometry.expected_height_px());
}

TEST(TextLowContrast, LightGreyOnWhite) {
    CardFixture card;
    Element& e = card.add_text("t1", "Sophie van Dijk", "Lato-Bold.ttf", 24, {14, 40, 120, 14}, TextAlign::center);
    e.color_rgb = {0xEE, 0xEE, 0xEE};
    card.build();
    card.draw_texts();
    const auto findings = card.run("text.low_contrast");
    ASSERT_EQ(findings.size(), 1u);
    const Finding& f = findings[0];
    EXPECT_EQ(f.severity, Severity::warning);
    EXPECT_EQ(f.fix.by, FixBy::customer);
    EXPECT_NEAR(*f.measured, 1.16, 0.02);   // WCAG: (1.0 + 0.05) / (0.855 + 0.05)
    EXPECT_NE(f.message.find("#EEEEEE on a background of about #FFFFFF"), std::string::npos) << f.message;
}

TEST(TextLowContrast, DarkTextOnWhiteAndWhiteTextOnDarkAreClean) {
    CardFixture card;
    card.add_text("t1", "Sophie van Dijk", "DancingScript-Regular.otf", 24, {14, 10, 120, 14}, TextAlign::center);
    Element& white = card.add_text("t2", "12 maart 2026", "Lato-Bold.ttf", 24, {14, 60, 120, 14}, TextAlign::center);
    white.color_rgb = {255, 255, 255};
    fill_rect(card.raster(), to_px(card, {-3, 55, 154, 30}), 0x20, 0x30, 0x50);   // a dark band behind t2
    card.build();
    card.draw_texts();
    EXPECT_TRUE(card.run("text.low_contrast").empty());
}

TEST(TextLowContrast, WhiteTextOnPaleBackgroundPhoto) {
    CardFixture card;
    Element& e = card.add_text("t1", "Welkom", "Lato-Bold.ttf", 30, {30, 40, 90, 16}, TextAlign::center);
    e.color_rgb = {255, 255, 255};
    // A pale, slightly noisy "sky" behind the text.
    auto& raster = card.raster();
    const auto rect = to_px(card, {0, 30, 148, 40});
    for (int y = rect.y0; y < rect.y1; ++y)
        for (int x = rect.x0; x < rect.x1; ++x) {
            auto* p = raster.row(y) + x * 3;
            p[0] = std::uint8_t(215 + (x * 7 + y * 3) % 13);
            p[1] = std::uint8_t(228 + (x * 5 + y) % 11);
            p[2] = std::uint8_t(240 + (x + y * 7) % 9);
        }
    card.build();
    card.draw_texts();
    const auto findings = card.run("text.low_contrast");
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_LT(*findings[0].measured, 1.4);
}

TEST(TextLowContrast, InvisibleTextSameColourAsBackground) {
    CardFixture card;
    Element& e = card.add_text("t1", "Anna", "Lato-Bold.ttf", 30, {30, 40, 90, 16}, TextAlign::center);
    e.color_rgb = {255, 255, 255};
    card.build();
    card.draw_texts();
    const auto findings = card.run("text.low_contrast");
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_NEAR(*findings[0].measured, 1.0, 1e-9);
}

TEST(TextLowContrast, FoilTextIsExempt) {
    CardFixture card;
    Element& e = card.add_text("t1", "Anna", "Lato-Bold.ttf", 30, {30, 40, 90, 16}, TextAlign::center);
    e.color_rgb = {0xF0, 0xE6, 0xC8};   // the editor's pale gold preview of foil
    card.design.pages[0].elements[0].foil = true;
    card.build();
    card.draw_texts();
    EXPECT_TRUE(card.run("text.low_contrast").empty());
    card.design.pages[0].elements[0].foil = false;
    card.build();
    EXPECT_EQ(card.run("text.low_contrast").size(), 1u);
    // Not flagged foil, but the page's foil mask covers it: exempt as well.
    auto mask = std::make_shared<core::Mask>();
    mask->width = card.raster().width;
    mask->height = card.raster().height;
    mask->values.assign(std::size_t(mask->width) * mask->height, 0);
    const auto rect = to_px(card, {20, 35, 110, 30});
    for (int y = rect.y0; y < rect.y1; ++y)
        for (int x = rect.x0; x < rect.x1; ++x) mask->values[std::size_t(y) * mask->width + x] = 255;
    card.foil_mask = mask;
    card.build();
    EXPECT_TRUE(card.run("text.low_contrast").empty());
}

}  // namespace
}  // namespace preflight::testing
