// The shared, read-only context every check reads: the design, its pages decoded once,
// its texts laid out once, and the order around it (when there is one).
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/raster.hpp"
#include "preflight/model.hpp"
#include "preflight/policy.hpp"
#include "text/layout.hpp"

namespace preflight::core {

/// A photo element's original upload (`file`), decoded once by the input layer at the
/// scale the photo checks need (it may be shrunk on load: `scale` < 1).
struct PhotoSource {
    std::shared_ptr<const Raster> pixels;   // never null
    double scale = 1;                       // decoded pixels per original pixel
    int original_width = 0;                 // the upload's own size in pixels
    int original_height = 0;
};

/// One page, decoded and laid out.
struct PageView {
    const Page* page = nullptr;
    std::size_t index = 0;
    PageGeometry geometry;
    std::shared_ptr<const Raster> raster;     // never null when checks run
    std::shared_ptr<const Mask> foil_mask;    // null when the page has none
    /// One entry per element (same index as page->elements): the layout of a text element,
    /// null for other types.
    std::vector<std::shared_ptr<const text::TextLayout>> text_layouts;
    /// The font of each text element (null for other types), for checks that re-lay out
    /// (e.g. the largest size that fits) or test glyph coverage.
    std::vector<std::shared_ptr<const text::Font>> fonts;
    /// One entry per element: the decoded original of a photo element that names a `file`,
    /// null otherwise (no file, or it could not be read: the printed raster is the fallback).
    std::vector<std::shared_ptr<const PhotoSource>> photo_sources;
};

/// Other fonts in the folder of a design's font, listed and read through the input layer
/// (beneath the root, regular files only, no links, never blocking, through the font cache;
/// no path reaches FreeType): the missing-glyph check's suggestions.
class NearbyFonts {
public:
    struct Found {
        std::string file_name;                    // e.g. "Lato-Regular.ttf"
        std::shared_ptr<const text::Font> font;   // never null
    };
    /// The first `max_files` font files (.ttf, .otf, .ttc, .otc by name, in name order) in the
    /// folder of `font` (a font of this design), itself excluded; unreadable ones left out.
    virtual std::vector<Found> next_to(const text::Font& font, std::size_t max_files) const = 0;

protected:
    ~NearbyFonts() = default;
};

/// A calendar date (local date of the order, or of the run when linting).
struct CivilDate {
    int year = 1970;
    unsigned month = 1;
    unsigned day = 1;
};

/// Values one check computes and another check of the same design reuses (a photo frame's
/// luma plane: the blur and upscale checks), kept for the length of one design's checks.
/// The checks of one design run one after another on one thread: no lock.
class CheckScratch {
public:
    /// The value under `key`, made by `make()` (returning a T) the first time it is asked for.
    template <class T, class Make>
    std::shared_ptr<const T> get(const std::string& key, Make&& make) {
        std::shared_ptr<const void>& slot = entries_[key];
        if (!slot) slot = std::make_shared<const T>(make());
        return std::static_pointer_cast<const T>(slot);
    }

private:
    std::map<std::string, std::shared_ptr<const void>> entries_;
};

struct CheckContext {
    const Policy* policy = nullptr;
    const Order* order = nullptr;           // null when linting a template
    const OrderItem* item = nullptr;        // the card item of this design (design scope)
    const Design* design = nullptr;         // null for order-scope checks
    std::filesystem::path design_dir;       // folder of the design document
    std::string product;                    // the design's product, else the item's
    std::vector<PageView> pages;
    /// Reference date for year and date plausibility: placed_at's local date (or now).
    CivilDate reference_date;
    const text::FontCache* fonts = nullptr; // the checker's font cache
    const NearbyFonts* nearby_fonts = nullptr; // other fonts next to a design's font (suggestions)
    /// Shared between the checks of this design (null: every check computes its own).
    std::shared_ptr<CheckScratch> scratch;
};

}  // namespace preflight::core
