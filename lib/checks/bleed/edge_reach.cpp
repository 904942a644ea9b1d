// Edge reach measurement for bleed.coverage (see edge_reach.hpp).
#include "checks/bleed/edge_reach.hpp"

#include <algorithm>
#include <cmath>

namespace preflight::checks {

const char* edge_name(Edge edge) {
    switch (edge) {
        case Edge::left: return "left";
        case Edge::top: return "top";
        case Edge::right: return "right";
        case Edge::bottom: return "bottom";
        case Edge::none: break;
    }
    return "left";
}

namespace {
// Positions handled per kernel call: the band's distance map (band x strip depth bytes)
// stays in the first-level cache between the distance pass and the run pass.
constexpr int band_positions = 256;
}  // namespace

EdgeReach measure_edge_reach(const core::Raster& raster, const core::PageGeometry& geometry, Edge edge,
                             const ReachSettings& settings) {
    EdgeReach out;
    out.edge = edge;
    const bool rows_along = edge == Edge::left || edge == Edge::right;   // positions are rows
    const int along_size = rows_along ? raster.height : raster.width;
    const int across_size = rows_along ? raster.width : raster.height;
    if (along_size <= 0 || across_size <= 0 || raster.pixels.size() < std::size_t(raster.width) * raster.height * 3)
        return out;

    switch (edge) {
        case Edge::left: out.trim_to_outer_px = geometry.x_px(0); break;
        case Edge::top: out.trim_to_outer_px = geometry.y_px(0); break;
        case Edge::right: out.trim_to_outer_px = raster.width - geometry.x_px(geometry.trim_width_mm); break;
        case Edge::bottom: out.trim_to_outer_px = raster.height - geometry.y_px(geometry.trim_height_mm); break;
        case Edge::none: return out;
    }
    if (!(out.trim_to_outer_px > 0) || !std::isfinite(out.trim_to_outer_px)) return out;

    // Positions whose pixel centre lies within the trim along the edge (the corners of the
    // bleed box belong to no edge: rounded or clipped corners there are cut off anyway).
    const double along_from = rows_along ? geometry.y_px(0) : geometry.x_px(0);
    const double along_to = rows_along ? geometry.y_px(geometry.trim_height_mm) : geometry.x_px(geometry.trim_width_mm);
    const int first = std::max(0, int(std::ceil(along_from - 0.5)));
    const int last = std::min(along_size, int(std::ceil(along_to - 0.5)));
    if (last <= first) return out;
    out.first_position = first;
    out.samples.resize(std::size_t(last - first));

    const double px_per_mm = geometry.px_per_mm();
    // Pixels [0, near_px) counted from the outer edge are the bleed plus the inside margin: artwork
    // there touches the trim. The strip goes a contrast window deeper.
    const int near_px = std::min(across_size, int(std::ceil(out.trim_to_outer_px + settings.inside_mm * px_per_mm)));
    // Artwork beginning before sliver_px (and past near_px) lies behind a strip of paper at the trim.
    const int sliver_px =
        std::max(near_px, std::min(across_size, int(std::ceil(out.trim_to_outer_px + settings.sliver_mm * px_per_mm))));
    const int window_px = std::max(2, int(std::lround(settings.contrast_window_mm * px_per_mm)));
    const int depth = std::min({across_size, sliver_px + window_px, 65535});
    const std::ptrdiff_t row_bytes = std::ptrdiff_t(raster.width) * 3;

    std::vector<std::uint8_t> distance(std::size_t(band_positions) * depth), opened(distance.size());
    std::vector<std::uint16_t> runs(band_positions);
    // Detail thinner than 3 pixels across the edge and weaker than twice the paper tolerance
    // (JPEG ringing in the paper next to dark artwork) must not end the paper run early.
    const auto keep_above = std::uint8_t(std::min(255, 2 * int(settings.paper_tolerance_levels)));
    const std::uint8_t limit = settings.paper_tolerance_levels;
    for (int band_start = first; band_start < last; band_start += band_positions) {
        const int count = std::min(band_positions, last - band_start);
        // Each band becomes a distance-from-paper map, opened across the edge, then runs of
        // paper from the outer edge inward. Left/right: one map row per position (the right
        // edge's rows are read from their end); top/bottom: one map row per depth, outer first.
        switch (edge) {
            case Edge::left:
            case Edge::right: {
                const std::ptrdiff_t first_column = edge == Edge::left ? 0 : raster.width - depth;
                kernels::colour_distance_band(raster.row(band_start) + 3 * first_column, row_bytes, std::size_t(count),
                                              std::size_t(depth), settings.paper, distance.data(), depth);
                kernels::open_thin_band(distance.data(), depth, std::size_t(count), std::size_t(depth),
                                        kernels::Axis::along_rows, keep_above, opened.data(), depth);
                kernels::row_runs_band(opened.data(), depth, std::size_t(count), std::size_t(depth), limit,
                                       edge == Edge::left ? kernels::RunFrom::start : kernels::RunFrom::end, runs.data());
                break;
            }
            case Edge::top:
            case Edge::bottom: {
                const std::uint8_t* outer_row = raster.row(edge == Edge::top ? 0 : raster.height - 1);
                kernels::colour_distance_band(outer_row + 3 * std::ptrdiff_t(band_start),
                                              edge == Edge::top ? row_bytes : -row_bytes, std::size_t(depth),
                                              std::size_t(count), settings.paper, distance.data(), count);
                kernels::open_thin_band(distance.data(), count, std::size_t(depth), std::size_t(count),
                                        kernels::Axis::across_rows, keep_above, opened.data(), count);
                kernels::column_runs_band(opened.data(), count, std::size_t(depth), std::size_t(count), limit, runs.data());
                break;
            }
            case Edge::none: break;
        }
        // The distance of the pixel `from_outer` pixels in from the outer edge, at position i.
        const auto distance_at = [&](int i, int from_outer) -> std::uint8_t {
            if (rows_along) {
                const int column = edge == Edge::left ? from_outer : depth - 1 - from_outer;
                return distance[std::size_t(i) * depth + column];
            }
            return distance[std::size_t(from_outer) * count + i];
        };
        for (int i = 0; i < count; ++i) {
            EdgeSample& sample = out.samples[std::size_t(band_start - first + i)];
            const int run = runs[std::size_t(i)];
            // Paper up to and past the trim (and past any sliver looked for): nothing to bleed here.
            if (run >= sliver_px || run >= depth) continue;
            sample.printed_at_trim = run < near_px;
            sample.behind_sliver = !sample.printed_at_trim;
            std::uint8_t contrast = 0;
            for (int k = run; k < std::min(depth, run + window_px); ++k) contrast = std::max(contrast, distance_at(i, k));
            sample.contrast_levels = contrast;
            // The first artwork pixel is usually only partly covered (anti-aliasing): its share of
            // the artwork's difference from paper says how much, to a fraction of a pixel.
            const double covered = contrast > 0 ? std::min(1.0, double(distance_at(i, run)) / contrast) : 1.0;
            sample.reach_px = float(out.trim_to_outer_px - (run + 1 - covered));
        }
    }
    return out;
}

}  // namespace preflight::checks
