// Tests only: an independent reference for text ink. Shapes with HarfBuzz's FreeType
// backend, rasterises every glyph with FT_Render_Glyph at high resolution and measures the
// ink from the pixels; reads ascender/descender straight from the OS/2 and hhea tables.
#pragma once

#include <string>

namespace preflight::testing {

struct ReferenceInk {
    bool has_ink = false;
    // Ink box relative to the pen origin on the baseline, millimetres, y down.
    double left_mm = 0, top_mm = 0, right_mm = 0, bottom_mm = 0;
    double advance_mm = 0;
};

/// Renders one line of text at size_pt and measures its ink from pixels (px_per_mm resolution).
ReferenceInk reference_ink(const std::string& font_file, const std::string& line, double size_pt,
                           double px_per_mm = 40.0);

struct ReferenceMetrics {
    double ascender_mm = 0;   // OS/2 typo when fsSelection bit 7 (USE_TYPO_METRICS), else hhea
    double descender_mm = 0;  // positive down
};
ReferenceMetrics reference_metrics(const std::string& font_file, double size_pt);

}  // namespace preflight::testing

namespace preflight::core { struct Raster; struct PageGeometry; }

namespace preflight::testing {

/// Draws one line of text into an sRGB raster (coverage-blended in `rgb`), pen origin at
/// (x_mm, baseline_mm) in design millimetres; shaping and rendering as reference_ink does.
void draw_line(core::Raster& raster, const core::PageGeometry& geometry, const std::string& font_file,
               const std::string& line, double size_pt, double x_mm, double baseline_mm,
               const unsigned char rgb[3]);

}  // namespace preflight::testing
