// Tile-wise, direction-wise sharpness (Crete-Roffet blur effect) on the luma of a region.
#include "photo/sharpness.hpp"

#include "kernels/photo_kernels.hpp"

#include <opencv2/core.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <vector>

namespace preflight::photo {

namespace {

// The box blur spans 9 pixels: its gradient at p is (I(p+5d) - I(p-4d)) / 9 (see the kernel).
// The smallest luma step (0..255) between neighbours that counts as part of an edge: steps of
// a level or two are quantisation and noise on smooth areas, not edges, and would make a
// soft gradient look crisp.
constexpr std::uint8_t min_step = 3;
// A tile direction with fewer edge pixels than this share has no edges along it: soft
// there (after a blur) or plain (stripes along it); it does not vote for that direction.
constexpr double min_edge_share = 0.02;

// Mean of the top `fraction` of values (at least 2 of them, all if fewer).
double top_mean(std::vector<double> values, double fraction) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end(), std::greater<>());
    std::size_t count = std::max<std::size_t>(2, std::size_t(std::ceil(fraction * double(values.size()))));
    count = std::min(count, values.size());
    double total = 0;
    for (std::size_t i = 0; i < count; ++i) total += values[i];
    return total / double(count);
}

// The spectral (band-energy) sharpness on the tiles with most fine detail. For a direction d,
// D_s(p) = I(p + s d) - 2 I(p) + I(p - s d) is a band-pass peaking at 1/(2s) cycles per pixel
// along d. A blur of any shape (Gaussian, defocus disk, box, a line along d) removes the band
// of D_1 long before that of D_4: the ratio sum D_1^2 / sum D_4^2 falls with the cube of the
// edge width. This is the two-band form of the power-spectrum-slope measures of image
// sharpness (Field & Brady 1997; Vu, Phan & Chandler 2012, S1 of S3), taken per direction
// so that motion blur shows as one direction without fine detail (Yitzhaky & Kopeika
// 1997 find the motion direction the same way, from directional derivatives).
void band_ratios(const cv::Mat& gray, const std::vector<core::PixelRect>& ignored, SharpnessReport& report) {
    // Every other row of a 48 px tile. (Every fourth row halves the cost but loses box 13 px
    // detection on the bench: 94 / 94 % -> 76 / 88 %.)
    constexpr int side = 48, reach = 4, row_step = 2;
    static constexpr int steps[4][2] = {{1, 0}, {1, 1}, {0, 1}, {-1, 1}};
    const int tiles_x = (gray.cols - 2 * reach) / side, tiles_y = (gray.rows - 2 * reach) / side;
    if (tiles_x < 1 || tiles_y < 1) return;
    struct Tile {
        std::array<double, 4> fine{}, coarse{};
        double total_fine = 0;
        int x0 = 0, y0 = 0;
    };
    std::vector<Tile> tiles(std::size_t(tiles_x) * tiles_y);
    const std::ptrdiff_t stride = std::ptrdiff_t(gray.step[0]);
    for (int ty = 0; ty < tiles_y; ++ty)
        for (int tx = 0; tx < tiles_x; ++tx) {
            Tile& tile = tiles[std::size_t(ty) * tiles_x + tx];
            const int x0 = reach + tx * side, y0 = reach + ty * side;
            tile.x0 = x0;
            tile.y0 = y0;
            bool skip = false;
            for (const auto& rect : ignored)
                skip = skip || (rect.x0 < x0 + side + reach && x0 - reach < rect.x1 && rect.y0 < y0 + side + reach &&
                                y0 - reach < rect.y1);
            if (skip) {
                tile.total_fine = -1;   // never among the top tiles, and not judged
                continue;
            }
            for (int y = reach + ty * side; y < reach + (ty + 1) * side; y += row_step) {
                const std::uint8_t* p = gray.ptr<std::uint8_t>(y) + reach + tx * side;
                // One direction at a time over a contiguous run: the compiler vectorises it
                // (a row's sums fit in 32 bits: 48 * 510^2 < 2^31).
                for (int d = 0; d < 4; ++d) {
                    const std::ptrdiff_t o1 = steps[d][0] + steps[d][1] * stride, o4 = 4 * o1;
                    std::int32_t fine = 0, coarse = 0;
                    for (int x = 0; x < side; ++x) {
                        const int centre = 2 * p[x];
                        const int f = p[x + o1] + p[x - o1] - centre, c = p[x + o4] + p[x - o4] - centre;
                        fine += f * f;
                        coarse += c * c;
                    }
                    tile.fine[d] += fine;
                    tile.coarse[d] += coarse;
                }
            }
            // 8-bit rounding alone gives every second difference a variance of 0.5 (3 values,
            // 1/12 each, weights 1, 2, 1): that floor is not detail (a smooth blurred
            // tile would otherwise look crisp).
            const double floor = 0.5 * double(side / row_step) * side;
            for (int d = 0; d < 4; ++d) {
                tile.fine[d] = std::max(0.0, tile.fine[d] - floor);
                tile.coarse[d] = std::max(0.0, tile.coarse[d] - floor);
                tile.total_fine += tile.fine[d];
            }
        }
    // The sharpest 3 % of the tiles (at least 3): a subject's share of a frame, whatever
    // the frame's size (13 tiles of a 100 x 70 mm frame at 300 dpi).
    const std::size_t top = std::min<std::size_t>(
        std::max<std::size_t>(3, std::size_t(std::ceil(0.03 * double(tiles.size())))), tiles.size());
    // The spectrum (motion) averages at least 8 tiles: on a small frame 3 tiles can be one
    // streak of a panned shot, which reads as a smear (tests: mate's Storm at 40 x 30 mm).
    const std::size_t spectral_top = std::min<std::size_t>(std::max<std::size_t>(top, 8), tiles.size());
    std::partial_sort(tiles.begin(), tiles.begin() + std::ptrdiff_t(spectral_top), tiles.end(),
                      [](const Tile& a, const Tile& b) { return a.total_fine > b.total_fine; });
    std::vector<double> overall;
    std::array<std::vector<double>, 4> directional;
    std::vector<cv::Point> origins;
    for (std::size_t i = 0; i < spectral_top; ++i) {
        const Tile& tile = tiles[i];
        if (tile.total_fine < 0) continue;   // left out (under an element)
        // The spectrum's tile (64 px) centred on this one, inside the image.
        constexpr int spectral = TileSpectrum::side;
        origins.emplace_back(std::clamp(tile.x0 + side / 2 - spectral / 2, 0, std::max(0, gray.cols - spectral)),
                             std::clamp(tile.y0 + side / 2 - spectral / 2, 0, std::max(0, gray.rows - spectral)));
        if (i >= top) continue;
        double fine = 0, coarse = 0;
        for (int d = 0; d < 4; ++d) fine += tile.fine[d], coarse += tile.coarse[d];
        if (coarse <= 0) continue;
        for (int d = 0; d < 4; ++d) directional[d].push_back(tile.coarse[d] > 0 ? tile.fine[d] / tile.coarse[d] : 0.0);
        overall.push_back(fine / coarse);
    }
    report.spectrum = mean_tile_spectrum(gray, origins);
    if (overall.empty()) return;
    auto median = [](std::vector<double> v) {
        std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(v.size() / 2), v.end());
        return v[v.size() / 2];
    };
    report.band_tiles = int(overall.size());
    report.band_ratio = median(overall);
    for (int d = 0; d < 4; ++d) report.band_by_direction[d] = median(directional[d]);
}

}  // namespace

