// Tests only: a one-page card (148 x 105 mm, 3 mm bleed, 150 dpi, white) with text elements
// laid out by the real FontCache + layout_text, and a way to run one registered check on it.
#pragma once

#include <memory>
#include <string>

#include "core/check.hpp"
#include "support/test_support.hpp"

namespace preflight::testing {

class CardFixture {
public:
    CardFixture();
    /// Adds a text element (font: a system font file name) and returns it for tweaking.
    Element& add_text(const std::string& id, const std::string& text, const std::string& font_file, double size_pt,
                      BoxMm box, TextAlign align = TextAlign::left);
    /// Adds a non-text element.
    Element& add_element(const std::string& id, ElementType type, BoxMm box);
    /// Lays out every text element and fills the context (call after the last add_*).
    const core::CheckContext& build();
    /// Draws the text elements (unrotated) into the raster in their colours (call after build()).
    void draw_texts();
    /// Runs one built-in check with its default options (overlaid by `policy_checks`).
    core::Findings run(const std::string& check_id, const OptionSet& options = {});
    /// Runs every check of the text family (+ safe_zone.text).
    core::Findings run_text_checks();

    Design design;
    core::Raster& raster() { return *raster_; }
    core::PageGeometry geometry;
    text::FontCache fonts;
    core::CheckContext context;
    std::shared_ptr<core::Mask> foil_mask;

private:
    std::shared_ptr<core::Raster> raster_;
    std::shared_ptr<const core::NearbyFonts> nearby_fonts_;
};

}  // namespace preflight::testing
