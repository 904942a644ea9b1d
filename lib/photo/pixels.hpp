// A read-only view of an 8-bit sRGB region (interleaved RGB) that the photo analyses work on.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

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

/// An 8-bit grey image, rows `width` bytes apart, with kernels::edge_overread_bytes of
/// padding after the last pixel (the edge kernels may read a vector past it).
struct GreyPlane {
    std::vector<std::uint8_t> storage;
    int width = 0;
    int height = 0;

    bool empty() const { return width <= 0 || height <= 0; }
    std::uint8_t* row(int y) { return storage.data() + std::size_t(y) * std::size_t(width); }
    const std::uint8_t* row(int y) const { return storage.data() + std::size_t(y) * std::size_t(width); }
};

/// A padded grey plane of width x height, contents unset.
GreyPlane grey_plane(int width, int height);

/// The Rec. 601 luma of every pixel of `region` exactly as cv::cvtColor(COLOR_RGB2GRAY)
/// computes it (15-bit weights: kernels::rgb_to_luma), on the calling thread (no thread pool).
GreyPlane luma_plane(const RgbView& region);

/// How a luma plane was resampled to an analysis scale.
enum class Resample { none, bilinear, area };

/// The luma of a region at an analysis scale (< 0.95; else the region's own luma is used):
/// `full` (the region's luma_plane) resampled to round(side * scale), at least 1 x 1.
/// Resample::bilinear averages the neighbours a bilinear filter does (down to 3/4 size),
/// Resample::area every source pixel a target pixel covers (as OpenCV's INTER_LINEAR and
/// INTER_AREA compute them).
GreyPlane resampled_luma(const GreyPlane& full, double scale, Resample how);

/// Rec. 601 luma of an sRGB pixel (0..255) with 14-bit weights: within one level of
/// OpenCV's RGB2GRAY (luma_plane), equal on all but 0.26 % of colours.
inline int luma_of(const std::uint8_t* rgb) {
    return (rgb[0] * 4899 + rgb[1] * 9617 + rgb[2] * 1868 + 8192) >> 14;
}

}  // namespace preflight::photo
