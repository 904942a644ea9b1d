// A deterministic page renderer for tests: paints boxes in design millimetres onto the bleed
// box raster (anti-aliased by area, as an editor's renderer would) and writes the page in the
// encodings real orders arrive in (PNG 8/16 bit, JPEG, TIFF, CMYK JPEG) with libvips.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "core/raster.hpp"
#include "preflight/model.hpp"

namespace preflight::testing {

struct Colour {
    std::uint8_t r = 255, g = 255, b = 255;
};

inline constexpr Colour paper_white{255, 255, 255};
inline constexpr Colour cream{245, 235, 215};

class PagePainter {
public:
    /// A white (unprinted) page of trim + 2 x bleed at dpi, sized as formats.md requires.
    PagePainter(double trim_width_mm, double trim_height_mm, double bleed_mm, double dpi);

    const core::PageGeometry& geometry() const { return geometry_; }
    const core::Raster& raster() const { return raster_; }
    core::Raster& raster() { return raster_; }

    /// The whole bleed box as a BoxMm.
    BoxMm bleed_box() const;
    /// A box inset from the bleed box's outer edge by the given millimetres per side
    /// (negative insets go beyond the bleed box, which is harmless).
    BoxMm bleed_box_inset(double left_mm, double top_mm, double right_mm, double bottom_mm) const;

    /// Fills a box with one colour; edge pixels get their covered fraction (anti-aliasing).
    void fill(const BoxMm& box, Colour colour);
    /// Paints a photo-like texture into a box: smooth light and colour gradients, mid-scale
    /// shapes and fine grain, all from `seed` (the same seed paints the same photo at any dpi).
    /// `brightness` shifts it towards white (0: mid-tones, up to ~1: a bright, washed-out photo).
    void texture(const BoxMm& box, std::uint32_t seed, double brightness = 0);
    /// Places a real photograph (any file libvips reads) into a box the way an editor fills a
    /// photo frame: scaled to cover it, centred, the overflow cropped. Throws if unreadable.
    void photo(const BoxMm& box, const std::filesystem::path& file);
    /// A frame of `width_mm` around the inside of `box` (e.g. a drawn border).
    void frame(const BoxMm& box, double width_mm, Colour colour);

private:
    template <class ColourAt>
    void paint(const BoxMm& box, ColourAt colour_at);

    core::PageGeometry geometry_;
    core::Raster raster_;
};

enum class PageEncoding { png8, png16, jpeg, tiff, cmyk_jpeg };

/// Writes the page with libvips: 16-bit PNG scales 0..255 to 0..65535; CMYK JPEG converts with
/// libvips' built-in CMYK profile and embeds it, as prepress tools do.
void write_page(const core::Raster& raster, const std::filesystem::path& file, PageEncoding encoding);

/// The file name extension that fits an encoding ("png", "jpg", "tif").
const char* extension(PageEncoding encoding);

/// A photograph from Debian's mate-backgrounds package (scripts/setup.d/bleed.list), e.g.
/// "nature/Storm.jpg"; fails the test if absent.
std::filesystem::path sample_photo(const std::string& name);

}  // namespace preflight::testing
