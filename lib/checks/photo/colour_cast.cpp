// photo.colour_cast: a tint on what should be neutral, where the illuminant estimators agree
// and (for milder casts) Gasparini & Schettini's chroma statistics agree too; toned
// monochrome (sepia), mixed light (golden hour, blue hour) are looks, not casts.
#include "checks/photo/frames.hpp"
#include "checks/photo/photo_checks.hpp"
#include "photo/colour_cast.hpp"

namespace preflight::checks {

namespace {

// A customer's word for an a*b* hue.
const char* hue_name(double hue_deg) {
    if (hue_deg >= 15 && hue_deg < 105) return "warm";   // red-orange through yellow: tungsten, candle
    if (hue_deg >= 105 && hue_deg < 200) return "green";
    if (hue_deg >= 200 && hue_deg < 245) return "cyan";
    if (hue_deg >= 245 && hue_deg < 305) return "blue";
    return "magenta";
}

void run(const core::CheckContext& context, const core::CheckOptions& options, core::Findings& findings) {
    const double min_chroma = options.number("min_chroma");
    const double min_support = options.number("min_support");
    for_each_photo_frame(context, [&](const PhotoFrame& frame) {
        if (!frame.has_judged_pixels()) return;
        const photo::ColourCastReport report = photo::measure_colour_cast(frame.judged);
        if (!report.judged() || !report.look.empty()) return;   // mono, toned, two lights: meant
        // Nothing in the photo would be neutral without the cast (a flower close-up, a meadow):
        // its colour is the subject's, not the light's.
        if (report.cast_support < min_support) return;
        const std::string colour = hue_name(report.hue_deg);
        // Two ways for the measures to agree. Evident: the illuminant estimators agree on a
        // strong light. Gasparini & Schettini (2004): a milder agreed light, and the photo's
        // a*b* distribution is displaced from grey (D) and concentrated (K = D / sigma), and
        // what is near neutral (chroma < 20) sits off grey too; a colourful scene has a wide
        // distribution and its greys stay grey; a single colour field (a plain sky, a wall:
        // K above the ceiling) has its own colour, not a light's.
        const bool evident = report.chroma >= options.number("min_evident_chroma") &&
                             report.cast_support >= options.number("min_evident_support");
        const bool agreed = report.chroma >= min_chroma &&
                            report.gs_ratio >= options.number("min_concentration") &&
                            report.gs_ratio <= options.number("max_concentration") &&
                            report.gs_displacement >= options.number("min_displacement") &&
                            report.near_neutral_shift >= options.number("min_neutral_shift");
        if (!evident && !agreed) return;
        const double limit = evident ? options.number("min_evident_chroma") : min_chroma;
        const std::string tint = colour == "warm" ? "orange" : colour;
        Finding finding = frame_finding(frame, "photo.colour_cast", Severity::warning, FixBy::customer,
            "Photo '" + frame.element->id + "' has a strong " + tint + " colour cast (whites and greys look " + tint +
                "); please check the camera's white balance or upload a corrected photo.",
            "Ask the customer whether the " + tint + " tint is intended, or for a corrected photo.");
        finding.code = "cast";
        finding.measured = report.chroma;
        finding.limit = limit;
        finding.unit = "delta_ab";
        finding.details["cast_hue"] = colour;
        finding.details["strength_delta_ab"] = report.chroma;
        finding.details["hue_deg"] = report.hue_deg;
        findings.push_back(std::move(finding));
    });
}

}  // namespace

core::CheckSpec make_photo_colour_cast_check() {
    core::CheckSpec spec;
    spec.id = "photo.colour_cast";
    spec.summary = "Photo has a strong colour cast on what should be neutral (warm, blue, green, magenta...)";
    // Every default from bench/photo_quality (bench/README.md, "photo.colour_cast"), session 4:
    // a grid over the tuning half (min_chroma 10..12 x min_support 0.1..0.15 x D 18..22 x
    // near-neutral shift 8..12 x evident chroma 21..30 x evident support 0.15..0.2), keeping the combinations whose
    // false alarms on clean photos and looks stay <= 2 % AND <= 3 % with every threshold
    // lowered by a fifth (a margin: a blue-grey storm photo sits at D = 15 at the bench's
    // crop and above it at others, tests/checks/photo_family_test.cpp); of those, the most
    // casts found. Tuning 13 % of mild and strong casts (was 4 %), false alarms 1.2 %;
    // held-out 12 %, 1.8 %. No combination of these measures found more than about 20 %
    // at 2 % false alarms on these photos (bench/README.md says why).
    spec.options = {
        {"min_chroma", 10.0, "cast when the agreed light sits this far from grey (CIE a*b* of a mid grey)", 1, 100},
        // Without the gate held-out false alarms rise (close-ups of flowers and meadows:
        // nothing in them should be neutral).
        {"min_support", 0.1, "judge only when this share of the photo would be neutral without the cast", 0, 1},
        {"min_evident_chroma", 30.0, "a cast without the distribution's agreement when the light is this far from grey", 1, 100},
        {"min_evident_support", 0.15, "... and this share of the photo would be neutral without the cast", 0, 1},
        // Gasparini & Schettini's concentration; 0 .. 0.5 find the same on the bench, it is
        // kept as their guard against a wide, colourful distribution.
        {"min_concentration", 0.5, "and the a*b* mean is this many spreads from grey (Gasparini-Schettini K)", 0, 100},
        // A plain cloudy sky (the top of Storm, tests) reaches K = 9.6 at D = 20; the casts the
        // rule finds have K 1.9 at the median, 3.6 at the 90th percentile. The ceiling costs
        // the bench 0.5 point of detection and removes a tuning false alarm.
        {"max_concentration", 6.0, "but not above this: a single colour field (a plain sky, a wall) is its own colour", 0, 100},
        {"min_displacement", 20.0, "and the a*b* mean is at least this far from grey (Gasparini-Schettini D)", 0, 100},
        {"min_neutral_shift", 10.0, "and the near-neutral pixels' mean (chroma < 20) is at least this far from grey", 0, 100},
    };
    spec.run = run;
    return spec;
}

}  // namespace preflight::checks
