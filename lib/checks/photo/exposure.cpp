// photo.exposure: under-exposed (nothing reaches white and the mid-tones sit low), over-exposed
// (a large area clipped to white with the mid-tones pushed up) or washed out (lifted black
// point and a compressed range), judged on the luma and channel histograms of the upload (or
// the print).
//
// Method: the histogram descriptors of the photographic zone system, as automatic exposure
// assessment uses them (e.g. the clipping, key and dynamic-range features of Yeganeh & Wang
// 2013 and the per-channel exposure-error cues of Afifi et al. 2021): clipping at both ends,
// the median (key) and the black/white points, per channel where a channel alone tells
// (washed out: no channel near black and none near white; blown: a channel pinned at white,
// with a wall at 255 instead of a highlight shoulder). Low-key and high-key scenes are told
// apart by what they keep: a low-key photo still reaches white somewhere (a light, a rim), a
// high-key photo keeps its range without a large clipped area or reaches white.
#include "checks/photo/frames.hpp"
#include "checks/photo/photo_checks.hpp"
#include "photo/exposure.hpp"

#include <algorithm>

namespace preflight::checks {

namespace {

struct Limits {
    double under_white_max, under_median_max, under_channel_white_max;
    double over_clipped_min, over_median_min, over_rest_median_min, over_black_max, over_high_key_clipped_min;
    double spike_clipped_min, spike_median_min, spike_ratio_min, spike_rest_median_min;
    double washed_black_min, washed_white_max, washed_median_max, washed_saturation_min, washed_range_min;
    double white_clipped_min, white_black_max, white_high_key_min, backdrop_border_min, backdrop_centre_max;
    double faded_floor_min;
    double white_centre_min, white_median_min, burnt_white_share_min;
    double blue_scene_excess_min, blue_scene_white_max;
    double dim_channel_white_max, dim_median_min, dim_black_max, dim_saturation_min;
};

void add(core::Findings& findings, const PhotoFrame& frame, const photo::ExposureReport& report, const char* code,
         std::string message, double measured, double limit, std::string unit) {
    Finding finding = frame_finding(frame, "photo.exposure", Severity::warning, FixBy::customer, std::move(message),
                                    "Ask the customer for a better exposed photo.");
    finding.code = code;
    finding.measured = measured;
    finding.limit = limit;
    finding.unit = std::move(unit);
    finding.details["clipped_percent"] = 100.0 * (std::string(code) == "under" ? report.clipped_shadows
                                                                                : report.clipped_highlights);
    finding.details["median_percent"] = report.median * 100.0 / 255.0;
    finding.details["black_percent"] = report.black_point * 100.0 / 255.0;
    finding.details["white_percent"] = report.white_point * 100.0 / 255.0;
    findings.push_back(std::move(finding));
}

void judge(const PhotoFrame& frame, const Limits& limits, core::Findings& findings) {
    const photo::ExposureReport report = photo::measure_exposure(frame.judged);
    if (!report.judged) return;
    const std::string& id = frame.element->id;
    auto percent = [](double luma) { return luma * 100.0 / 255.0; };
    // Under: even the brightest parts stay grey and the mid-tones sit low. A night scene or
    // a low-key portrait has its lights, moon or rim near white, so it is not reported.
    // The brightest channel too: a deep blue sky or a blue-hour scene keeps a low luma but
    // its blue channel reaches high (-1 EV leaves every channel at 188 or less).
    // A blue scene (blue hour, a misty lake at dusk, night) is dark on purpose: it is too dark
    // only when even its brightest parts stay far lower.
    const double white_max = report.blue_excess >= limits.blue_scene_excess_min ? limits.blue_scene_white_max
                                                                              : limits.under_white_max;
    const bool dim = report.blue_excess < limits.blue_scene_excess_min &&
                     report.channel_white_point <= limits.dim_channel_white_max &&
                     report.median >= limits.dim_median_min && report.median <= limits.under_median_max &&
                     report.saturation_p99 >= limits.dim_saturation_min &&
                     report.channel_black_point <= limits.dim_black_max;
    const bool dark = report.bright_percentile <= white_max && report.median <= limits.under_median_max &&
                      report.channel_white_point <= limits.under_channel_white_max;
    if (dark || dim) {
        // What decided is what is reported: the brightest parts' luma, or (dim) the brightest channel.
        const double brightest = dark ? report.bright_percentile : report.channel_white_point;
        add(findings, frame, report, "under",
            "Photo '" + id + "' is too dark (even its brightest parts reach only " +
                format_number(percent(brightest), 0) + " % of white); please upload a brighter photo.",
            percent(brightest), percent(dark ? white_max : limits.dim_channel_white_max), "percent_of_white");
        return;
    }
    // Over: an area burnt out to plain white and the rest pushed up too (a white backdrop
    // behind a normally exposed subject keeps the subject's mid-tones); a bright scene with
    // lifted blacks (high key) only when much of it is clipped. Or the clipping spike: a
    // channel pinned at white over a tenth of the photo, and most of the bright pixels sit
    // at that wall instead of rolling off towards it (a gain pushed past white does that; a
    // well exposed sky or lamp keeps a shoulder), with the mid-tones high.
    const bool burnt = report.clipped_highlights >= limits.over_clipped_min &&
                       report.clipped_white >= limits.burnt_white_share_min * report.clipped_highlights &&
                       report.median >= limits.over_median_min && report.rest_median >= limits.over_rest_median_min &&
                       (report.black_point < limits.over_black_max ||
                        report.clipped_highlights >= limits.over_high_key_clipped_min);
    const bool spike = report.clipped_channel >= limits.spike_clipped_min && report.median >= limits.spike_median_min &&
                       report.clip_spike >= limits.spike_ratio_min &&
                       report.rest_median >= limits.spike_rest_median_min;
    // Burnt to white: every channel at white over a share no intentional look reaches (a
    // face, a sky, a wall with no colour and no texture left), with the mid-tones up or the
    // white in the middle: a portrait on black blown to white keeps a dark median, a dark
    // scene with the sun or a bright sky at its edge is backlit on purpose. Not when the white frames the
    // photo and leaves its middle (a white studio sweep, a product on white): a backdrop.
    // A high-key scene (bright tones and no deep shadows, zones VII-IX) may burn some white;
    // an over-exposed normal scene keeps its deepest shadows (linear gain leaves black black).
    const bool white = report.clipped_white >= limits.white_clipped_min &&
                       (report.centre_white >= limits.white_centre_min || report.median >= limits.white_median_min) &&
                       (report.black_point < limits.white_black_max ||
                        report.clipped_white >= limits.white_high_key_min);
    const bool backdrop = report.border_white >= limits.backdrop_border_min &&
                          report.centre_white <= limits.backdrop_centre_max;
    if ((burnt || spike || white) && !backdrop) {
        const double clipped = std::max({report.clipped_highlights, report.clipped_channel, report.clipped_white});
        add(findings, frame, report, "over",
            "Photo '" + id + "' is overexposed: " + format_number(clipped * 100.0, 0) +
                " % of it is burnt out to white; please upload a darker photo.",
            clipped * 100.0,
            (burnt ? limits.over_clipped_min : white ? limits.white_clipped_min : limits.spike_clipped_min) * 100.0,
            "percent_of_frame");
        return;
    }
    // Washed out: lifted black point AND compressed range, per channel: no pixel has any
    // channel near black, none reaches white, and it is not a bright (high-key) scene. Only
    // on colour photos: a black-and-white or toned conversion of a flat colour scene is as
    // flat as a washed-out one, and its contrast is the photographer's choice. Nor on a
    // single tone (a plain sky, a wall: almost no luma range): it has no tones to wash out.
    // Or faded: the black point lifted as far while white is kept, when the blacks pile up
    // on one grey (a fade slider, a matte filter, a flat scan) rather than taper (haze).
    const bool lifted = report.channel_black_point >= limits.washed_black_min &&
                        report.median <= limits.washed_median_max &&
                        report.saturation_p99 >= limits.washed_saturation_min;
    const bool compressed = report.channel_white_point <= limits.washed_white_max &&
                            report.white_point - report.black_point >= limits.washed_range_min;
    if (lifted && (compressed || report.black_floor_pile >= limits.faded_floor_min)) {
        add(findings, frame, report, "washed_out",
            "Photo '" + id + "' looks washed out: its darkest parts are only " +
                format_number(100.0 - percent(report.channel_black_point), 0) +
                " % dark and it has little contrast; please upload a photo with more contrast.",
            percent(report.channel_black_point), percent(limits.washed_black_min), "percent_black_lifted");
    }
}

void run(const core::CheckContext& context, const core::CheckOptions& options, core::Findings& findings) {
    const Limits limits{options.number("under_white_max"),  options.number("under_median_max"),
                        options.number("under_channel_white_max"),
                        options.number("over_clipped_min"), options.number("over_median_min"),
                        options.number("over_rest_median_min"), options.number("over_black_max"),
                        options.number("over_high_key_clipped_min"),
                        options.number("spike_clipped_min"), options.number("spike_median_min"),
                        options.number("spike_ratio_min"), options.number("spike_rest_median_min"),
                        options.number("washed_black_min"), options.number("washed_white_max"),
                        options.number("washed_median_max"), options.number("washed_saturation_min"),
                        options.number("washed_range_min"),
                        options.number("white_clipped_min"), options.number("white_black_max"),
                        options.number("white_high_key_min"), options.number("backdrop_border_min"),
                        options.number("backdrop_centre_max"), options.number("faded_floor_min"),
                        options.number("white_centre_min"), options.number("white_median_min"),
                        options.number("burnt_white_share_min"), options.number("blue_scene_excess_min"),
                        options.number("blue_scene_white_max"), options.number("dim_channel_white_max"),
                        options.number("dim_median_min"), options.number("dim_black_max"),
                        options.number("dim_saturation_min")};
    for_each_photo_frame(context, [&](const PhotoFrame& frame) {
        if (frame.has_judged_pixels()) judge(frame, limits, findings);
    });
}

}  // namespace

core::CheckSpec make_photo_exposure_check() {
    core::CheckSpec spec;
    spec.id = "photo.exposure";
    spec.summary = "Photo is too dark, burnt out to white, or washed out (no black, little contrast)";
    // Every default is chosen on bench/photo_quality (bench/README.md, "photo.exposure") by a
    // grid over the tuning half: the most detection with false alarms on clean photos and
    // intentional looks (low key, high key, lamps, blue hour, toned) at or below 2 %.
    spec.options = {
        // Bench: 165 (-1 EV puts it at 187 at most, -1.5 EV at 160; clean photos >= 170):
        // -1 .. -2 EV found on 80 % of photos. All exposure rules together: false alarms
        // 0.6 % tuning, 0.6 % held-out (final bench).
        {"under_white_max", 165.0, "too dark: the brightest 0.2 % stay at or below this luma (0..255)", 0, 255},
        {"under_median_max", 120.0, "too dark: and the median luma is at most this (0..255)", 0, 255},
        // Session 5: -1 EV leaves every channel at 188 or less; a deep blue sky keeps its blue
        // channel high. 200 costs the bench no detection (under -1..-2 EV unchanged).
        {"under_channel_white_max", 200.0, "too dark: and the brightest channel's 99.5th percentile is at most this",
         0, 255},
        // Blue scenes (session 6): plasma-workspace-wallpapers' DarkestHour, a misty lake at
        // dusk (bench/photo_quality/unseen.list), sits at 133 with a blue excess of 0.59 and was
        // called too dark on every look. The bench's photos reach 0.45 (rocket's sky; 0.49 at
        // -2 EV), so no detection of either half is lost; on the unseen photos DarkestHour -1 EV
        // (96) is still found, a deep blue sky (Kite, 0.74) at -1.5 and -2 EV (144, 123) is lost.
        {"blue_scene_excess_min", 0.55, "too dark, blue scene: blue minus red over the brightest channel at least this", -1, 1},
        // Dim (session 6, bench/photo_quality/exposure_headroom.py): one stop under leaves
        // every channel at 188 or less, yet the luma rule above (brightest 0.2 % <= 165) found
        // -1 EV on 35 / 53 % only. A colour photo with real blacks whose every channel stops at
        // 190 and whose median is in the lower half is dim. Bench: -1 EV 35 / 53 -> 82 / 88 %,
        // no new false alarm on either half (clean chelsea and RainDrops stop at 203: 200 makes
        // false alarms 2.4 / 1.6 %); the 24 photos of unseen.list, which did not choose it:
        // -1 EV 21 -> 79 %, one new false alarm (a shallow-depth look), none on a clean photo.
        {"dim_channel_white_max", 190.0, "too dark (dim): no channel above this at its 99.5th percentile", 0, 255},
        {"dim_median_min", 40.0, "too dark (dim): the median at least this", 0, 255},
        {"dim_black_max", 45.0, "too dark (dim): the darkest channel's 0.5th percentile at most this", 0, 255},
        {"dim_saturation_min", 25.0, "too dark (dim): a colour photo (99th percentile max-min at least this)", 0, 255},
        {"blue_scene_white_max", 100.0, "too dark, blue scene: the brightest 0.2 % at or below this luma (0..255)", 0, 255},
        // Bench: 3 % clipped (clean photos clip 2 % at most, lamps 3 %), median >= 100, black
        // point < 20 (the bench's high-key look lifts it to 20 or more).
        {"over_clipped_min", 0.03, "overexposed: at least this share of the frame is clipped white (0..1)", 0, 1},
        {"over_median_min", 100.0, "overexposed: and the median luma is at least this (0..255)", 0, 255},
        // The unclipped rest's median: a white studio backdrop (60 % of the frame) behind a
        // portrait keeps it near 100 (tests/checks/photo_exposure_test.cpp); +1 EV and more
        // push it up. Not on the bench's first grid: chosen by hand, its effect measured there.
        {"over_rest_median_min", 140.0, "overexposed: and the median of the unclipped rest is at least this", 0, 255},
        {"over_black_max", 20.0, "overexposed: and the 0.5th percentile luma is below this (real blacks kept)", 0, 255},
        // Bench: the high-key look clips 6 % at the 90th percentile, 30 % at most; a sand dune
        // at +2 EV (tests) 25 % or more with its blacks lifted.
        {"over_high_key_clipped_min", 0.25, "overexposed with lifted blacks: at least this share clipped (0..1)", 0, 1},
        // The clipping spike (bench/README.md, "photo.exposure", session 4: a grid over the
        // tuning half, clipped share 0.05..0.25 x median 110..160 x spike 0.5..0.9, with the
        // other rules on): the most over + blown found with all exposure false alarms <= 2 %.
        // Golden hour, high key and low key clip a channel over up to 32 % of a photo, so the
        // share alone cannot decide; the spike and the median keep most of them out.
        // Tuning: over + blown 61 % found (was 31 %), false alarms 1.8 %; held-out 61 %, 1.2 %.
        {"spike_clipped_min", 0.25, "overexposed (spike): at least this share has a channel at white (0..1)", 0, 1},
        {"spike_median_min", 140.0, "overexposed (spike): and the median luma is at least this (0..255)", 0, 255},
        {"spike_ratio_min", 0.5, "overexposed (spike): and this share of the pixels brighter than 200 is at 250+", 0, 1},
        // A portrait on a burnt-out studio backdrop (tests/checks/photo_exposure_test.cpp)
        // has all of the above; its unclipped rest keeps its mid-tones. 120 costs the bench
        // 4 points of tuning detection (65 -> 61 %), no false alarm.
        {"spike_rest_median_min", 120.0, "overexposed (spike): and the median of the unclipped rest is at least this", 0, 255},
        // Washed out (session 4 grid over the tuning half: black 30..50 x white 235..255 x
        // median 180..255 x saturation 15..30): a lift to 0.18 puts every channel at 46 or
        // more; clean photos keep a channel below 45 but for a hazy aerial and a pale wood,
        // which reach white. Tuning 97 % of black 0.18 and 0.28 found, held-out 91 % (the
        // missed one is a grey photo: camera); false alarms 0.6 % / 0 % from this rule.
        {"washed_black_min", 45.0, "washed out: the 0.5th percentile of the darkest channel is at least this", 0, 255},
        {"washed_white_max", 240.0, "washed out: and the 99.5th percentile of the brightest channel at most this", 0, 255},
        // Bench: above it, bright pale scenes (high key, a sunlit wood) with nothing at black.
        {"washed_median_max", 200.0, "washed out: and the median is at most this (brighter: a high-key scene)", 0, 255},
        // Bench: sepia 22 and cold tone 14 at most; washed-out colour photos 36 or more at the
        // 10th percentile (0 for camera, a grey photo: missed).
        // A plain blue sky (the top of Dune, tests) spans 26 luma levels; washed-out bench
        // photos 39 (a pale wood at 0.28) and 49 or more. 60 costs the tuning half that one
        // photo (100 -> 94 % at 0.28), held-out unchanged.
        {"washed_range_min", 60.0, "washed out: and its 0.5th..99.5th percentile luma range is at least this", 0, 255},
        {"washed_saturation_min", 25.0, "washed out: judged on colour photos, whose 99th percentile max-min is this", 0, 255},
        // Faded (session 5, bench family "faded": black lifted, white kept): the share of
        // pixels whose darkest channel sits within 4 levels of its 0.5th percentile. Colour
        // looks and clean photos with that percentile >= 45: 1.5 % at most (a hazy aerial, the
        // high-key Storm); faded photos that had blacks 2.5 % to 84 %. 2.5 % finds faded
        // 0.18/0.28 on 82 % of the tuning half (was 24 %), no new false alarm.
        {"faded_floor_min", 0.025, "washed out (faded): or this share piles up at the lifted black point (0..1)", 0, 1},
        // Burnt to white (session 5; clipping statistics as camera metering reads them: the
        // share of pixels clipped in all three channels). Tuning half: clean photos 0.5 % at
        // most, lamps 1.0 %, golden hour and low key 0, high key 1.4 % (7.3 % on building,
        // which the other rules already flag); +1 EV and x1.4 reach 4 % or more on 9 of 17
        // photos. 4 % (about 3x the largest look below it) adds over +1..+2 EV 63 -> 82 %
        // and blown 59 -> 79 % on the tuning half, no new false alarm (76 % and 71 % with
        // the high-key condition below).
        {"white_clipped_min", 0.04, "overexposed: at least this share has every channel at white (0..1)", 0, 1},
        // High key: 20 unseen photos (OpenCV/scikit-image samples outside the bench, run once
        // as a check) put the high-key look of a hazy aerial and a chessboard shot at 5.9 %
        // and 7.9 % white, both with the 0.5th percentile luma >= 36; +1 EV and x1.4 keep it
        // below 30 but on LadyBird and Elephants (41-44: they become high-key-like scenes,
        // and are lost: tuning half over 82 -> 76 %, blown 79 -> 71 %; held-out unchanged;
        // those unseen photos' over/blown detection unchanged, their high-key and lamps
        // false alarms 25 % -> 15 % and 10 % -> 5 %, the rest from graphics, not this rule).
        {"white_black_max", 30.0, "overexposed (white): and the 0.5th percentile luma is below this (0..255)", 0, 255},
        {"white_high_key_min", 0.10, "overexposed (white): or, with blacks lifted, at least this share white", 0, 1},
        // Backlight (session 6): a dark scene whose white is a sun or a bright sky at the
        // frame's edge (seeding_by_Clements_Engelhardt of bench/photo_quality/unseen.list:
        // median 65, 4 % white, none of it in the middle) is lit so on purpose. The white rule
        // needs the mid-tones up (median >= 80) or the white in the middle (>= 5 %: a face or
        // a subject burnt, as Grace Hopper at +1 EV). Bench: no detection lost on either half
        // with any middle share from 2 to 10 % (at 10 % +1 EV held-out 59 -> 53 %), unseen
        // photos' false alarms 15.3 -> 12.6 % (one photo fewer on every look).
        {"white_centre_min", 0.05, "overexposed (white): unless the median is up, at least this share of the middle white", 0, 1},
        {"white_median_min", 80.0, "overexposed (white): or the median luma is at least this (0..255)", 0, 255},
        // Burnt means clipped in every channel (session 6): a pale background at luma >= 250
        // that keeps a tint in one channel is bright, not burnt (Kleiber of the unseen list: 11 %
        // at luma white, 1.6 % white in all channels: a ratio of 0.14). Bench: the burnt rule
        // alone finds 2 over/blown photos, at ratios 0.23 and 0.70; 0.15 .. 0.3 lose none of
        // either half; unseen photos' false alarms 12.6 -> 10.3 %, their over +1 EV 85 -> 77 %
        // (a ratio of 0.10). A grey conversion of Kleiber is still called (all its pale is white).
        {"burnt_white_share_min", 0.2, "overexposed (burnt): at least this share of the clipped luma is white in every channel", 0, 1},
        // A white backdrop framing the subject (the bench's white_backdrop look: the border
        // band 100 % white, the middle 0 %; +2 EV and x1.7 photos: border <= 0.67 with the
        // middle >= 0.15 white, or the border <= 0.48). Applies to every overexposure rule:
        // without it, 53 % / 47 % of the backdrop look was called overexposed.
        {"backdrop_border_min", 0.6, "backdrop: at least this share of the outer band is white (0..1)", 0, 1},
        {"backdrop_centre_max", 0.1, "backdrop: and at most this share of the middle is white (0..1)", 0, 1},
    };
    spec.run = run;
    return spec;
}

}  // namespace preflight::checks
