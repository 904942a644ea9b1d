// Overlay pictures for the report: a page shrunk for the screen with each finding's region
// outlined and numbered, the trim and safe lines drawn for orientation.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "preflight/finding.hpp"

namespace preflight::report {

struct OverlayMark {
    int number = 0;                 // as listed beside the picture
    std::array<double, 4> where_mm; // region in design millimetres
    Severity severity = Severity::error;
};

/// Draws `marks` on the page raster of `page` shrunk to `width_px` wide and writes a JPEG to
/// `out_file`. False with `error` when the raster cannot be read or the file written.
bool write_overlay(const PageRef& page, const std::vector<OverlayMark>& marks, int width_px,
                   const std::string& out_file, std::string& error);

}  // namespace preflight::report
