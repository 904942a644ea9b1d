// PNG from bytes at memory speed: chunks (CRC checked), one libdeflate inflate, SIMD unfilter
// and the conversion to the shared 8-bit buffer in one pass over each row. Pixels are the
// libvips path's (core::decode_raster / decode_mask) byte for byte; files it would treat in
// a way we do not reproduce come back `unsupported` for that path to decode.
#pragma once

#include <cstdint>
#include <span>

#include "core/raster.hpp"
#include "decode/fast_result.hpp"

namespace preflight::decode {

/// True when `bytes` start with the PNG signature.
bool is_png(std::span<const std::uint8_t> bytes);

/// Decodes a PNG into 8-bit sRGB interleaved RGB, alpha flattened on white. The pixel limit is
/// checked from the header, before anything is inflated; `out` is only meaningful on ok.
FastResult decode_png_rgb8(std::span<const std::uint8_t> bytes, double max_megapixels, core::Raster& out);

/// Decodes a PNG foil mask: the alpha band where there is transparency, else the OR of the
/// bands (16-bit samples reduced to their high byte), as core::decode_mask does.
FastResult decode_png_mask(std::span<const std::uint8_t> bytes, double max_megapixels, core::Mask& out);

}  // namespace preflight::decode
