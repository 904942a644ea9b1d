// The ink of a text element that prints: clipped to its box (the editor clips) and placed on
// the page with the element's rotation. Shared by safe_zone.text and fix.
#include <algorithm>
#include <cmath>

#include "text/layout.hpp"

namespace preflight::text {

BoxMm printed_ink(const Element& element, const TextLayout& layout) {
    const BoxMm& box = element.box_mm;
    const double angle = element.rotation_deg * std::acos(-1.0) / 180.0;
    const double cos_a = std::cos(angle), sin_a = std::sin(angle);
    const double cx = box.x + box.width / 2, cy = box.y + box.height / 2;
    double left = INFINITY, top = INFINITY, right = -INFINITY, bottom = -INFINITY;
    for (const auto& line : layout.lines) {
        if (!line.has_ink) continue;
        const double l = std::max(0.0, line.ink_mm.x), r = std::min(box.width, line.ink_mm.right());
        const double t = std::max(0.0, line.ink_mm.y), b = std::min(box.height, line.ink_mm.bottom());
        if (r <= l || b <= t) continue;
        for (double x : {l, r})
            for (double y : {t, b}) {
                const double dx = box.x + x - cx, dy = box.y + y - cy;
                const double px = cx + dx * cos_a - dy * sin_a, py = cy + dx * sin_a + dy * cos_a;
                left = std::min(left, px), right = std::max(right, px);
                top = std::min(top, py), bottom = std::max(bottom, py);
            }
    }
    if (!(right > left)) return {};
    return {left, top, right - left, bottom - top};
}

}  // namespace preflight::text
