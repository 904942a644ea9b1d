// The tonal spread of a photo: how dark or bright it is, and how much of it is clipped.
#pragma once

#include <string>

#include "photo/pixels.hpp"

namespace preflight::photo {

/// Luma statistics (0..255) over the whole region.
struct ExposureReport {
    double median = 0;
    double dark_percentile = 0;     // 5th percentile: where the shadows are
    double bright_percentile = 0;   // 99.8th percentile: where the brightest parts are
    double clipped_shadows = 0;     // share of pixels at black (luma <= 6), 0..1
    double clipped_highlights = 0;  // share of pixels at white (luma >= 250), 0..1
    double rest_median = 0;         // median of the pixels that are not clipped
    double black_point = 0;         // 0.5th percentile
    double white_point = 0;         // 99.5th percentile
    // Per-channel ends (Afifi et al. 2021 judge exposure per channel; a washed-out photo has
    // no channel near black anywhere, a burnt-out one a channel at white in large areas):
    double channel_black_point = 0;   // 0.5th percentile of each pixel's darkest channel
    double channel_white_point = 0;   // 99.5th percentile of each pixel's brightest channel
    double clipped_channel = 0;       // share of pixels with a channel at 254 or more, 0..1
    double clip_spike = 0;            // pixels with a channel >= 250 / those with one >= 200
    double saturation_p99 = 0;        // 99th percentile of max - min channel (0 for grey)
    // The black floor: share of pixels whose darkest channel lies within 4 levels above
    // channel_black_point. A lifted black point (a fade, a flat scan) piles the scene's
    // blacks onto one grey; a hazy or pale scene's darkest tones taper instead.
    double black_floor_pile = 0;
    // Burnt to white: every channel at 254 or more (no colour, no texture left). Where it
    // lies tells a blown subject or sky from a white backdrop that frames the subject:
    double clipped_white = 0;         // share of the region at white, 0..1
    // (there, white = every channel >= 250: a backdrop lit just below clipping counts too)
    double border_white = 0;          // share of the outer band (8 % of each side) at white
    double centre_white = 0;          // share of the middle half (in each direction) at white
    // How blue the scene is: the sum of blue minus red over the sum of the brightest channel
    // (-1..1; ~0 for a neutral or warm daylight scene, 0.4 and more for a blue-hour lake).
    double blue_excess = 0;
    std::string scene;              // "low_key", "high_key" or ""
    bool judged = false;
};

struct ExposureOptions {
    int black_max = 6;     // luma at or below this is clipped black
    int white_min = 250;   // luma at or above this is clipped white
};

/// Measures the region's luma histogram (on a regular sample of at most ~120k pixels).
/// `scene` names a low-key photo (median in the lower third, yet highlights near white) or
/// a high-key one (median in the upper third, little clipped).
ExposureReport measure_exposure(const RgbView& region, const ExposureOptions& options = {});

}  // namespace preflight::photo
