// The photo frames of a design as the photo checks see them: element, printed pixels, scale.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/check.hpp"
#include "photo/pixels.hpp"
#include "photo/resolution.hpp"

namespace preflight::checks {

/// One photo element on one page.
struct PhotoFrame {
    const core::PageView* page = nullptr;
    const Element* element = nullptr;
    /// The pixels of the frame that are printed: the frame clipped to the trim, rounded
    /// inward so no pixel of the surrounding page is included.
    core::PixelRect printed_px;
    photo::RgbView printed;
    /// The source pixels the frame shows, when the element says how big its source is.
    std::optional<photo::ShownSource> source;
    /// The scale at which detail is judged, per raster pixel, at most 1: the source's pixel
    /// size when it is coarser than the raster, and never finer than 300 dpi.
    double analysis_scale = 1.0;
    /// The boxes of the elements stacked above this one on its page (text, graphics, other
    /// photos): what the raster shows there may be theirs.
    std::vector<BoxMm> covered_by;
    /// The pixels the quality checks (blur, cast, exposure, upscaled) judge: the shown part of
    /// the decoded upload when the input layer supplied it (PageView::photo_sources), else
    /// the printed pixels. `judged_scale` resamples them to at most 300 ppi of the frame (and
    /// to the source's own size for the printed fallback); `judged_ppi` is what one judged
    /// pixel is per inch of frame after that resample.
    photo::RgbView judged;
    bool judged_from_upload = false;
    double judged_scale = 1.0;
    double judged_ppi = 0;
    bool has_pixels() const { return printed.width >= 16 && printed.height >= 16; }
    bool has_judged_pixels() const { return judged.width >= 16 && judged.height >= 16; }
};

/// The luma of `frame.judged` at frame.judged_scale, resampled `how` (Resample::none: at its
/// own size; photo::resampled_luma), built once per frame while one design is checked and
/// shared by the checks that ask for it (photo.blur and photo.upscaled, through
/// context.scratch); without a scratch, built for this caller alone.
std::shared_ptr<const photo::GreyPlane> judged_luma(const core::CheckContext& context, const PhotoFrame& frame,
                                                   photo::Resample how);

/// Parts of `frame.judged` to leave out of sharpness statistics: what is stacked over the
/// photo on the print (none when the upload itself is judged).
std::vector<core::PixelRect> judged_ignore(const PhotoFrame& frame);

/// The printed pixels of the frame that elements stacked above it cover, in the coordinates
/// of `frame.printed` (for analyses that must not judge what is printed over the photo).
std::vector<core::PixelRect> covered_pixels(const PhotoFrame& frame);

/// The share (0..1) of `area` that the boxes in `covers` overlap (overlaps counted once per box).
double covered_share(const BoxMm& area, const std::vector<BoxMm>& covers);

/// Calls `visit` for every photo element of every page, in page and stacking order.
void for_each_photo_frame(const core::CheckContext& context, const std::function<void(const PhotoFrame&)>& visit);

/// A finding about a frame, with page, element and the frame as where_mm filled in.
Finding frame_finding(const PhotoFrame& frame, const std::string& check, Severity severity, FixBy fix_by,
                      std::string message, std::string action);

/// Formats a number with `decimals` digits after the point (messages).
std::string format_number(double value, int decimals);

}  // namespace preflight::checks
