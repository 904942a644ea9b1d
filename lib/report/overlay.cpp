// Overlay pictures for the report (see overlay.hpp), drawn with libvips.
#include "report/overlay.hpp"

#include <vips/vips.h>

#include <algorithm>
#include <cmath>

#include "core/raster.hpp"

namespace preflight::report {

namespace {

struct Image {
    VipsImage* image = nullptr;
    ~Image() { if (image) g_object_unref(image); }
    void reset(VipsImage* next) { if (image) g_object_unref(image); image = next; }
};

std::string vips_message() {
    std::string message = vips_error_buffer();
    vips_error_clear();
    return message;
}

void draw_frame(VipsImage* image, const double ink[3], int left, int top, int width, int height, int thickness) {
    for (int t = 0; t < thickness; ++t)
        vips_draw_rect(image, const_cast<double*>(ink), 3, left + t, top + t, std::max(1, width - 2 * t),
                       std::max(1, height - 2 * t), nullptr);
}

// A filled label with the finding's number at (x, y).
void draw_label(VipsImage* image, const double background[3], int number, int x, int y) {
    VipsImage* text = nullptr;
    std::string digits = std::to_string(number);
    if (vips_text(&text, digits.c_str(), "font", "sans bold 20", "dpi", 120, nullptr) != 0) {
        vips_error_clear();
        return;
    }
    int w = vips_image_get_width(text) + 8, h = vips_image_get_height(text) + 4;
    x = std::clamp(x, 0, std::max(0, vips_image_get_width(image) - w));
    y = std::clamp(y, 0, std::max(0, vips_image_get_height(image) - h));
    vips_draw_rect(image, const_cast<double*>(background), 3, x, y, w, h, "fill", TRUE, nullptr);
    double white[3] = {255, 255, 255};
    // Paint white where the glyphs are: draw_mask takes the text as an 8-bit mask.
    if (vips_draw_mask(image, white, 3, text, x + 4, y + 2, nullptr) != 0) vips_error_clear();
    g_object_unref(text);
}

}  // namespace

bool write_overlay(const PageRef& page, const std::vector<OverlayMark>& marks, int width_px,
                   const std::string& out_file, std::string& error) {
    core::ensure_vips();
    Image image;
    // Through the input layer's decoder (allow-listed formats, from bytes): no file name
    // reaches libvips. The page was decoded once for the checks; this re-read is for the
    // report only (TODO: take the prepared design's pixels instead).
    core::DecodeLimits limits;
    auto decoded = core::decode_raster(page.raster_file, limits);
    if (!decoded.error_check.empty()) {
        error = decoded.error;
        return false;
    }
    image.image = vips_image_new_from_memory_copy(decoded.raster.pixels.data(), decoded.raster.pixels.size(),
                                                 decoded.raster.width, decoded.raster.height, 3, VIPS_FORMAT_UCHAR);
    VipsImage* next = nullptr;
    if (image.image && decoded.raster.width > width_px) {
        if (vips_resize(image.image, &next, double(width_px) / decoded.raster.width, nullptr) != 0) {
            error = vips_message();
            return false;
        }
        image.reset(next);
    }
    if (!image.image) {
        error = vips_message();
        return false;
    }
    if (vips_colourspace(image.image, &next, VIPS_INTERPRETATION_sRGB, nullptr) != 0) {
        error = vips_message();
        return false;
    }
    image.reset(next);
    if (vips_image_hasalpha(image.image)) {
        if (vips_flatten(image.image, &next, nullptr) != 0) {
            error = vips_message();
            return false;
        }
        image.reset(next);
    }
    if (vips_image_get_bands(image.image) > 3) {
        if (vips_extract_band(image.image, &next, 0, "n", 3, nullptr) != 0) {
            error = vips_message();
            return false;
        }
        image.reset(next);
    }
    if (vips_cast(image.image, &next, VIPS_FORMAT_UCHAR, nullptr) != 0 || !(image.reset(next), true) ||
        !(next = vips_image_copy_memory(image.image))) {
        error = vips_message();
        return false;
    }
    image.reset(next);

    // Millimetres (trim origin) -> pixels of the shrunk page.
    double full_width_px = (page.trim_width_mm + 2 * page.bleed_mm) * page.dpi / 25.4;
    double scale = vips_image_get_width(image.image) / full_width_px * page.dpi / 25.4;
    auto px = [&](double mm) { return int(std::lround((mm + page.bleed_mm) * scale)); };
    double grey[3] = {120, 120, 120}, green[3] = {40, 150, 90};
    draw_frame(image.image, grey, px(0), px(0), px(page.trim_width_mm) - px(0), px(page.trim_height_mm) - px(0), 1);
    double safe_mm = page.safe_mm;
    if (safe_mm > 0)
        draw_frame(image.image, green, px(safe_mm), px(safe_mm), px(page.trim_width_mm - safe_mm) - px(safe_mm),
                   px(page.trim_height_mm - safe_mm) - px(safe_mm), 1);
    for (const auto& mark : marks) {
        double red[3] = {220, 38, 38}, orange[3] = {230, 130, 0}, blue[3] = {40, 90, 200};
        const double* ink = mark.severity == Severity::error ? red : mark.severity == Severity::warning ? orange : blue;
        int left = px(mark.where_mm[0]), top = px(mark.where_mm[1]);
        int width = std::max(3, px(mark.where_mm[0] + mark.where_mm[2]) - left);
        int height = std::max(3, px(mark.where_mm[1] + mark.where_mm[3]) - top);
        draw_frame(image.image, ink, left, top, width, height, 3);
        draw_label(image.image, ink, mark.number, left, top - 20 < 0 ? top + 3 : top - 20);
    }
    if (vips_image_write_to_file(image.image, out_file.c_str(), "Q", 82, nullptr) != 0) {
        error = vips_message();
        return false;
    }
    return true;
}

}  // namespace preflight::report
