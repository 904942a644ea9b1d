// Independent text ink reference for the tests (see reference_render.hpp).
#include "text/reference_render.hpp"

#include <algorithm>
#include <stdexcept>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H
#include FT_TRUETYPE_TABLES_H
#include <hb-ft.h>
#include <hb.h>

#include "core/raster.hpp"

namespace preflight::testing {

namespace {
struct Face {
    FT_Library library = nullptr;
    FT_Face face = nullptr;
    explicit Face(const std::string& file) {
        if (FT_Init_FreeType(&library) || FT_New_Face(library, file.c_str(), 0, &face))
            throw std::runtime_error("cannot open " + file);
    }
    ~Face() {
        if (face) FT_Done_Face(face);
        if (library) FT_Done_FreeType(library);
    }
};
}  // namespace

ReferenceInk reference_ink(const std::string& font_file, const std::string& line, double size_pt,
                           double px_per_mm) {
    Face f(font_file);
    const double size_px = size_pt * 25.4 / 72.0 * px_per_mm;
    FT_Set_Char_Size(f.face, 0, FT_F26Dot6(size_px * 64.0 + 0.5), 72, 72);
    hb_font_t* font = hb_ft_font_create_referenced(f.face);
    hb_ft_font_set_load_flags(font, FT_LOAD_NO_HINTING);
    hb_buffer_t* buffer = hb_buffer_create();
    hb_buffer_add_utf8(buffer, line.data(), int(line.size()), 0, int(line.size()));
    hb_buffer_guess_segment_properties(buffer);
    hb_shape(font, buffer, nullptr, 0);
    unsigned count = 0;
    hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer, &count);
    hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer, &count);

    ReferenceInk ink;
    long pen_x = 0;   // 26.6 pixels
    int left = 1 << 30, top = 1 << 30, right = -(1 << 30), bottom = -(1 << 30);
    for (unsigned i = 0; i < count; ++i) {
        const long x = pen_x + positions[i].x_offset, y = positions[i].y_offset;
        if (FT_Load_Glyph(f.face, infos[i].codepoint, FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP) == 0 &&
            f.face->glyph->format == FT_GLYPH_FORMAT_OUTLINE && f.face->glyph->outline.n_points > 0) {
            // Sub-pixel placement: shift the outline by the fractional pen, render, then read pixels.
            FT_Outline_Translate(&f.face->glyph->outline, x & 63, y & 63);
            FT_Render_Glyph(f.face->glyph, FT_RENDER_MODE_NORMAL);
            const FT_Bitmap& bitmap = f.face->glyph->bitmap;
            const int origin_x = int(x >> 6) + f.face->glyph->bitmap_left;
            const int origin_y = -int(y >> 6) - f.face->glyph->bitmap_top;   // y down
            for (unsigned row = 0; row < bitmap.rows; ++row)
                for (unsigned col = 0; col < bitmap.width; ++col) {
                    if (bitmap.buffer[row * bitmap.pitch + col] < 64) continue;   // >= 25 % coverage
                    left = std::min(left, origin_x + int(col));
                    right = std::max(right, origin_x + int(col) + 1);
                    top = std::min(top, origin_y + int(row));
                    bottom = std::max(bottom, origin_y + int(row) + 1);
                }
        }
        pen_x += positions[i].x_advance;
    }
    hb_buffer_destroy(buffer);
    hb_font_destroy(font);
    ink.advance_mm = double(pen_x) / 64.0 / px_per_mm;
    if (right > left) {
        ink.has_ink = true;
        ink.left_mm = left / px_per_mm;
        ink.right_mm = right / px_per_mm;
        ink.top_mm = top / px_per_mm;
        ink.bottom_mm = bottom / px_per_mm;
    }
    return ink;
}

ReferenceMetrics reference_metrics(const std::string& font_file, double size_pt) {
    Face f(font_file);
    const double mm_per_unit = size_pt * 25.4 / 72.0 / f.face->units_per_EM;
    const auto* os2 = static_cast<const TT_OS2*>(FT_Get_Sfnt_Table(f.face, FT_SFNT_OS2));
    const auto* hhea = static_cast<const TT_HoriHeader*>(FT_Get_Sfnt_Table(f.face, FT_SFNT_HHEA));
    ReferenceMetrics metrics;
    if (os2 && os2->version != 0xFFFF && (os2->fsSelection & (1u << 7))) {
        metrics.ascender_mm = os2->sTypoAscender * mm_per_unit;
        metrics.descender_mm = -os2->sTypoDescender * mm_per_unit;
    } else if (hhea) {
        metrics.ascender_mm = hhea->Ascender * mm_per_unit;
        metrics.descender_mm = -hhea->Descender * mm_per_unit;
    }
    return metrics;
}

void draw_line(core::Raster& raster, const core::PageGeometry& geometry, const std::string& font_file,
               const std::string& line, double size_pt, double x_mm, double baseline_mm,
               const unsigned char rgb[3]) {
    Face f(font_file);
    const double px_per_mm = geometry.px_per_mm();
    FT_Set_Char_Size(f.face, 0, FT_F26Dot6(size_pt * 25.4 / 72.0 * px_per_mm * 64.0 + 0.5), 72, 72);
    hb_font_t* font = hb_ft_font_create_referenced(f.face);
    hb_ft_font_set_load_flags(font, FT_LOAD_NO_HINTING);
    hb_buffer_t* buffer = hb_buffer_create();
    hb_buffer_add_utf8(buffer, line.data(), int(line.size()), 0, int(line.size()));
    hb_buffer_guess_segment_properties(buffer);
    hb_shape(font, buffer, nullptr, 0);
    unsigned count = 0;
    hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer, &count);
    hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer, &count);
    long pen_x = long(geometry.x_px(x_mm) * 64.0);
    const long pen_y = long(geometry.y_px(baseline_mm) * 64.0);   // y down
    for (unsigned i = 0; i < count; ++i) {
        const long x = pen_x + positions[i].x_offset, y = pen_y - positions[i].y_offset;
        if (FT_Load_Glyph(f.face, infos[i].codepoint, FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP) == 0 &&
            f.face->glyph->format == FT_GLYPH_FORMAT_OUTLINE && f.face->glyph->outline.n_points > 0) {
            FT_Outline_Translate(&f.face->glyph->outline, x & 63, -(y & 63));
            FT_Render_Glyph(f.face->glyph, FT_RENDER_MODE_NORMAL);
            const FT_Bitmap& bitmap = f.face->glyph->bitmap;
            const int origin_x = int(x >> 6) + f.face->glyph->bitmap_left;
            const int origin_y = int(y >> 6) - f.face->glyph->bitmap_top;
            for (unsigned row = 0; row < bitmap.rows; ++row) {
                const int py = origin_y + int(row);
                if (py < 0 || py >= raster.height) continue;
                for (unsigned col = 0; col < bitmap.width; ++col) {
                    const int px = origin_x + int(col);
                    if (px < 0 || px >= raster.width) continue;
                    const unsigned a = bitmap.buffer[row * bitmap.pitch + col];
                    std::uint8_t* p = raster.row(py) + px * 3;
                    for (int c = 0; c < 3; ++c) p[c] = std::uint8_t((p[c] * (255 - a) + rgb[c] * a + 127) / 255);
                }
            }
        }
        pen_x += positions[i].x_advance;
    }
    hb_buffer_destroy(buffer);
    hb_font_destroy(font);
}

}  // namespace preflight::testing
