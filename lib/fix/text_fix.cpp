// Text box fixes for text.overflow and safe_zone.text (see text_fix.hpp).
#include "fix/text_fix.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <optional>

namespace preflight::fix {

namespace {

std::string mm_text(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", std::abs(value) < 0.005 ? 0.0 : value);
    std::string text = buffer;
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
    return text;
}

// Box values as the editor stores them: hundredths of a millimetre.
double round_hundredth(double v) { return std::round(v * 100) / 100; }
double ceil_hundredth(double v) { return std::ceil(v * 100 - 1e-6) / 100; }

bool overlaps(const BoxMm& a, const BoxMm& b) {
    constexpr double touch_mm = 0.01;   // boxes that only touch do not overlap
    return std::min(a.right(), b.right()) - std::max(a.x, b.x) > touch_mm &&
           std::min(a.bottom(), b.bottom()) - std::max(a.y, b.y) > touch_mm;
}

/// The first element the new box overlaps that the old one did not ("" when none).
std::string new_overlap(const BoxMm& before, const BoxMm& after, const std::vector<Obstacle>& others) {
    for (const Obstacle& other : others)
        if (overlaps(after, other.box_mm) && !overlaps(before, other.box_mm)) return other.id;
    return {};
}

/// Distance of the ink from each trim edge: left, top, right, bottom.
std::array<double, 4> trim_distances(const BoxMm& ink, const TextFixSettings& s) {
    return {ink.x, ink.y, s.trim_width_mm - ink.right(), s.trim_height_mm - ink.bottom()};
}

const char* side_names[4] = {"left", "top", "right", "bottom"};

/// The side on which the changed ink newly comes closer to the trim than the safe zone allows
/// (nullptr when none): a fix must not trade one finding for another.
const char* safe_zone_broken(const Element& before, const text::TextLayout& before_layout, const Element& after,
                             const text::TextLayout& after_layout, const TextFixSettings& s) {
    const BoxMm old_ink = printed_ink(before, before_layout), new_ink = printed_ink(after, after_layout);
    if (new_ink.width <= 0 || new_ink.height <= 0) return nullptr;
    const auto old_d = trim_distances(old_ink, s), new_d = trim_distances(new_ink, s);
    const bool had_ink = old_ink.width > 0 && old_ink.height > 0;
    for (int i = 0; i < 4; ++i)
        if (new_d[i] < s.safe_mm - s.safe_tolerance_mm && (!had_ink || new_d[i] < old_d[i] - 1e-6)) return side_names[i];
    return nullptr;
}

/// The largest size in 0.1 pt steps, at least min_size_pt and below the current size, at which
/// the ink fits the box; 0 when none does.
double largest_fitting_size(const Element& element, const text::Font& font, const TextFixSettings& s) {
    const auto fits = [&](double size_pt) {
        return text::overhang(text::layout_text(element, font, size_pt), element.box_mm.width, element.box_mm.height).worst() <=
               s.overflow_tolerance_mm;
    };
    const double floor_pt = std::ceil(s.min_size_pt * 10 - 1e-6) / 10;
    if (element.size_pt <= floor_pt || !fits(floor_pt)) return 0;
    double low = floor_pt, high = element.size_pt;
    while (high - low > 0.02) {
        const double mid = (low + high) / 2;
        (fits(mid) ? low : high) = mid;
    }
    // Wrapping makes the fit slightly non-monotonic in size: confirm the rounded size.
    for (double size = std::floor(low * 10 + 1e-6) / 10; size >= floor_pt - 1e-9; size -= 0.1)
        if (size < element.size_pt - 1e-9 && fits(size)) return std::round(size * 10) / 10;
    return 0;
}

/// The box grown away from its alignment anchor until the ink fits (as text.overflow reports
/// it); empty when growing cannot help (ink out on the anchored side or above the first line).
std::vector<BoxMm> grown_boxes(const Element& element, const text::Font& font, const text::TextLayout& layout,
                               const TextFixSettings& s) {
    const BoxMm& box = element.box_mm;
    // Width the ink needs at a box width, growing away from the alignment's anchor.
    const auto width_needed = [&](const text::TextLayout& candidate, double width) {
        const BoxMm& ink = candidate.ink_box_mm;
        switch (element.align) {
            case TextAlign::center: return std::max(width, 2 * std::max(width / 2 - ink.x, ink.right() - width / 2));
            case TextAlign::right: return std::max(width, width - ink.x);
            default: return std::max(width, ink.right());
        }
    };
    const auto holds = [&](const text::TextLayout& candidate, double w) { return width_needed(candidate, w) <= w + 1e-6; };
    text::TextLayout fitted = layout;
    double wide = box.width;
    for (int round = 0; round < 6; ++round) {
        const double needed = width_needed(fitted, wide);
        if (needed <= wide + 1e-6) break;
        wide = needed + 1e-6;
        fitted = text::layout_text(element, font, 0, wide);
    }
    // Growing by the overhang can overshoot (a wrapped line re-flows once it fits): the
    // narrowest width that holds the ink sideways is what text.overflow reports.
    double narrow = wide;
    if (wide > box.width + 0.05 && holds(fitted, wide)) {
        double low = box.width, high = wide;
        while (high - low > 0.02) {
            const double mid = (low + high) / 2;
            (holds(text::layout_text(element, font, 0, mid), mid) ? high : low) = mid;
        }
        narrow = high;
    }
    // Both are candidates: the narrow box may need more lines (taller) than the wide one.
    std::vector<BoxMm> boxes;
    for (double width : {narrow, wide}) {
        width = std::ceil(width * 10 - 1e-6) / 10;   // the editor takes 0.1 mm
        const text::TextLayout candidate = text::layout_text(element, font, 0, width);
        const text::Overhang over = text::overhang(candidate, width, box.height);
        const bool anchored = over.top > s.overflow_tolerance_mm ||
                              (element.align == TextAlign::left || element.align == TextAlign::justify
                                   ? over.left > s.overflow_tolerance_mm
                                   : element.align == TextAlign::right && over.right > s.overflow_tolerance_mm);
        if (anchored || !holds(candidate, width)) continue;
        BoxMm grown = box;
        grown.width = width;
        grown.height = std::ceil((box.height + std::max(0.0, over.bottom)) * 10 - 1e-6) / 10;
        if (element.align == TextAlign::center) grown.x = round_hundredth(box.x + box.width / 2 - width / 2);
        if (element.align == TextAlign::right) grown.x = round_hundredth(box.right() - width);
        if (boxes.empty() || !(boxes.back() == grown)) boxes.push_back(grown);
    }
    return boxes;
}

/// Why a grown box is not acceptable ("" when it is).
std::string grown_box_problem(const BoxMm& before, const BoxMm& after, const std::vector<Obstacle>& others,
                              const TextFixSettings& s) {
    const double low_x = s.safe_mm, high_x = s.trim_width_mm - s.safe_mm;
    const double low_y = s.safe_mm, high_y = s.trim_height_mm - s.safe_mm;
    constexpr double eps = 1e-6;
    if ((after.x < before.x - eps && after.x < low_x - eps) || (after.right() > before.right() + eps && after.right() > high_x + eps) ||
        (after.bottom() > before.bottom() + eps && after.bottom() > high_y + eps) || (after.y < before.y - eps && after.y < low_y - eps))
        return "the larger box would reach into the " + mm_text(s.safe_mm) + " mm safe zone";
    if (const std::string id = new_overlap(before, after, others); !id.empty())
        return "the larger box would overlap element '" + id + "'";
    return {};
}

}  // namespace


TextFixOutcome fix_overflow(const Element& element, const text::Font& font, const std::vector<Obstacle>& others,
                            const TextFixSettings& s) {
    TextFixOutcome out;
    out.after = element;
    const text::TextLayout layout = text::layout_text(element, font);
    if (text::overhang(layout, element.box_mm.width, element.box_mm.height).worst() <= s.overflow_tolerance_mm) {
        out.status = FixStatus::applied;
        out.action = "Nothing to change: the text fits its box.";
        return out;
    }
    // 1. A larger box, when the text is not rotated (a rotated box grows in other directions).
    std::string box_problem;
    if (std::abs(element.rotation_deg) > 1e-9) {
        box_problem = "the box is rotated";
    } else {
        const std::vector<BoxMm> candidates = grown_boxes(element, font, layout, s);
        if (candidates.empty())
            box_problem = "the ink sticks out on the side the text is anchored to, which a larger box does not cure";
        for (const BoxMm& grown : candidates) {
            Element candidate = element;
            candidate.box_mm = grown;
            const text::TextLayout fitted = text::layout_text(candidate, font);
            std::string problem = grown_box_problem(element.box_mm, grown, others, s);
            if (problem.empty() && text::overhang(fitted, grown.width, grown.height).worst() > s.overflow_tolerance_mm)
                problem = "the text does not fit a larger box either";
            if (problem.empty())
                if (const char* side = safe_zone_broken(element, layout, candidate, fitted, s))
                    problem = std::string("the text would come into the safe zone at the ") + side;
            if (problem.empty()) {
                out.status = FixStatus::applied;
                out.after = candidate;
                out.action = "Enlarged the box from " + mm_text(element.box_mm.width) + " x " + mm_text(element.box_mm.height) +
                             " mm to " + mm_text(grown.width) + " x " + mm_text(grown.height) + " mm so the text fits.";
                return out;
            }
            if (box_problem.empty()) box_problem = problem;   // the first (narrowest) box's problem
        }
    }
    // 2. The largest size that fits the box as it is.
    const double size_pt = largest_fitting_size(element, font, s);
    if (size_pt > 0) {
        Element candidate = element;
        candidate.size_pt = size_pt;
        const text::TextLayout fitted = text::layout_text(candidate, font);
        if (!safe_zone_broken(element, layout, candidate, fitted, s)) {
            out.status = FixStatus::applied;
            out.after = candidate;
            out.action = "Reduced the size from " + mm_text(element.size_pt) + " pt to " + mm_text(size_pt) +
                         " pt so the text fits its box (" + box_problem + ").";
            return out;
        }
    }
    out.status = FixStatus::unfixed;
    out.reason = "No safe fix: " + box_problem + ", and the text fits its box only below " + mm_text(s.min_size_pt) + " pt.";
    out.action = "Shorten the text, break it over more lines or choose a narrower font (needs the customer's consent), "
                 "or rearrange the page in the editor.";
    return out;
}

TextFixOutcome fix_safe_zone(const Element& element, const text::Font& font, const std::vector<Obstacle>& others,
                             const TextFixSettings& s) {
    TextFixOutcome out;
    out.after = element;
    const text::TextLayout layout = text::layout_text(element, font);
    const BoxMm ink = printed_ink(element, layout);
    if (ink.width <= 0 || ink.height <= 0) {
        out.status = FixStatus::applied;
        out.action = "Nothing to change: no text ink prints.";
        return out;
    }
    const auto d = trim_distances(ink, s);
    const double limit = s.safe_mm - s.safe_tolerance_mm;
    // Missing distance per axis; positive moves right/down. Rounded up to what the editor stores.
    const auto shift = [&](double near_d, double far_d, const char* axis) -> std::optional<double> {
        const bool near_short = near_d < limit, far_short = far_d < limit;
        if (near_short && far_short) {
            out.reason = std::string("No safe fix: the text is ") + axis + " than the safe area; it needs a smaller size or "
                         "a shorter text.";
            return std::nullopt;
        }
        if (near_short) return ceil_hundredth(s.safe_mm - near_d);
        if (far_short) return -ceil_hundredth(s.safe_mm - far_d);
        return 0.0;
    };
    const auto dx = shift(d[0], d[2], "wider");
    const auto dy = dx ? shift(d[1], d[3], "taller") : std::nullopt;
    if (!dx || !dy) {
        out.status = FixStatus::unfixed;
        out.action = "Reduce the text size or the text in the editor so it fits inside the safe zone.";
        return out;
    }
    Element candidate = element;
    candidate.box_mm.x = round_hundredth(element.box_mm.x + *dx);
    candidate.box_mm.y = round_hundredth(element.box_mm.y + *dy);
    const text::TextLayout moved = text::layout_text(candidate, font);
    const BoxMm moved_ink = printed_ink(candidate, moved);
    const auto nd = trim_distances(moved_ink, s);
    std::string problem;
    if (const std::string id = new_overlap(element.box_mm, candidate.box_mm, others); !id.empty())
        problem = "the moved box would overlap element '" + id + "'";
    else if (*std::min_element(nd.begin(), nd.end()) < limit)
        problem = "the moved text would still reach into the safe zone";
    if (!problem.empty()) {
        out.status = FixStatus::unfixed;
        out.reason = "No safe fix: " + problem + ".";
        out.action = "Move the text box inside the safe zone in the editor, rearranging what is around it.";
        return out;
    }
    std::string moves;
    const auto describe = [&](double v, const char* positive, const char* negative) {
        if (std::abs(v) < 0.005) return;
        if (!moves.empty()) moves += " and ";
        moves += mm_text(std::abs(v)) + " mm " + (v > 0 ? positive : negative);
    };
    describe(*dx, "right", "left");
    describe(*dy, "down", "up");
    out.status = FixStatus::applied;
    out.after = candidate;
    out.action = "Moved the box " + moves + " so the text keeps the " + mm_text(s.safe_mm) + " mm safe zone.";
    return out;
}

}  // namespace preflight::fix
