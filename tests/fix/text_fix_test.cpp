// lib/fix/text_fix on single elements with a real font: which way a box grows, when a move is
// refused, and that every accepted fix really fits (laid out again with HarfBuzz).
#include <gtest/gtest.h>

#include "fix/text_fix.hpp"
#include "support/test_support.hpp"

namespace preflight {
namespace {

class FixText : public ::testing::Test {
protected:
    void SetUp() override {
        std::string check, error;
        font_ = fonts_.get(testing::system_font("DejaVuSans.ttf").string(), check, error);
        ASSERT_TRUE(font_) << error;
        settings_.trim_width_mm = 148;
        settings_.trim_height_mm = 105;
    }
    static Element text(const std::string& content, double size_pt, BoxMm box, TextAlign align) {
        Element e;
        e.id = "t";
        e.type = ElementType::text;
        e.text = content;
        e.size_pt = size_pt;
        e.box_mm = box;
        e.align = align;
        e.wrap = false;
        return e;
    }
    text::FontCache fonts_;
    std::shared_ptr<const text::Font> font_;
    fix::TextFixSettings settings_;
};

TEST_F(FixText, CentredTextGrowsOnBothSidesAndFits) {
    const Element e = text("Sophie van Dijk", 20, {59, 40, 30, 12}, TextAlign::center);
    const auto out = fix::fix_overflow(e, *font_, {}, settings_);
    ASSERT_EQ(out.status, FixStatus::applied) << out.reason;
    EXPECT_NEAR(out.after.box_mm.x + out.after.box_mm.width / 2, 74.0, 0.01);
    EXPECT_GT(out.after.box_mm.width, 50.0);
    EXPECT_EQ(out.after.size_pt, 20);
    const auto layout = text::layout_text(out.after, *font_);
    EXPECT_LE(layout.ink_box_mm.right(), out.after.box_mm.width + settings_.overflow_tolerance_mm);
    EXPECT_GE(layout.ink_box_mm.x, -settings_.overflow_tolerance_mm);
}

TEST_F(FixText, BoxThatWouldLeaveTheSafeZoneShrinksTheTextInstead) {
    const Element e = text("Sophie van Dijk", 20, {110, 40, 30, 12}, TextAlign::left);
    const auto out = fix::fix_overflow(e, *font_, {}, settings_);
    ASSERT_EQ(out.status, FixStatus::applied) << out.reason;
    EXPECT_EQ(out.after.box_mm, e.box_mm);
    EXPECT_LT(out.after.size_pt, 20);
    EXPECT_NE(out.action.find("safe zone"), std::string::npos) << out.action;
}

TEST_F(FixText, MoveIntoTheSafeZoneIsRefusedWhenItWouldCoverAnotherElement) {
    const Element e = text("12 maart 2026", 14, {1, 60, 46, 8}, TextAlign::left);
    const auto free = fix::fix_safe_zone(e, *font_, {}, settings_);
    ASSERT_EQ(free.status, FixStatus::applied) << free.reason;
    EXPECT_GT(free.after.box_mm.x, 3.0);
    const BoxMm ink = fix::printed_ink(free.after, text::layout_text(free.after, *font_));
    EXPECT_GE(ink.x, settings_.safe_mm - settings_.safe_tolerance_mm);

    const auto blocked = fix::fix_safe_zone(e, *font_, {{"g9", {47.5, 58, 20, 12}}}, settings_);
    EXPECT_EQ(blocked.status, FixStatus::unfixed);
    EXPECT_NE(blocked.reason.find("'g9'"), std::string::npos) << blocked.reason;
    EXPECT_EQ(blocked.after.box_mm, e.box_mm);
    // A background under the whole card (already under the text) does not block the move.
    const auto background = fix::fix_safe_zone(e, *font_, {{"bg", {-3, -3, 154, 111}}}, settings_);
    EXPECT_EQ(background.status, FixStatus::applied) << background.reason;
}

TEST_F(FixText, TextWiderThanTheSafeAreaCannotBeMoved) {
    const Element e = text("Sophie van Dijk en Daan de Vries", 30, {-2, 40, 152, 15}, TextAlign::center);
    const auto out = fix::fix_safe_zone(e, *font_, {}, settings_);
    EXPECT_EQ(out.status, FixStatus::unfixed);
    EXPECT_NE(out.reason.find("wider than the safe area"), std::string::npos) << out.reason;
}

}  // namespace
}  // namespace preflight
