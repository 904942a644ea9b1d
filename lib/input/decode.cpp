// Decoding from bytes with the one libvips loader the magic bytes name (see decode.hpp).
#include "input/decode.hpp"

#include "decode/jpeg.hpp"
#include "decode/png.hpp"
#include "decode/png_chunks.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "input/open_beneath.hpp"
#include "input/vips_call.hpp"

namespace preflight::input {

namespace {

const char* loader_for(ImageFormat format) {
    switch (format) {
        case ImageFormat::png: return "pngload_buffer";
        case ImageFormat::jpeg: return "jpegload_buffer";
        case ImageFormat::tiff: return "tiffload_buffer";
        case ImageFormat::webp: return "webpload_buffer";
        default: return nullptr;
    }
}

// Opens the header only (sequential access: pixels are read later, a strip at a time) and
// checks the pixel limit before any pixel is decoded. `bytes` must outlive `image`.
bool open_image(std::span<const std::uint8_t> bytes, double max_megapixels, VipsRef& image, std::string& error,
                int jpeg_shrink = 1, std::string* code = nullptr) {
    core::ensure_vips();
    Sniffed sniffed = sniff_image(bytes);
    const char* loader = loader_for(sniffed.format);
    if (!loader) {
        error = "it is " + sniffed.name + ", not a PNG, JPEG, TIFF or WebP image";
        if (code) *code = "format";
        return false;
    }
    VipsBlob* blob = vips_blob_new(nullptr, bytes.data(), bytes.size());
    // fail_on warning: truncated or corrupt files are an error instead of a grey half-image.
    if (sniffed.format == ImageFormat::jpeg && jpeg_shrink > 1)
        image.reset(call_uncached(loader, "buffer", blob, "access", VIPS_ACCESS_SEQUENTIAL, "fail_on",
                                  VIPS_FAIL_ON_WARNING, "shrink", jpeg_shrink));
    else
        image.reset(call_uncached(loader, "buffer", blob, "access", VIPS_ACCESS_SEQUENTIAL, "fail_on",
                                  VIPS_FAIL_ON_WARNING));
    vips_area_unref(VIPS_AREA(blob));
    if (!image.image) {
        error = sniffed.name + ": " + take_vips_error();
        return false;
    }
    int width = vips_image_get_width(image.image), height = vips_image_get_height(image.image);
    double megapixels = double(width) * double(height) / 1e6;
    if (megapixels > max_megapixels) {
        char buffer[160];
        std::snprintf(buffer, sizeof buffer, "%d x %d pixels (%.0f megapixels) is over the limit of %.0f megapixels",
                      width, height, megapixels, max_megapixels);
        error = buffer;
        return false;
    }
    return true;
}

// CMYK, Lab, 16-bit, grey, palette: everything to 3-band 8-bit sRGB, using the embedded
// profile where there is one (libvips falls back to its built-in CMYK profile without one).
bool to_srgb8(VipsRef& image, std::string& error) {
    VipsInterpretation interpretation = vips_image_guess_interpretation(image.image);
    if (interpretation == VIPS_INTERPRETATION_CMYK || vips_image_get_typeof(image.image, VIPS_META_ICC_NAME)) {
        std::string ignored;
        if (!step(image, "icc_transform", ignored, "output_profile", "srgb", "embedded", TRUE, "intent",
                  VIPS_INTENT_RELATIVE, "depth", 8))
            vips_error_clear();   // broken profile: fall back to the plain colourspace conversion
    }
    if (!step(image, "colourspace", error, "space", VIPS_INTERPRETATION_sRGB)) return false;
    if (vips_image_hasalpha(image.image)) {
        VipsArrayDouble* white = vips_array_double_newv(1, 255.0);
        bool ok = step(image, "flatten", error, "background", white);
        vips_area_unref(VIPS_AREA(white));
        if (!ok) return false;
    }
    if (vips_image_get_bands(image.image) > 3 && !step(image, "extract_band", error, "band", 0, "n", 3)) return false;
    if (vips_image_get_format(image.image) != VIPS_FORMAT_UCHAR && !step(image, "cast", error, "format", VIPS_FORMAT_UCHAR))
        return false;
    if (vips_image_get_bands(image.image) == 1) {
        VipsImage* bands[3] = {image.image, image.image, image.image};
        VipsArrayImage* array = vips_array_image_new(bands, 3);
        VipsImage* next = call_uncached("bandjoin", "in", array);
        vips_area_unref(VIPS_AREA(array));
        if (!next) {
            error = take_vips_error();
            return false;
        }
        image.reset(next);
    }
    return true;
}

}  // namespace

ImageHeader read_image_header(std::span<const std::uint8_t> bytes) {
    ImageHeader header;
    // A PNG whose chunks before the image data are all plain (no EXIF, no ICC profile, nothing
    // broken): its IHDR is libvips' header, read without starting a loader.
    if (decode::PngHeader png; decode::is_png(bytes) && decode::read_png_header(bytes, png).status == decode::FastStatus::ok) {
        header.width = int(png.width);
        header.height = int(png.height);
        return header;
    }
    VipsRef image;
    if (!open_image(bytes, std::numeric_limits<double>::infinity(), image, header.error, 1, &header.code) ||
        !step(image, "autorot", header.error)) {
        header.error_check = "input.unreadable";
        return header;
    }
    header.width = vips_image_get_width(image.image);
    header.height = vips_image_get_height(image.image);
    return header;
}

core::DecodedRaster decode_raster_bytes(std::span<const std::uint8_t> bytes, const core::DecodeLimits& limits) {
    core::DecodedRaster result;
    // The fast decoders (lib/decode: libdeflate + Highway for PNG, TurboJPEG) give pixels
    // byte-identical to the libvips path below; anything they do not handle exactly as it does
    // (ICC profiles, EXIF rotation, Adam7, CMYK, ...) or find broken goes through libvips, which
    // then names the problem as it always has.
    // Past the order's deadline the libvips path below refuses at once, with its message.
    const bool in_time = std::chrono::steady_clock::now() < limits.deadline;
    if (in_time && decode::is_png(bytes) &&
        decode::decode_png_rgb8(bytes, limits.max_megapixels, result.raster).status == decode::FastStatus::ok)
        return result;
    if (in_time && decode::is_jpeg(bytes) && decode::decode_jpeg_rgb8(bytes, limits.max_megapixels, result.raster).status == decode::FastStatus::ok)
        return result;
    result.raster = {};
    result.error_check = "input.unreadable";
    VipsRef image;
    // EXIF orientation first, as a viewer would show the page.
    if (!open_image(bytes, limits.max_megapixels, image, result.error, 1, &result.code) ||
        !step(image, "autorot", result.error) ||
        !to_srgb8(image, result.error) ||
        !read_pixels(image.image, result.raster.pixels, result.raster.width, result.raster.height, limits.deadline,
                     result.error))
        return result;
    result.error_check.clear();
    return result;
}

core::DecodedMask decode_mask_bytes(std::span<const std::uint8_t> bytes, const core::DecodeLimits& limits) {
    core::DecodedMask result;
    if (std::chrono::steady_clock::now() < limits.deadline && decode::is_png(bytes) &&
        decode::decode_png_mask(bytes, limits.max_megapixels, result.mask).status == decode::FastStatus::ok)
        return result;
    result.mask = {};
    result.error_check = "input.unreadable";
    VipsRef image;
    if (!open_image(bytes, limits.max_megapixels, image, result.error, 1, &result.code)) return result;
    int bands = vips_image_get_bands(image.image);
    if (vips_image_hasalpha(image.image) && bands > 1) {
        // A transparent mask paints foil where it is opaque.
        if (!step(image, "extract_band", result.error, "band", bands - 1)) return result;
    } else if (bands > 1) {
        if (!step(image, "bandbool", result.error, "boolean", VIPS_OPERATION_BOOLEAN_OR)) return result;
    }
    if (vips_image_get_format(image.image) != VIPS_FORMAT_UCHAR &&
        !step(image, "cast", result.error, "format", VIPS_FORMAT_UCHAR, "shift", TRUE))
        return result;
    if (!read_pixels(image.image, result.mask.values, result.mask.width, result.mask.height, limits.deadline,
                     result.error))
        return result;
    result.error_check.clear();
    return result;
}

namespace {

// Area-resamples `raster` by `scale` (< 1) in place.
void shrink_to(core::Raster& raster, double scale) {
    const int width = std::max(1, int(std::lround(raster.width * scale)));
    const int height = std::max(1, int(std::lround(raster.height * scale)));
    cv::Mat source(raster.height, raster.width, CV_8UC3, raster.pixels.data());
    core::PixelBuffer out(std::size_t(width) * height * 3);
    cv::Mat target(height, width, CV_8UC3, out.data());
    cv::resize(source, target, target.size(), 0, 0, cv::INTER_AREA);
    raster.pixels = std::move(out);
    raster.width = width;
    raster.height = height;
}

}  // namespace

int photo_side_for_frame(const Element& element, int width, int height, int max_side_px) {
    const int longer = std::max(width, height);
    const BoxMm& box = element.box_mm;
    if (width <= 0 || height <= 0 || box.width <= 0 || box.height <= 0) return std::min(longer, max_side_px);
    // 300 ppi of the frame (what the photo checks judge at).
    constexpr double judged_ppi = 300;
    const double need_w = box.width / 25.4 * judged_ppi, need_h = box.height / 25.4 * judged_ppi;
    double scale = 0;
    if (element.crop_px && (*element.crop_px)[2] > 0 && (*element.crop_px)[3] > 0) {
        // The part of the upload the frame shows: its crop.
        scale = std::max(need_w / (*element.crop_px)[2], need_h / (*element.crop_px)[3]);
    } else {
        // Else the centred part that covers the frame; the header's sides may be swapped by an
        // EXIF rotation applied later, so the larger need of both orientations.
        for (const auto& [w, h] : {std::pair{double(width), double(height)}, std::pair{double(height), double(width)}}) {
            const double mm_per_px = std::max(box.width / w, box.height / h);
            scale = std::max(scale, std::max(need_w / (box.width / mm_per_px), need_h / (box.height / mm_per_px)));
        }
    }
    const int needed = int(std::ceil(longer * scale)) + 1;   // a pixel of rounding
    return std::clamp(needed, 1, std::min(longer, max_side_px));
}

DecodedPhoto decode_photo_bytes(std::span<const std::uint8_t> bytes, const core::DecodeLimits& limits,
                                int max_side_px) {
    DecodedPhoto result;
    result.error_check = "input.unreadable";
    ImageHeader header = read_image_header(bytes);
    if (!header.error_check.empty()) {
        result.error = header.error;
        return result;
    }
    if (header.megapixels() > limits.max_megapixels) {
        char buffer[160];
        std::snprintf(buffer, sizeof buffer, "%d x %d pixels (%.0f megapixels) is over the limit of %.0f megapixels",
                      header.width, header.height, header.megapixels(), limits.max_megapixels);
        result.error = buffer;
        return result;
    }
    int longer = std::max(header.width, header.height);
    // JPEG shrinks by 2, 4 or 8 while decoding (from the DCT coefficients): the largest that
    // keeps max_side_px.
    int shrink = 1;
    while (shrink < 8 && longer / (shrink * 2) >= max_side_px) shrink *= 2;
    // The TurboJPEG path first (no rotation, profile or CMYK to apply); anything it leaves
    // goes through libvips as before.
    if (std::chrono::steady_clock::now() < limits.deadline && decode::is_jpeg(bytes)) {
        auto pixels = std::make_shared<core::Raster>();
        if (decode::decode_jpeg_rgb8(bytes, limits.max_megapixels, *pixels, shrink).status == decode::FastStatus::ok) {
            const int loaded = std::max(pixels->width, pixels->height);
            if (loaded > max_side_px) shrink_to(*pixels, double(max_side_px) / loaded);
            result.source.original_width = header.width;
            result.source.original_height = header.height;
            result.source.scale = header.width > 0 ? double(pixels->width) / double(header.width) : 1;
            result.source.pixels = std::move(pixels);
            result.error_check.clear();
            return result;
        }
    }
    VipsRef image;
    if (!open_image(bytes, std::numeric_limits<double>::infinity(), image, result.error, shrink) ||
        !step(image, "autorot", result.error))
        return result;
    int loaded_longer = std::max(vips_image_get_width(image.image), vips_image_get_height(image.image));
    if (loaded_longer > max_side_px &&
        !step(image, "resize", result.error, "scale", double(max_side_px) / double(loaded_longer)))
        return result;
    auto pixels = std::make_shared<core::Raster>();
    if (!to_srgb8(image, result.error) ||
        !read_pixels(image.image, pixels->pixels, pixels->width, pixels->height, limits.deadline, result.error))
        return result;
    result.source.original_width = header.width;
    result.source.original_height = header.height;
    result.source.scale = header.width > 0 ? double(pixels->width) / double(header.width) : 1;
    result.source.pixels = std::move(pixels);
    result.error_check.clear();
    return result;
}

}  // namespace preflight::input

namespace preflight::core {

DecodedRaster decode_raster(const std::string& path, const DecodeLimits& limits) {
    input::FileRead file = input::read_regular_file(path, std::uint64_t(1) << 32);
    if (!file.ok()) return {{}, file.error_check, file.error};
    return input::decode_raster_bytes(*file.bytes, limits);
}

DecodedMask decode_mask(const std::string& path, const DecodeLimits& limits) {
    input::FileRead file = input::read_regular_file(path, std::uint64_t(1) << 32);
    if (!file.ok()) return {{}, file.error_check, file.error};
    return input::decode_mask_bytes(*file.bytes, limits);
}

}  // namespace preflight::core
