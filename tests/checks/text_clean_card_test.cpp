// Clean cards give no text finding at all: every text check on realistic, correct designs.
#include <gtest/gtest.h>

#include "text/card_fixture.hpp"

namespace preflight::testing {
namespace {

double lines_mm(int lines, double size_pt, double line_height = 1.2) { return lines * size_pt * 25.4 / 72 * line_height; }

void expect_clean(CardFixture& card) {
    card.build();
    card.draw_texts();
    const auto findings = card.run_text_checks();
    for (const auto& f : findings) ADD_FAILURE() << f.check << " " << f.element << ": " << f.message;
}

TEST(TextCleanCard, BirthAnnouncementFront) {
    CardFixture card;
    // A photo band on top, text below on white.
    fill_rect(card.raster(), card.geometry.to_px({-3, -3, 154, 55}, card.raster().width, card.raster().height), 0x8A,
              0x9B, 0x7C);
    card.add_element("p1", ElementType::photo, {-3, -3, 154, 55});
    card.add_text("name", "Sophie van Dijk", "DancingScript-Regular.otf", 30, {14, 56, 120, lines_mm(1, 30) + 1},
                  TextAlign::center);
    card.add_text("date", "12 maart 2026", "Lato-Regular.ttf", 11, {14, 72, 120, lines_mm(1, 11) + 1},
                  TextAlign::center);
    card.add_text("facts", "3250 gram · 49 cm\nDochter van Thijs & Floor, zusje van Ĳsbrand", "Lato-Light.ttf", 9,
                  {14, 80, 120, lines_mm(2, 9) + 1}, TextAlign::center);
    card.add_text("print", "sparkles.nl", "Lato-Regular.ttf", 6, {14, 96, 120, lines_mm(1, 6)}, TextAlign::center);
    expect_clean(card);
}

TEST(TextCleanCard, WeddingInvitationInside) {
    CardFixture card;
    card.design.product = "wedding";
    fill_rect(card.raster(), {0, 0, card.raster().width, card.raster().height}, 0xF7, 0xF1, 0xE8);   // cream paper
    card.add_text("names", "Lotte & Daan", "lobster.otf", 28, {10, 12, 128, lines_mm(1, 28) + 2}, TextAlign::center);
    card.add_text("body",
                  "Wij trouwen op zaterdag 12 september 2026 en vieren dat graag met jullie. De ceremonie begint om "
                  "14.00 uur in de Oude Kerk; daarna is er een borrel in de tuin.",
                  "EBGaramond12-Regular.otf", 11, {20, 30, 108, lines_mm(5, 11, 1.35)}, TextAlign::justify);
    card.design.pages[0].elements.back().line_height = 1.35;
    card.add_text("rsvp", "Laat je weten of je komt?", "EBGaramond12-Italic.otf", 11, {20, 72, 108, lines_mm(1, 11) + 1},
                  TextAlign::left);
    card.add_text("rsvp2", "Bel 06 1234 5678 of mail lotte@example.nl", "EBGaramond12-Regular.otf", 11,
                  {20, 78, 108, lines_mm(1, 11) + 1}, TextAlign::left);
    // A foil element and a rotated stamp text in a corner, well inside the safe zone.
    Element& foil = card.add_text("monogram", "L&D", "DancingScript-Bold.otf", 20, {112, 86, 24, 12}, TextAlign::center);
    foil.foil = true;
    foil.color_rgb = {0xC9, 0xA9, 0x5B};
    Element& stamp = card.add_text("stamp", "save the date", "Lato-Bold.ttf", 8, {12, 90, 30, 5}, TextAlign::center);
    stamp.rotation_deg = -8;
    expect_clean(card);
}

TEST(TextCleanCard, RightAlignedColumnsAndWhiteOnDark) {
    CardFixture card;
    fill_rect(card.raster(), {0, 0, card.raster().width, card.raster().height}, 0x1F, 0x2A, 0x44);   // navy card
    for (const char* id : {"l1", "l2", "l3"}) {
        const double y = 20 + 12 * (id[1] - '1');
        Element& e = card.add_text(id, id[1] == '1' ? "Ceremonie" : id[1] == '2' ? "Diner" : "Feest", "Lato-Regular.ttf",
                                   12, {10, y, 50, lines_mm(1, 12) + 1}, TextAlign::right);
        e.color_rgb = {255, 255, 255};
    }
    for (const char* id : {"r1", "r2", "r3"}) {
        const double y = 20 + 12 * (id[1] - '1');
        Element& e = card.add_text(id, id[1] == '1' ? "14.00 uur" : id[1] == '2' ? "18.30 uur" : "21.00 uur",
                                   "Lato-Bold.ttf", 12, {66, y, 60, lines_mm(1, 12) + 1}, TextAlign::left);
        e.color_rgb = {0xE8, 0xC8, 0x7A};
    }
    Element& title = card.add_text("title", "Het programma", "DancingScript-Bold.otf", 24, {14, 60, 120, 14},
                                   TextAlign::center);
    title.color_rgb = {255, 255, 255};
    expect_clean(card);
}

}  // namespace
}  // namespace preflight::testing
