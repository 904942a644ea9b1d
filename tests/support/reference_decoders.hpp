// Reference decoders for the differential tests, fuzz harnesses and benchmarks of lib/decode:
// libpng set up exactly as libvips sets it up (then the libvips conversion written out plainly),
// and libjpeg(-turbo)'s plain API. They answer "what the standard libraries give".
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace preflight::reference {

struct Decoded {
    bool ok = false;
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;   // RGB (3 bytes a pixel) or mask (1 byte a pixel)
    std::string error;
};

/// libpng row decode as libvips' pngload configures it, converted to 8-bit RGB as
/// core::decode_raster does (16 -> 8 by the high byte, alpha flattened on white).
Decoded png_rgb8(std::span<const std::uint8_t> bytes);
/// The same read, reduced to a mask as core::decode_mask does (alpha, else OR of the bands).
Decoded png_mask(std::span<const std::uint8_t> bytes);
/// libpng's row decode alone, without conversion (the benchmark's floor): pixels as libvips
/// receives them. Returns the byte count in `pixels`.
Decoded png_rows(std::span<const std::uint8_t> bytes);

/// libjpeg's scanline decode to RGB at 1/scale_denominator; warnings count as errors.
Decoded jpeg_rgb8(std::span<const std::uint8_t> bytes, int scale_denominator = 1);

}  // namespace preflight::reference
