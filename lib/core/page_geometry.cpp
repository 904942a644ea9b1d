// Page geometry: millimetres of the design <-> pixels of the raster.
#include "core/raster.hpp"

#include <algorithm>
#include <cmath>

namespace preflight::core {

int PageGeometry::expected_width_px() const {
    return int(std::lround((trim_width_mm + 2 * bleed_mm) * dpi / 25.4));
}
int PageGeometry::expected_height_px() const {
    return int(std::lround((trim_height_mm + 2 * bleed_mm) * dpi / 25.4));
}

PixelRect PageGeometry::to_px(const BoxMm& box, int raster_width, int raster_height) const {
    PixelRect r;
    r.x0 = std::max(0, int(std::floor(x_px(box.x))));
    r.y0 = std::max(0, int(std::floor(y_px(box.y))));
    r.x1 = std::min(raster_width, int(std::ceil(x_px(box.right()))));
    r.y1 = std::min(raster_height, int(std::ceil(y_px(box.bottom()))));
    if (r.x1 < r.x0) r.x1 = r.x0;
    if (r.y1 < r.y0) r.y1 = r.y0;
    return r;
}

BoxMm PageGeometry::to_mm(const PixelRect& rect) const {
    return {x_mm(rect.x0), y_mm(rect.y0), rect.width() * mm_per_px(), rect.height() * mm_per_px()};
}

}  // namespace preflight::core
