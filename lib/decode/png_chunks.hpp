// The chunk layer of a PNG held in memory: signature, CRCs, IHDR/PLTE/tRNS and where the
// compressed image data lies. Everything libvips would treat differently is flagged here.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "decode/fast_result.hpp"

namespace preflight::decode {

/// PNG colour types (IHDR byte 9).
enum class PngColour : std::uint8_t { grey = 0, rgb = 2, palette = 3, grey_alpha = 4, rgba = 6 };

/// What the pixel pass needs from the chunks before the image data.
struct PngHeader {
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    int bit_depth = 0;                       // 1, 2, 4, 8 or 16
    PngColour colour = PngColour::grey;
    int palette_size = 0;                    // entries in PLTE (palette images)
    std::array<std::array<std::uint8_t, 4>, 256> palette{};   // RGBA; missing entries black, opaque
    bool has_transparent_colour = false;     // tRNS for grey or RGB: this sample value is transparent
    std::array<std::uint16_t, 3> transparent_colour{};         // grey in [0]; RGB in [0..2]
    bool has_palette_alpha = false;          // tRNS for palette images
    std::vector<std::span<const std::uint8_t>> image_data;   // the IDAT payloads, in order
    std::size_t image_data_bytes = 0;

    int channels() const;                    // samples per pixel as stored
    std::size_t row_bytes() const;           // bytes of one row as stored, without the filter byte
    std::size_t bytes_per_pixel() const;     // the filter distance: max(1, bits per pixel / 8)
};

/// True when `bytes` start with the PNG signature.
bool is_png(std::span<const std::uint8_t> bytes);

/// Reads the chunks up to the end of the image data into `header` (payloads point into `bytes`).
FastResult parse_png_chunks(std::span<const std::uint8_t> bytes, PngHeader& header);
/// The same checks on the chunks before the image data only (what libvips reads for a header):
/// size, colour, palette, transparency; `image_data` stays empty. ok means libvips would read
/// the same width and height (no EXIF orientation, no ICC profile).
FastResult read_png_header(std::span<const std::uint8_t> bytes, PngHeader& header);
FastResult parse_png_chunks(std::span<const std::uint8_t> bytes, PngHeader& header, bool header_only);

}  // namespace preflight::decode
