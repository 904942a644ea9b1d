// photo.upscaled: a photo whose pixel count claims more detail than its content carries
// (a small photo enlarged to pass photo.resolution), reported as the ppi it really carries.
#include "checks/photo/frames.hpp"
#include "checks/photo/photo_checks.hpp"
#include "photo/upscale.hpp"

#include <algorithm>

namespace preflight::checks {

namespace {

void run(const core::CheckContext& context, const core::CheckOptions& options, core::Findings& findings) {
    const double error_below = options.number("error_below_ppi");
    const double warning_below = options.number("warning_below_ppi");
    photo::UpscaleOptions upscale_options;
    upscale_options.max_residual_ratio = options.number("max_residual_ratio");
    for_each_photo_frame(context, [&](const PhotoFrame& frame) {
        // A source that is coarse by its own pixel count is photo.resolution's finding; this
        // check speaks where the pixel count would pass.
        if (!frame.has_judged_pixels() || frame.judged_ppi < warning_below) return;
        upscale_options.analysis_scale = frame.judged_scale;
        // Below 0.95 it reads the frame's luma area-resampled: built once, shared with photo.blur.
        std::shared_ptr<const photo::GreyPlane> luma;
        if (std::clamp(frame.judged_scale, 0.05, 1.0) < 0.95) luma = judged_luma(context, frame, photo::Resample::area);
        const photo::UpscaleReport report = photo::measure_upscale(frame.judged, upscale_options, luma.get());
        // Only an enlargement is this check's business: a photo with too few pixels to begin
        // with is photo.resolution's.
        if (!report.judged() || report.detail_share >= 1.0) return;
        const double nominal = frame.judged_ppi;
        const double effective = nominal * report.detail_share;
        if (effective >= warning_below) return;
        const bool error = effective < error_below;
        const double limit = error ? error_below : warning_below;
        const std::string& id = frame.element->id;
        Finding finding = frame_finding(frame, "photo.upscaled", error ? Severity::error : Severity::warning,
            FixBy::customer,
            "Photo '" + id + "' has been enlarged: its pixels claim " + format_number(nominal, 0) +
                " ppi but its detail is that of about " + format_number(effective, 0) + " ppi (where " +
                format_number(limit, 0) + " ppi is needed), so it will print " +
                (error ? "visibly blurry" : "slightly soft") +
                "; please upload the original photo from your camera, not an enlarged copy.",
            "Ask the customer for the original (not enlarged) photo, or make the frame smaller.");
        finding.code = "enlarged";
        finding.measured = effective;
        finding.limit = limit;
        finding.unit = "ppi";
        finding.details["effective_ppi"] = effective;
        finding.details["nominal_ppi"] = nominal;
        finding.details["limit_ppi"] = limit;
        finding.details["enlargement"] = 1.0 / report.detail_share;
        findings.push_back(std::move(finding));
    });
}

}  // namespace

core::CheckSpec make_photo_upscaled_check() {
    core::CheckSpec spec;
    spec.id = "photo.upscaled";
    spec.summary = "Photo was enlarged: its real detail is far below its pixel count (effective ppi from the content)";
    spec.options = {
        {"error_below_ppi", 150.0, "error when the detail carried is below this (ppi; photo.resolution's)", 1, 2400},
        {"warning_below_ppi", 240.0, "warning when the detail carried is below this (ppi; photo.resolution's)", 1, 2400},
        // Bench figure: see photo::UpscaleOptions::max_residual_ratio.
        {"max_residual_ratio", photo::UpscaleOptions{}.max_residual_ratio,
         "enlarged 2x when a down-up resample by 2 removes less than this share of one by 4", 0, 1},
    };
    spec.run = run;
    return spec;
}

}  // namespace preflight::checks
