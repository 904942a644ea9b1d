// Effective resolution from the content: band energies measured by down-and-up resampling.
//
// Method: an image enlarged k times by any interpolator (bilinear, bicubic, Lanczos) has
// (almost) no energy above 1/k of the grid's Nyquist frequency, however sharp it looks.
// Resampling it down by k and back up therefore changes it very little, while a genuine
// photo loses its finest band. The energy removed by a down-up resample by k, E(k), is the
// energy above 0.5/k cycles per pixel; natural images have a power spectrum close to 1/f^2
// (Field 1987; van der Schaaf & van Hateren 1996), so E(k)/E(8) ~ ln k / ln 8 whatever the
// scene; normalised by that, the ratio is ~1 for genuine content and drops towards 0 for
// every k up to the enlargement. The
// ratio is a self-normalising version of the "resampling residual" used to detect
// upscaled images in forensics (Popescu & Farid 2005 look at the periodic correlations an
// interpolator leaves; the residual is the shape-agnostic form of the same fact, cheap
// enough for a frame per millisecond). It is judged on the tiles with most fine detail.
#include "photo/upscale.hpp"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace preflight::photo {

namespace {

// Energy the tile loses in a down-up resample by `factor` (area down, bicubic up).
double residual_energy(const cv::Mat& tile, double factor) {
    const int side = tile.cols;
    const int small_side = std::max(2, int(std::lround(side / factor)));
    cv::Mat small, back;
    cv::resize(tile, small, cv::Size(small_side, small_side), 0, 0, cv::INTER_AREA);
    cv::resize(small, back, tile.size(), 0, 0, cv::INTER_CUBIC);
    // Leave a border of 4 px: the resample's edge handling is not content.
    const cv::Rect inner(4, 4, side - 8, side - 8);
    cv::Mat diff = tile(inner) - back(inner);
    return diff.dot(diff) / double(inner.area());
}

double median(std::vector<double> values) {
    if (values.empty()) return 1.0;
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(values.size() / 2), values.end());
    return values[values.size() / 2];
}

// The luma of the region at `scale` (area resampling when shrinking), as floats 0..255.
cv::Mat luma_of_region(const RgbView& region, double scale) {
    cv::Mat rgb(region.height, region.width, CV_8UC3, const_cast<std::uint8_t*>(region.data), region.stride_bytes);
    cv::Mat gray;
    cv::cvtColor(rgb, gray, cv::COLOR_RGB2GRAY);
    if (scale < 0.95) {
        cv::Mat small;
        cv::resize(gray, small, cv::Size(std::max(1, int(std::lround(region.width * scale))),
                                         std::max(1, int(std::lround(region.height * scale)))),
                   0, 0, cv::INTER_AREA);
        gray = small;
    }
    return gray;
}

}  // namespace

