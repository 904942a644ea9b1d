// Decoding page rasters with libvips into the one shared 8-bit sRGB buffer.
#include "core/raster.hpp"

#include <vips/vips.h>

#include <cmath>
#include <filesystem>
#include <mutex>

namespace preflight::core {

int PageGeometry::expected_width_px() const {
    return int(std::lround((trim_width_mm + 2 * bleed_mm) * dpi / 25.4));
}
int PageGeometry::expected_height_px() const {
    return int(std::lround((trim_height_mm + 2 * bleed_mm) * dpi / 25.4));
}

PixelRect PageGeometry::to_px(const BoxMm& box, int raster_width, int raster_height) const {
    PixelRect r;
    r.x0 = std::max(0, int(std::floor(x_px(box.x))));
    r.y0 = std::max(0, int(std::floor(y_px(box.y))));
    r.x1 = std::min(raster_width, int(std::ceil(x_px(box.right()))));
    r.y1 = std::min(raster_height, int(std::ceil(y_px(box.bottom()))));
    if (r.x1 < r.x0) r.x1 = r.x0;
    if (r.y1 < r.y0) r.y1 = r.y0;
    return r;
}

BoxMm PageGeometry::to_mm(const PixelRect& rect) const {
    return {x_mm(rect.x0), y_mm(rect.y0), rect.width() * mm_per_px(), rect.height() * mm_per_px()};
}

void ensure_vips() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (VIPS_INIT("preflight") != 0) vips_error_clear();
        // Decoder warnings ("not enough data") go to stderr by default; the same problems
        // reach us through the error buffer and become findings, so the log stays quiet.
        g_log_set_handler("VIPS", GLogLevelFlags(G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO),
                          [](const gchar*, GLogLevelFlags, const gchar*, gpointer) {}, nullptr);
        vips_cache_set_max(0);          // every raster is decoded once; caching only costs memory
        vips_concurrency_set(1);        // parallelism comes from --jobs, one order per thread
    });
}

namespace {

struct VipsRef {
    VipsImage* image = nullptr;
    ~VipsRef() { if (image) g_object_unref(image); }
    VipsImage** out() { return &image; }
    // Replace the held image by the result of an operation.
    void reset(VipsImage* next) { if (image) g_object_unref(image); image = next; }
};

std::string take_vips_error() {
    std::string message = vips_error_buffer();
    vips_error_clear();
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    auto newline = message.find('\n');
    if (newline != std::string::npos) message = message.substr(0, newline);
    return message.empty() ? "not a readable image" : message;
}

// Opens the file header only and checks the pixel limit before any pixel is decoded.
bool open_checked(const std::string& path, const DecodeLimits& limits, VipsRef& image,
                  std::string& error_check, std::string& error) {
    ensure_vips();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        error_check = "input.missing_file";
        error = "file not found";
        return false;
    }
    // "fail" makes truncated or corrupt files an error instead of a grey half-image.
    image.image = vips_image_new_from_file(path.c_str(), "access", VIPS_ACCESS_SEQUENTIAL,
                                           "fail", TRUE, nullptr);
    if (!image.image) {
        error_check = "input.unreadable";
        error = take_vips_error();
        return false;
    }
    double megapixels = double(vips_image_get_width(image.image)) *
                        double(vips_image_get_height(image.image)) / 1e6;
    if (megapixels > limits.max_megapixels) {
        error_check = "input.unreadable";
        char buffer[160];
        std::snprintf(buffer, sizeof buffer, "%d x %d pixels (%.0f megapixels) is over the limit of %.0f megapixels",
                      vips_image_get_width(image.image), vips_image_get_height(image.image),
                      megapixels, limits.max_megapixels);
        error = buffer;
        return false;
    }
    return true;
}

bool apply(VipsRef& image, int status, VipsImage*& next, std::string& error) {
    if (status != 0) {
        error = take_vips_error();
        return false;
    }
    image.reset(next);
    return true;
}

