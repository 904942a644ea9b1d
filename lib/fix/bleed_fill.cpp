// Bleed generation by mirroring or stretching (see bleed_fill.hpp).
#include "fix/bleed_fill.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace preflight::fix {

const char* fill_method_name(FillMethod method) { return method == FillMethod::mirror ? "mirror" : "stretch"; }

StripBounds strip_bounds(const core::Raster& raster, const core::PageGeometry& geometry, Edge edge) {
    StripBounds bounds;
    const bool rows_along = edge == Edge::left || edge == Edge::right;
    bounds.along = rows_along ? raster.height : raster.width;
    const int across = rows_along ? raster.width : raster.height;
    // A small epsilon: a trim that falls exactly on a pixel edge must not pull in a whole pixel.
    constexpr double eps = 1e-6;
    switch (edge) {
        case Edge::left: bounds.inner = int(std::ceil(geometry.x_px(0) - eps)); break;
        case Edge::top: bounds.inner = int(std::ceil(geometry.y_px(0) - eps)); break;
        case Edge::right: bounds.inner = int(std::floor(geometry.x_px(geometry.trim_width_mm) + eps)) - 1; break;
        case Edge::bottom: bounds.inner = int(std::floor(geometry.y_px(geometry.trim_height_mm) + eps)) - 1; break;
        case Edge::none: break;
    }
    bounds.inner = std::clamp(bounds.inner, 0, std::max(0, across - 1));
    bounds.depth = (edge == Edge::left || edge == Edge::top) ? bounds.inner : across - 1 - bounds.inner;
    return bounds;
}

namespace {

// Raster pixel of position `along` (row for left/right, column for top/bottom) at `across`.
inline const std::uint8_t* pixel_at(const core::Raster& raster, bool rows_along, int along, int across) {
    return rows_along ? raster.row(along) + std::size_t(across) * 3 : raster.row(across) + std::size_t(along) * 3;
}

}  // namespace

double edge_texture(const core::Raster& raster, const core::PageGeometry& geometry, Edge edge, int from, int to,
                    const std::vector<bool>& use, double depth_mm) {
    const StripBounds bounds = strip_bounds(raster, geometry, edge);
    const bool rows_along = edge == Edge::left || edge == Edge::right;
    const int across = rows_along ? raster.width : raster.height;
    const int band = std::max(3, int(std::lround(depth_mm * geometry.px_per_mm())));
    const int inward = (edge == Edge::left || edge == Edge::top) ? 1 : -1;
    const int base = from;
    double sum = 0;
    long count = 0;
    // Neighbours two pixels away: JPEG keeps photo detail at that scale but smooths the
    // single-pixel grain; the first ~0.5 mm is skipped, where JPEG rings along the cut-off edge.
    constexpr int step = 2;
    const int skip = std::max(step, int(std::lround(0.5 * geometry.px_per_mm())));
    for (int p = std::max(from, step); p < std::min(to, bounds.along - step); ++p) {
        if (!use[std::size_t(p - base)]) continue;
        for (int k = skip; k < skip + band; ++k) {
            const int a = bounds.inner + inward * k;
            if (a < step || a >= across - step) break;
            const std::uint8_t* c = pixel_at(raster, rows_along, p, a);
            const std::uint8_t* n1 = pixel_at(raster, rows_along, p, a - step);
            const std::uint8_t* n2 = pixel_at(raster, rows_along, p, a + step);
            const std::uint8_t* n3 = pixel_at(raster, rows_along, p - step, a);
            const std::uint8_t* n4 = pixel_at(raster, rows_along, p + step, a);
            int total = 0;
            for (int ch = 0; ch < 3; ++ch) total += std::abs(4 * c[ch] - n1[ch] - n2[ch] - n3[ch] - n4[ch]);
            sum += total / 12.0;   // per channel, and the 4-neighbour Laplacian's weight
            ++count;
        }
    }
    return count ? sum / double(count) : 0.0;
}

FillMethod choose_fill(double texture_levels, double texture_threshold_levels) {
    return texture_levels >= texture_threshold_levels ? FillMethod::mirror : FillMethod::stretch;
}

