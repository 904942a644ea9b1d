// Effective resolution from the content: where the spectrum of its most detailed tiles ends.
//
// Method: an image enlarged k times by any interpolator (bilinear, bicubic, Lanczos) has
// (almost) no energy above 1/k of the grid's Nyquist frequency, however sharp it looks, and
// none of the sensor grain and noise a camera photo keeps up to Nyquist. Natural images have
// a power spectrum close to 1/f^2 (Field 1987; van der Schaaf & van Hateren 1996), so the
// whitened spectrum f^2 P(f) is about flat for genuine content: where it falls off a cliff
// at 1/(2k) cycle, and stays at nothing up to Nyquist, is where the content really ends
// (photo::whitened_profile, on 64 px Hann-windowed tiles). This reads the end of the
// spectrum directly, so a x4 enlargement (nothing above 1/8 cycle) is measured, not two
// empty bands compared. Session 3's resampling residual stays as a second cue: E(k), the
// energy a down-and-up resample by k removes, is the energy above 0.5/k cycle; E(2)/E(4) is
// small when the band above 1/4 cycle is empty while the one below is not (the
// shape-agnostic form of Popescu & Farid's 2005 resampling evidence).
#include "photo/upscale.hpp"
#include "photo/spectrum.hpp"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdint>
#include <type_traits>
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

}  // namespace

UpscaleReport measure_upscale(const RgbView& region, const UpscaleOptions& options, const GreyPlane* luma_at_scale) {
    UpscaleReport report;
    if (region.empty() || options.tile_px < 32) return report;
    // At full scale the region is read in place (no whole-frame conversion: only the judged
    // tiles are turned into luma); a coarser scale resamples the luma first.
    const double scale = std::clamp(options.analysis_scale, 0.05, 1.0);
    GreyPlane own;
    if (scale < 0.95 && !luma_at_scale) {
        own = resampled_luma(luma_plane(region), scale, Resample::area);
        luma_at_scale = &own;
    }
    const cv::Mat gray = scale < 0.95 ? cv::Mat(luma_at_scale->height, luma_at_scale->width, CV_8UC1,
                                                const_cast<std::uint8_t*>(luma_at_scale->row(0)))
                                      : cv::Mat();
    const int width = gray.empty() ? region.width : gray.cols, height = gray.empty() ? region.height : gray.rows;
    report.analysed_width = width;
    report.analysed_height = height;
    const int side = options.tile_px;
    const int tiles_x = width / side, tiles_y = height / side;
    if (tiles_x < 1 || tiles_y < 1) return report;
    // One channel per pixel for the detail scan (green, or the luma when resampled).
    auto row_of = [&](int y) {
        return gray.empty() ? region.row(y) + 1 : gray.ptr<std::uint8_t>(y);
    };

    // The most detailed tiles: the largest sum of squared differences between neighbours two
    // pixels apart (fine detail, where an enlargement shows), on every fourth row and every
    // other column (a ranking, not a measure: a quarter of the samples rank alike).
    struct Candidate {
        double detail;
        int x, y;
    };
    std::vector<Candidate> candidates(std::size_t(tiles_x) * tiles_y);
    for (int ty = 0; ty < tiles_y; ++ty)
        for (int tx = 0; tx < tiles_x; ++tx) candidates[std::size_t(ty) * tiles_x + tx] = {0.0, tx, ty};
    auto scan = [&](auto channel_step) {
        constexpr std::ptrdiff_t step = decltype(channel_step)::value;
        for (int ty = 0; ty < tiles_y; ++ty)
            for (int y = ty * side; y < (ty + 1) * side - 2; y += 4) {
                const std::uint8_t* row = row_of(y);
                const std::uint8_t* below = row_of(y + 2);
                for (int tx = 0; tx < tiles_x; ++tx) {
                    std::int32_t sum = 0;   // 31 samples of at most 2 * 255^2: fits
                    for (int x = tx * side; x < (tx + 1) * side - 2; x += 2) {
                        const int here = row[x * step];
                        const int dx = row[(x + 2) * step] - here, dy = below[x * step] - here;
                        sum += dx * dx + dy * dy;
                    }
                    candidates[std::size_t(ty) * tiles_x + tx].detail += sum;
                }
            }
    };
    if (gray.empty()) scan(std::integral_constant<std::ptrdiff_t, 3>{});
    else scan(std::integral_constant<std::ptrdiff_t, 1>{});
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

    std::vector<cv::Mat> judged;
    for (std::size_t i = 0; i < count; ++i) {
        if (candidates[i].detail <= 0) break;
        cv::Mat tile = tile_at(candidates[i].x, candidates[i].y);
        cv::Scalar mean, deviation;
        cv::meanStdDev(tile, mean, deviation);
        if (deviation[0] < 2.0) continue;   // flat (a plain sky, a wall): nothing to judge
        judged.push_back(std::move(tile));
    }
    report.judged_tiles = int(judged.size());
    const TileSpectrum spectrum = mean_tile_spectrum(judged);
    if (report.judged_tiles == 0 || spectrum.empty()) return report;
    report.profile = whitened_profile(spectrum);
    const auto& p = report.profile;
    auto mean_of = [&](int from, int to) {
        double total = 0;
        for (int i = from; i <= to; ++i) total += p[std::size_t(i)];
        return total / (to - from + 1);
    };
    // Cliffs: the whitened level just above 1/(2k) cycle against just below it (annuli of
    // 1/32 cycle): k = 2: 0.28 .. 0.41 over 0.125 .. 0.25; k = 3: 0.19 .. 0.28 over
    // 0.09 .. 0.16; k = 4: 0.16 .. 0.25 over 0.06 .. 0.125. And the floor at 0.375 .. 0.5.
    auto cliff = [&](int above_from, int above_to, int below_from, int below_to) {
        const double below = mean_of(below_from, below_to);
        return below > 0 ? mean_of(above_from, above_to) / below : 1.0;
    };
    report.cliffs = {cliff(9, 12, 4, 7), cliff(6, 8, 3, 4), cliff(5, 7, 2, 3)};
    report.top_level = mean_of(12, 15);
    // The resampling residual costs four resamples a tile: asked only where the spectrum's
    // floor is nearly empty already (bicubic x2: 0.008 at the 95th percentile; a sharp photo
    // has 0.13 median), so a crisp photo is cleared by its spectrum alone.
    if (report.top_level < options.residual_below_top_level) {
        std::vector<double> half_band;
        for (const cv::Mat& tile : judged) {
            const double e4 = residual_energy(tile, 4.0);
            if (e4 >= 1.0) half_band.push_back(residual_energy(tile, 2.0) / e4);
        }
        report.residual_ratio = median(half_band);
    }
    const bool enlarged = report.top_level < options.max_top_level ||
                          (report.cliffs[0] < options.max_cliff && report.top_level < options.max_cliff_top_level) ||
                          report.residual_ratio < options.max_residual_ratio;
    if (!enlarged) return report;
    report.detail_share = report.cliffs[2] < options.max_quarter_cliff ? 0.25
                          : report.cliffs[1] < options.max_third_cliff ? 1.0 / 3.0
                                                                       : 0.5;
    return report;
}

}  // namespace preflight::photo
