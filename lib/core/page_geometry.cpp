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

namespace {
// A pixel coordinate clamped to [0, limit] before it becomes an int (a box far off the page,
// or a NaN, must not overflow the conversion).
int clamp_px(double px, int limit) {
    if (!(px > 0)) return 0;
    return px < double(limit) ? int(px) : limit;
}
}  // namespace

PixelRect PageGeometry::to_px(const BoxMm& box, int raster_width, int raster_height) const {
    PixelRect r;
    r.x0 = clamp_px(std::floor(x_px(box.x)), raster_width);
    r.y0 = clamp_px(std::floor(y_px(box.y)), raster_height);
    r.x1 = clamp_px(std::ceil(x_px(box.right())), raster_width);
    r.y1 = clamp_px(std::ceil(y_px(box.bottom())), raster_height);
    if (r.x1 < r.x0) r.x1 = r.x0;
    if (r.y1 < r.y0) r.y1 = r.y0;
    return r;
}

BoxMm PageGeometry::to_mm(const PixelRect& rect) const {
    return {x_mm(rect.x0), y_mm(rect.y0), rect.width() * mm_per_px(), rect.height() * mm_per_px()};
}

}  // namespace preflight::core