void fill_bleed(core::Raster& raster, const core::PageGeometry& geometry, Edge edge, int from, int to,
                const std::vector<bool>& use, FillMethod method) {
    const StripBounds bounds = strip_bounds(raster, geometry, edge);
    if (bounds.depth <= 0) return;
    const bool rows_along = edge == Edge::left || edge == Edge::right;
    const int across = rows_along ? raster.width : raster.height;
    const int inward = (edge == Edge::left || edge == Edge::top) ? 1 : -1;
    // Pixels available inside the trim for the mirror (a very narrow trim mirrors what it has).
    const int inside = (inward > 0) ? across - bounds.inner : bounds.inner + 1;
    const int first = std::max(from, 0), last = std::min(to, bounds.along);
    // k counts outward from the inner boundary; the mirror source is k pixels inward of it.
    const auto source = [&](int k) {
        return method == FillMethod::mirror ? bounds.inner + inward * (k % inside) : bounds.inner;
    };
    if (rows_along) {
        for (int p = first; p < last; ++p) {
            if (!use[std::size_t(p - from)]) continue;
            std::uint8_t* row = raster.row(p);
            for (int k = 0; k < bounds.depth; ++k)
                std::memcpy(row + std::size_t(bounds.inner - inward * (k + 1)) * 3, row + std::size_t(source(k)) * 3, 3);
        }
        return;
    }
    // Top and bottom: whole rows of the strip at a time, so memory is walked in order.
    for (int k = 0; k < bounds.depth; ++k) {
        std::uint8_t* dst = raster.row(bounds.inner - inward * (k + 1));
        const std::uint8_t* src = raster.row(source(k));
        for (int p = first; p < last; ++p)
            if (use[std::size_t(p - from)]) std::memcpy(dst + std::size_t(p) * 3, src + std::size_t(p) * 3, 3);
    }
}

EdgeFill generate_bleed(core::Raster& raster, const core::PageGeometry& geometry, Edge edge, int from, int to,
                        const checks::ReachSettings& reach_settings, double texture_threshold_levels) {
    EdgeFill out;
    const checks::EdgeReach reach = checks::measure_edge_reach(raster, geometry, edge, reach_settings);
    const int n = int(reach.samples.size());
    if (n == 0 || to <= from) return out;
    std::vector<bool> use(std::size_t(to - from), false);
    const StripBounds bounds = strip_bounds(raster, geometry, edge);
    const bool rows_along = edge == Edge::left || edge == Edge::right;
    const auto is_paper = [&](int p) {
        const std::uint8_t* c = pixel_at(raster, rows_along, p, bounds.inner);
        const std::uint8_t paper[3] = {reach_settings.paper.r, reach_settings.paper.g, reach_settings.paper.b};
        for (int ch = 0; ch < 3; ++ch)
            if (std::abs(int(c[ch]) - int(paper[ch])) > reach_settings.paper_tolerance_levels) return false;
        return true;
    };
    for (int p = from; p < to; ++p) {
        const auto& s = reach.samples[std::size_t(std::clamp(p - reach.first_position, 0, n - 1))];
        if (!s.printed_at_trim || s.reach_px >= reach.trim_to_outer_px - 0.5) continue;
        if (is_paper(p)) {
            // In a corner this is the neighbouring edge's missing bleed: that edge fills it.
            if (p >= reach.first_position && p < reach.first_position + n) ++out.inside_trim;
            continue;
        }
        use[std::size_t(p - from)] = true;
        ++out.positions;
        if (p >= reach.first_position && p < reach.first_position + n) ++out.positions_in_trim;
    }
    if (out.positions == 0) return out;
    out.texture_levels = edge_texture(raster, geometry, edge, from, to, use);
    out.method = choose_fill(out.texture_levels, texture_threshold_levels);
    fill_bleed(raster, geometry, edge, from, to, use, out.method);

    const checks::EdgeReach after = checks::measure_edge_reach(raster, geometry, edge, reach_settings);
    out.reach_after_px = after.trim_to_outer_px;
    const int end = std::min(to, after.first_position + int(after.samples.size()));
    for (int p = std::max(from, after.first_position); p < end; ++p) {
        const auto& s = after.samples[std::size_t(p - after.first_position)];
        if (use[std::size_t(p - from)] && s.printed_at_trim) out.reach_after_px = std::min<double>(out.reach_after_px, s.reach_px);
    }
    return out;
}

}  // namespace preflight::fix
