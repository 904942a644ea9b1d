// Enumerates photo frames and the printed pixels inside them for the photo checks.
#include "checks/photo/frames.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace preflight::checks {

namespace {

constexpr double judged_dpi = 300;

// The frame clipped to the trim (what is printed), in whole pixels inside the frame.
core::PixelRect printed_pixels(const core::PageGeometry& geometry, const BoxMm& box, int width, int height) {
    const double left_mm = std::max(box.x, 0.0), top_mm = std::max(box.y, 0.0);
    const double right_mm = std::min(box.right(), geometry.trim_width_mm);
    const double bottom_mm = std::min(box.bottom(), geometry.trim_height_mm);
    core::PixelRect rect;
    if (right_mm <= left_mm || bottom_mm <= top_mm) return rect;
    // A small epsilon keeps exact pixel boundaries from losing a whole row to rounding.
    constexpr double epsilon = 1e-6;
    rect.x0 = std::clamp(int(std::ceil(geometry.x_px(left_mm) - epsilon)), 0, width);
    rect.y0 = std::clamp(int(std::ceil(geometry.y_px(top_mm) - epsilon)), 0, height);
    rect.x1 = std::clamp(int(std::floor(geometry.x_px(right_mm) + epsilon)), 0, width);
    rect.y1 = std::clamp(int(std::floor(geometry.y_px(bottom_mm) + epsilon)), 0, height);
    if (rect.x1 < rect.x0) rect.x1 = rect.x0;
    if (rect.y1 < rect.y0) rect.y1 = rect.y0;
    return rect;
}

// The shown part of the decoded upload: the element's crop (original pixels, scaled by the
// decode scale), else the centred part that covers the frame.
void judge_upload(const core::PhotoSource& source, PhotoFrame& frame) {
    if (!source.pixels || source.pixels->pixels.empty() || source.scale <= 0) return;
    const core::Raster& raster = *source.pixels;
    const BoxMm& box = frame.element->box_mm;
    if (box.width <= 0 || box.height <= 0) return;
    core::PixelRect rect;
    if (frame.element->crop_px) {
        const auto& crop = *frame.element->crop_px;
        rect = {int(std::floor(crop[0] * source.scale)), int(std::floor(crop[1] * source.scale)),
                int(std::ceil((crop[0] + crop[2]) * source.scale)), int(std::ceil((crop[1] + crop[3]) * source.scale))};
    } else {
        const double mm_per_px = std::max(box.width / raster.width, box.height / raster.height);
        const int w = int(std::lround(box.width / mm_per_px)), h = int(std::lround(box.height / mm_per_px));
        rect = {(raster.width - w) / 2, (raster.height - h) / 2, (raster.width - w) / 2 + w, (raster.height - h) / 2 + h};
    }
    const photo::RgbView view = photo::view_of(raster, rect);
    if (view.width < 16 || view.height < 16) return;
    const double ppi = view.width / (box.width / 25.4);
    frame.judged = view;
    frame.judged_from_upload = true;
    frame.judged_scale = std::clamp(judged_dpi / ppi, 0.05, 1.0);
    frame.judged_ppi = ppi * frame.judged_scale;
}

}  // namespace

std::shared_ptr<const photo::GreyPlane> judged_luma(const core::CheckContext& context, const PhotoFrame& frame,
                                                   photo::Resample how) {
    const double scale = std::clamp(frame.judged_scale, 0.05, 1.0);
    auto full = [&] { return photo::luma_plane(frame.judged); };
    auto resampled = [&](const photo::GreyPlane& plane) { return photo::resampled_luma(plane, scale, how); };
    if (!context.scratch) {
        if (how == photo::Resample::none) return std::make_shared<const photo::GreyPlane>(full());
        return std::make_shared<const photo::GreyPlane>(resampled(full()));
    }
    // The judged pixels are read-only while the design is checked: their place and size name them.
    char key[160];
    std::snprintf(key, sizeof key, "photo.luma/%p/%p/%d/%d/%zu", static_cast<const void*>(frame.element),
                  static_cast<const void*>(frame.judged.data), frame.judged.width, frame.judged.height,
                  frame.judged.stride_bytes);
    auto plane = context.scratch->get<photo::GreyPlane>(key, full);
    if (how == photo::Resample::none) return plane;
    char scaled_key[200];
    std::snprintf(scaled_key, sizeof scaled_key, "%s/%.17g/%d", key, scale, int(how));
    return context.scratch->get<photo::GreyPlane>(scaled_key, [&] { return resampled(*plane); });
}

