// Views of raster regions for the photo analyses.
#include "photo/pixels.hpp"

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

}  // namespace preflight::photo
