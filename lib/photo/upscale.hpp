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
    /// Content is taken to end below 1/k of the grid when the energy a down-and-up resample
    /// by k removes is less than this share of what one by 2k removes (see upscale.cpp).
    /// Bench (bench/README.md, photo.upscaled): genuine photos sit at >= 0.3 for k = 2,
    /// bicubic and Lanczos x2 enlargements at <= 0.1.
    double max_residual_ratio = 0.16;
};

struct UpscaleReport {
    /// The share of the analysed resolution the content fills: 1 (genuine) or 1/k for the
    /// largest factor k whose resample changes nothing (0.5 = enlarged 2x).
    double detail_share = 1.0;
    /// The residual ratio E(k) / E(2k) per factor (median over the judged tiles).
    std::array<double, 4> residual_ratios{};
    double residual_ratio = 1.0;   // the one at k = 2
    int judged_tiles = 0;
    int analysed_width = 0, analysed_height = 0;
    bool judged() const { return judged_tiles > 0; }
};

/// Estimates the detail the region carries, on its most detailed tiles (a sharp subject on
/// a soft background is judged by the subject).
UpscaleReport measure_upscale(const RgbView& region, const UpscaleOptions& options = {});

}  // namespace preflight::photo
