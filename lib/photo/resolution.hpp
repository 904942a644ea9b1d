// Effective resolution: how many source pixels a photo frame shows per inch of print.
#pragma once

#include <array>
#include <optional>

namespace preflight::photo {

/// The source pixels shown in a frame and what they amount to in print.
struct ShownSource {
    double width_px = 0, height_px = 0;   // source pixels across the frame's width / height
    double ppi_x = 0, ppi_y = 0;          // per inch of frame along each axis
    double ppi() const { return ppi_x < ppi_y ? ppi_x : ppi_y; }
};

/// The shown part of a source of `source_px` in a frame of `frame_mm` (width, height): the
/// crop (x, y, w, h) when given, else the whole source scaled to cover the frame, centred.
std::optional<ShownSource> shown_source(std::array<int, 2> source_px,
                                        const std::optional<std::array<int, 4>>& crop_px,
                                        std::array<double, 2> frame_mm);

}  // namespace preflight::photo
