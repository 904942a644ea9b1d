// safe_zone.text: printed text ink must keep design.safe_mm from the trim on every edge
// (closer, or across the cut, risks letters being trimmed off).
#include <algorithm>
#include <cmath>

#include "checks/text/text_checks.hpp"
#include "checks/text/text_common.hpp"

namespace preflight::checks {

namespace {


void run(const core::CheckContext& context, const core::CheckOptions& options, core::Findings& findings) {
    if (!context.design) return;
    const double safe_mm = context.design->safe_mm;
    const double tolerance_mm = options.number("tolerance_mm");
    const double trim_w = context.design->trim_width_mm, trim_h = context.design->trim_height_mm;
    for (const TextItem& item : text_items(context)) {
        const BoxMm ink = text::printed_ink(*item.element, *item.layout);
        if (ink.width <= 0 || ink.height <= 0) continue;
        struct TrimEdge { const char* name; double distance; preflight::Edge side; };
        const TrimEdge edges[] = {{"left", ink.x, preflight::Edge::left}, {"top", ink.y, preflight::Edge::top},
                                  {"right", trim_w - ink.right(), preflight::Edge::right},
                                  {"bottom", trim_h - ink.bottom(), preflight::Edge::bottom}};
        for (const TrimEdge& edge : edges) {
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
            finding.code = edge.distance < 0 ? "across_trim" : "near_trim";
            finding.edge = edge.side;
            finding.details = {{"distance_mm", std::abs(edge.distance)}, {"move_mm", safe_mm - edge.distance},
                               {"safe_mm", safe_mm}};
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
    spec.repair = core::Repair::move_into_safe_zone;
    spec.settings = [](const core::CheckOptions& options, core::OptionSettings& settings) {
        settings.fix.safe_zone_tolerance_mm = options.number("tolerance_mm");
    };
    return spec;
}

}  // namespace preflight::checks
