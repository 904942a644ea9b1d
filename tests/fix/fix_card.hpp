// Tests only: the card the fix tests repair, written to ROOT/card (design.json, the page, the
// font copied into ROOT/fonts since paths must stay inside the root).
#pragma once

#include <filesystem>

#include "core/raster.hpp"
#include "support/page_painter.hpp"

namespace preflight::testing {

inline constexpr double fix_card_trim_w = 148, fix_card_trim_h = 105, fix_card_bleed = 3, fix_card_dpi = 150;

struct FixCard {
    core::PageGeometry geometry;
    core::Raster original;      // the page as the checker decodes it
};

/// A cream background and a photo (left 60 mm) that stop at the trim on every edge, a text too
/// wide for its box (t1), a date too close to the right trim (t2). `blocked` adds a text whose
/// box cannot grow (ornament g1 beside it) and that fits only below 6 pt (t3), and one that
/// cannot grow either (g2) but fits at a smaller size (t4).
FixCard write_fix_card(const std::filesystem::path& root, bool blocked, PageEncoding encoding = PageEncoding::png8);

}  // namespace preflight::testing