Resample sharpness_resample(double analysis_scale) {
    const double scale = std::clamp(analysis_scale, 0.05, 1.0);
    // Down to 3/4 size a bilinear resample averages nearly the same neighbours as an area
    // filter does, at a tenth of its cost (OpenCV's area filter is slow at fractional
    // scales): on real photos the sharpness moves by < 0.01. Further down only the area
    // filter avoids aliasing, which would make a soft upload look crisp.
    return scale >= 0.95 ? Resample::none : scale >= 0.75 ? Resample::bilinear : Resample::area;
}

SharpnessReport measure_sharpness(const RgbView& region, const SharpnessOptions& options) {
    if (region.empty()) return {};
    const Resample how = sharpness_resample(options.analysis_scale);
    const GreyPlane full = luma_plane(region);
    if (how == Resample::none) return measure_sharpness(full, region.width, options);
    return measure_sharpness(resampled_luma(full, std::clamp(options.analysis_scale, 0.05, 1.0), how), region.width,
                             options);
}

SharpnessReport measure_sharpness(const GreyPlane& luma, int region_width, const SharpnessOptions& options) {
    SharpnessReport report;
    if (luma.empty() || region_width <= 0) return report;
    const cv::Mat gray(luma.height, luma.width, CV_8UC1, const_cast<std::uint8_t*>(luma.row(0)));
    const int width = gray.cols, height = gray.rows;
    report.analysed_width = width;
    report.analysed_height = height;
    const int margin = int(kernels::edge_reach_px);
    if (width < 4 * margin || height < 4 * margin) return report;

    // Tiles of about 1/10 of the shorter side, 24..64 px: small enough to find a subject.
    // (Never wider than the image inside the margins: a tiny region is one tile.)
    const int tile_px = std::min({std::clamp(std::min(width, height) / 10, 24, 64), width - 2 * margin,
                                  height - 2 * margin});
    const int tiles_x = std::max(1, (width - 2 * margin) / tile_px);
    const int tiles_y = std::max(1, (height - 2 * margin) / tile_px);
    std::vector<kernels::EdgeTileSums> tiles(std::size_t(tiles_x) * tiles_y);
    const std::ptrdiff_t stride = std::ptrdiff_t(gray.step[0]);
    for (int ty = 0; ty < tiles_y; ++ty) {
        kernels::edge_tile_sums_band(gray.ptr<std::uint8_t>(margin + ty * tile_px), stride, std::size_t(tile_px),
                                     std::size_t(margin), std::size_t(tile_px), std::size_t(tiles_x), min_step,
                                     tiles.data() + std::size_t(ty) * tiles_x);
    }

    // The ignored parts in analysis pixels, to drop the tiles they touch.
    const double scale = double(width) / region_width;
    std::vector<core::PixelRect> ignored;
    for (const auto& rect : options.ignore) {
        ignored.push_back({int(std::floor(rect.x0 * scale)), int(std::floor(rect.y0 * scale)),
                           int(std::ceil(rect.x1 * scale)), int(std::ceil(rect.y1 * scale))});
    }
    band_ratios(gray, ignored, report);
    auto is_ignored = [&](int tx, int ty) {
        const int x0 = margin + tx * tile_px, y0 = margin + ty * tile_px;
        for (const auto& rect : ignored)
            if (rect.x0 < x0 + tile_px && x0 < rect.x1 && rect.y0 < y0 + tile_px && y0 < rect.y1) return true;
        return false;
    };

    std::vector<double> overall;
    std::array<std::vector<double>, 4> directional;
    for (std::size_t index = 0; index < tiles.size(); ++index) {
        const kernels::EdgeTileSums& tile = tiles[index];
        if (tile.count == 0 || is_ignored(int(index) % tiles_x, int(index) / tiles_x)) continue;
        double mean = double(tile.sum) / double(tile.count);
        double variance = double(tile.sum_squares) / double(tile.count) - mean * mean;
        if (std::sqrt(std::max(0.0, variance)) < options.min_tile_contrast) continue;
        std::int64_t gradient = 0, kept = 0;
        for (int dir = 0; dir < 4; ++dir) {
            if (double(tile.edges[dir]) < min_edge_share * double(tile.count)) continue;
            gradient += tile.gradient[dir];
            kept += tile.kept[dir];
            directional[dir].push_back(double(tile.kept[dir]) / double(tile.gradient[dir]));
        }
        // A tile with contrast but no edges in any direction is soft all over.
        overall.push_back(gradient > 0 ? double(kept) / double(gradient) : 0.0);
    }
    report.tiles = int(tiles.size());
    report.informative_tiles = int(overall.size());
    if (overall.empty()) return report;
    report.sharpness = top_mean(overall, options.top_fraction);
    // A direction is judged only where it has edges in enough tiles: a photo of nothing but
    // horizontal lines (a horizon, a road) has no vertical edges to be sharp or smeared.
    const std::size_t min_tiles = std::max<std::size_t>(3, overall.size() / 20);
    double strongest = 0, weakest = 2;
    int judged = 0;
    for (int dir = 0; dir < 4; ++dir) {
        if (directional[dir].size() < min_tiles) {
            report.by_direction[dir] = -1;
            continue;
        }
        ++judged;
        report.by_direction[dir] = top_mean(directional[dir], options.top_fraction);
        strongest = std::max(strongest, report.by_direction[dir]);
        if (report.by_direction[dir] < weakest) {
            weakest = report.by_direction[dir];
            report.weakest_direction_deg = sharpness_directions_deg[dir];
        }
    }
    report.anisotropy = judged >= 2 && strongest > 0 ? weakest / strongest : 1;
    return report;
}

}  // namespace preflight::photo
