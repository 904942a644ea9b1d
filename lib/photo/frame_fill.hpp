// Empty bands along the sides of a photo frame: paper or flat colour the photo leaves uncovered.
#pragma once

#include <array>

#include "photo/pixels.hpp"

namespace preflight::photo {

enum class Side { top, right, bottom, left };
inline constexpr std::array<Side, 4> all_sides{Side::top, Side::right, Side::bottom, Side::left};
const char* to_string(Side side);

struct EmptyBand {
    Side side = Side::top;
    int width_px = 0;                     // 0: none
    std::array<int, 3> colour_rgb{};      // the band's colour
};

struct EmptyBandOptions {
    /// The most a channel may vary along one line of the band (0..255): a band is flat.
    int flat_tolerance = 6;
    /// The share of the first line past the band that must differ clearly from it: the band
    /// ends at a straight edge (a photo's own blown sky fades out instead).
    double min_edge_share = 0.6;
    int edge_difference = 12;
    /// Lines past the flat run in which that edge may lie (JPEG ringing beside the edge).
    int edge_search_lines = 4;
    /// Bands wider than this share of the region are left alone: a burnt-out sky above a
    /// level horizon is the photo's own, an uncovered strip is narrow.
    double max_share = 0.25;
};

/// For each side, the band of flat, uniform lines running inward from that side, when it
/// ends at a straight edge and is at most `max_share` of the region deep.
std::array<EmptyBand, 4> find_empty_bands(const RgbView& region, const EmptyBandOptions& options = {});

}  // namespace preflight::photo
