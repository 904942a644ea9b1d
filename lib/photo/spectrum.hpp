// The power spectrum of a photo's most detailed tiles: where its detail ends (the upscale check)
// and whether one direction has lost all of it (motion blur, for the blur check).
#pragma once

#include <array>
#include <vector>

#include <opencv2/core.hpp>

namespace preflight::photo {

/// The mean power spectrum of a few square tiles of an 8-bit grey image, each Hann-windowed
/// after removing its mean, with the 8-bit quantisation floor taken off (bins may be < 0).
struct TileSpectrum {
    static constexpr int side = 64;
    std::vector<double> power;   // side * side, row v (vertical frequency), column u; DC at 0
    int tiles = 0;
    bool empty() const { return tiles == 0; }
    /// The power at frequency (fx, fy) index (u, v) in -side/2 .. side/2 - 1.
    double at(int u, int v) const { return power[std::size_t(((v + side) % side) * side + (u + side) % side)]; }
};

/// The spectrum of the tiles of `gray` whose top-left corners are `origins` (tiles that do
/// not fit are left out).
TileSpectrum mean_tile_spectrum(const cv::Mat& gray, const std::vector<cv::Point>& origins);
/// The same from tiles already cut out (CV_32F, side x side; others are left out).
TileSpectrum mean_tile_spectrum(const std::vector<cv::Mat>& tiles);

/// Motion blur by a line of length L along u removes every frequency f with |f . u| > 1/L
/// (its transfer function is a sinc along u), on every edge whatever its orientation; a
/// scene with oriented content (grass, blinds) keeps detail in a wider fan of directions.
/// The spectral form of the motion-direction estimate of Rekleitis (1996) and of Oliveira,
/// Figueiredo & Bioucas-Dias (2007), who find the direction as the one along which the
/// (log) spectrum has lost its energy: here, for every direction (5 degree steps), the share
/// of the whitened energy (f^2 P(f), flat for natural images: Field 1987) in the annulus
/// 0.15 <= |f| <= 0.45 cycles/px that lies outside the strip |f . u| <= strip_half.
struct SmearEstimate {
    double outside_share = 1;   // at the direction where it is smallest (0 = a perfect smear)
    int direction_deg = 0;      // that direction (0 = horizontal, anticlockwise, y up)
    /// Whitened energy of the annulus against that of 1/32 .. 1/8 cycle: ~1 for crisp
    /// content, ~0 when everything is soft (then the share is noise and says nothing).
    double high_share = 0;
};
SmearEstimate smear_direction(const TileSpectrum& spectrum, double strip_half);

/// The whitened radial profile: mean f^2 P(f) over annuli of width 1/32 cycle/px (index i
/// covers i/32 .. (i+1)/32), divided by that of 1/16 .. 1/8; ~constant for a genuine photo,
/// falling to ~0 above 1/(2k) for one enlarged k times.
std::array<double, 16> whitened_profile(const TileSpectrum& spectrum);

}  // namespace preflight::photo
