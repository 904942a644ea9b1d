// photo.exposure: far too dark, or large areas blown out, judged on the whole tonal range.
#include "checks/photo/frames.hpp"
#include "checks/photo/photo_checks.hpp"
#include "photo/exposure.hpp"

namespace preflight::checks {

namespace {

void add(core::Findings& findings, const PhotoFrame& frame, std::string message, double measured, double limit,
         std::string unit) {
    Finding finding = frame_finding(frame, "photo.exposure", Severity::warning, FixBy::customer, std::move(message),
                                    "Ask the customer for a better exposed photo.");
    finding.measured = measured;
    finding.limit = limit;
    finding.unit = std::move(unit);
    findings.push_back(std::move(finding));
}

void run(const core::CheckContext& context, const core::CheckOptions& options, core::Findings& findings) {
    const double dark_brightest = options.number("dark_brightest_max");
    const double dark_median = options.number("dark_median_max");
    const double clipped_fraction = options.number("clipped_min_fraction");
    const double blown_shadows = options.number("blown_shadows_min");
    const double blown_rest = options.number("blown_rest_median_min");
    const double crushed_brightest = options.number("crushed_brightest_max");
    for_each_photo_frame(context, [&](const PhotoFrame& frame) {
        if (!frame.has_pixels()) return;
        const photo::ExposureReport report = photo::measure_exposure(frame.printed);
        if (!report.judged) return;
        const std::string& id = frame.element->id;
        // Far too dark: even the brightest parts stay grey. A night sky has its stars, moon or
        // lights near white, so a dark photo with bright points is not reported.
        if (report.bright_percentile <= dark_brightest && report.median <= dark_median) {
            const double percent = report.bright_percentile * 100.0 / 255.0;
            add(findings, frame,
                "Photo '" + id + "' is far too dark (even its brightest parts reach only " + format_number(percent, 0) +
                    " % of white); please upload a brighter photo.",
                percent, dark_brightest * 100.0 / 255.0, "percent_of_white");
            return;
        }
        // Blown highlights: a large white area AND no real shadows AND the rest pushed up too;
        // a white dress or a white backdrop behind a normally exposed subject keeps its
        // darks and mid-tones.
        if (report.clipped_highlights >= clipped_fraction && report.dark_percentile >= blown_shadows &&
            report.rest_median >= blown_rest) {
            const double percent = report.clipped_highlights * 100.0;
            add(findings, frame,
                "Photo '" + id + "' is overexposed: " + format_number(percent, 0) +
                    " % of it is burnt out to plain white; please upload a darker photo.",
                percent, clipped_fraction * 100.0, "percent_of_frame");
            return;
        }
        // Crushed shadows: a large plain black area AND nothing bright to balance it.
        if (report.clipped_shadows >= clipped_fraction && report.bright_percentile <= crushed_brightest) {
            const double percent = report.clipped_shadows * 100.0;
            add(findings, frame,
                "Photo '" + id + "' is underexposed: " + format_number(percent, 0) +
                    " % of it is plain black without detail; please upload a brighter photo.",
                percent, clipped_fraction * 100.0, "percent_of_frame");
        }
    });
}

}  // namespace

core::CheckSpec make_photo_exposure_check() {
    core::CheckSpec spec;
    spec.id = "photo.exposure";
    spec.summary = "Photo is far too dark, or large parts are burnt out to white or crushed to black";
    spec.options = {
        {"dark_brightest_max", 145.0, "too dark: the brightest 0.2 % stay at or below this luma (0..255)", 0, 255},
        {"dark_median_max", 128.0, "too dark: and the median luma is at or below this (0..255)", 0, 255},
        {"clipped_min_fraction", 0.25, "a clipped area this share of the frame is large (0..1)", 0, 1},
        {"blown_shadows_min", 60.0, "blown: and even the darkest 5 % are at least this luma (0..255)", 0, 255},
        {"blown_rest_median_min", 170.0, "blown: and the median luma of the unclipped rest is at least this", 0, 255},
        {"crushed_brightest_max", 180.0, "crushed: and the brightest 0.2 % stay at or below this luma", 0, 255},
    };
    spec.run = run;
    return spec;
}

}  // namespace preflight::checks