UpscaleReport measure_upscale(const RgbView& region, const UpscaleOptions& options) {
    UpscaleReport report;
    if (region.empty() || options.tile_px < 32) return report;
    // At full scale the region is read in place (no whole-frame conversion: only the judged
    // tiles are turned into luma); a coarser scale resamples the luma first.
    const double scale = std::clamp(options.analysis_scale, 0.05, 1.0);
    const cv::Mat gray = scale < 0.95 ? luma_of_region(region, scale) : cv::Mat();
    const int width = gray.empty() ? region.width : gray.cols, height = gray.empty() ? region.height : gray.rows;
    report.analysed_width = width;
    report.analysed_height = height;
    const int side = options.tile_px;
    const int tiles_x = width / side, tiles_y = height / side;
    if (tiles_x < 1 || tiles_y < 1) return report;
    // One channel per pixel for the detail scan (green, or the luma when resampled).
    const std::ptrdiff_t step = gray.empty() ? 3 : 1;
    auto row_of = [&](int y) {
        return gray.empty() ? region.row(y) + 1 : gray.ptr<std::uint8_t>(y);
    };

    // The most detailed tiles: the largest sum of squared differences between neighbours two
    // pixels apart (fine detail, where an enlargement shows), on every other row.
    struct Candidate {
        double detail;
        int x, y;
    };
    std::vector<Candidate> candidates;
    for (int ty = 0; ty < tiles_y; ++ty)
        for (int tx = 0; tx < tiles_x; ++tx) {
            double sum = 0;
            for (int y = ty * side; y < (ty + 1) * side - 2; y += 2) {
                const std::uint8_t* row = row_of(y);
                const std::uint8_t* below = row_of(y + 2);
                for (int x = tx * side; x < (tx + 1) * side - 2; x += 2) {
                    const int dx = row[(x + 2) * step] - row[x * step], dy = below[x * step] - row[x * step];
                    sum += dx * dx + dy * dy;
                }
            }
            candidates.push_back({sum, tx, ty});
        }
    const std::size_t count = std::min<std::size_t>(std::size_t(std::max(1, options.tiles)), candidates.size());
    std::partial_sort(candidates.begin(), candidates.begin() + std::ptrdiff_t(count), candidates.end(),
                      [](const Candidate& a, const Candidate& b) { return a.detail > b.detail; });
    auto tile_at = [&](int tx, int ty) {
        cv::Mat tile(side, side, CV_32F);
        for (int y = 0; y < side; ++y) {
            float* out = tile.ptr<float>(y);
            if (gray.empty()) {
                const std::uint8_t* p = region.row(ty * side + y) + std::size_t(tx) * side * 3;
                for (int x = 0; x < side; ++x, p += 3) out[x] = float(luma_of(p));
            } else {
                const std::uint8_t* p = gray.ptr<std::uint8_t>(ty * side + y) + tx * side;
                for (int x = 0; x < side; ++x) out[x] = p[x];
            }
        }
        return tile;
    };

    std::array<std::vector<double>, upscale_factors.size()> ratios;
    std::vector<double> half_band;
    for (std::size_t i = 0; i < count; ++i) {
        if (candidates[i].detail <= 0) break;
        const cv::Mat tile = tile_at(candidates[i].x, candidates[i].y);
        // Only the factors the decision uses (2, 4 and the reference 8): each costs two resamples.
        std::array<double, upscale_factors.size() + 1> energy{};
        energy[1] = residual_energy(tile, 2.0);
        energy[3] = residual_energy(tile, 4.0);
        energy[4] = residual_energy(tile, 8.0);
        // Against E(8) (the energy above 1/16 cycle per pixel, which any photo has), scaled by
        // what a 1/f^2 spectrum gives (ln k / ln 8): ~1 for a genuine photo at every k, ~0 for
        // every k up to the enlargement.
        if (energy[4] < 4.0) continue;   // flat even at the coarsest scale: nothing to judge
        ++report.judged_tiles;
        for (std::size_t f : {std::size_t(1), std::size_t(3)})
            ratios[f].push_back(energy[f] / energy[4] * std::log(8.0) / std::log(upscale_factors[f]));
        half_band.push_back(energy[3] > 0 ? energy[1] / energy[3] : 1.0);   // E(2) / E(4)
    }
    if (report.judged_tiles == 0) return report;
    for (std::size_t f : {std::size_t(1), std::size_t(3)}) report.residual_ratios[f] = median(ratios[f]);
    report.residual_ratio = median(half_band);
    // Enlarged 2x or more: E(2) / E(4) is small (the band above 1/4 cycle is empty while the
    // one below is not), or, when both are empty (enlarged 3x, 4x), E(2) against E(8).
    const bool enlarged = report.residual_ratio < options.max_residual_ratio ||
                          report.residual_ratios[1] < options.max_far_ratio;
    if (!enlarged) return report;
    report.detail_share = report.residual_ratios[1] < options.max_third_ratio ? 1.0 / 3.0 : 0.5;
    return report;
}

}  // namespace preflight::photo
