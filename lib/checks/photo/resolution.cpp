// photo.resolution: source pixels shown per inch of print, from the element list alone.
#include "checks/photo/frames.hpp"
#include "checks/photo/photo_checks.hpp"

namespace preflight::checks {

namespace {

void run(const core::CheckContext& context, const core::CheckOptions& options, core::Findings& findings) {
    const double error_below = options.number("error_below_ppi");
    const double warning_below = options.number("warning_below_ppi");
    for_each_photo_frame(context, [&](const PhotoFrame& frame) {
        if (!frame.source) return;   // no source size: nothing to judge by
        const double ppi = frame.source->ppi();
        if (ppi >= warning_below) return;
        const bool error = ppi < error_below;
        const double limit = error ? error_below : warning_below;
        const BoxMm& box = frame.element->box_mm;
        // The source size that would reach the limit over this frame.
        const double needed_w = limit * box.width / 25.4, needed_h = limit * box.height / 25.4;
        std::string message = "Photo '" + frame.element->id + "' has too few pixels for its size: " +
            format_number(ppi, 0) + " ppi where " + format_number(limit, 0) + " ppi is needed, so it will print " +
            (error ? "visibly blurry and blocky" : "slightly soft") + "; please upload the original photo from your camera " +
            "(at least " + format_number(needed_w, 0) + " x " + format_number(needed_h, 0) +
            " pixels for this frame) or make the frame smaller.";
        Finding finding = frame_finding(frame, "photo.resolution", error ? Severity::error : Severity::warning,
                                        FixBy::customer, std::move(message),
                                        "Ask the customer for the original photo or a smaller frame.");
        finding.measured = ppi;
        finding.limit = limit;
        finding.unit = "ppi";
        findings.push_back(std::move(finding));
    });
}

}  // namespace

core::CheckSpec make_photo_resolution_check() {
    core::CheckSpec spec;
    spec.id = "photo.resolution";
    spec.summary = "Photo has too few source pixels per inch of print (effective resolution)";
    spec.options = {
        {"error_below_ppi", 150.0, "error when the effective resolution is below this (ppi)", 1, 2400},
        {"warning_below_ppi", 240.0, "warning when the effective resolution is below this (ppi)", 1, 2400},
    };
    spec.run = run;
    return spec;
}

}  // namespace preflight::checks
