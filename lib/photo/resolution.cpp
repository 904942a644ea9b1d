// Effective resolution of a photo frame from its source and crop sizes (no pixels needed).
#include "photo/resolution.hpp"

#include <algorithm>

namespace preflight::photo {

std::optional<ShownSource> shown_source(std::array<int, 2> source_px,
                                        const std::optional<std::array<int, 4>>& crop_px,
                                        std::array<double, 2> frame_mm) {
    const double frame_w_mm = frame_mm[0], frame_h_mm = frame_mm[1];
    if (frame_w_mm <= 0 || frame_h_mm <= 0) return std::nullopt;
    ShownSource shown;
    if (crop_px) {
        shown.width_px = (*crop_px)[2];
        shown.height_px = (*crop_px)[3];
    } else {
        if (source_px[0] <= 0 || source_px[1] <= 0) return std::nullopt;
        // Cover: the scale that fills both sides; the overflowing side is cut off centred.
        const double mm_per_px = std::max(frame_w_mm / source_px[0], frame_h_mm / source_px[1]);
        shown.width_px = frame_w_mm / mm_per_px;
        shown.height_px = frame_h_mm / mm_per_px;
    }
    if (shown.width_px <= 0 || shown.height_px <= 0) return std::nullopt;
    shown.ppi_x = shown.width_px / (frame_w_mm / 25.4);
    shown.ppi_y = shown.height_px / (frame_h_mm / 25.4);
    return shown;
}

}  // namespace preflight::photo
