// Measures, at every pixel position along each edge of the trim, how far the artwork reaches
// into the bleed, the way a prepress operator looks at it: from the outer edge of the bleed
// inward, where does the unprinted paper end and the artwork begin?
#pragma once

#include <cstdint>
#include <vector>

#include "core/raster.hpp"
#include "kernels/strip_kernels.hpp"
#include "preflight/finding.hpp"

namespace preflight::checks {

// Edge: preflight::Edge (finding.hpp); the measures here take left, top, right or bottom.

/// "left", "top", "right", "bottom".
const char* edge_name(Edge edge);

struct ReachSettings {
    kernels::Rgb8 paper{255, 255, 255};     // the colour of unprinted paper in the raster
    std::uint8_t paper_tolerance_levels = 8; // a pixel this close to paper (largest channel difference) is paper
    double inside_mm = 0.25;                 // artwork ending this close inside the trim still touches it
    double contrast_window_mm = 0.3;         // how far inside a stop its contrast is measured
    /// How far inside the trim to look for artwork behind a strip of paper that runs in from the
    /// outer edge (EdgeSample::behind_sliver); 0: not at all (paper at the trim needs no bleed).
    double sliver_mm = 0;
};

/// One position along an edge: a raster row for the left and right edges, a column for the
/// top and bottom edges.
struct EdgeSample {
    /// Artwork at (or within inside_mm of) the trim here; false: unprinted paper, nothing to bleed.
    bool printed_at_trim = false;
    /// Paper at the trim, but artwork begins behind it within ReachSettings::sliver_mm inside the
    /// trim: a white strip along the cut (only measured when sliver_mm is set).
    bool behind_sliver = false;
    /// From the trim outward to where the paper that runs out to the outer edge begins, in
    /// pixels (negative: the artwork ends inside the trim). Only set when printed_at_trim or
    /// behind_sliver.
    float reach_px = 0;
    /// The largest difference from paper over the artwork just inside that stop (levels): a
    /// cut-off background shows a clear step here, a gentle fade into white does not.
    std::uint8_t contrast_levels = 0;
};

struct EdgeReach {
    Edge edge = Edge::left;
    /// Distance from the trim line to the raster's outer edge, in pixels: the bleed the raster has.
    double trim_to_outer_px = 0;
    /// Raster row (left, right) or column (top, bottom) of samples[0]; samples cover the pixel
    /// centres that lie within the trim along the edge.
    int first_position = 0;
    std::vector<EdgeSample> samples;
};

/// Measures one edge with the strip kernels: one colour-distance pass and one run pass per
/// band of positions. Empty samples when the raster has no bleed on that edge.
EdgeReach measure_edge_reach(const core::Raster& raster, const core::PageGeometry& geometry, Edge edge,
                             const ReachSettings& settings);

}  // namespace preflight::checks
