// layout_text against an independent FreeType rendering, plus wrapping, alignment, metrics,
// normalisation, rotation and missing glyphs.
#include <gtest/gtest.h>

#include "support/test_support.hpp"
#include "text/layout.hpp"
#include "text/reference_render.hpp"

namespace preflight::text {
namespace {

using testing::reference_ink;
using testing::reference_metrics;
using testing::system_font;

std::shared_ptr<const Font> load(const std::string& file) {
    static FontCache cache;
    std::string check, error;
    auto font = cache.get(system_font(file).string(), check, error);
    EXPECT_TRUE(font) << error;
    return font;
}

Element text_element(const std::string& text, double size_pt, BoxMm box, TextAlign align = TextAlign::left) {
    Element e;
    e.id = "t1";
    e.type = ElementType::text;
    e.text = text;
    e.size_pt = size_pt;
    e.box_mm = box;
    e.align = align;
    return e;
}

struct InkCase {
    const char* font;
    const char* text;
    double size_pt;
};

class InkAgainstRaster : public ::testing::TestWithParam<InkCase> {};

// Ink of a single left-aligned line = the pixels FreeType renders, at the baseline the
// font's own tables give (independent of HarfBuzz's metrics).
TEST_P(InkAgainstRaster, MatchesRenderedPixels) {
    const InkCase c = GetParam();
    auto font = load(c.font);
    ASSERT_TRUE(font);
    Element e = text_element(c.text, c.size_pt, {10, 20, 400, 50}, TextAlign::left);
    e.wrap = false;
    const TextLayout layout = layout_text(e, *font);
    const auto ref = reference_ink(system_font(c.font).string(), c.text, c.size_pt);
    const auto metrics = reference_metrics(system_font(c.font).string(), c.size_pt);
    ASSERT_TRUE(layout.has_ink);
    ASSERT_TRUE(ref.has_ink);
    ASSERT_EQ(layout.lines.size(), 1u);
    const double line_height = c.size_pt * 25.4 / 72 * 1.2;
    const double baseline = (line_height - metrics.ascender_mm - metrics.descender_mm) / 2 + metrics.ascender_mm;
    EXPECT_NEAR(layout.ascender_mm, metrics.ascender_mm, 1e-6);
    EXPECT_NEAR(layout.descender_mm, metrics.descender_mm, 1e-6);
    EXPECT_NEAR(layout.lines[0].baseline_mm, baseline, 1e-6);
    EXPECT_NEAR(layout.lines[0].advance_mm, ref.advance_mm, 0.01);
    const double tolerance_mm = 0.08;   // 3 px at 40 px/mm
    const BoxMm ink = layout.ink_box_mm;
    EXPECT_NEAR(ink.x, ref.left_mm, tolerance_mm);
    EXPECT_NEAR(ink.right(), ref.right_mm, tolerance_mm);
    EXPECT_NEAR(ink.y, baseline + ref.top_mm, tolerance_mm);
    EXPECT_NEAR(ink.bottom(), baseline + ref.bottom_mm, tolerance_mm);
    // On the page: offset by the box origin (no rotation).
    EXPECT_NEAR(layout.ink_page_mm.x, 10 + ink.x, 1e-9);
    EXPECT_NEAR(layout.ink_page_mm.y, 20 + ink.y, 1e-9);
}

INSTANTIATE_TEST_SUITE_P(
    Fonts, InkAgainstRaster,
    ::testing::Values(InkCase{"DancingScript-Regular.otf", "Sophie van Dijk", 24},
                      InkCase{"DancingScript-Bold.otf", "Thijs & Floor", 30},
                      InkCase{"lobster.otf", "Lotte Jansen", 28},
                      InkCase{"DejaVuSans.ttf", "Geboren op 12 maart 2026", 11},
                      InkCase{"Lato-Regular.ttf", "Welkom Émile, Ångström!", 14},
                      InkCase{"Lato-Hairline.ttf", "fijne jaarwisseling", 18},
                      InkCase{"EBGaramond12-Italic.otf", "Quirine & Joost", 22},
                      InkCase{"EBGaramond12-Regular.otf", "gyp Qj", 40}));

// Several centred lines, each placed by its own advance: every line's ink against its own
// rendering at the position formats.md prescribes.
TEST(TextLayout, CentredLinesMatchRenderedPixels) {
    const char* file = "DancingScript-Regular.otf";
    auto font = load(file);
    const std::string path = system_font(file).string();
    Element e = text_element("Sophie\nvan Dijk\n12 maart 2026", 22, {0, 0, 90, 40}, TextAlign::center);
    e.line_height = 1.4;
    const TextLayout layout = layout_text(e, *font);
    ASSERT_EQ(layout.lines.size(), 3u);
    const auto metrics = reference_metrics(path, 22);
    const double line_height = 22 * 25.4 / 72 * 1.4;
    const char* texts[] = {"Sophie", "van Dijk", "12 maart 2026"};
    for (std::size_t i = 0; i < 3; ++i) {
        const auto ref = reference_ink(path, texts[i], 22);
        const double x = (90 - ref.advance_mm) / 2;
        const double baseline =
            double(i) * line_height + (line_height - metrics.ascender_mm - metrics.descender_mm) / 2 + metrics.ascender_mm;
        const auto& line = layout.lines[i];
        EXPECT_EQ(line.text, texts[i]);
        EXPECT_NEAR(line.x_mm, x, 0.01);
        EXPECT_NEAR(line.baseline_mm, baseline, 1e-6);
        EXPECT_NEAR(line.ink_mm.x, x + ref.left_mm, 0.08) << texts[i];
        EXPECT_NEAR(line.ink_mm.right(), x + ref.right_mm, 0.08) << texts[i];
        EXPECT_NEAR(line.ink_mm.y, baseline + ref.top_mm, 0.08) << texts[i];
        EXPECT_NEAR(line.ink_mm.bottom(), baseline + ref.bottom_mm, 0.08) << texts[i];
    }
}

// A script capital's swash reaches past the advance box: ink is wider than the advance.
TEST(TextLayout, SwashInkReachesOutsideAdvance) {
    auto font = load("DancingScript-Regular.otf");
    Element e = text_element("f", 40, {0, 0, 100, 30});
    const TextLayout layout = layout_text(e, *font);
    ASSERT_TRUE(layout.has_ink);
    const auto& line = layout.lines.at(0);
    // The 'f' of Dancing Script descends below the baseline and overhangs its advance.
    EXPECT_GT(line.ink_mm.right() - line.ink_mm.x, line.advance_mm);
    EXPECT_GT(line.ink_mm.bottom(), line.baseline_mm + 1.0);
}

TEST(TextLayout, WrapsGreedilyAtSpaces) {
    auto font = load("DejaVuSans.ttf");
    const std::string path = system_font("DejaVuSans.ttf").string();
    const double two_words = reference_ink(path, "aaa bbb", 12).advance_mm;
    const double three_words = reference_ink(path, "aaa bbb ccc", 12).advance_mm;
    Element e = text_element("aaa bbb ccc ddd", 12, {0, 0, (two_words + three_words) / 2, 40});
    TextLayout layout = layout_text(e, *font);
    ASSERT_EQ(layout.lines.size(), 2u);
    EXPECT_EQ(layout.lines[0].text, "aaa bbb");
    EXPECT_EQ(layout.lines[1].text, "ccc ddd");
    EXPECT_NEAR(layout.lines[0].advance_mm, two_words, 0.01);   // trailing space not measured
    const double line_height = 12 * 25.4 / 72 * 1.2;
    EXPECT_NEAR(layout.lines[1].baseline_mm - layout.lines[0].baseline_mm, line_height, 1e-9);

    // Exactly the width of two words still fits them on one line.
    e.box_mm.width = layout.lines[0].advance_mm;
    layout = layout_text(e, *font);
    EXPECT_EQ(layout.lines.at(0).text, "aaa bbb");

    // A word longer than the box stays whole on its line and overflows.
    e.text = "Onoverwinnelijkheid is";
    e.box_mm.width = 10;
    layout = layout_text(e, *font);
    ASSERT_EQ(layout.lines.size(), 2u);
    EXPECT_EQ(layout.lines[0].text, "Onoverwinnelijkheid");
    EXPECT_GT(layout.ink_box_mm.right(), 10);

    // wrap=false: one line per paragraph whatever the width.
    e.text = "aaa bbb ccc ddd\neee";
    e.wrap = false;
    layout = layout_text(e, *font);
    ASSERT_EQ(layout.lines.size(), 2u);
    EXPECT_EQ(layout.lines[0].text, "aaa bbb ccc ddd");
    EXPECT_EQ(layout.lines[1].text, "eee");

    // The width override re-wraps (used to search the box that fits).
    e.wrap = true;
    e.text = "aaa bbb ccc ddd";
    layout = layout_text(e, *font, 0, 500);
    EXPECT_EQ(layout.lines.size(), 1u);
}

TEST(TextLayout, ExplicitBreaksAndEmptyLines) {
    auto font = load("Lato-Regular.ttf");
    Element e = text_element("Sophie\n\n12 maart 2026\r\nUtrecht", 12, {0, 0, 100, 40});
    const TextLayout layout = layout_text(e, *font);
    ASSERT_EQ(layout.lines.size(), 4u);
    EXPECT_EQ(layout.lines[1].text, "");
    EXPECT_FALSE(layout.lines[1].has_ink);
    EXPECT_EQ(layout.lines[3].text, "Utrecht");
    EXPECT_NEAR(layout.lines[3].baseline_mm - layout.lines[0].baseline_mm, 3 * layout.line_height_mm, 1e-9);
}

TEST(TextLayout, AlignsByAdvanceWidth) {
    auto font = load("Lato-Regular.ttf");
    Element e = text_element("Anna", 12, {0, 0, 80, 20}, TextAlign::center);
    TextLayout layout = layout_text(e, *font);
    const double advance = layout.lines.at(0).advance_mm;
    EXPECT_NEAR(layout.lines[0].x_mm, (80 - advance) / 2, 1e-9);
    e.align = TextAlign::right;
    layout = layout_text(e, *font);
    EXPECT_NEAR(layout.lines[0].x_mm, 80 - advance, 1e-9);
    // A line wider than its box is start-aligned (CSS Text 3) and overflows on the right.
    e.box_mm.width = advance / 2;
    e.align = TextAlign::center;
    layout = layout_text(e, *font);
    EXPECT_NEAR(layout.lines[0].x_mm, 0, 1e-9);
}

TEST(TextLayout, JustifyStretchesAllButLastLine) {
    auto font = load("EBGaramond12-Regular.otf");
    Element e = text_element("Wij zijn heel blij met de geboorte van onze dochter en zus", 12, {0, 0, 45, 60},
                             TextAlign::justify);
    const TextLayout layout = layout_text(e, *font);
    ASSERT_GE(layout.lines.size(), 3u);
    for (std::size_t i = 0; i + 1 < layout.lines.size(); ++i) {
        EXPECT_NEAR(layout.lines[i].advance_mm, 45, 1e-9);
        EXPECT_NEAR(layout.lines[i].ink_mm.right(), 45, 0.3) << layout.lines[i].text;   // side bearing only
    }
    EXPECT_LT(layout.lines.back().advance_mm, 45);
    EXPECT_NEAR(layout.lines.back().x_mm, 0, 1e-9);
}

TEST(TextLayout, RotationTurnsInkAroundBoxCentre) {
    auto font = load("DejaVuSans.ttf");
    Element e = text_element("Anna", 20, {20, 30, 60, 20}, TextAlign::center);
    const TextLayout flat = layout_text(e, *font);
    e.rotation_deg = 90;
    const TextLayout turned = layout_text(e, *font);
    // In box coordinates nothing changes; on the page the box turns about (50, 40).
    EXPECT_EQ(turned.ink_box_mm, flat.ink_box_mm);
    const BoxMm a = flat.ink_page_mm, b = turned.ink_page_mm;
    EXPECT_NEAR(b.width, a.height, 1e-6);
    EXPECT_NEAR(b.height, a.width, 1e-6);
    // Clockwise on screen: a point above the centre moves to the right of it.
    EXPECT_NEAR(b.x, 50 - (a.bottom() - 40), 1e-6);
    EXPECT_NEAR(b.y, 40 + (a.x - 50), 1e-6);
}

TEST(TextLayout, NormalisesToNfc) {
    auto font = load("Lato-Regular.ttf");
    Element e = text_element("Zoe\xCC\x88", 12, {0, 0, 80, 20});   // e + combining diaeresis
    const TextLayout layout = layout_text(e, *font);
    EXPECT_EQ(layout.lines.at(0).text, "Zo\xC3\xAB");
    EXPECT_EQ(normalize_nfc("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
}

TEST(TextLayout, TabsAndControlCharacters) {
    auto font = load("Lato-Regular.ttf");
    Element e = text_element("Anna\tThijs\x07", 12, {0, 0, 80, 20});
    const TextLayout layout = layout_text(e, *font);
    EXPECT_EQ(layout.lines.at(0).text, "Anna Thijs");
    EXPECT_TRUE(layout.missing_codepoints.empty());
}

TEST(TextLayout, MissingGlyphsOnceEachInOrder) {
    // Dancing Script has no 'ĳ' (U+0133); EB Garamond 12 Bold has neither '€' nor 'ĳ' nor 'ë'.
    auto dancing = load("DancingScript-Regular.otf");
    Element e = text_element("Bĳ de ĳsbaan, ĳs", 20, {0, 0, 120, 30});
    TextLayout layout = layout_text(e, *dancing);
    EXPECT_EQ(layout.missing_codepoints, std::vector<char32_t>{0x133});
    EXPECT_FALSE(font_has_glyph(*dancing, 0x133));
    EXPECT_TRUE(font_has_glyph(*dancing, 0x20AC));

    auto bold = load("EBGaramond12-Bold.otf");
    e.text = "€ 5 voor Chloë en ĳs €";
    layout = layout_text(e, *bold);
    EXPECT_EQ(layout.missing_codepoints, (std::vector<char32_t>{0x20AC, 0xEB, 0x133}));

    auto lato = load("Lato-Regular.ttf");
    layout = layout_text(e, *lato);
    EXPECT_TRUE(layout.missing_codepoints.empty());
}

// Right-to-left paragraphs: HarfBuzz lists their glyphs with falling clusters, and each line
// still gets exactly its own glyphs (a line's glyphs are found by bisection, both ways).
TEST(TextLayout, RightToLeftLinesGetTheirOwnGlyphs) {
    auto dejavu = load("DejaVuSans.ttf");
    std::string hebrew;
    for (int i = 0; i < 60; ++i) hebrew += i % 7 == 3 ? "\u05e9\u05dc\u05d5\u05dd\u4e2d " : "\u05e9\u05dc\u05d5\u05dd ";
    Element e = text_element(hebrew, 12, {0, 0, 40, 200});
    TextLayout rtl = layout_text(e, *dejavu);
    ASSERT_GT(rtl.lines.size(), 5u);
    double widest = 0;
    std::size_t letters = 0;
    for (const auto& line : rtl.lines) {
        EXPECT_TRUE(line.has_ink) << line.text;
        EXPECT_LE(line.advance_mm, 40 + 1e-6);
        EXPECT_LE(line.ink_mm.right(), 40.5);   // ink stays near the advance box, never a whole paragraph wide
        widest = std::max(widest, line.ink_mm.width);
        letters += line.text.size();
    }
    EXPECT_GT(widest, 20.0);
    EXPECT_EQ(letters + rtl.lines.size() - 1, hebrew.size() - 1);   // every byte on one line; the spaces between
    EXPECT_EQ(rtl.missing_codepoints, std::vector<char32_t>{0x4E2D});   // DejaVu Sans has no CJK
    // The same words left-to-right break into as many lines of the same widths.
    std::string latin;
    for (int i = 0; i < 60; ++i) latin += "abcd ";
    e.text = latin;
    TextLayout ltr = layout_text(e, *dejavu);
    ASSERT_GT(ltr.lines.size(), 5u);
    for (const auto& line : ltr.lines) EXPECT_TRUE(line.has_ink);
}

TEST(TextLayout, FontNames) {
    auto font = load("EBGaramond12-Italic.otf");
    const TextLayout layout = layout_text(text_element("x", 10, {0, 0, 10, 10}), *font);
    EXPECT_EQ(layout.font_family, font_family_name(*font));
    EXPECT_NE(layout.font_family.find("Garamond"), std::string::npos);
    EXPECT_NE(layout.font_style.find("Italic"), std::string::npos);   // "12 Italic" (name ID 17)
    EXPECT_EQ(font_family(*load("Lato-Regular.ttf")), "Lato");
    EXPECT_EQ(font_family(*load("Lato-Bold.ttf")), "Lato Bold");
}

TEST(TextLayout, EmptyAndZeroSize) {
    auto font = load("Lato-Regular.ttf");
    EXPECT_FALSE(layout_text(text_element("", 12, {0, 0, 10, 10}), *font).has_ink);
    EXPECT_TRUE(layout_text(text_element("abc", 0, {0, 0, 10, 10}), *font).lines.empty());
    EXPECT_FALSE(layout_text(text_element("   ", 12, {0, 0, 10, 10}), *font).has_ink);
}

}  // namespace
}  // namespace preflight::text
