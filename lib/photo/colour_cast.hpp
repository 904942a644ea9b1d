// The colour cast of a photo, measured in Lab on the parts that should be neutral.
#pragma once

#include <array>
#include <string>

#include "photo/pixels.hpp"

namespace preflight::photo {

/// A cast estimate: the colour of the light, as a mid grey lit by it would look, in CIE a*b*.
/// Follows the grey-edge hypothesis (van de Weijer, Gevers & Gijsenij 2007): the average
/// colour *difference* across edges is achromatic in a scene lit by white light, which holds
/// on colourful scenes where grey world (the mean colour is grey) fails on a meadow or a
/// sunset sky. Intentional looks are recognised from the chroma distribution: monochrome and
/// toned monochrome (sepia, cyanotype) have a one-dimensional a*b* spread (Gasparini &
/// Schettini 2004 judge a cast by how concentrated that distribution is); golden hour and
/// blue hour are lit by two lights, so the lit parts and the shade disagree on the light.
struct ColourCastReport {
    double a = 0, b = 0;          // the cast, CIE a*b* (D65); 0,0 = neutral
    double chroma = 0;            // hypot(a, b)
    double hue_deg = 0;           // atan2(b, a) in degrees 0..360 (90 = yellow, 270 = blue)
    double lit_a = 0, lit_b = 0;      // the estimate from the brighter half of the edges
    double shade_a = 0, shade_b = 0;  // ... and from the darker half
    /// Each estimator's light as a*b*: grey edge, grey world, shades of grey (p = 6), white
    /// patch, mean of the near-neutral pixels.
    std::array<std::array<double, 2>, 5> estimates{};
    double neutral_share = 0;
    double cast_support = 0;      // share of pixels within 12 a*b* of the cast (L* 30..95)     // share of pixels near neutral (chroma < 30, L* > 30)
    double spread_minor = 0;      // the a*b* distribution's minor standard deviation
    double neutral_fraction = 0;  // share of the photo whose edges voted (0: not judged)
    double mean_chroma = 0;       // the whole photo's mean chroma (~0 for black and white)
    // Gasparini & Schettini (2004): the a*b* distribution of the photo (L* 5..98) as a
    // whole: its mean's distance from grey D, its spread sigma (hypot of the standard
    // deviations), K = D / sigma (a cast is a displaced AND concentrated distribution), and
    // the near-neutral region (chroma < 20, L* 20..98): where its mean sits.
    double gs_displacement = 0, gs_spread = 0, gs_ratio = 0;
    double near_neutral_a = 0, near_neutral_b = 0, near_neutral_shift = 0, near_neutral_share = 0;
    std::string look;             // an intentional look recognised: "mono", "toned", "mixed_light"; "" none
    bool judged() const { return neutral_fraction > 0; }
};

struct ColourCastOptions {
    /// Toned monochrome: the minor spread of a*b* stays below this (bench: sepia, cyanotype
    /// and black and white <= 0.2 on every photo; clean colour photos >= 1.8 at the 10th
    /// percentile, 0 only for the one grey photo).
    double max_mono_spread = 0.5;
    /// Two lights: the lit and shade estimates differ by more than this in a*b* (bench:
    /// clean photos 11.8 at the 90th percentile, 28.6 at most; golden hour 16, blue hour 22
    /// at the 90th percentile).
    double min_mixed_light_gap = 25;
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
