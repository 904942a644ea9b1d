// Tile-wise, direction-wise sharpness (Crete-Roffet blur effect) on the luma of a region.
#include "photo/sharpness.hpp"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <vector>

namespace preflight::photo {

namespace {

// Steps along each direction of sharpness_directions_deg.
constexpr int step_x[4] = {1, 1, 0, -1};
constexpr int step_y[4] = {0, 1, 1, 1};
// The box blur spans 9 pixels: its gradient at p is (I(p+5d) - I(p-4d)) / 9.
constexpr int box_ahead = 5, box_behind = 4;
// The smallest luma step (0..255) between neighbours that counts as part of an edge.
constexpr int min_step = 3;
// A tile direction with fewer edge pixels than this share has no edges along it: soft
// there (after a blur) or plain (stripes along it); it does not vote for that direction.
constexpr double min_edge_share = 0.02;

struct TileSums {
    std::array<std::int64_t, 4> gradient{};   // sum of 9 |I(p+d) - I(p)|
    std::array<std::int64_t, 4> kept{};       // sum of max(0, 9|dI| - |dB|): what the blur removes
    std::array<std::int64_t, 4> edges{};      // pixels with a step of at least min_step
    double sum = 0, sum_squares = 0;
    std::int64_t count = 0;
};

cv::Mat luma_at_scale(const RgbView& region, double scale) {
    cv::Mat rgb(region.height, region.width, CV_8UC3, const_cast<std::uint8_t*>(region.data),
                region.stride_bytes);
    cv::Mat gray;
    cv::cvtColor(rgb, gray, cv::COLOR_RGB2GRAY);
    if (scale < 0.95) {
        int width = std::max(1, int(std::lround(region.width * scale)));
        int height = std::max(1, int(std::lround(region.height * scale)));
        cv::Mat small;
        cv::resize(gray, small, cv::Size(width, height), 0, 0, cv::INTER_AREA);
        return small;
    }
    return gray;
}

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

}  // namespace

SharpnessReport measure_sharpness(const RgbView& region, const SharpnessOptions& options) {
    SharpnessReport report;
    if (region.empty()) return report;
    cv::Mat gray = luma_at_scale(region, std::clamp(options.analysis_scale, 0.05, 1.0));
    const int width = gray.cols, height = gray.rows;
    report.analysed_width = width;
    report.analysed_height = height;
    const int margin = box_ahead + 1;
    if (width < 4 * margin || height < 4 * margin) return report;

    // Tiles of about 1/10 of the shorter side, 24..64 px: small enough to find a subject.
    const int tile_px = std::clamp(std::min(width, height) / 10, 24, 64);
    const int tiles_x = std::max(1, (width - 2 * margin) / tile_px);
    const int tiles_y = std::max(1, (height - 2 * margin) / tile_px);
    std::vector<TileSums> tiles(std::size_t(tiles_x) * tiles_y);
    const std::ptrdiff_t stride = gray.step[0];

    for (int ty = 0; ty < tiles_y; ++ty) {
        for (int y = margin + ty * tile_px; y < margin + (ty + 1) * tile_px && y < height - margin; ++y) {
            const std::uint8_t* row = gray.ptr<std::uint8_t>(y);
            for (int tx = 0; tx < tiles_x; ++tx) {
                TileSums& tile = tiles[std::size_t(ty) * tiles_x + tx];
                const int x_end = std::min(margin + (tx + 1) * tile_px, width - margin);
                for (int dir = 0; dir < 4; ++dir) {
                    const std::ptrdiff_t d = step_y[dir] * stride + step_x[dir];
                    std::int64_t gradient = 0, kept = 0, edges = 0;
                    for (int x = margin + tx * tile_px; x < x_end; ++x) {
                        const std::uint8_t* p = row + x;
                        int step = std::abs(int(p[d]) - int(p[0]));
                        // Steps of a level or two are quantisation and noise on smooth
                        // areas, not edges: they would make a soft gradient look crisp.
                        if (step < min_step) continue;
                        int g = 9 * step;
                        int b = std::abs(int(p[box_ahead * d]) - int(p[-box_behind * d]));
                        gradient += g;
                        kept += std::max(0, g - b);
                        ++edges;
                    }
                    tile.gradient[dir] += gradient;
                    tile.kept[dir] += kept;
                    tile.edges[dir] += edges;
                }
                std::int64_t sum = 0, squares = 0;
                for (int x = margin + tx * tile_px; x < x_end; ++x) {
                    sum += row[x];
                    squares += int(row[x]) * int(row[x]);
                }
                tile.sum += double(sum);
                tile.sum_squares += double(squares);
                tile.count += x_end - (margin + tx * tile_px);
            }
        }
    }

    // The ignored parts in analysis pixels, to drop the tiles they touch.
    const double scale = double(width) / region.width;
    std::vector<core::PixelRect> ignored;
    for (const auto& rect : options.ignore) {
        ignored.push_back({int(std::floor(rect.x0 * scale)), int(std::floor(rect.y0 * scale)),
                           int(std::ceil(rect.x1 * scale)), int(std::ceil(rect.y1 * scale))});
    }
    auto is_ignored = [&](int tx, int ty) {
        const int x0 = margin + tx * tile_px, y0 = margin + ty * tile_px;
        for (const auto& rect : ignored)
            if (rect.x0 < x0 + tile_px && x0 < rect.x1 && rect.y0 < y0 + tile_px && y0 < rect.y1) return true;
        return false;
    };

    std::vector<double> overall;
    std::array<std::vector<double>, 4> directional;
    for (std::size_t index = 0; index < tiles.size(); ++index) {
        const TileSums& tile = tiles[index];
        if (tile.count == 0 || is_ignored(int(index) % tiles_x, int(index) / tiles_x)) continue;
        double mean = tile.sum / double(tile.count);
        double variance = tile.sum_squares / double(tile.count) - mean * mean;
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
