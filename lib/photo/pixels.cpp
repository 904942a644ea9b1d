// Views of raster regions for the photo analyses.
#include "photo/pixels.hpp"

#include "kernels/photo_kernels.hpp"


#include <algorithm>

namespace preflight::photo {

RgbView view_of(const core::Raster& raster, core::PixelRect rect) {
    rect.x0 = std::clamp(rect.x0, 0, raster.width);
    rect.x1 = std::clamp(rect.x1, 0, raster.width);
    rect.y0 = std::clamp(rect.y0, 0, raster.height);
    rect.y1 = std::clamp(rect.y1, 0, raster.height);
    RgbView view;
    if (rect.empty() || raster.pixels.empty()) return view;
    view.data = raster.row(rect.y0) + std::size_t(rect.x0) * core::Raster::channels;
    view.width = rect.width();
    view.height = rect.height();
    view.stride_bytes = std::size_t(raster.width) * core::Raster::channels;
    return view;
}

GreyPlane grey_plane(int width, int height) {
    GreyPlane plane;
    plane.width = std::max(0, width);
    plane.height = std::max(0, height);
    plane.storage.resize(std::size_t(plane.width) * std::size_t(plane.height) + kernels::edge_overread_bytes);
    return plane;
}

GreyPlane luma_plane(const RgbView& region) {
    if (region.empty()) return {};
    GreyPlane plane = grey_plane(region.width, region.height);
    for (int y = 0; y < region.height; ++y) kernels::rgb_to_luma(region.row(y), std::size_t(region.width), plane.row(y));
    return plane;
}

}  // namespace preflight::photo
