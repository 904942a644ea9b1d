// text.alignment: a text box almost, but not quite, centred on the page, or almost aligned
// with another text box. Only near misses (min_mm..max_mm) count: exact alignment is fine,
// and a larger offset is taken as an intentional asymmetric layout.
#include <cmath>
#include <map>

#include "checks/text/text_checks.hpp"
#include "checks/text/text_common.hpp"

namespace preflight::checks {

namespace {

bool is_upright(const Element& element) { return std::fmod(std::fabs(element.rotation_deg), 360.0) < 1e-6; }

/// Which horizontal line of the box the text hangs on.
enum class Axis { left, center, right };
Axis axis_of(TextAlign align) {
    return align == TextAlign::left ? Axis::left : align == TextAlign::right ? Axis::right : Axis::center;
}
double axis_x(const Element& e) {
    switch (axis_of(e.align)) {
        case Axis::left: return e.box_mm.x;
        case Axis::right: return e.box_mm.right();
        case Axis::center: return e.box_mm.x + e.box_mm.width / 2;
    }
    return e.box_mm.x;
}
const char* axis_name(Axis axis) {
    return axis == Axis::left ? "left edge" : axis == Axis::right ? "right edge" : "centre";
}

void run(const core::CheckContext& context, const core::CheckOptions& options, core::Findings& findings) {
    if (!context.design) return;
    const double min_mm = options.number("min_mm"), max_mm = options.number("max_mm");
    const double page_centre = context.design->trim_width_mm / 2;
    auto near_miss = [&](double offset) { return std::fabs(offset) >= min_mm && std::fabs(offset) <= max_mm; };
    const auto items = text_items(context);

    for (const auto& page : context.pages) {
        std::vector<const TextItem*> texts;
        for (const auto& item : items)
            if (item.page == &page && item.layout->has_ink && is_upright(*item.element)) texts.push_back(&item);

        // 1. Centred (or justified) text whose box is nearly centred on the page.
        std::map<const TextItem*, bool> reported;
        for (const TextItem* item : texts) {
            if (axis_of(item->element->align) != Axis::center) continue;
            const double offset = axis_x(*item->element) - page_centre;
            if (!near_miss(offset)) continue;
            const BoxMm& box = item->element->box_mm;
            Finding finding = element_finding(
                "text.alignment", Severity::warning, *item,
                "Text '" + item->element->id + "' is centred " + format_mm(std::fabs(offset)) + " mm " +
                    (offset > 0 ? "right" : "left") + " of the page centre; move the box to x = " +
                    format_mm(page_centre - box.width / 2) + " mm to centre it.",
                FixBy::service, "Centre the text box on the page.");
            finding.where_mm = to_array(box);
            finding.measured = std::fabs(offset);
            finding.limit = min_mm;
            finding.unit = "mm";
            finding.code = "off_centre";
            finding.details["offset_mm"] = std::fabs(offset);
            finding.details["direction"] = std::string(offset > 0 ? "right" : "left");
            finding.details["box_x_mm"] = page_centre - box.width / 2;
            findings.push_back(std::move(finding));
            reported[item] = true;
        }

        // 2. Boxes sharing an alignment axis (left edges of left-aligned text, ...) that nearly
        // line up. An element already exactly aligned with another is taken as right; of a
        // near pair, the one with fewer exact partners is reported, once.
        auto comparable = [&](const TextItem* a, const TextItem* b) {
            const Axis axis = axis_of(a->element->align);
            if (axis != axis_of(b->element->align)) return false;
            // Centred boxes near the page centre are judged against the page (above) only.
            if (axis == Axis::center && (std::fabs(axis_x(*a->element) - page_centre) <= max_mm ||
                                         std::fabs(axis_x(*b->element) - page_centre) <= max_mm))
                return false;
            return true;
        };
        std::map<const TextItem*, int> exact_partners;
        for (const TextItem* a : texts)
            for (const TextItem* b : texts)
                if (a != b && comparable(a, b) && std::fabs(axis_x(*a->element) - axis_x(*b->element)) < min_mm)
                    ++exact_partners[a];
        for (std::size_t i = 0; i < texts.size(); ++i) {
            for (std::size_t j = i + 1; j < texts.size(); ++j) {
                const TextItem* a = texts[i];
                const TextItem* b = texts[j];
                if (!comparable(a, b)) continue;
                const double offset = axis_x(*b->element) - axis_x(*a->element);
                if (!near_miss(offset)) continue;
                const TextItem* odd = exact_partners[a] < exact_partners[b] ? a : b;
                const TextItem* other = odd == a ? b : a;
                if (exact_partners[odd] > 0 || reported[odd]) continue;
                reported[odd] = true;
                const Axis axis = axis_of(odd->element->align);
                const double shift = axis_x(*other->element) - axis_x(*odd->element);
                Finding finding = element_finding(
                    "text.alignment", Severity::warning, *odd,
                    "Text '" + odd->element->id + "' has its " + axis_name(axis) + " " + format_mm(std::fabs(shift)) +
                        " mm " + (shift > 0 ? "left" : "right") + " of that of text '" + other->element->id +
                        "'; move it " + format_mm(std::fabs(shift)) + " mm " + (shift > 0 ? "right" : "left") +
                        " so they line up.",
                    FixBy::service, "Align the text boxes.");
                finding.where_mm = to_array(odd->element->box_mm);
                finding.measured = std::fabs(shift);
                finding.limit = min_mm;
                finding.unit = "mm";
                finding.code = "misaligned";
                finding.details["offset_mm"] = std::fabs(shift);
                finding.details["direction"] = std::string(shift > 0 ? "right" : "left");   // where to move it
                finding.details["other_element"] = other->element->id;
                finding.details["axis"] = std::string(axis == Axis::left ? "left" : axis == Axis::right ? "right" : "centre");
                findings.push_back(std::move(finding));
            }
        }
    }
}

}  // namespace

core::CheckSpec make_text_alignment_check() {
    core::CheckSpec spec;
    spec.id = "text.alignment";
    spec.summary = "Text box almost but not quite centred on the page or aligned with another text box";
    spec.options = {
        {"min_mm", 0.3, "offsets below this are aligned", 0.0, 10.0},
        {"max_mm", 3.0, "offsets above this are taken as intentional", 0.0, 50.0},
    };
    spec.run = run;
    return spec;
}

}  // namespace preflight::checks
