// How sharp a photo is where it is sharpest, per direction: the measure behind the blur check.
#pragma once

#include <array>
#include <vector>

#include "photo/pixels.hpp"
#include "photo/spectrum.hpp"

namespace preflight::photo {

/// The four directions the sharpness is measured along (degrees, 0 = horizontal, y down).
inline constexpr std::array<int, 4> sharpness_directions_deg{0, 45, 90, 135};

/// The direction (degrees) of index d of by_direction / band_by_direction.
constexpr int sharpness_directions_deg_of(int d) { return sharpness_directions_deg[std::size_t(d) & 3]; }

struct SharpnessOptions {
    /// Source pixels per region pixel, at most 1: the region is first resampled to the size
    /// of the source pixels it shows, so a photo enlarged 3x is judged as the upload it is.
    double analysis_scale = 1.0;
    /// Tiles whose luma spread (standard deviation, 0..255) is below this carry no edges
    /// worth judging (sky, a plain wall) and are left out.
    double min_tile_contrast = 6.0;
    /// The share of the informative tiles, sharpest first, that the result is taken from:
    /// a sharp subject over a soft background is judged by the subject.
    double top_fraction = 0.03;
    /// Parts of the region (its own pixel coordinates) to leave out: things printed over
    /// the photo, such as crisp text on a blurry photo, must not count as its sharp parts.
    std::vector<core::PixelRect> ignore;
};

/// Sharpness as the "blur effect" measure of Crete-Roffet et al. (2007): the share of the
/// gradient that a 9-pixel box blur removes (1 = crisp steps, ~0.25 = edges 24 px wide).
struct SharpnessReport {
    double sharpness = 0;                      // all directions, over the sharpest tiles
    std::array<double, 4> by_direction{};      // along sharpness_directions_deg, sharpest tiles each;
                                               // -1 where too few tiles have edges along it
    double anisotropy = 1;                     // weakest / strongest judged direction (1 = isotropic)
    int weakest_direction_deg = 0;             // the direction along which edges are smeared
    /// Spectral sharpness (see sharpness.cpp, band_ratio): the energy of the finest second
    /// differences over that of second differences 4 px apart, on the tiles with most fine
    /// detail; ~0.1..0.5 for crisp content, ~0.001 for edges 6 px wide (it falls as the
    /// cube of the edge width, whatever the blur's shape). Per direction as `by_direction`.
    double band_ratio = 0;
    std::array<double, 4> band_by_direction{};
    int band_tiles = 0;
    /// The mean power spectrum of those sharpest tiles (64 px around each).
    TileSpectrum spectrum;
    int informative_tiles = 0;
    int tiles = 0;
    int analysed_width = 0, analysed_height = 0;
    bool judged() const { return informative_tiles > 0; }
};

/// Measures the region's sharpness tile by tile (see SharpnessReport).
SharpnessReport measure_sharpness(const RgbView& region, const SharpnessOptions& options = {});

/// How measure_sharpness resamples the region's luma for an analysis scale.
Resample sharpness_resample(double analysis_scale);

/// The same on the region's luma at the analysis scale: its luma_plane, resampled by
/// resampled_luma(plane, scale, sharpness_resample(scale)) unless that is Resample::none
/// (what measure_sharpness computes first). `region_width` is the region's own width (the
/// coordinates of options.ignore).
SharpnessReport measure_sharpness(const GreyPlane& luma, int region_width, const SharpnessOptions& options);

}  // namespace preflight::photo
