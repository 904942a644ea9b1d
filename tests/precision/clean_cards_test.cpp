// Precision on realistic clean cards: real Dutch and English card texts, real fonts, through
// the whole pipeline (files on disk, Checker::check_order). None of them may be held: a false
// hold costs the service team more than a missed warning.
#include <gtest/gtest.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include <fstream>

#include "preflight/checker.hpp"
#include "preflight/formats.hpp"
#include "support/test_support.hpp"

namespace preflight {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

struct CleanCard {
    std::string name;
    std::string product;
    std::string text;       // one text element, lines separated by \n
    std::string font;       // system font file
    double size_pt;
};

// Writes a one-page card (cream, full bleed) with the text centred in a roomy box, and an
// order around it, then checks it.
Verdict check_card(const CleanCard& card, const testing::TempDir& dir) {
    fs::path root = dir / card.name;
    fs::create_directories(root / "fonts");
    fs::copy_file(testing::system_font(card.font), root / "fonts" / card.font, fs::copy_options::overwrite_existing);
    const double dpi = 150;
    int width = int(std::lround(154 * dpi / 25.4)), height = int(std::lround(111 * dpi / 25.4));
    testing::write_raster(testing::solid_raster(width, height, 250, 243, 227), root / "front.png");
    int lines = 1 + int(std::count(card.text.begin(), card.text.end(), '\n'));
    double box_h = lines * card.size_pt * 1.2 * 25.4 / 72 + 6;
    Json design = {{"design_id", card.name}, {"product", card.product}, {"trim_mm", {148, 105}},
                   {"pages", {{{"name", "front"}, {"raster", "front.png"}, {"dpi", dpi},
                               {"elements", {{{"id", "t1"}, {"type", "text"}, {"box_mm", {10, (105 - box_h) / 2, 128, box_h}},
                                              {"text", card.text}, {"font_file", "fonts/" + card.font},
                                              {"size_pt", card.size_pt}, {"align", "center"}, {"color", "#333333"}}}}}}}};
    testing::write_text(root / "design.json", design.dump());
    Json order = {{"order_id", card.name}, {"status", "paid"}, {"placed_at", "2026-11-20T14:03:00+01:00"},
                  {"check_service", true},
                  {"shipping_address", {{"name", "Anna de Vries"}, {"street", "Kerkstraat"}, {"house_number", "12"},
                                        {"postcode", "3511 AB"}, {"city", "Utrecht"}, {"country", "NL"}}},
                  {"items", {{{"type", "card"}, {"product", card.product}, {"quantity", 50}, {"paper", "linen-350"},
                              {"design", "design.json"}},
                             {{"type", "envelope"}, {"quantity", 50}}}}};
    auto parsed = parse_order(order.dump());
    EXPECT_TRUE(parsed.ok());
    static const Checker checker(Policy{});
    return checker.check_order(*parsed, root);
}

TEST(Precision, RealisticCleanCardsAreReleased) {
    const std::vector<CleanCard> cards = {
        {"birth-emma", "birth_announcement",
         "Hoera! Er is een meisje geboren\nEmma\n14 november 2026\n3420 gram, 50 cm\nDochter van Sanne & Tom\n"
         "Kraambezoek graag na een belletje: 06-12345678", "Lato-Regular.ttf", 11},
        {"birth-lucas", "birth_announcement",
         "Welkom lieve Lucas\ngeboren op zondag 8 november 2026 om 14.32 uur\nGewicht: 3,6 kg\nLengte: 52 cm",
         "EBGaramond12-Regular.otf", 12},
        {"birth-noah", "birth_announcement",
         "Met grote vreugde en dankbaarheid\nkondigen wij de geboorte aan van\nNoah\n1 november 2026\nBroertje van Mila",
         "DejaVuSerif.ttf", 10},
        {"birth-dotted-weight", "birth_announcement", "Welkom Fenna\n30 oktober 2026\n3.180 gram · 49,5 cm",
         "Lato-Regular.ttf", 12},
        {"birth-english", "birth_announcement",
         "It's a boy!\nOliver James\nborn on Friday 13 November 2026\n7 lbs 4 oz\nwith love, Kate & Ben", "Lato-Regular.ttf",
         11},
        {"wedding-lisa", "wedding",
         "Wij gaan trouwen!\nLisa & Mark\nvrijdag 18 juni 2027\nCeremonie om 14.00 uur\nKasteel Groeneveld, Baarn\n"
         "Graag antwoord vóór 1 mei 2027", "DancingScript-Regular.otf", 14},
        {"wedding-save-the-date", "wedding", "Save the date\nJulia & Thomas\n12.06.2027\nTrouwen in Toscane",
         "lobster.otf", 16},
        {"wedding-english", "wedding",
         "Together with their families\nEmily Johnson & Daniel Smith\nrequest the pleasure of your company\n"
         "Saturday, 5 June 2027 at 3 pm\nThe Old Rectory, Bath", "EBGaramond12-Regular.otf", 12},
        {"wedding-thanks", "wedding",
         "Lieve familie en vrienden,\nbedankt voor jullie aanwezigheid op onze bruiloft\nop 12 september 2026.\nSophie & Daan",
         "Lato-Regular.ttf", 11},
        {"invitation-party", "invitation",
         "Je bent uitgenodigd!\nSem wordt 7 jaar\nzaterdag 19 december 2026\nvan 14.00 tot 17.00 uur\n"
         "Lindelaan 12, 3512 JC Utrecht", "DejaVuSans.ttf", 11},
        {"invitation-anniversary", "invitation",
         "50 jaar getrouwd\nJan & Ria Bakker\n1976 – 2026\nWij vieren dit op zaterdag 16 januari 2027\n"
         "in Restaurant De Molen, vanaf 15.00 uur", "EBGaramond12-Regular.otf", 12},
        {"invitation-english", "invitation",
         "You're invited\nto Mia's 30th birthday\nSaturday 12 December 2026, 8 pm\nRSVP to 06 1234 5678",
         "Lato-Regular.ttf", 12},
        {"christmas", "christmas",
         "Fijne feestdagen\nen een gelukkig 2027!\nFamilie de Vries", "DancingScript-Regular.otf", 16},
    };
    testing::TempDir dir;
    for (const auto& card : cards) {
        Verdict verdict = check_card(card, dir);
        std::string findings;
        for (const auto& finding : verdict.findings)
            findings += "\n  " + std::string(to_string(finding.severity)) + " " + finding.check + ": " + finding.message;
        EXPECT_EQ(verdict.verdict, VerdictKind::release) << card.name << findings;
        if (!findings.empty()) std::cout << "[ note ] " << card.name << findings << "\n";   // warnings, for the log
        for (const auto& finding : verdict.findings)
            EXPECT_NE(finding.severity, Severity::error) << card.name << ": " << finding.check << ": " << finding.message;
    }
}

}  // namespace
}  // namespace preflight
