// Real test photographs (from Debian packages, see scripts/setup.d/photo.list), the usual
// ways they go wrong (blur, cast, exposure, upscaling), and a page that shows one in a frame.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/check.hpp"
#include "core/context.hpp"
#include "core/raster.hpp"
#include "preflight/model.hpp"
#include "preflight/policy.hpp"

namespace preflight::testing {

/// The real photos the tests use: mate-backgrounds' nature photos (macro, bokeh, landscape,
/// motion-panned road) and matplotlib's portrait of Grace Hopper.
const std::vector<std::string>& real_photo_names();

/// Where the package puts a photo ("LadyBird", "grace_hopper"); fails the test if absent.
std::filesystem::path real_photo_path(const std::string& name);

/// The photo decoded to 8-bit sRGB (empty raster, and a test failure, if absent).
core::Raster load_real_photo(const std::string& name);

/// Crops the centre to the aspect of width x height and resamples to that size (area
/// resampling when shrinking, bicubic when enlarging): the photo as an editor shows it.
core::Raster cover(const core::Raster& photo, int width, int height);

/// Resamples to exactly width x height (stretches when the aspect differs).
core::Raster resample(const core::Raster& photo, int width, int height);

/// Out of focus: a Gaussian blur of `sigma_px`.
core::Raster gaussian_blur(const core::Raster& photo, double sigma_px);

/// Camera shake: a line blur `length_px` long at `angle_deg` (0 = horizontal).
core::Raster motion_blur(const core::Raster& photo, int length_px, double angle_deg);

/// White balance gone wrong: channel gains applied in linear light.
core::Raster colour_gains(const core::Raster& photo, double red, double green, double blue);

/// Exposure changed by `ev` stops in linear light (clipping at white).
core::Raster exposure_shift(const core::Raster& photo, double ev);

/// Shallow depth of field: the photo blurred with `sigma_px`, the part `sharp` kept crisp.
core::Raster soft_background(const core::Raster& photo, core::PixelRect sharp, double sigma_px);

/// A page of the default card (148 x 105 mm, 3 mm bleed, 300 dpi, white paper) with one
/// photo element whose frame shows `shown`, resampled to the frame's pixels.
class PhotoPage {
public:
    PhotoPage(const core::Raster& shown, Element photo, double dpi = 300);
    PhotoPage(const PhotoPage&) = delete;
    PhotoPage& operator=(const PhotoPage&) = delete;

    /// Runs one registered check with its default options (plus `options` overrides).
    std::vector<Finding> run(const core::CheckSpec& spec, const OptionSet& options = {}) const;
    /// The frame's pixels on the page raster (clipped to the raster).
    core::PixelRect frame_px() const;
    core::Raster& raster() { return *raster_; }
    const core::CheckContext& context() const { return context_; }
    Element& element() { return design_.pages[0].elements[0]; }
    /// The page, e.g. to stack more elements over the photo.
    Page& page() { return design_.pages[0]; }

private:
    Design design_;
    Policy policy_;
    std::shared_ptr<core::Raster> raster_;
    core::CheckContext context_;
};

/// A photo element with the frame `box_mm` and, when given, source and crop pixel sizes.
Element photo_element(BoxMm box_mm, std::optional<std::array<int, 2>> source_px = std::nullopt,
                      std::optional<std::array<int, 4>> crop_px = std::nullopt);

/// A real photo in a frame as an editor would place it: landscape photos in a 100 x 70 mm
/// frame at (24, 17.5) mm, the portrait in a 40 x 47 mm one, each covered by the photo
/// (centre crop) at 300 dpi; `degrade` then works on the frame's pixels. source_px is the
/// photo's own size (no crop), so its effective resolution is that of the real upload.
struct RealFrame {
    core::Raster shown;   // the frame's pixels
    Element element;
};
RealFrame real_frame(const std::string& name,
                     const std::function<core::Raster(const core::Raster&)>& degrade = {});

}  // namespace preflight::testing
