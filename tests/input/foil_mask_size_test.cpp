// A foil mask is "a raster of the same size" as its page (formats.md), and the page raster may be
// a pixel off trim + 2 x bleed at its dpi (input.raster_size tolerance_px): the mask gets the same
// tolerance, is fitted to the raster and used; a mask further off is still input.raster_size.
#include <gtest/gtest.h>

#include "hostile/hostile_support.hpp"
#include "preflight/checker.hpp"

namespace preflight {
namespace {

using hostile::OneCardExport;
using hostile::page_height_px;
using hostile::page_width_px;

// A clean full-bleed page with a foil mask of `width` x `height` px, inked in a band that
// reaches the mask's right and bottom edges.
void write_card(const OneCardExport& card, int width, int height) {
    testing::write_raster(testing::solid_raster(page_width_px, page_height_px, 240, 232, 220), card / "front.png");
    core::Raster mask = testing::solid_raster(width, height, 0, 0, 0);
    testing::fill_rect(mask, {width / 2, height / 2, width, height}, 255, 255, 255);
    testing::write_raster(mask, card / "foil.png");
    card.write_design_text(R"({"design_id": "foil", "product": "christmas", "trim_mm": [20, 10], "bleed_mm": 1, "safe_mm": 1,
 "pages": [{"name": "front", "raster": "front.png", "foil_mask": "foil.png", "dpi": 254, "elements": []}]})");
}

std::vector<Finding> check_with_foil(const OneCardExport& card) {
    static const Checker checker{[] {
        Policy policy;
        policy.papers["linen-350"].finishes = {"gold-foil"};
        policy.has_paper_catalogue = true;
        return policy;
    }()};
    OrderItem item;
    item.paper = "linen-350";
    item.type = "card";
    item.product = "christmas";
    item.quantity = 10;
    item.finishes = {"gold-foil"};
    item.design = "design.json";
    return checker.check_design("design.json", AssetSource::files(card.root()), &item);
}

std::string ids(const std::vector<Finding>& findings) {
    std::string text;
    for (const auto& finding : findings) text += finding.check + " (" + finding.message + ") ";
    return text;
}

bool has(const std::vector<Finding>& findings, const std::string& check) {
    for (const auto& finding : findings)
        if (finding.check == check) return true;
    return false;
}

TEST(FoilMaskSize, APixelOffTheRasterIsAcceptedAndUsed) {
    for (auto [dx, dy] : {std::pair{1, 0}, std::pair{0, 1}, std::pair{-1, 0}, std::pair{-1, 1}, std::pair{1, 1}}) {
        OneCardExport card;
        write_card(card, page_width_px + dx, page_height_px + dy);
        const auto findings = check_with_foil(card);
        // Used: the ordered foil finds its mask (no product.foil_layer "nothing to print in foil").
        EXPECT_TRUE(findings.empty()) << dx << "," << dy << ": " << ids(findings);
    }
}

TEST(FoilMaskSize, FurtherOffIsStillARasterSizeError) {
    for (auto [dx, dy] : {std::pair{3, 0}, std::pair{0, -2}, std::pair{40, 20}}) {
        OneCardExport card;
        write_card(card, page_width_px + dx, page_height_px + dy);
        const auto findings = check_with_foil(card);
        EXPECT_TRUE(has(findings, "input.raster_size")) << dx << "," << dy << ": " << ids(findings);
    }
}

TEST(FoilMaskSize, TheOrderOfAMaskAPixelOffIsNotAnError) {
    OneCardExport card;
    write_card(card, page_width_px + 1, page_height_px);
    const Verdict verdict = card.check();
    EXPECT_FALSE(hostile::has_finding(verdict, "input.raster_size")) << hostile::finding_ids(verdict);
    EXPECT_NE(verdict.verdict, VerdictKind::error) << hostile::finding_ids(verdict);
}

}  // namespace
}  // namespace preflight
