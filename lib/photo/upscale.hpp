// How much detail a photo really carries: the share of its pixel resolution that its content
// fills, found where a down-and-up resample stops changing it (photo.upscaled).
#pragma once

#include <array>

#include "photo/pixels.hpp"

namespace preflight::photo {

/// The factors tried, largest last: content made by enlarging k times has nothing above
/// 1/k of the pixel grid's Nyquist frequency.
inline constexpr std::array<double, 4> upscale_factors{1.5, 2.0, 3.0, 4.0};

struct UpscaleOptions {
    /// Source pixels per region pixel, at most 1 (as SharpnessOptions::analysis_scale).
    double analysis_scale = 1.0;
    /// Tile side in analysis pixels, and how many of the most detailed tiles are judged.
    int tile_px = 64;
    int tiles = 16;
    /// Enlarged (content ends below half the grid's Nyquist frequency) when E(2) / E(4), the
    /// energy a down-and-up resample by 2 removes against one by 4, is below this. Bench
    /// (bench/README.md, "photo.upscaled"): clean photos and intentional looks 0.101 at the
    /// lowest (a motion-panned road), 0.13 at the 10th percentile, 0.30 median; bicubic x2
    /// enlargements 0.066 median, 0.099 at the 90th percentile; Lanczos x2 at most 0.108.
    double max_residual_ratio = 0.10;
    /// ... or when E(2) / E(8), normalised by ln 2 / ln 8, is below this (both bands above
    /// 1/8 cycle empty: 3x, 4x). Bench: clean photos and looks 0.020 at the lowest (1 of
    /// 340), 0.041 at the 5th percentile; x4 enlargements 0.013 (Lanczos) .. 0.021
    /// (bicubic) median. With both gates: x2 found on 88 % (bicubic) / 91 % (Lanczos) of
    /// the photos, x3 85 / 100 %, x4 79 / 94 %; false alarms 0.6 % tuning, 0 % held-out.
    double max_far_ratio = 0.02;
    /// Reported as enlarged 3x (1/3 of the detail) below this normalised E(2) / E(8), else 2x.
    /// Bench: x2 enlargements 0.056 .. 0.068 median, x3 0.022 .. 0.030, x4 0.013 .. 0.021.
    double max_third_ratio = 0.035;
};

struct UpscaleReport {
    /// The share of the analysed resolution the content fills: 1 (genuine), 1/2 or 1/3.
    double detail_share = 1.0;
    /// The normalised residual ratio E(k) / E(8) * ln 8 / ln k per factor (median over the
    /// judged tiles): ~1 genuine, ~0 when the content ends below 1/k. Measured for k = 2
    /// and 4 (the others stay 0).
    std::array<double, 4> residual_ratios{};
    double residual_ratio = 1.0;   // E(2) / E(4), median over the judged tiles
    int judged_tiles = 0;
    int analysed_width = 0, analysed_height = 0;
    bool judged() const { return judged_tiles > 0; }
};

/// Estimates the detail the region carries, on its most detailed tiles (a sharp subject on
/// a soft background is judged by the subject).
UpscaleReport measure_upscale(const RgbView& region, const UpscaleOptions& options = {});

}  // namespace preflight::photo