std::vector<core::PixelRect> judged_ignore(const PhotoFrame& frame) {
    if (frame.judged_from_upload) return {};
    return covered_pixels(frame);
}

void for_each_photo_frame(const core::CheckContext& context, const std::function<void(const PhotoFrame&)>& visit) {
    for (const auto& page : context.pages) {
        if (!page.page) continue;
        const auto& elements = page.page->elements;
        for (std::size_t index = 0; index < elements.size(); ++index) {
            const Element& element = elements[index];
            if (element.type != ElementType::photo) continue;
            PhotoFrame frame;
            for (std::size_t above = index + 1; above < elements.size(); ++above)
                frame.covered_by.push_back(elements[above].box_mm);
            frame.page = &page;
            frame.element = &element;
            if (page.raster && !page.raster->pixels.empty()) {
                frame.printed_px = printed_pixels(page.geometry, element.box_mm, page.raster->width, page.raster->height);
                frame.printed = photo::view_of(*page.raster, frame.printed_px);
            }
            if (element.source_px) {
                frame.source = photo::shown_source(*element.source_px, element.crop_px,
                                                   {element.box_mm.width, element.box_mm.height});
            }
            // Judge at the finer of the source's and the print's detail, and never finer than
            // 300 dpi (what the eye resolves on a card held in the hand), so a 600 dpi page
            // is judged like a 300 dpi one.
            if (page.geometry.dpi > 0) {
                double finest_ppi = std::min(page.geometry.dpi, judged_dpi);
                if (frame.source) finest_ppi = std::min(finest_ppi, frame.source->ppi());
                frame.analysis_scale = std::clamp(finest_ppi / page.geometry.dpi, 0.05, 1.0);
            }
            frame.judged = frame.printed;
            frame.judged_scale = frame.analysis_scale;
            frame.judged_ppi = page.geometry.dpi * frame.analysis_scale;
            if (index < page.photo_sources.size() && page.photo_sources[index]) judge_upload(*page.photo_sources[index], frame);
            visit(frame);
        }
    }
}

std::vector<core::PixelRect> covered_pixels(const PhotoFrame& frame) {
    std::vector<core::PixelRect> covered;
    if (!frame.page || !frame.page->raster) return covered;
    const core::PixelRect& printed = frame.printed_px;
    for (const auto& box : frame.covered_by) {
        core::PixelRect rect = frame.page->geometry.to_px(box, frame.page->raster->width, frame.page->raster->height);
        rect.x0 = std::max(rect.x0, printed.x0) - printed.x0;
        rect.y0 = std::max(rect.y0, printed.y0) - printed.y0;
        rect.x1 = std::min(rect.x1, printed.x1) - printed.x0;
        rect.y1 = std::min(rect.y1, printed.y1) - printed.y0;
        if (!rect.empty()) covered.push_back(rect);
    }
    return covered;
}

double covered_share(const BoxMm& area, const std::vector<BoxMm>& covers) {
    const double total = area.width * area.height;
    if (total <= 0) return 0;
    double overlap = 0;
    for (const auto& box : covers) {
        const double w = std::min(area.right(), box.right()) - std::max(area.x, box.x);
        const double h = std::min(area.bottom(), box.bottom()) - std::max(area.y, box.y);
        if (w > 0 && h > 0) overlap += w * h;
    }
    return std::min(1.0, overlap / total);
}

Finding frame_finding(const PhotoFrame& frame, const std::string& check, Severity severity, FixBy fix_by,
                      std::string message, std::string action) {
    Finding finding;
    finding.check = check;
    finding.severity = severity;
    finding.page = frame.page && frame.page->page ? frame.page->page->name : std::string();
    finding.element = frame.element ? frame.element->id : std::string();
    finding.message = std::move(message);
    if (frame.element) {
        const BoxMm& box = frame.element->box_mm;
        finding.where_mm = std::array<double, 4>{box.x, box.y, box.width, box.height};
    }
    finding.fix = Fix{fix_by, std::move(action)};
    return finding;
}

std::string format_number(double value, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

}  // namespace preflight::checks
