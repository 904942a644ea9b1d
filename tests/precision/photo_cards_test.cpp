// Precision on clean photo cards: real photographs (Debian's mate-backgrounds) placed as the
// editor places them — full bleed, a frame bleeding off three edges, a framed photo with a
// white border — at 300 dpi, saved as JPEG and PNG. None may be held.
#include <gtest/gtest.h>

#include <iostream>
#include <nlohmann/json.hpp>
#include <vips/vips.h>

#include <cstring>

#include "preflight/checker.hpp"
#include "preflight/formats.hpp"
#include "support/test_support.hpp"

namespace preflight {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr double dpi = 300;
int px(double mm) { return int(std::lround(mm * dpi / 25.4)); }

// Pastes `photo` scaled to cover the box [x, y, w, h] (mm, trim origin) into the raster.
void paste_photo(core::Raster& raster, const std::string& photo, double x, double y, double w, double h) {
    core::ensure_vips();
    int x0 = std::max(0, px(x + 3)), y0 = std::max(0, px(y + 3));
    int x1 = std::min(raster.width, px(x + w + 3)), y1 = std::min(raster.height, px(y + h + 3));
    VipsImage* image = nullptr;
    ASSERT_EQ(vips_thumbnail(photo.c_str(), &image, x1 - x0, "height", y1 - y0, "crop", VIPS_INTERESTING_CENTRE, nullptr), 0);
    size_t size = 0;
    auto* data = static_cast<unsigned char*>(vips_image_write_to_memory(image, &size));
    int w_px = vips_image_get_width(image), h_px = vips_image_get_height(image);
    for (int row = 0; row < std::min(h_px, y1 - y0); ++row)
        std::memcpy(raster.row(y0 + row) + x0 * 3, data + std::size_t(row) * w_px * 3, std::size_t(std::min(w_px, x1 - x0)) * 3);
    g_free(data);
    g_object_unref(image);
}

struct PhotoCard {
    std::string name;
    BoxMm frame;
    std::string photo;
    int source_w, source_h;
    std::string raster_name;
    double white_text_y;     // where the text box goes (white text when it sits on the photo)
};

TEST(Precision, RealisticPhotoCardsAreReleased) {
    const std::string nature = "/usr/share/backgrounds/mate/nature/";
    const std::vector<PhotoCard> cards = {
        {"full-bleed-jpeg", {-3, -3, 154, 111}, nature + "LadyBird.jpg", 2560, 1600, "front.jpg", 70},
        {"top-photo-png", {-3, -3, 154, 58}, nature + "YellowFlower.jpg", 2560, 1600, "front.png", 62},
        {"framed-photo", {14, 10, 120, 62}, nature + "GreenMeadow.jpg", 1280, 1024, "front.png", 78},
    };
    testing::TempDir dir;
    for (const auto& card : cards) {
        fs::path root = dir / card.name;
        fs::create_directories(root / "fonts");
        fs::copy_file(testing::system_font("Lato-Regular.ttf"), root / "fonts/Lato-Regular.ttf");
        auto raster = testing::solid_raster(px(154), px(111), 255, 255, 255);
        paste_photo(raster, card.photo, card.frame.x, card.frame.y, card.frame.width, card.frame.height);
        testing::write_raster(raster, root / card.raster_name);
        // The shown part of the upload: the frame's aspect, centred.
        double frame_aspect = card.frame.width / card.frame.height;
        int crop_w = card.source_w, crop_h = int(std::lround(card.source_w / frame_aspect));
        if (crop_h > card.source_h) {
            crop_h = card.source_h;
            crop_w = int(std::lround(card.source_h * frame_aspect));
        }
        bool on_photo = card.white_text_y < card.frame.bottom();
        Json design = {
            {"design_id", card.name}, {"product", "wedding"}, {"trim_mm", {148, 105}},
            {"pages", {{{"name", "front"}, {"raster", card.raster_name}, {"dpi", dpi},
                        {"elements",
                         {{{"id", "p1"}, {"type", "photo"},
                           {"box_mm", {card.frame.x, card.frame.y, card.frame.width, card.frame.height}},
                           {"source_px", {card.source_w, card.source_h}},
                           {"crop_px", {(card.source_w - crop_w) / 2, (card.source_h - crop_h) / 2, crop_w, crop_h}}},
                          {{"id", "t1"}, {"type", "text"}, {"box_mm", {24, card.white_text_y, 100, 12}},
                           {"text", "Anna & Joris\nzaterdag 12 juni 2027"}, {"font_file", "fonts/Lato-Regular.ttf"},
                           {"size_pt", 11}, {"align", "center"}, {"color", on_photo ? "#FFFFFF" : "#333333"}}}}}}}};
        testing::write_text(root / "design.json", design.dump());
        Json order = {{"order_id", card.name}, {"status", "paid"}, {"placed_at", "2026-11-20T14:03:00+01:00"},
                      {"check_service", true},
                      {"shipping_address", {{"name", "Anna de Vries"}, {"street", "Kerkstraat"}, {"house_number", "12"},
                                            {"postcode", "3511 AB"}, {"city", "Utrecht"}}},
                      {"items", {{{"type", "card"}, {"product", "wedding"}, {"quantity", 50}, {"design", "design.json"}},
                                 {{"type", "envelope"}, {"quantity", 50}}}}};
        static const Checker checker(Policy{});
        Verdict verdict = checker.check_order(*parse_order(order.dump()), root);
        std::string findings;
        for (const auto& finding : verdict.findings)
            findings += "\n  " + std::string(to_string(finding.severity)) + " " + finding.check + ": " + finding.message;
        EXPECT_EQ(verdict.verdict, VerdictKind::release) << card.name << findings;
        if (!findings.empty()) std::cout << "[ note ] " << card.name << findings << "\n";   // warnings, for the log
    }
}

}  // namespace
}  // namespace preflight