// Runs the pipeline into `pixels` on the calling thread, a strip at a time straight into the
// buffer the checks share. (vips_image_write would hand every tile to a worker thread and
// wait for it: with --jobs N that is 2N threads and a futex handoff per tile.)
bool read_pixels(VipsImage* image, PixelBuffer& pixels, int& width, int& height, std::string& error) {
    width = vips_image_get_width(image);
    height = vips_image_get_height(image);
    pixels.resize(VIPS_IMAGE_SIZEOF_IMAGE(image));
    VipsRef target;
    target.image = vips_image_new_from_memory(pixels.data(), pixels.size(), width, height, vips_image_get_bands(image),
                                              vips_image_get_format(image));
    VipsRegion* source = target.image ? vips_region_new(image) : nullptr;
    VipsRegion* destination = source ? vips_region_new(target.image) : nullptr;
    bool ok = destination != nullptr;
    constexpr int strip_rows = 16;   // 87 KB of a 300 dpi A6 row band: stays in the second-level cache
    for (int y = 0; ok && y < height; y += strip_rows) {
        VipsRect strip{0, y, width, std::min(strip_rows, height - y)};
        // The destination region is a window on the buffer; the pipeline writes into it.
        ok = vips_region_image(destination, &strip) == 0 &&
             vips_region_prepare_to(source, destination, &strip, 0, y) == 0;
    }
    if (destination) g_object_unref(destination);
    if (source) g_object_unref(source);
    if (!ok) {
        error = take_vips_error();
        pixels = {};
        return false;
    }
    return true;
}

}  // namespace

DecodedRaster decode_raster(const std::string& path, const DecodeLimits& limits) {
    DecodedRaster result;
    VipsRef image;
    if (!open_checked(path, limits, image, result.error_check, result.error)) return result;
    result.error_check = "input.unreadable";
    VipsImage* next = nullptr;
    // EXIF orientation first, as a viewer would show the photo.
    if (!apply(image, vips_autorot(image.image, &next, nullptr), next, result.error)) return result;
    // CMYK, Lab, 16-bit, grey, palette: everything to sRGB using the embedded profile where
    // there is one (libvips falls back to its built-in CMYK profile for CMYK without one).
    VipsInterpretation interpretation = vips_image_guess_interpretation(image.image);
    if (interpretation == VIPS_INTERPRETATION_CMYK || vips_image_get_typeof(image.image, VIPS_META_ICC_NAME)) {
        if (vips_icc_transform(image.image, &next, "srgb", "embedded", TRUE, "intent",
                               VIPS_INTENT_RELATIVE, "depth", 8, nullptr) == 0) {
            image.reset(next);
        } else {
            vips_error_clear();   // broken profile: fall back to the plain colourspace conversion
        }
    }
    if (!apply(image, vips_colourspace(image.image, &next, VIPS_INTERPRETATION_sRGB, nullptr), next, result.error))
        return result;
    if (vips_image_hasalpha(image.image)) {
        VipsArrayDouble* white = vips_array_double_newv(1, 255.0);
        int status = vips_flatten(image.image, &next, "background", white, nullptr);
        vips_area_unref(VIPS_AREA(white));
        if (!apply(image, status, next, result.error)) return result;
    }
    if (vips_image_get_bands(image.image) > 3) {
        if (!apply(image, vips_extract_band(image.image, &next, 0, "n", 3, nullptr), next, result.error)) return result;
    }
    if (vips_image_get_format(image.image) != VIPS_FORMAT_UCHAR) {
        if (!apply(image, vips_cast(image.image, &next, VIPS_FORMAT_UCHAR, nullptr), next, result.error)) return result;
    }
    if (vips_image_get_bands(image.image) == 1) {
        VipsImage* bands[3] = {image.image, image.image, image.image};
        if (!apply(image, vips_bandjoin(bands, &next, 3, nullptr), next, result.error)) return result;
    }
    if (!read_pixels(image.image, result.raster.pixels, result.raster.width, result.raster.height, result.error))
        return result;
    result.error_check.clear();
    return result;
}

DecodedMask decode_mask(const std::string& path, const DecodeLimits& limits) {
    DecodedMask result;
    VipsRef image;
    if (!open_checked(path, limits, image, result.error_check, result.error)) return result;
    result.error_check = "input.unreadable";
    VipsImage* next = nullptr;
    if (vips_image_hasalpha(image.image) && vips_image_get_bands(image.image) > 1) {
        // A transparent mask paints foil where it is opaque.
        int alpha_band = vips_image_get_bands(image.image) - 1;
        if (!apply(image, vips_extract_band(image.image, &next, alpha_band, nullptr), next, result.error)) return result;
    } else if (vips_image_get_bands(image.image) > 1) {
        if (!apply(image, vips_bandbool(image.image, &next, VIPS_OPERATION_BOOLEAN_OR, nullptr), next, result.error))
            return result;
    }
    if (vips_image_get_format(image.image) != VIPS_FORMAT_UCHAR) {
        if (!apply(image, vips_cast(image.image, &next, VIPS_FORMAT_UCHAR, "shift", TRUE, nullptr), next, result.error))
            return result;
    }
    if (!read_pixels(image.image, result.mask.values, result.mask.width, result.mask.height, result.error)) return result;
    result.error_check.clear();
    return result;
}

}  // namespace preflight::core
