// photo.frame_fill: a stretched photo, or uncovered slivers of the frame that will print empty.
#include "checks/photo/frames.hpp"
#include "checks/photo/photo_checks.hpp"
#include "photo/frame_fill.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace preflight::checks {

namespace {

void check_stretch(const PhotoFrame& frame, double max_stretch_percent, core::Findings& findings) {
    const Element& element = *frame.element;
    if (!element.crop_px) return;   // the default crop covers the frame: never stretched
    const auto& crop = *element.crop_px;
    if (crop[2] <= 0 || crop[3] <= 0 || element.box_mm.width <= 0 || element.box_mm.height <= 0) return;
    const double crop_aspect = double(crop[2]) / crop[3];
    const double frame_aspect = element.box_mm.width / element.box_mm.height;
    const double ratio = crop_aspect / frame_aspect;
    const double stretch_percent = std::fabs(ratio - 1.0) * 100.0;
    if (stretch_percent <= max_stretch_percent) return;
    // ratio < 1: the crop is narrower than the frame, so the photo is pulled wider.
    const std::string direction = ratio < 1 ? "wider" : "taller";
    const double fitting_height = crop[2] / frame_aspect;
    Finding finding = frame_finding(frame, "photo.frame_fill", Severity::error, FixBy::service,
        "Photo '" + element.id + "' is stretched: it is shown " + format_number(stretch_percent, 1) + " % " + direction +
            " than it really is, so people and things look distorted; re-crop it to the frame's shape (" +
            format_number(element.box_mm.width, 1) + " x " + format_number(element.box_mm.height, 1) + " mm).",
        "Re-crop the photo to the frame's aspect ratio (e.g. " + std::to_string(crop[2]) + " x " +
            std::to_string(int(std::lround(fitting_height))) + " px) instead of stretching it.");
    finding.measured = stretch_percent;
    finding.limit = max_stretch_percent;
    finding.unit = "percent";
    findings.push_back(std::move(finding));
}

void check_slivers(const PhotoFrame& frame, double min_sliver_mm, double max_share, core::Findings& findings) {
    if (!frame.has_pixels()) return;
    const double mm_per_px = frame.page->geometry.mm_per_px();
    const int min_px = std::max(2, int(std::ceil(min_sliver_mm / mm_per_px)));
    photo::EmptyBandOptions band_options;
    band_options.max_share = max_share;
    const auto bands = photo::find_empty_bands(frame.printed, band_options);
    const BoxMm printed_mm = frame.page->geometry.to_mm(frame.printed_px);
    struct Strip {
        photo::Side side;
        double width_mm;
        bool paper;
    };
    std::vector<Strip> strips;
    for (const auto& band : bands) {
        if (band.width_px < min_px) continue;
        const double width_mm = band.width_px * mm_per_px;
        // A band under an element stacked above the photo (a ribbon, a text box) may be
        // that element's own flat colour, not uncovered frame.
        BoxMm band_mm = printed_mm;
        switch (band.side) {
            case photo::Side::top: band_mm.height = width_mm; break;
            case photo::Side::bottom: band_mm.y = printed_mm.bottom() - width_mm; band_mm.height = width_mm; break;
            case photo::Side::left: band_mm.width = width_mm; break;
            case photo::Side::right: band_mm.x = printed_mm.right() - width_mm; band_mm.width = width_mm; break;
        }
        if (covered_share(band_mm, frame.covered_by) >= 0.3) continue;
        strips.push_back({band.side, width_mm,
                          band.colour_rgb[0] >= 245 && band.colour_rgb[1] >= 245 && band.colour_rgb[2] >= 245});
    }
    if (strips.empty()) return;
    // One finding per frame: a photo that is too small or moved shows strips on several sides.
    double widest_mm = 0;
    bool all_paper = true;
    std::string sides;
    for (std::size_t i = 0; i < strips.size(); ++i) {
        widest_mm = std::max(widest_mm, strips[i].width_mm);
        all_paper = all_paper && strips[i].paper;
        if (i > 0) sides += i + 1 == strips.size() ? " and " : ", ";
        sides += std::string(photo::to_string(strips[i].side)) + " (" + format_number(strips[i].width_mm, 1) + " mm)";
    }
    const std::string kind = all_paper ? "empty (paper white)" : "plain-coloured";
    Finding finding = frame_finding(frame, "photo.frame_fill", Severity::error, FixBy::service,
        "Photo '" + frame.element->id + "' does not fill its frame: " +
            (strips.size() == 1 ? "a " + kind + " strip shows along the " + sides + " side"
                                : kind + " strips show along the " + sides + " sides") +
            "; enlarge or move the photo so it covers the whole frame.",
        "Enlarge or move the photo to cover the frame.");
    finding.measured = widest_mm;
    finding.limit = min_sliver_mm;
    finding.unit = "mm";
    findings.push_back(std::move(finding));
}

void run(const core::CheckContext& context, const core::CheckOptions& options, core::Findings& findings) {
    const double max_stretch_percent = options.number("max_stretch_percent");
    const double min_sliver_mm = options.number("min_sliver_mm");
    const double max_share = options.number("max_sliver_share");
    for_each_photo_frame(context, [&](const PhotoFrame& frame) {
        check_stretch(frame, max_stretch_percent, findings);
        check_slivers(frame, min_sliver_mm, max_share, findings);
    });
}

}  // namespace

core::CheckSpec make_photo_frame_fill_check() {
    core::CheckSpec spec;
    spec.id = "photo.frame_fill";
    spec.summary = "Photo is stretched (crop aspect differs from the frame) or leaves empty slivers in its frame";
    spec.options = {
        {"max_stretch_percent", 1.0, "largest accepted difference between crop and frame aspect ratios (%)", 0, 100},
        {"min_sliver_mm", 0.2, "smallest uncovered strip along a frame side that is reported (mm)", 0, 50},
        {"max_sliver_share", 0.25, "wider flat bands (share of the frame) are taken as the photo's own", 0, 0.5},
    };
    spec.run = run;
    return spec;
}

}  // namespace preflight::checks
