// photo.blur: out-of-focus or shaken photos, judged where the photo is sharpest, at source scale.
#include "checks/photo/frames.hpp"
#include "checks/photo/photo_checks.hpp"
#include "photo/sharpness.hpp"

#include <algorithm>

namespace preflight::checks {

namespace {

void run(const core::CheckContext& context, const core::CheckOptions& options, core::Findings& findings) {
    const double min_sharpness = options.number("min_sharpness");
    const double motion_max_sharpness = options.number("motion_max_sharpness");
    const double motion_max_anisotropy = options.number("motion_max_anisotropy");
    for_each_photo_frame(context, [&](const PhotoFrame& frame) {
        if (!frame.has_pixels()) return;
        photo::SharpnessOptions sharpness_options;
        // An enlarged upload is judged as the upload it is: its softness per print pixel is
        // photo.resolution's business, not a focus problem.
        sharpness_options.analysis_scale = frame.analysis_scale;
        // Crisp text or clip-art stacked over a blurry photo is not the photo being sharp.
        sharpness_options.ignore = covered_pixels(frame);
        const photo::SharpnessReport report = photo::measure_sharpness(frame.printed, sharpness_options);
        if (!report.judged()) return;   // no edges anywhere (a plain sky): nothing to judge
        const std::string& id = frame.element->id;
        // Movement first: shake also lowers the overall sharpness, but its cure differs.
        // (A defocused photo is soft in every direction; shake leaves one direction crisp.)
        {
            double weakest = 1, strongest = 0;
            for (double value : report.by_direction) {
                if (value < 0) continue;   // a direction without edges is not judged
                weakest = std::min(weakest, value);
                strongest = std::max(strongest, value);
            }
            if (weakest < motion_max_sharpness && report.anisotropy < motion_max_anisotropy &&
                strongest >= min_sharpness) {
                Finding finding = frame_finding(frame, "photo.blur", Severity::warning, FixBy::customer,
                    "Photo '" + id + "' is smeared by movement (camera shake, direction " +
                    std::to_string(report.weakest_direction_deg) + " degrees); please upload a sharper photo or "
                    "the original from your camera.",
                    "Ask the customer for a sharper photo.");
                finding.measured = weakest;
                finding.limit = motion_max_sharpness;
                finding.unit = "sharpness";
                findings.push_back(std::move(finding));
                return;
            }
        }
        if (report.sharpness < min_sharpness) {
            Finding finding = frame_finding(frame, "photo.blur", Severity::warning, FixBy::customer,
                "Photo '" + id + "' is blurry even where it is sharpest (out of focus); please upload a sharper "
                "photo or the original from your camera.",
                "Ask the customer for a sharper photo.");
            finding.measured = report.sharpness;
            finding.limit = min_sharpness;
            finding.unit = "sharpness";
            findings.push_back(std::move(finding));
        }
    });
}

}  // namespace

core::CheckSpec make_photo_blur_check() {
    core::CheckSpec spec;
    spec.id = "photo.blur";
    spec.summary = "Photo is out of focus or motion-blurred (a sharp subject on a soft background passes)";
    spec.options = {
        {"min_sharpness", 0.55, "out of focus below this sharpness of the sharpest parts (0..1)", 0, 1},
        {"motion_max_sharpness", 0.45, "motion blur: the sharpness along the smeared direction is below this (0..1)", 0, 1},
        {"motion_max_anisotropy", 0.7, "motion blur: weakest / strongest direction is below this (0..1)", 0, 1},
    };
    spec.run = run;
    return spec;
}

}  // namespace preflight::checks
