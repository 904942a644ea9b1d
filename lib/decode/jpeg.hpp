// JPEG from bytes through libjpeg-turbo's TurboJPEG API: the full page, or the DCT-domain
// scaled image (1/2, 1/4, 1/8) for callers that need fewer pixels. Full-size pixels are the
// libvips path's byte for byte (same library, same islow DCT and fancy upsampling); files that
// path would colour-manage or rotate come back `unsupported`.
#pragma once

#include <cstdint>
#include <span>

#include "core/raster.hpp"
#include "decode/fast_result.hpp"

namespace preflight::decode {

/// True when `bytes` start with a JPEG start-of-image marker.
bool is_jpeg(std::span<const std::uint8_t> bytes);

/// Decodes a JPEG into 8-bit sRGB interleaved RGB (grey replicated). `scale_denominator` 1, 2,
/// 4 or 8 decodes at that fraction of each side (rounded up) straight from the DCT
/// coefficients. The pixel limit applies to the full-size image and is checked from the header.
/// unsupported: CMYK/YCCK, an ICC profile, EXIF orientation other than 1 or unreadable EXIF.
FastResult decode_jpeg_rgb8(std::span<const std::uint8_t> bytes, double max_megapixels, core::Raster& out,
                            int scale_denominator = 1);

}  // namespace preflight::decode
