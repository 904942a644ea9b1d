// A before/after picture of one corrected page for the service team: the page as it came in on
// the left, as corrected on the right, the trim outlined, changed text boxes outlined (old box
// red on the left, new box green on the right).
#pragma once

#include <vector>

#include "core/raster.hpp"
#include "preflight/model.hpp"

namespace preflight::fix {

struct BoxChange {
    BoxMm before, after;
};

/// Side by side, reduced by a whole factor so the picture is at most `max_width_px` wide.
core::Raster before_after_preview(const core::Raster& before, const core::Raster& after, const core::PageGeometry& geometry,
                                  const std::vector<BoxChange>& boxes, int max_width_px = 1600);

}  // namespace preflight::fix
