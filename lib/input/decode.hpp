// Bytes -> pixels: the one place an image is decoded. The format is chosen by magic bytes
// from an allow-list (PNG, JPEG, TIFF, WebP), each with its own libvips buffer loader; any
// other content is input.unreadable naming what it is. No path ever reaches a decoder.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "core/context.hpp"
#include "core/raster.hpp"
#include "preflight/model.hpp"

namespace preflight::input {

enum class ImageFormat { unknown, png, jpeg, tiff, webp };

/// What the first bytes say: an allowed format, or a description of what was found
/// ("SVG or other XML text", "PDF", "FITS", "an Analyze header", "an empty file", ...).
struct Sniffed {
    ImageFormat format = ImageFormat::unknown;
    std::string name;   // "PNG", "JPEG", ... or the description
    std::string id;     // a stable word: png, jpeg, tiff, webp, svg_xml, markup, pdf, postscript, fits,
                        // gif, bmp, psd, radiance, openexr, vips, heif, jpeg2000, pnm, analyze, text,
                        // empty, unknown
};
Sniffed sniff_image(std::span<const std::uint8_t> bytes);

/// A header read without decoding a pixel (after EXIF orientation).
struct ImageHeader {
    int width = 0;
    int height = 0;
    std::string error_check;   // "" or "input.unreadable"
    std::string code;          // "format": not an allowed image format
    std::string error;
    double megapixels() const { return double(width) * double(height) / 1e6; }
};
ImageHeader read_image_header(std::span<const std::uint8_t> bytes);

/// Decodes a page raster into 8-bit sRGB (alpha flattened on paper white, EXIF orientation
/// applied, CMYK/16-bit/grey/palette converted). The pixel limit is checked on the header.
core::DecodedRaster decode_raster_bytes(std::span<const std::uint8_t> bytes, const core::DecodeLimits& limits);

/// Decodes a foil mask: one channel, non-zero where foil is printed (alpha when the file
/// has one, else the maximum of its bands).
core::DecodedMask decode_mask_bytes(std::span<const std::uint8_t> bytes, const core::DecodeLimits& limits);

/// The longer side (px) to decode a photo element's upload (`width` x `height`) at: enough
/// for the part its frame shows to have 300 ppi of the frame (what the photo checks judge),
/// never more than the upload has nor than `max_side_px`.
int photo_side_for_frame(const Element& element, int width, int height, int max_side_px);

/// A photo's original upload, shrunk on load so its longer side is at most `max_side_px`
/// (JPEG: scaled in the DCT by 1/2, 1/4 or 1/8 first, then area-resampled).
struct DecodedPhoto {
    core::PhotoSource source;   // pixels null on failure
    std::string error_check;
    std::string error;
};
DecodedPhoto decode_photo_bytes(std::span<const std::uint8_t> bytes, const core::DecodeLimits& limits,
                                int max_side_px = 2048);

}  // namespace preflight::input
