// safe_zone.element: photos and graphics (from the element list) that the trim cuts by a sliver,
// or that sit closer to the trim than the safe zone. An element is either meant to run off the
// card (then it must reach the outer edge of the bleed) or to stay clear of the cut (then it
// keeps safe_mm from the trim); anything in between shifts visibly when the cut wanders.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "checks/safe_zone/safe_zone_checks.hpp"

namespace preflight::checks {

namespace {

constexpr const char* check_id = "safe_zone.element";

std::string format_mm(double mm) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", std::abs(mm) < 0.05 ? 0.0 : mm);
    return buffer;
}

// "the left edge", "the left and top edges", "the left, top and right edges".
std::string edge_list(const std::vector<std::string>& names) {
    std::string text = "the ";
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) text += i + 1 == names.size() ? " and " : ", ";
        text += names[i];
    }
    return text + (names.size() == 1 ? " edge" : " edges");
}

struct Side {
    const char* name;
    double inset_mm;   // distance from the trim inward; negative: past the trim, into the bleed
    Edge edge;
};

void check_element(const Design& design, const Page& page, const Element& element, double tolerance_mm,
                   core::Findings& findings) {
    const BoxMm& box = element.box_mm;
    if (!(box.width > 0) || !(box.height > 0)) return;
    const double w = design.trim_width_mm, h = design.trim_height_mm;
    // Wholly outside the trim (e.g. a strip that only fills the bleed): nothing of it is on the card.
    if (box.right() <= tolerance_mm || box.bottom() <= tolerance_mm || box.x >= w - tolerance_mm ||
        box.y >= h - tolerance_mm)
        return;
    const std::array<Side, 4> sides = {Side{"left", box.x, Edge::left}, Side{"top", box.y, Edge::top},
                                       Side{"right", w - box.right(), Edge::right},
                                       Side{"bottom", h - box.bottom(), Edge::bottom}};
    const double bleed = design.bleed_mm, safe = design.safe_mm;
    bool bleeds = false;
    std::vector<const Side*> slivers, too_close;
    for (const Side& side : sides) {
        if (side.inset_mm <= -(bleed - tolerance_mm)) bleeds = true;           // reaches the bleed edge
        else if (side.inset_mm < -tolerance_mm) slivers.push_back(&side);      // past the trim, short of the bleed
        else if (side.inset_mm < safe - tolerance_mm) too_close.push_back(&side);
    }
    // An element that runs off the card on some edge is a bleeding photo or decoration: its other
    // edges may come as close to the trim as the design wants, but a sliver across it stays wrong.
    if (bleeds) too_close.clear();
    if (slivers.empty() && too_close.empty()) return;

    const std::string what = std::string(element.type == ElementType::photo ? "Photo" : "Graphic") + " '" +
                             element.id + "'";
    Finding finding;
    finding.check = check_id;
    finding.severity = Severity::warning;
    finding.page = page.name;
    finding.element = element.id;
    finding.where_mm = std::array<double, 4>{box.x, box.y, box.width, box.height};
    finding.unit = "mm";
    std::vector<std::string> names;
    std::string amounts;
    if (!slivers.empty()) {
        double largest = 0;
        for (const Side* side : slivers) {
            names.push_back(side->name);
            if (-side->inset_mm > largest) finding.edge = side->edge;
            largest = std::max(largest, -side->inset_mm);
        }
        finding.code = "across_trim";
        finding.details = {{"distance_mm", largest}, {"needed_mm", bleed}};
        finding.measured = std::round(largest * 10) / 10;
        finding.limit = bleed;
        finding.message = what + " crosses the trim by " + format_mm(largest) + " mm on " + edge_list(names) +
                          ", less than the " + format_mm(bleed) + " mm bleed, so the cut runs through it; extend it to " +
                          "the outer edge of the bleed or keep it " + format_mm(safe) + " mm inside the trim.";
        finding.fix = {FixBy::service, "Extend the element to the outer edge of the bleed or move it inside the safe zone."};
    } else {
        double closest = safe;
        for (const Side* side : too_close) {
            names.push_back(side->name);
            if (std::max(0.0, side->inset_mm) < closest || finding.edge == Edge::none) finding.edge = side->edge;
            closest = std::min(closest, std::max(0.0, side->inset_mm));
        }
        finding.code = "near_trim";
        finding.details = {{"distance_mm", closest}, {"safe_mm", safe}};
        finding.measured = std::round(closest * 10) / 10;
        finding.limit = safe;
        const std::string where = closest < 0.05 ? "touches the trim on " + edge_list(names)
                                                 : "is " + format_mm(closest) + " mm from the trim on " + edge_list(names);
        finding.message = what + " " + where + ", inside the " + format_mm(safe) + " mm safe zone; move it at least " +
                          format_mm(safe) + " mm in from the trim, or extend it to the outer edge of the bleed if it " +
                          "is meant to run off the card.";
        finding.fix = {FixBy::service, "Move the element inside the safe zone or extend it to the outer edge of the bleed."};
    }
    finding.details["kind"] = std::string(element.type == ElementType::photo ? "photo" : "graphic");
    std::string edge_words;
    for (const auto& name : names) edge_words += (edge_words.empty() ? "" : ",") + name;
    finding.details["edges"] = edge_words;
    findings.push_back(std::move(finding));
}

void run(const core::CheckContext& context, const core::CheckOptions& options, core::Findings& findings) {
    if (!context.design) return;
    const double tolerance_mm = options.number("tolerance_mm");
    const auto& types = options.list("types");
    const auto wanted = [&](const Element& element) {
        const char* name = element.type == ElementType::photo     ? "photo"
                           : element.type == ElementType::graphic ? "graphic"
                                                                  : nullptr;
        return name && std::find(types.begin(), types.end(), name) != types.end();
    };
    for (const Page& page : context.design->pages)
        for (const Element& element : page.elements)
            if (wanted(element)) check_element(*context.design, page, element, tolerance_mm, findings);
}

}  // namespace

core::CheckSpec make_safe_zone_element_check() {
    core::CheckSpec spec;
    spec.id = check_id;
    spec.summary = "Photos and graphics must reach the outer edge of the bleed or stay outside the safe zone.";
    spec.scope = core::Scope::design;
    spec.options = {
        {"tolerance_mm", 0.1, "box edges this close to the trim, the bleed edge or the safe zone count as on it (editor rounding)", 0, 2},
        {"types", std::vector<std::string>{"photo", "graphic"}, "element types this check looks at"},
    };
    spec.run = run;
    return spec;
}

}  // namespace preflight::checks
