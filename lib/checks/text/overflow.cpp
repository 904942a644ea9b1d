// text.overflow: the real ink (swashes included, after wrapping) must stay inside the box,
// since what falls outside is cut off; reports the smallest box and the largest size that fit.
#include <algorithm>
#include <cmath>

#include "checks/text/text_checks.hpp"
#include "checks/text/text_common.hpp"

namespace preflight::checks {

namespace {

enum class Anchor { left, center, right };

Anchor anchor_of(TextAlign align) {
    return align == TextAlign::center ? Anchor::center : align == TextAlign::right ? Anchor::right : Anchor::left;
}

/// Width a box needs so the ink fits horizontally, growing away from its anchor.
double width_needed(const text::TextLayout& layout, double width, Anchor anchor) {
    const BoxMm& ink = layout.ink_box_mm;
    switch (anchor) {
        case Anchor::left: return std::max(width, ink.right());
        case Anchor::right: return std::max(width, width - ink.x);
        case Anchor::center: return std::max(width, 2 * std::max(width / 2 - ink.x, ink.right() - width / 2));
    }
    return width;
}

/// The largest size (0.1 pt steps) at which the ink fits the current box, or 0 if none does.
double largest_fitting_size(const Element& element, const text::Font& font, double tolerance_mm) {
    auto fits = [&](double size_pt) {
        const auto layout = text::layout_text(element, font, size_pt);
        return text::overhang(layout, element.box_mm.width, element.box_mm.height).worst() <= tolerance_mm;
    };
    double low = 0.5, high = element.size_pt;
    if (!fits(low)) return 0;
    while (high - low > 0.02) {
        const double mid = (low + high) / 2;
        (fits(mid) ? low : high) = mid;
    }
    // Round down to a size the editor can set, and make sure that size really fits (wrapping
    // makes fit slightly non-monotonic in size).
    for (double size = std::floor(low * 10) / 10; size >= 0.5; size -= 0.1)
        if (fits(size)) return size;
    return 0;
}

void run(const core::CheckContext& context, const core::CheckOptions& options, core::Findings& findings) {
    const double tolerance_mm = options.number("tolerance_mm");
    for (const TextItem& item : text_items(context)) {
        const Element& element = *item.element;
        const text::TextLayout& layout = *item.layout;
        const double width = element.box_mm.width, height = element.box_mm.height;
        const text::Overhang over = text::overhang(layout, width, height);
        if (over.worst() <= tolerance_mm) continue;

        // Smallest box holding the ink, grown away from the alignment's anchor (a wider box
        // may re-wrap into fewer lines, so lay out again at each candidate width).
        const Anchor anchor = anchor_of(element.align);
        text::TextLayout fitted = layout;
        double new_width = width;
        for (int round = 0; round < 6; ++round) {
            const double needed = width_needed(fitted, new_width, anchor);
            if (needed <= new_width + 1e-6) break;
            new_width = needed + 1e-6;
            fitted = text::layout_text(element, *item.font, 0, new_width);
        }
        // Growing by the overhang can overshoot (a start-aligned long line re-centres once it
        // fits): search down to the narrowest width that still holds the ink sideways.
        auto holds_sideways = [&](const text::TextLayout& candidate, double w) {
            return width_needed(candidate, w, anchor) <= w + 1e-6;
        };
        if (new_width > width + 0.05 && holds_sideways(fitted, new_width)) {
            double low = width, high = new_width;
            while (high - low > 0.02) {
                const double mid = (low + high) / 2;
                auto candidate = text::layout_text(element, *item.font, 0, mid);
                if (holds_sideways(candidate, mid)) {
                    high = mid;
                    fitted = std::move(candidate);
                } else {
                    low = mid;
                }
            }
            new_width = std::ceil(high * 10) / 10;   // the editor takes 0.1 mm
            fitted = text::layout_text(element, *item.font, 0, new_width);
        }
        const text::Overhang fitted_over = text::overhang(fitted, new_width, height);
        const double new_height = height + std::max(0.0, fitted_over.bottom);
        // Overhang on the anchored side (or above the first line) moves with the box: only a
        // smaller size or another alignment cures it.
        const bool anchored_overhang = (anchor == Anchor::left && fitted_over.left > tolerance_mm) ||
                                       (anchor == Anchor::right && fitted_over.right > tolerance_mm) ||
                                       fitted_over.top > tolerance_mm;
        const double size_pt = largest_fitting_size(element, *item.font, tolerance_mm);
        const std::string size_text = size_pt > 0 ? "set the size to " + format_mm(size_pt) + " pt" : "";

        const double too_wide = std::max(0.0, over.left) + std::max(0.0, over.right);
        const double too_tall = std::max(0.0, over.top) + std::max(0.0, over.bottom);
        const std::string name = "Text '" + element.id + "'";
        std::string what;
        if (too_wide > tolerance_mm && too_tall > tolerance_mm)
            what = name + " does not fit its box (" + format_mm(too_wide) + " mm too wide, " + format_mm(too_tall) +
                   " mm too tall)";
        else if (too_wide > tolerance_mm)
            what = name + " is " + format_mm(too_wide) + " mm wider than its box";
        else
            what = name + " is " + format_mm(too_tall) + " mm taller than its box" +
                   (layout.lines.size() > 1 ? " (" + std::to_string(layout.lines.size()) + " lines)" : "");
        std::string fix;
        if (anchored_overhang) {
            const char* side = fitted_over.top > tolerance_mm ? "top" : anchor == Anchor::left ? "left" : "right";
            fix = "; the ink sticks out at the " + std::string(side) + ", which a bigger box does not cure: " +
                  (size_pt > 0 ? size_text + " or change the alignment or line height." : "change the alignment or line height.");
        } else if (new_width > width + 1e-3 && new_height > height + 1e-3) {
            fix = "; enlarge the box to " + format_mm(new_width) + " x " + format_mm(new_height) + " mm" +
                  (size_pt > 0 ? " or " + size_text : "") + ".";
        } else if (new_width > width + 1e-3) {
            fix = "; widen the box to " + format_mm(new_width) + " mm" + (size_pt > 0 ? " or " + size_text : "") + ".";
        } else {
            fix = "; make the box " + format_mm(new_height) + " mm high" + (size_pt > 0 ? " or " + size_text : "") + ".";
        }
        Finding finding = element_finding("text.overflow", Severity::error, item, what + fix, FixBy::service,
                                          anchored_overhang ? "Reduce the text size so no letter is cut off."
                                                            : "Enlarge the text box (or reduce the size) so no letter is cut off.");
        finding.where_mm = to_array(layout.ink_page_mm);
        finding.measured = over.worst();
        finding.limit = tolerance_mm;
        finding.unit = "mm";
        finding.details["too_wide_mm"] = too_wide;
        finding.details["too_tall_mm"] = too_tall;
        if (size_pt > 0) finding.details["fitting_size_pt"] = size_pt;
        if (anchored_overhang) {
            finding.code = "reduce_size";
            finding.details["side"] = std::string(fitted_over.top > tolerance_mm ? "top" : anchor == Anchor::left ? "left" : "right");
        } else if (new_width > width + 1e-3 && new_height > height + 1e-3) {
            finding.code = "enlarge_box";
        } else if (new_width > width + 1e-3) {
            finding.code = "widen_box";
        } else {
            finding.code = "heighten_box";
        }
        finding.details["box_width_mm"] = std::max(new_width, width);
        finding.details["box_height_mm"] = std::max(new_height, height);
        findings.push_back(std::move(finding));
    }
}

}  // namespace

core::CheckSpec make_text_overflow_check() {
    core::CheckSpec spec;
    spec.id = "text.overflow";
    spec.summary = "Text ink (swashes included, after wrapping) reaches outside its box and would be cut off";
    spec.options = {{"tolerance_mm", 0.2, "ink may pass the box edge by this much", 0.0, 10.0}};
    spec.run = run;
    spec.repair = core::Repair::fit_text;   // enlarge the box or reduce the size
    spec.settings = [](const core::CheckOptions& options, core::OptionSettings& settings) {
        settings.fix.text_overflow_tolerance_mm = options.number("tolerance_mm");
    };
    return spec;
}

}  // namespace preflight::checks
