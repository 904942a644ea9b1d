// How much detail a photo really carries: the share of its pixel resolution that its content
// fills, found where its spectrum ends (the upscale check).
#pragma once

#include <array>

#include "photo/pixels.hpp"

namespace preflight::photo {

struct UpscaleOptions {
    /// Source pixels per region pixel, at most 1 (as SharpnessOptions::analysis_scale).
    double analysis_scale = 1.0;
    /// Tile side in analysis pixels (64: the spectrum's), and how many of the most detailed
    /// tiles are judged. Bench (bench/README.md, the upscale section, session 4): 8 tiles lose
    /// bicubic x2 and x4 detection (88 / 94 % held-out) and add false alarms on looks
    /// (0.6 / 1.2 %); 16 find 94 .. 100 % with none.
    int tile_px = 64;
    int tiles = 16;
    /// Enlarged when the whitened spectrum's floor (0.375 .. 0.5 cycle, against 1/16 .. 1/8)
    /// is below this: interpolation leaves nothing there, not even the grain and noise every
    /// camera photo has. Bench: clean photos and looks 0.0037 at the lowest (a soft panned
    /// road, mate's Storm), 0.0057 at the 5th percentile; enlargements x3 and x4 (bicubic and
    /// Lanczos) and Lanczos x2 0.0008 at the 95th percentile; bicubic x2 0.0023 .. 0.008
    /// (its imaging near Nyquist).
    double max_top_level = 0.002;
    /// ... or when the cliff at 1/4 cycle (level above against below) is below max_cliff
    /// while the floor is below max_cliff_top_level: bicubic x2 0.053 median cliff, floor
    /// 0.008 at the 95th percentile; the looks under a cliff of 0.05 are none (RainDrops as
    /// blue hour 0.062, Storm as high key 0.078 are the lowest: 0.06 and 0.08 call them).
    double max_cliff = 0.05;
    double max_cliff_top_level = 0.01;
    /// ... or when E(2) / E(4), the energy a down-and-up resample by 2 removes against one by
    /// 4, is below this (session 3's measure, kept: it finds the bicubic x2 the cliff misses).
    /// Bench: clean photos and looks 0.101 at the lowest (Storm), 0.13 at the 10th
    /// percentile; bicubic x2 0.066 median, 0.099 at the 90th percentile. With the spectral
    /// gates: every enlargement x2 .. x4 found on 94 .. 100 % per family and half, no false alarm.
    double max_residual_ratio = 0.10;
    /// The residual is measured only when the spectrum's floor is below this (see upscale.cpp).
    double residual_below_top_level = 0.02;
    /// Reported as enlarged 4x below this cliff at 1/8 cycle (x4: 0.038 at the 95th
    /// percentile, x3 bicubic 0.077 median), else 3x below this cliff at 1/6 cycle (x3: 0.092
    /// at the 95th percentile, x2 0.20 .. 0.27 median), else 2x.
    double max_quarter_cliff = 0.05;
    double max_third_cliff = 0.1;
};

struct UpscaleReport {
    /// The share of the analysed resolution the content fills: 1 (genuine), 1/2, 1/3 or 1/4.
    double detail_share = 1.0;
    double residual_ratio = 1.0;   // E(2) / E(4), median over the judged tiles (1 when not asked)
    /// The whitened radial profile of the judged tiles (photo::whitened_profile).
    std::array<double, 16> profile{};
    std::array<double, 3> cliffs{1, 1, 1};   // at 1/4, 1/6 and 1/8 cycle (k = 2, 3, 4)
    double top_level = 1;                    // the profile's mean over 0.375 .. 0.5 cycle
    int judged_tiles = 0;
    int analysed_width = 0, analysed_height = 0;
    bool judged() const { return judged_tiles > 0; }
};

/// Estimates the detail the region carries, on its most detailed tiles (a sharp subject on
/// a soft background is judged by the subject). Below an analysis scale of 0.95 it reads the
/// region's luma area-resampled to that scale: `luma_at_scale` when given (
/// resampled_luma(luma_plane(region), scale, Resample::area), shared with another measure),
/// else its own.
UpscaleReport measure_upscale(const RgbView& region, const UpscaleOptions& options = {},
                              const GreyPlane* luma_at_scale = nullptr);

}  // namespace preflight::photo
