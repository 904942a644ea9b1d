// The colour cast of a photo, measured in Lab on the parts that should be neutral.
#pragma once

#include <array>
#include <string>

#include "photo/pixels.hpp"

namespace preflight::photo {

/// A cast estimate: where the near-neutral parts of the photo sit in the a*b* plane.
/// Two estimates must agree before anything is called a cast: the grey world of the
/// low-chroma pixels, and the brightest low-chroma pixels (what should be white).
struct ColourCastReport {
    double a = 0, b = 0;          // the cast, CIE a*b* (D65); 0,0 = neutral
    double chroma = 0;            // hypot(a, b) where both estimates agree, else 0
    double hue_deg = 0;           // atan2(b, a) in degrees 0..360 (90 = yellow, 270 = blue)
    double grey_world_chroma = 0; // the near-neutral pixels' mean, alone
    double highlight_chroma = 0;  // their brightest tenth's median, alone
    double neutral_fraction = 0;  // share of the photo that is near-neutral and judged
    double mean_chroma = 0;       // the whole photo's mean chroma (~0 for black and white)
    std::string look;             // an intentional look recognised: "mono", "toned", "golden_hour", "blue_hour"; "" none
    bool judged() const { return neutral_fraction > 0; }
};

struct ColourCastOptions {
    /// Pixels with more chroma than this are taken as coloured on purpose (a strong cast
    /// moves greys up to ~35), so they do not vote.
    double max_neutral_chroma = 40;
    /// Darker pixels show a tint too weakly to vote (L*, 0..100).
    double min_lightness = 45;
    /// Less than this share of near-neutral pixels: nothing to judge by (a meadow, a flower).
    double min_neutral_fraction = 0.08;
};

/// Estimates the cast on a downsampled copy of the region (statistics need no detail).
ColourCastReport measure_colour_cast(const RgbView& region, const ColourCastOptions& options = {});

/// CIE L*a*b* (D65) of an sRGB colour with channels in 0..1, as OpenCV's COLOR_RGB2Lab
/// computes it (within 0.01): {L 0..100, a, b}.
std::array<float, 3> lab_of_srgb(float r, float g, float b);

/// True when a hue (degrees) is warm: reds through oranges to yellows (sunset, sepia, tungsten
/// light kept on purpose).
bool is_warm_hue(double hue_deg);

}  // namespace preflight::photo
