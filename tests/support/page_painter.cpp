// The deterministic page renderer for tests (see page_painter.hpp).
#include "support/page_painter.hpp"

#include <gtest/gtest.h>
#include <vips/vips.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace preflight::testing {

namespace {

// A well-mixed 32-bit hash (lowbias32), so textures never depend on a library's random engine.
std::uint32_t mix(std::uint32_t x) {
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

double unit_hash(std::int64_t a, std::int64_t b, std::uint32_t seed) {
    std::uint32_t h = mix(std::uint32_t(a) * 0x9E3779B1U ^ mix(std::uint32_t(b) + 0x85EBCA77U) ^ mix(seed));
    return (h & 0xFFFFFF) / double(0xFFFFFF);
}

// Smooth value noise on a grid of `cell_mm`: the blotchy mid-scale content of a photo.
double value_noise(double x_mm, double y_mm, double cell_mm, std::uint32_t seed) {
    double gx = x_mm / cell_mm, gy = y_mm / cell_mm;
    auto ix = std::int64_t(std::floor(gx)), iy = std::int64_t(std::floor(gy));
    double fx = gx - double(ix), fy = gy - double(iy);
    fx = fx * fx * (3 - 2 * fx);
    fy = fy * fy * (3 - 2 * fy);
    double top = unit_hash(ix, iy, seed) * (1 - fx) + unit_hash(ix + 1, iy, seed) * fx;
    double bottom = unit_hash(ix, iy + 1, seed) * (1 - fx) + unit_hash(ix + 1, iy + 1, seed) * fx;
    return top * (1 - fy) + bottom * fy;
}

std::uint8_t clamp_byte(double v) { return std::uint8_t(std::clamp(std::lround(v), 0L, 255L)); }

struct VipsImageRef {
    VipsImage* image = nullptr;
    ~VipsImageRef() { if (image) g_object_unref(image); }
};

[[noreturn]] void fail(const std::string& what) {
    std::string message = what + ": " + vips_error_buffer();
    vips_error_clear();
    throw std::runtime_error(message);
}

}  // namespace

PagePainter::PagePainter(double trim_width_mm, double trim_height_mm, double bleed_mm, double dpi) {
    geometry_ = core::PageGeometry{dpi, bleed_mm, trim_width_mm, trim_height_mm};
    raster_.width = geometry_.expected_width_px();
    raster_.height = geometry_.expected_height_px();
    raster_.pixels.assign(std::size_t(raster_.width) * raster_.height * 3, 255);
}

BoxMm PagePainter::bleed_box() const { return bleed_box_inset(0, 0, 0, 0); }

BoxMm PagePainter::bleed_box_inset(double left_mm, double top_mm, double right_mm, double bottom_mm) const {
    const double b = geometry_.bleed_mm;
    return {-b + left_mm, -b + top_mm, geometry_.trim_width_mm + 2 * b - left_mm - right_mm,
            geometry_.trim_height_mm + 2 * b - top_mm - bottom_mm};
}

template <class ColourAt>
void PagePainter::paint(const BoxMm& box, ColourAt colour_at) {
    const double x0 = geometry_.x_px(box.x), x1 = geometry_.x_px(box.right());
    const double y0 = geometry_.y_px(box.y), y1 = geometry_.y_px(box.bottom());
    const int px0 = std::max(0, int(std::floor(x0))), px1 = std::min(raster_.width, int(std::ceil(x1)));
    const int py0 = std::max(0, int(std::floor(y0))), py1 = std::min(raster_.height, int(std::ceil(y1)));
    for (int y = py0; y < py1; ++y) {
        const double cover_y = std::clamp(std::min(y + 1.0, y1) - std::max(double(y), y0), 0.0, 1.0);
        std::uint8_t* row = raster_.row(y);
        for (int x = px0; x < px1; ++x) {
            const double cover = cover_y * std::clamp(std::min(x + 1.0, x1) - std::max(double(x), x0), 0.0, 1.0);
            if (cover <= 0) continue;
            const Colour c = colour_at(geometry_.x_mm(x + 0.5), geometry_.y_mm(y + 0.5), x, y);
            std::uint8_t* p = row + 3 * x;
            p[0] = clamp_byte(c.r * cover + p[0] * (1 - cover));
            p[1] = clamp_byte(c.g * cover + p[1] * (1 - cover));
            p[2] = clamp_byte(c.b * cover + p[2] * (1 - cover));
        }
    }
}

void PagePainter::fill(const BoxMm& box, Colour colour) {
    paint(box, [colour](double, double, int, int) { return colour; });
}

void PagePainter::texture(const BoxMm& box, std::uint32_t seed, double brightness) {
    // Per-channel gradient directions and tints, fixed by the seed.
    const double angle = unit_hash(1, 2, seed) * 6.283;
    const double tint[3] = {0.8 + 0.4 * unit_hash(3, 4, seed), 0.8 + 0.4 * unit_hash(5, 6, seed),
                            0.8 + 0.4 * unit_hash(7, 8, seed)};
    paint(box, [&](double x_mm, double y_mm, int x_px, int y_px) {
        const double along = x_mm * std::cos(angle) + y_mm * std::sin(angle);
        const double light = 0.5 + 0.25 * std::sin(along / 23.0) + 0.15 * std::sin(y_mm / 11.0 + x_mm / 37.0);
        const double blotch = value_noise(x_mm, y_mm, 6.0, seed) - 0.5;
        Colour c;
        std::uint8_t* out[3] = {&c.r, &c.g, &c.b};
        for (int ch = 0; ch < 3; ++ch) {
            const double grain = (unit_hash(x_px * 3 + ch, y_px, seed + 17) - 0.5) * 14;
            double v = 40 + 150 * std::clamp(light + 0.45 * blotch, 0.0, 1.0) * tint[ch] + grain;
            v = std::clamp(v, 0.0, 230.0);
            v += (255 - v) * std::clamp(brightness, 0.0, 1.0);
            *out[ch] = clamp_byte(v);
        }
        return c;
    });
}

void PagePainter::photo(const BoxMm& box, const std::filesystem::path& file) {
    core::ensure_vips();
    const double x0 = geometry_.x_px(box.x), x1 = geometry_.x_px(box.right());
    const double y0 = geometry_.y_px(box.y), y1 = geometry_.y_px(box.bottom());
    const int left = int(std::floor(x0)), top = int(std::floor(y0));
    const int width = int(std::ceil(x1)) - left, height = int(std::ceil(y1)) - top;
    if (width <= 0 || height <= 0) return;
    VipsImageRef scaled, srgb;
    if (vips_thumbnail(file.c_str(), &scaled.image, width, "height", height, "crop", VIPS_INTERESTING_CENTRE,
                       "size", VIPS_SIZE_FORCE, nullptr) != 0)
        fail("reading photo " + file.string());
    if (vips_colourspace(scaled.image, &srgb.image, VIPS_INTERPRETATION_sRGB, nullptr) != 0) fail("photo to sRGB");
    std::size_t size = 0;
    auto* pixels = static_cast<std::uint8_t*>(vips_image_write_to_memory(srgb.image, &size));
    if (!pixels) fail("decoding photo " + file.string());
    const int bands = vips_image_get_bands(srgb.image), photo_width = vips_image_get_width(srgb.image);
    const int photo_height = vips_image_get_height(srgb.image);
    paint(box, [&](double, double, int x, int y) {
        const int px = std::clamp(x - left, 0, photo_width - 1), py = std::clamp(y - top, 0, photo_height - 1);
        const std::uint8_t* p = pixels + (std::size_t(py) * photo_width + px) * bands;
        return Colour{p[0], p[bands > 2 ? 1 : 0], p[bands > 2 ? 2 : 0]};
    });
    g_free(pixels);
}

void PagePainter::frame(const BoxMm& box, double width_mm, Colour colour) {
    fill({box.x, box.y, box.width, width_mm}, colour);
    fill({box.x, box.bottom() - width_mm, box.width, width_mm}, colour);
    fill({box.x, box.y + width_mm, width_mm, box.height - 2 * width_mm}, colour);
    fill({box.right() - width_mm, box.y + width_mm, width_mm, box.height - 2 * width_mm}, colour);
}

const char* extension(PageEncoding encoding) {
    switch (encoding) {
        case PageEncoding::png8:
        case PageEncoding::png16: return "png";
        case PageEncoding::jpeg:
        case PageEncoding::cmyk_jpeg: return "jpg";
        case PageEncoding::tiff: return "tif";
    }
    return "png";
}

std::filesystem::path sample_photo(const std::string& name) {
    std::filesystem::path file = std::filesystem::path("/usr/share/backgrounds/mate") / name;
    if (!std::filesystem::exists(file)) ADD_FAILURE() << file << " not installed (run scripts/setup: mate-backgrounds)";
    return file;
}

void write_page(const core::Raster& raster, const std::filesystem::path& file, PageEncoding encoding) {
    core::ensure_vips();
    VipsImageRef image;
    image.image = vips_image_new_from_memory_copy(raster.pixels.data(), raster.pixels.size(), raster.width,
                                                  raster.height, 3, VIPS_FORMAT_UCHAR);
    if (!image.image) fail("wrapping raster");
    image.image->Type = VIPS_INTERPRETATION_sRGB;
    VipsImageRef converted;
    int status = 0;
    switch (encoding) {
        case PageEncoding::png8:
            status = vips_pngsave(image.image, file.c_str(), nullptr);
            break;
        case PageEncoding::png16: {
            // 0..255 to 0..65535 (x 257), as 16-bit exports from other tools are scaled.
            VipsImageRef scaled;
            if (vips_linear1(image.image, &scaled.image, 257.0, 0.0, nullptr) != 0) fail("scaling to 16 bit");
            if (vips_cast(scaled.image, &converted.image, VIPS_FORMAT_USHORT, nullptr) != 0) fail("casting to ushort");
            converted.image->Type = VIPS_INTERPRETATION_RGB16;
            status = vips_pngsave(converted.image, file.c_str(), "bitdepth", 16, nullptr);
            break;
        }
        case PageEncoding::jpeg:
            status = vips_jpegsave(image.image, file.c_str(), "Q", 75, nullptr);
            break;
        case PageEncoding::tiff:
            status = vips_tiffsave(image.image, file.c_str(), nullptr);
            break;
        case PageEncoding::cmyk_jpeg:
            if (vips_colourspace(image.image, &converted.image, VIPS_INTERPRETATION_CMYK, nullptr) != 0)
                fail("converting to CMYK");
            status = vips_jpegsave(converted.image, file.c_str(), "Q", 75, nullptr);
            break;
    }
    if (status != 0) fail("writing " + file.string());
}

}  // namespace preflight::testing
