// Fixing text boxes without touching what the customer wrote or chose: enlarge a box whose
// text overflows (or, when it cannot grow, reduce the size to the largest that fits), and move
// a box whose ink reaches into the safe zone inward. Every candidate is laid out again with
// HarfBuzz on the element's own font before it is accepted.
#pragma once

#include <string>
#include <vector>

#include "preflight/fix.hpp"
#include "preflight/model.hpp"
#include "text/layout.hpp"

namespace preflight::fix {

using text::printed_ink;   // the ink that prints (lib/text)

struct TextFixSettings {
    double trim_width_mm = 0, trim_height_mm = 0;
    double safe_mm = 4;
    double min_size_pt = 6;
    double overflow_tolerance_mm = 0.2;   // text.overflow's tolerance
    double safe_tolerance_mm = 0.1;       // safe_zone.text's tolerance
};

/// Another element on the page, which a changed box must not newly overlap.
struct Obstacle {
    std::string id;
    BoxMm box_mm;
};

struct TextFixOutcome {
    FixStatus status = FixStatus::unfixed;
    Element after;          // the element as corrected (== before unless applied)
    std::string action;     // what was done or proposed
    std::string reason;     // why not applied
};

/// text.overflow: enlarge the box (away from its alignment anchor; the narrowest box that holds
/// the text, else the one that needs fewest lines) when the larger box stays
/// inside the safe zone and overlaps no element it did not overlap already; else the largest
/// size (0.1 pt steps, not below min_size_pt) at which the text fits its box.
TextFixOutcome fix_overflow(const Element& element, const text::Font& font, const std::vector<Obstacle>& others,
                            const TextFixSettings& settings);

/// safe_zone.text: move the box inward by the missing distance when the moved box overlaps no
/// element it did not overlap already and the ink keeps the safe zone on the other side too.
TextFixOutcome fix_safe_zone(const Element& element, const text::Font& font, const std::vector<Obstacle>& others,
                             const TextFixSettings& settings);

}  // namespace preflight::fix
