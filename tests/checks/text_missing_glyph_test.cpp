// text.missing_glyph: characters the font lacks, with suggestions from the font's folder.
#include <gtest/gtest.h>

#include <filesystem>

#include "text/card_fixture.hpp"

namespace preflight::testing {
namespace {

TEST(TextMissingGlyph, DutchIjInDancingScript) {
    CardFixture card;
    card.add_text("t1", "Bĳ ons thuis", "DancingScript-Regular.otf", 20, {14, 40, 120, 14});
    card.build();
    const auto findings = card.run("text.missing_glyph");
    ASSERT_EQ(findings.size(), 1u);
    const Finding& f = findings[0];
    EXPECT_EQ(f.severity, Severity::error);
    EXPECT_EQ(f.fix.by, FixBy::service);
    EXPECT_NE(f.message.find("'ĳ' (U+0133)"), std::string::npos) << f.message;
    EXPECT_NE(f.message.find("Dancing Script"), std::string::npos) << f.message;
    // Dancing Script Bold (same folder) lacks it too: no font suggested, but the Dutch way out.
    EXPECT_NE(f.message.find("type 'ij' as two letters"), std::string::npos) << f.message;
    EXPECT_EQ(f.message.find("e.g."), std::string::npos) << f.message;
}

TEST(TextMissingGlyph, EuroInGaramondBoldSuggestsSameFamily) {
    CardFixture card;
    card.add_text("t1", "Cadeau € 25, € 30", "EBGaramond12-Bold.otf", 14, {14, 40, 120, 14});
    card.build();
    const auto findings = card.run("text.missing_glyph");
    ASSERT_EQ(findings.size(), 1u);
    const Finding& f = findings[0];
    EXPECT_NE(f.message.find("'€' (U+20AC)"), std::string::npos) << f.message;
    EXPECT_EQ(f.message.find("','"), std::string::npos) << "the comma is there: " << f.message;
    EXPECT_NE(f.message.find("e.g. EB Garamond"), std::string::npos) << f.message;
    EXPECT_EQ(*f.measured, 1.0);
}

TEST(TextMissingGlyph, EverythingListedOnce) {
    CardFixture card;
    card.add_text("t1", "Chloë, ĳs en €€", "EBGaramond12-Bold.otf", 14, {14, 40, 120, 14});
    card.build();
    const auto findings = card.run("text.missing_glyph");
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_NE(findings[0].message.find("'ë' (U+00EB), 'ĳ' (U+0133) and '€' (U+20AC)"), std::string::npos)
        << findings[0].message;
}

TEST(TextMissingGlyph, CompleteFontsAreClean) {
    CardFixture card;
    card.add_text("t1", "Bĳ ons € Chloë Zoë", "Lato-Regular.ttf", 14, {14, 20, 120, 14});
    card.add_text("t2", "Chloë & Zoë", "DancingScript-Regular.otf", 24, {14, 50, 120, 14});
    card.add_text("t3", "Ĳsbrand — “Geboren”", "EBGaramond12-Regular.otf", 14, {14, 80, 120, 14});
    card.build();
    EXPECT_TRUE(card.run("text.missing_glyph").empty());
}

TEST(TextMissingGlyph, SuggestionsOnlyFromPlainFilesInTheFolder) {
    TempDir dir;
    namespace fs = std::filesystem;
    fs::copy_file(system_font("EBGaramond12-Bold.otf"), dir / "Garamond-Bold.otf");
    fs::copy_file(system_font("Lato-Regular.ttf"), dir / "Lato.ttf");
    fs::create_symlink(system_font("EBGaramond12-Regular.otf"), dir / "Linked.otf");
    write_text(dir / "notes.txt", "not a font");
    CardFixture card;
    card.add_text("t1", "€ 25", "EBGaramond12-Bold.otf", 14, {14, 40, 120, 14});
    card.design.pages[0].elements[0].font_file = (dir / "Garamond-Bold.otf").string();
    card.build();
    const auto findings = card.run("text.missing_glyph");
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_NE(findings[0].message.find("e.g. Lato (Lato.ttf)"), std::string::npos) << findings[0].message;
    EXPECT_EQ(findings[0].message.find("Linked"), std::string::npos) << findings[0].message;
}

}  // namespace
}  // namespace preflight::testing
