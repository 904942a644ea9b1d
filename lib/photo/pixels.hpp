// A read-only view of an 8-bit sRGB region (interleaved RGB) that the photo analyses work on.
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/raster.hpp"

namespace preflight::photo {

/// A rectangle of 8-bit sRGB pixels, RGB interleaved; rows `stride_bytes` apart.
struct RgbView {
    const std::uint8_t* data = nullptr;
    int width = 0;
    int height = 0;
    std::size_t stride_bytes = 0;

    bool empty() const { return data == nullptr || width <= 0 || height <= 0; }
    const std::uint8_t* row(int y) const { return data + std::size_t(y) * stride_bytes; }
};

/// The part `rect` of a raster (clipped to it), without copying.
RgbView view_of(const core::Raster& raster, core::PixelRect rect);

/// Rec. 601 luma of an sRGB pixel (0..255), as OpenCV's RGB2GRAY computes it.
inline int luma_of(const std::uint8_t* rgb) {
    return (rgb[0] * 4899 + rgb[1] * 9617 + rgb[2] * 1868 + 8192) >> 14;
}

}  // namespace preflight::photo
