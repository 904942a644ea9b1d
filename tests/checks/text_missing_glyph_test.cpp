// text.missing_glyph: characters the font lacks, with suggestions from the font's folder.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "hostile/hostile_support.hpp"
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

TEST(TextMissingGlyph, EmojiWithVariationSelector) {
    CardFixture card;
    // U+2764 U+FE0F: the heart is missing in Lato; the variation selector is not a character
    // that prints, so it is not listed.
    card.add_text("t1", "Met \u2764\uFE0F voor Anna", "Lato-Regular.ttf", 14, {14, 40, 120, 14});
    card.build();
    const auto findings = card.run("text.missing_glyph");
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_NE(findings[0].message.find("(U+2764), which Lato"), std::string::npos) << findings[0].message;
    EXPECT_EQ(findings[0].message.find("FE0F"), std::string::npos) << findings[0].message;
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

// The sibling fonts are listed and read through the input layer: a FIFO named like a font
// never blocks, a link to a font outside the folder is never opened (inotify), a real font
// next to them is still suggested.
TEST(TextMissingGlyph, SiblingFifoAndLinkOutAreNeverOpened) {
    namespace fs = std::filesystem;
    TempDir dir, outside;
    const fs::path decoy = outside / "Decoy.ttf";
    fs::copy_file(system_font("Lato-Regular.ttf"), decoy);
    fs::copy_file(system_font("EBGaramond12-Bold.otf"), dir / "Garamond-Bold.otf");
    fs::copy_file(system_font("Lato-Regular.ttf"), dir / "Lato.ttf");
    ASSERT_EQ(::mkfifo((dir / "Aaa-Pipe.ttf").c_str(), 0600), 0);
    fs::create_symlink(decoy, dir / "Abc-Linked.otf");
    CardFixture card;
    card.add_text("t1", "€ 25", "EBGaramond12-Bold.otf", 14, {14, 40, 120, 14});
    card.design.pages[0].elements[0].font_file = (dir / "Garamond-Bold.otf").string();
    card.build();
    hostile::AccessWatch watch(decoy);
    const auto start = std::chrono::steady_clock::now();
    const auto findings = card.run("text.missing_glyph");
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10)) << "the FIFO blocked the check";
    EXPECT_EQ(watch.events(), 0) << "the font outside the folder was opened";
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_NE(findings[0].message.find("e.g. Lato (Lato.ttf)"), std::string::npos) << findings[0].message;
    EXPECT_EQ(findings[0].message.find("Linked"), std::string::npos) << findings[0].message;
    EXPECT_EQ(findings[0].message.find("Pipe"), std::string::npos) << findings[0].message;
    // The watch itself works.
    EXPECT_FALSE(hostile::read_bytes(dir / "Abc-Linked.otf").empty());
    EXPECT_GT(watch.events(), 0);
}

// A sibling font swapped between a real font and a link out while the check lists and opens
// it: either it is read inside the folder or refused; the outside file is never opened.
TEST(TextMissingGlyph, SiblingSwappedForALinkOutIsNeverFollowed) {
    namespace fs = std::filesystem;
    TempDir dir, outside;
    const fs::path decoy = outside / "Decoy.ttf";
    fs::copy_file(system_font("Lato-Regular.ttf"), decoy);
    fs::copy_file(system_font("EBGaramond12-Bold.otf"), dir / "Garamond-Bold.otf");
    fs::copy_file(system_font("Lato-Regular.ttf"), dir / "staged.bin");   // not a font name: never listed
    fs::create_hard_link(dir / "staged.bin", dir / "Zed.ttf");
    CardFixture card;
    card.add_text("t1", "€ 25", "EBGaramond12-Bold.otf", 14, {14, 40, 120, 14});
    card.design.pages[0].elements[0].font_file = (dir / "Garamond-Bold.otf").string();
    card.build();
    hostile::AccessWatch watch(decoy);
    std::atomic<bool> stop{false};
    std::thread swapper([&] {
        for (bool link = true; !stop.load(); link = !link) {
            std::error_code ec;
            if (link) fs::create_symlink(decoy, dir / "swap.tmp", ec);
            else fs::create_hard_link(dir / "staged.bin", dir / "swap.tmp", ec);
            fs::rename(dir / "swap.tmp", dir / "Zed.ttf", ec);
        }
    });
    // Until both outcomes were seen (a loaded machine may leave the swapper unscheduled).
    int suggested = 0, not_suggested = 0, runs = 0;
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while ((suggested < 3 || not_suggested < 3 || runs < 200) && std::chrono::steady_clock::now() < until) {
        const auto findings = card.run("text.missing_glyph");
        ASSERT_EQ(findings.size(), 1u);
        ++(findings[0].message.find("(Zed.ttf)") != std::string::npos ? suggested : not_suggested);
        ++runs;
    }
    stop.store(true);
    swapper.join();
    EXPECT_EQ(watch.events(), 0) << "the font outside the folder was opened (" << runs << " runs)";
    EXPECT_GT(suggested, 0) << "the real font was never read";
    EXPECT_GT(not_suggested, 0) << "the link was never in place during a run";
}

}  // namespace
}  // namespace preflight::testing
