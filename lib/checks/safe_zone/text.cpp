// safe_zone.text: printed text ink must keep design.safe_mm from the trim on every edge
// (closer, or across the cut, risks letters being trimmed off).
#include <algorithm>
#include <cmath>

#include "checks/text/text_checks.hpp"
#include "checks/text/text_common.hpp"

namespace preflight::checks {

namespace {

/// The ink that prints (clipped to its box, as the editor clips), on the page, rotation applied.
BoxMm printed_ink(const Element& element, const text::TextLayout& layout) {
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

void run(const core::CheckContext& context, const core::CheckOptions& options, core::Findings& findings) {
    if (!context.design) return;
    const double safe_mm = context.design->safe_mm;
    const double tolerance_mm = options.number("tolerance_mm");
    const double trim_w = context.design->trim_width_mm, trim_h = context.design->trim_height_mm;
    for (const TextItem& item : text_items(context)) {
        const BoxMm ink = printed_ink(*item.element, *item.layout);
        if (ink.width <= 0 || ink.height <= 0) continue;
        struct Edge { const char* name; double distance; };
        const Edge edges[] = {{"left", ink.x}, {"top", ink.y}, {"right", trim_w - ink.right()},
                              {"bottom", trim_h - ink.bottom()}};
        for (const Edge& edge : edges) {
            if (edge.distance >= safe_mm - tolerance_mm) continue;
            const std::string name = "Text '" + item.element->id + "'";
            const std::string inward = format_mm(safe_mm - edge.distance);
            std::string message =
                edge.distance < 0
                    ? name + " crosses the " + edge.name + " trim edge by " + format_mm(-edge.distance) +
                          " mm and will be cut; move it " + inward + " mm inward (safe zone " + format_mm(safe_mm) + " mm)."
                    : name + " comes " + format_mm(edge.distance) + " mm from the " + edge.name +
                          " trim edge; move it " + inward + " mm inward to keep the " + format_mm(safe_mm) +
                          " mm safe zone.";
            Finding finding = element_finding("safe_zone.text", Severity::error, item, std::move(message),
                                              FixBy::service, "Move the text box inside the safe zone.");
            finding.where_mm = to_array(ink);
            finding.measured = edge.distance;
            finding.limit = safe_mm;
            finding.unit = "mm";
            findings.push_back(std::move(finding));
        }
    }
}

}  // namespace

core::CheckSpec make_safe_zone_text_check() {
    core::CheckSpec spec;
    spec.id = "safe_zone.text";
    spec.summary = "Text ink closer to the trim than the design's safe_mm, or across the trim";
    spec.options = {{"tolerance_mm", 0.1, "ink may come this much closer than safe_mm (editor rounding)", 0.0, 5.0}};
    spec.run = run;
    return spec;
}

}  // namespace preflight::checks
