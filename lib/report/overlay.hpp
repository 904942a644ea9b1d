// Pictures for the report, drawn with libvips: a page shrunk for the screen with each
// finding's region outlined and numbered (the trim and safe lines drawn for orientation), and
// the before/after pictures of a fix (whole page or one edge enlarged, what changed outlined).
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "preflight/finding.hpp"

namespace preflight::report {

struct OverlayMark {
    int number = 0;                 // as listed beside the picture
    std::array<double, 4> where_mm; // region in design millimetres
    Severity severity = Severity::error;
};

/// A page raster to draw: `raster_file` (absolute) opened beneath the folder `root` through the
/// input layer, as the checker opens it (a link out of `root`, a FIFO, a device or a file that
/// is not an allowed image format is refused: no picture). No path reaches a decoder.
struct RasterRef {
    std::filesystem::path root;
    std::string raster_file;
};

/// Draws `marks` on the page raster of `page` (read beneath `root`) shrunk to `width_px` wide
/// and writes a JPEG to `out_file`. False with `error` when the raster cannot be read or the
/// file written.
bool write_overlay(const std::filesystem::path& root, const PageRef& page, const std::vector<OverlayMark>& marks,
                   int width_px, const std::string& out_file, std::string& error);

/// A region to outline on a fix picture, in design millimetres (trim origin).
struct Outline {
    std::array<double, 4> where_mm;
    std::array<double, 3> rgb;
    int thickness_px = 3;
};

/// Writes a JPEG of `raster` (laid out as `page` says: dpi, bleed, trim) with the trim
/// line and `outlines` drawn: the whole page `width_px` wide, or only `crop_mm` (a region in
/// design millimetres, clipped to the raster) enlarged or shrunk to `width_px`.
bool write_picture(const RasterRef& raster, const PageRef& page, const std::vector<Outline>& outlines,
                   const std::optional<std::array<double, 4>>& crop_mm, int width_px, const std::string& out_file,
                   std::string& error);

}  // namespace preflight::report
