// Generating missing bleed: the artwork at the trim is continued outward into the bleed strip of
// one edge, by mirroring (photos, textured artwork) or by stretching the last pixels (flat
// colours, gradients). Pure pixel work on the shared Raster; knows nothing of findings.
#pragma once

#include <vector>

#include "checks/bleed/edge_reach.hpp"
#include "core/raster.hpp"

namespace preflight::fix {

using preflight::Edge;

enum class FillMethod { mirror, stretch };

/// "mirror" or "stretch".
const char* fill_method_name(FillMethod method);

/// The bleed strip of one edge, across the edge, in raster pixels: pixels that lie at least
/// partly outside the trim. `inner` is the first pixel fully inside the trim (left/top) or the
/// last one (right/bottom); the strip is [0, inner) or (inner, size).
struct StripBounds {
    int inner = 0;      // first (left/top) or last (right/bottom) pixel fully inside the trim
    int depth = 0;      // pixels in the strip
    int along = 0;      // positions along the edge (raster height or width)
};
StripBounds strip_bounds(const core::Raster& raster, const core::PageGeometry& geometry, Edge edge);

/// Texture of the artwork inside the trim along positions [from, to) of an edge where
/// `use[position - from]` is true: the mean absolute Laplacian (levels per channel, neighbours
/// two pixels away) over a band `depth_mm` deep, starting 0.5 mm inside the trim. Flat colours
/// and smooth gradients measure below ~0.4 (JPEG included); photos measure 1.5 and more.
double edge_texture(const core::Raster& raster, const core::PageGeometry& geometry, Edge edge, int from, int to,
                    const std::vector<bool>& use, double depth_mm = 2.0);

/// Mirror when the texture reaches `texture_threshold_levels`, else stretch.
FillMethod choose_fill(double texture_levels, double texture_threshold_levels);

/// Overwrites the bleed strip of `edge` at positions [from, to) where `use[position - from]`
/// is true with the artwork just inside the trim, mirrored about the strip's inner boundary or
/// stretched from the last pixel. No pixel outside that strip changes.
void fill_bleed(core::Raster& raster, const core::PageGeometry& geometry, Edge edge, int from, int to,
                const std::vector<bool>& use, FillMethod method);

/// What generating one edge's bleed did.
struct EdgeFill {
    int positions = 0;              // positions along the edge that were filled (corners included)
    int positions_in_trim = 0;      // of which along the trim
    int inside_trim = 0;            // positions left alone: the artwork ends inside the trim there
    FillMethod method = FillMethod::stretch;
    double texture_levels = 0;
    double reach_after_px = 0;      // the shortest reach over the filled positions afterwards
};

/// Generates the bleed of one edge over positions [from, to) (raster rows or columns; the
/// bleed corners included when the range runs into them): only where the artwork reaches the
/// trim and stops short of the outer edge of the bleed (measured as bleed.coverage measures
/// it; corner positions follow the nearest position along the trim), mirrored or stretched
/// by the texture of the last ~2 mm inside the trim. Where the first pixel inside the trim is
/// paper (the artwork ends inside the trim) nothing is generated: continuing the paper would
/// not help, and the page inside the trim is never changed.
EdgeFill generate_bleed(core::Raster& raster, const core::PageGeometry& geometry, Edge edge, int from, int to,
                        const checks::ReachSettings& reach_settings, double texture_threshold_levels);

}  // namespace preflight::fix
