// photo.colour_cast: a strong tint over the parts of a photo that should be neutral.
#include "checks/photo/frames.hpp"
#include "checks/photo/photo_checks.hpp"
#include "photo/colour_cast.hpp"

namespace preflight::checks {

namespace {

// A customer's word for an a*b* hue.
const char* hue_name(double hue_deg) {
    if (hue_deg < 15 || hue_deg >= 330) return "magenta";
    if (hue_deg < 45) return "red";
    if (hue_deg < 75) return "orange";
    if (hue_deg < 105) return "yellow";
    if (hue_deg < 200) return "green";
    if (hue_deg < 240) return "cyan";
    if (hue_deg < 300) return "blue";
    return "purple";
}

void run(const core::CheckContext& context, const core::CheckOptions& options, core::Findings& findings) {
    const double min_chroma = options.number("min_chroma");
    const bool allow_warm = options.flag("allow_warm");
    for_each_photo_frame(context, [&](const PhotoFrame& frame) {
        if (!frame.has_pixels()) return;
        const photo::ColourCastReport report = photo::measure_colour_cast(frame.printed);
        if (!report.judged() || report.chroma < min_chroma) return;
        // Sunsets, candle light and sepia are warm on purpose.
        if (allow_warm && photo::is_warm_hue(report.hue_deg)) return;
        const std::string colour = hue_name(report.hue_deg);
        Finding finding = frame_finding(frame, "photo.colour_cast", Severity::warning, FixBy::customer,
            "Photo '" + frame.element->id + "' has a strong " + colour + " colour cast (whites and greys look " +
            colour + "); please check the camera's white balance or upload a corrected photo.",
            "Ask the customer whether the " + colour + " tint is intended, or for a corrected photo.");
        finding.measured = report.chroma;
        finding.limit = min_chroma;
        finding.unit = "delta_ab";
        findings.push_back(std::move(finding));
    });
}

}  // namespace

core::CheckSpec make_photo_colour_cast_check() {
    core::CheckSpec spec;
    spec.id = "photo.colour_cast";
    spec.summary = "Photo has a strong colour cast on what should be neutral (blue, green, magenta...)";
    spec.options = {
        {"min_chroma", 20.0, "cast when the neutral parts sit this far from grey (CIE a*b*)", 1, 100},
        {"allow_warm", true, "warm tints (orange, yellow: sunsets, sepia) are not reported"},
    };
    spec.run = run;
    return spec;
}

}  // namespace preflight::checks
