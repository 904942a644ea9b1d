// The card the fix tests repair (see fix_card.hpp).
#include "fix/fix_card.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/test_support.hpp"

namespace preflight::testing {

namespace {

using Json = nlohmann::ordered_json;

Json text_element(const std::string& id, const std::string& text, double size_pt, BoxMm box, const std::string& align) {
    return {{"id", id},     {"type", "text"},   {"box_mm", {box.x, box.y, box.width, box.height}},
            {"text", text}, {"font_file", "../fonts/DejaVuSans.ttf"}, {"size_pt", size_pt},
            {"align", align}, {"color", "#3A3A3A"}, {"wrap", false}, {"locked", true}};
}

}  // namespace

FixCard write_fix_card(const std::filesystem::path& root, bool blocked, PageEncoding encoding) {
    namespace fs = std::filesystem;
    FixCard card;
    fs::create_directories(root / "fonts");
    fs::create_directories(root / "card");
    fs::copy_file(system_font("DejaVuSans.ttf"), root / "fonts" / "DejaVuSans.ttf", fs::copy_options::overwrite_existing);
    PagePainter painter(fix_card_trim_w, fix_card_trim_h, fix_card_bleed, fix_card_dpi);
    painter.fill({0, 0, fix_card_trim_w, fix_card_trim_h}, cream);
    painter.texture({0, 0, 60, fix_card_trim_h}, 11);
    card.geometry = painter.geometry();
    card.original = painter.raster();
    const std::string raster = std::string("front.") + extension(encoding);
    write_page(card.original, root / "card" / raster, encoding);
    if (encoding != PageEncoding::png8) {
        // What the checker sees is the decoded file, not the painted pixels.
        auto decoded = core::decode_raster((root / "card" / raster).string(), {});
        EXPECT_TRUE(decoded.error_check.empty()) << decoded.error;
        card.original = decoded.raster;
    }

    Json elements = Json::array();
    elements.push_back({{"id", "p1"}, {"type", "photo"}, {"box_mm", {0, 0, 60, fix_card_trim_h}}, {"source_px", {2400, 4200}}});
    elements.push_back(text_element("t1", "Sophie van Dijk", 20, {70, 20, 30, 12}, "left"));
    elements.push_back(text_element("t2", "12 maart 2026", 14, {100, 88, 46, 8}, "right"));
    if (blocked) {
        elements.push_back(text_element("t3", "Welkom allemaal", 20, {70, 50, 12, 9}, "left"));
        elements.push_back({{"id", "g1"}, {"type", "graphic"}, {"box_mm", {83, 50, 20, 10}}});
        elements.push_back(text_element("t4", "Geboren op", 20, {70, 65, 22, 9}, "left"));
        elements.push_back({{"id", "g2"}, {"type", "graphic"}, {"box_mm", {93, 65, 20, 10}}});
    }
    Json page = {{"name", "front"}, {"raster", raster}, {"dpi", fix_card_dpi}, {"elements", elements}};
    Json design = {{"design_id", "fix-card"}, {"product", "birth_announcement"}, {"editor_version", "3.2"},
                   {"trim_mm", {fix_card_trim_w, fix_card_trim_h}}, {"bleed_mm", fix_card_bleed}, {"safe_mm", 4.0},
                   {"pages", Json::array({page})}};
    write_text(root / "card" / "design.json", design.dump(2));
    return card;
}

}  // namespace preflight::testing
