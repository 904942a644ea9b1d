// Pictures for the report (see overlay.hpp), drawn with libvips.
#include "report/overlay.hpp"

#include <vips/vips.h>

#include <algorithm>
#include <cmath>

#include "core/raster.hpp"
#include "input/decode.hpp"
#include "input/open_beneath.hpp"

namespace preflight::report {

namespace {

struct Image {
    VipsImage* image = nullptr;
    ~Image() { if (image) g_object_unref(image); }
    void reset(VipsImage* next) { if (image) g_object_unref(image); image = next; }
};

std::string vips_message() {
    char* copy = vips_error_buffer_copy();   // copied and cleared under libvips' lock
    std::string message = copy ? copy : "";
    g_free(copy);
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

// 8-bit sRGB, three bands, in memory (drawable).
bool to_drawable(Image& image, std::string& error) {
    VipsImage* next = nullptr;
    if (vips_colourspace(image.image, &next, VIPS_INTERPRETATION_sRGB, nullptr) != 0) return error = vips_message(), false;
    image.reset(next);
    if (vips_image_hasalpha(image.image)) {
        if (vips_flatten(image.image, &next, nullptr) != 0) return error = vips_message(), false;
        image.reset(next);
    }
    if (vips_image_get_bands(image.image) > 3) {
        if (vips_extract_band(image.image, &next, 0, "n", 3, nullptr) != 0) return error = vips_message(), false;
        image.reset(next);
    }
    if (vips_cast(image.image, &next, VIPS_FORMAT_UCHAR, nullptr) != 0) return error = vips_message(), false;
    image.reset(next);
    if (!(next = vips_image_copy_memory(image.image))) return error = vips_message(), false;
    image.reset(next);
    return true;
}

// Design millimetres -> pixels of the picture: `origin_px` is the raster pixel at the
// picture's top-left, `scale` picture pixels per raster pixel.
struct Mapping {
    double px_per_mm, bleed_mm, origin_x_px = 0, origin_y_px = 0, scale = 1;
    int x(double mm) const { return int(std::lround(((mm + bleed_mm) * px_per_mm - origin_x_px) * scale)); }
    int y(double mm) const { return int(std::lround(((mm + bleed_mm) * px_per_mm - origin_y_px) * scale)); }
};

void draw_box(VipsImage* image, const Mapping& map, const std::array<double, 4>& where, const double ink[3], int thickness) {
    const int left = map.x(where[0]), top = map.y(where[1]);
    const int width = std::max(3, map.x(where[0] + where[2]) - left), height = std::max(3, map.y(where[1] + where[3]) - top);
    draw_frame(image, ink, left, top, width, height, thickness);
}

bool write_jpeg(VipsImage* image, const std::string& out_file, std::string& error) {
    if (vips_image_write_to_file(image, out_file.c_str(), "Q", 85, nullptr) != 0) return error = vips_message(), false;
    return true;
}

// The largest page raster file the report reads (the input layer's default max_file_mb).
constexpr std::uint64_t max_raster_bytes = 200ull * 1024 * 1024;

// Reads a page as the checker did: opened once beneath `root` (no link out of it, no FIFO or
// device, regular files only), its bytes decoded by the input layer's allow-listed decoders,
// and no larger than the page it stands for (a file swapped for a bigger one after checking is
// refused from its header). No path string reaches a decoder. Shrunk to at most `width_px`
// wide when that is > 0.
bool load_page(const RasterRef& ref, const PageRef& page, int width_px, Image& image, std::string& error) {
    namespace fs = std::filesystem;
    const fs::path root = ref.root.lexically_normal();
    const fs::path relative = fs::path(ref.raster_file).lexically_normal().lexically_relative(root);
    if (root.empty() || !root.is_absolute() || relative.empty() || relative.is_absolute() || *relative.begin() == "..") {
        error = "'" + ref.raster_file + "' is not beneath '" + root.string() + "'";
        return false;
    }
    const input::RootFolder folder(root.string());
    if (!folder.ok()) {
        error = folder.error();
        return false;
    }
    const input::FileRead file = folder.read(relative.generic_string(), max_raster_bytes);
    if (!file.ok()) {
        error = "'" + ref.raster_file + "' " + file.error;
        return false;
    }
    const double px_per_mm = page.dpi / 25.4;
    const double page_megapixels = (page.trim_width_mm + 2 * page.bleed_mm) * px_per_mm *
                                   (page.trim_height_mm + 2 * page.bleed_mm) * px_per_mm / 1e6;
    core::DecodeLimits limits;
    limits.max_megapixels = std::min(limits.max_megapixels, page_megapixels * 1.05 + 0.01);
    auto decoded = input::decode_raster_bytes(*file.bytes, limits);
    if (!decoded.error_check.empty()) {
        error = "'" + ref.raster_file + "' " + decoded.error;
        return false;
    }
    image.image = vips_image_new_from_memory_copy(decoded.raster.pixels.data(), decoded.raster.pixels.size(),
                                                 decoded.raster.width, decoded.raster.height, 3, VIPS_FORMAT_UCHAR);
    VipsImage* next = nullptr;
    if (image.image && width_px > 0 && decoded.raster.width > width_px) {
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
    return true;
}

}  // namespace

bool write_overlay(const std::filesystem::path& root, const PageRef& page, const std::vector<OverlayMark>& marks,
                   int width_px, const std::string& out_file, std::string& error) {
    core::ensure_vips();
    Image image;
    if (!load_page({root, page.raster_file}, page, width_px, image, error)) return false;
    if (!to_drawable(image, error)) return false;
    const double px_per_mm = page.dpi / 25.4;
    const double full_width_px = (page.trim_width_mm + 2 * page.bleed_mm) * px_per_mm;
    const Mapping map{px_per_mm, page.bleed_mm, 0, 0, vips_image_get_width(image.image) / full_width_px};
    double grey[3] = {120, 120, 120}, green[3] = {40, 150, 90};
    draw_box(image.image, map, {0, 0, page.trim_width_mm, page.trim_height_mm}, grey, 1);
    const double safe_mm = page.safe_mm;
    if (safe_mm > 0)
        draw_box(image.image, map, {safe_mm, safe_mm, page.trim_width_mm - 2 * safe_mm, page.trim_height_mm - 2 * safe_mm}, green, 1);
    for (const auto& mark : marks) {
        double red[3] = {220, 38, 38}, orange[3] = {230, 130, 0}, blue[3] = {40, 90, 200};
        const double* ink = mark.severity == Severity::error ? red : mark.severity == Severity::warning ? orange : blue;
        draw_box(image.image, map, mark.where_mm, ink, 3);
        const int left = map.x(mark.where_mm[0]), top = map.y(mark.where_mm[1]);
        draw_label(image.image, ink, mark.number, left, top - 20 < 0 ? top + 3 : top - 20);
    }
    return write_jpeg(image.image, out_file, error);
}

bool write_picture(const RasterRef& raster, const PageRef& page, const std::vector<Outline>& outlines,
                   const std::optional<std::array<double, 4>>& crop_mm, int width_px, const std::string& out_file,
                   std::string& error) {
    core::ensure_vips();
    Image image;
    if (!load_page(raster, page, 0, image, error)) return false;
    const double px_per_mm = page.dpi / 25.4;
    Mapping map{px_per_mm, page.bleed_mm};
    VipsImage* next = nullptr;
    if (crop_mm) {
        const int raster_w = vips_image_get_width(image.image), raster_h = vips_image_get_height(image.image);
        const auto& c = *crop_mm;
        const int left = std::clamp(int(std::floor((c[0] + page.bleed_mm) * px_per_mm)), 0, raster_w - 1);
        const int top = std::clamp(int(std::floor((c[1] + page.bleed_mm) * px_per_mm)), 0, raster_h - 1);
        const int right = std::clamp(int(std::ceil((c[0] + c[2] + page.bleed_mm) * px_per_mm)), left + 1, raster_w);
        const int bottom = std::clamp(int(std::ceil((c[1] + c[3] + page.bleed_mm) * px_per_mm)), top + 1, raster_h);
        if (vips_crop(image.image, &next, left, top, right - left, bottom - top, nullptr) != 0) return error = vips_message(), false;
        image.reset(next);
        map.origin_x_px = left;
        map.origin_y_px = top;
    }
    map.scale = double(width_px) / vips_image_get_width(image.image);
    // Enlarged edges keep their pixels square (what the team judges is pixel work).
    if (vips_resize(image.image, &next, map.scale, "kernel", map.scale > 1 ? VIPS_KERNEL_NEAREST : VIPS_KERNEL_LANCZOS3,
                    nullptr) != 0)
        return error = vips_message(), false;
    image.reset(next);
    if (!to_drawable(image, error)) return false;
    double grey[3] = {110, 110, 110};
    draw_box(image.image, map, {0, 0, page.trim_width_mm, page.trim_height_mm}, grey, 1);
    for (const auto& outline : outlines) {
        const double ink[3] = {outline.rgb[0], outline.rgb[1], outline.rgb[2]};
        draw_box(image.image, map, outline.where_mm, ink, outline.thickness_px);
    }
    return write_jpeg(image.image, out_file, error);
}

}  // namespace preflight::report
