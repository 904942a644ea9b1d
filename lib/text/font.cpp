// A loaded font: HarfBuzz for shaping and metrics (thread-safe once immutable), FreeType for
// exact glyph outlines and names-related tables, guarded by a mutex per face.
#include "text/font.hpp"

#include <algorithm>
#include <cmath>

#include FT_OUTLINE_H
#include FT_BBOX_H
#include FT_TRUETYPE_TABLES_H
#include <hb-ot.h>

namespace preflight::text {

namespace {

std::string name_entry(hb_face_t* face, hb_ot_name_id_t id) {
    for (hb_language_t language : {hb_language_from_string("en", -1), HB_LANGUAGE_INVALID}) {
        unsigned length = hb_ot_name_get_utf8(face, id, language, nullptr, nullptr);
        if (length == 0) continue;
        std::string value(length + 1, '\0');
        unsigned size = length + 1;
        hb_ot_name_get_utf8(face, id, language, &size, value.data());
        value.resize(size);
        return value;
    }
    return {};
}

}  // namespace

Font::Font(std::string path, std::string bytes, std::string& error)
    : path_(std::move(path)), bytes_(std::move(bytes)) {
    if (FT_Init_FreeType(&ft_library_) != 0) {
        error = "FreeType could not start";
        return;
    }
    if (FT_New_Memory_Face(ft_library_, reinterpret_cast<const FT_Byte*>(bytes_.data()),
                           FT_Long(bytes_.size()), 0, &ft_face_) != 0) {
        ft_face_ = nullptr;
        error = "not a font FreeType can read";
        return;
    }
    if (!FT_IS_SCALABLE(ft_face_) || ft_face_->num_glyphs <= 0) {
        error = "not a scalable (outline) font";
        return;
    }
    hb_blob_ = hb_blob_create(bytes_.data(), unsigned(bytes_.size()), HB_MEMORY_MODE_READONLY, nullptr,
                              nullptr);
    hb_face_ = hb_face_create(hb_blob_, 0);
    hb_face_make_immutable(hb_face_);
    glyph_count_ = hb_face_get_glyph_count(hb_face_);
    if (glyph_count_ == 0) {
        error = "HarfBuzz finds no glyphs in it";
        return;
    }
    units_per_em_ = hb_face_get_upem(hb_face_);
    hb_font_ = hb_font_create(hb_face_);   // scale = upem: positions come in font units
    hb_font_make_immutable(hb_font_);

    hb_font_extents_t extents{};
    hb_font_get_h_extents(hb_font_, &extents);   // OS/2 typo when USE_TYPO_METRICS, else hhea
    ascender_units_ = extents.ascender;
    descender_units_ = -double(extents.descender);

    family_ = name_entry(hb_face_, HB_OT_NAME_ID_TYPOGRAPHIC_FAMILY);
    if (family_.empty()) family_ = name_entry(hb_face_, HB_OT_NAME_ID_FONT_FAMILY);
    if (family_.empty() && ft_face_->family_name) family_ = ft_face_->family_name;
    style_ = name_entry(hb_face_, HB_OT_NAME_ID_TYPOGRAPHIC_SUBFAMILY);
    if (style_.empty()) style_ = name_entry(hb_face_, HB_OT_NAME_ID_FONT_SUBFAMILY);
    if (style_.empty() && ft_face_->style_name) style_ = ft_face_->style_name;

    ink_ready_ = std::make_unique<std::atomic<std::uint8_t>[]>(glyph_count_);
    for (unsigned i = 0; i < glyph_count_; ++i) ink_ready_[i].store(0, std::memory_order_relaxed);
    ink_.resize(glyph_count_);
}

Font::~Font() {
    if (hb_font_) hb_font_destroy(hb_font_);
    if (hb_face_) hb_face_destroy(hb_face_);
    if (hb_blob_) hb_blob_destroy(hb_blob_);
    if (ft_face_) FT_Done_Face(ft_face_);
    if (ft_library_) FT_Done_FreeType(ft_library_);
}

const GlyphInk& Font::glyph_ink(std::uint32_t glyph) const {
    static const GlyphInk none;
    if (glyph >= glyph_count_) return none;
    if (ink_ready_[glyph].load(std::memory_order_acquire)) return ink_[glyph];
    std::lock_guard lock(ft_mutex_);
    if (!ink_ready_[glyph].load(std::memory_order_relaxed)) {
        ink_[glyph] = compute_ink(glyph);
        ink_ready_[glyph].store(1, std::memory_order_release);
    }
    return ink_[glyph];
}

GlyphInk Font::compute_ink(std::uint32_t glyph) const {
    GlyphInk ink;
    // Unscaled, unhinted outline: the exact Bezier bbox (not the control box), so the far
    // reach of a swash is measured as it prints.
    if (FT_Load_Glyph(ft_face_, glyph, FT_LOAD_NO_SCALE | FT_LOAD_NO_BITMAP) == 0 &&
        ft_face_->glyph->format == FT_GLYPH_FORMAT_OUTLINE) {
        const FT_Outline& outline = ft_face_->glyph->outline;
        if (outline.n_points == 0) return ink;
        FT_BBox box{};
        FT_Outline_Get_BBox(const_cast<FT_Outline*>(&outline), &box);
        if (box.xMax <= box.xMin && box.yMax <= box.yMin) return ink;
        ink = {float(box.xMin), float(box.yMin), float(box.xMax), float(box.yMax), false};
        return ink;
    }
    // Not an outline (e.g. a colour bitmap glyph): HarfBuzz's extents are the best we have.
    hb_glyph_extents_t extents{};
    if (hb_font_get_glyph_extents(hb_font_, glyph, &extents) && extents.width != 0 && extents.height != 0) {
        ink = {float(extents.x_bearing), float(extents.y_bearing + extents.height),
               float(extents.x_bearing + extents.width), float(extents.y_bearing), false};
    }
    return ink;
}

const FontTraits& Font::traits() const {
    std::call_once(traits_once_, [this] {
        std::lock_guard lock(ft_mutex_);
        traits_ = measure_traits();
    });
    return traits_;
}

FontTraits Font::measure_traits() const {
    FontTraits traits;
    if (const auto* os2 = static_cast<const TT_OS2*>(FT_Get_Sfnt_Table(ft_face_, FT_SFNT_OS2))) {
        const int family_class = (os2->sFamilyClass >> 8) & 0xff;
        traits.script = family_class == 10 || os2->panose[0] == 3;
    }
    // Local stroke thickness at every ink pixel = the shorter of its horizontal and vertical
    // ink runs; over a few lowercase letters its low percentile is the hairline, its median
    // the stem. 512 px/em keeps one pixel at 0.002 em.
    constexpr int px_per_em = 512;
    if (FT_Set_Pixel_Sizes(ft_face_, 0, px_per_em) != 0) return traits;
    std::vector<int> thickness;
    for (char32_t letter : std::u32string(U"nohaesv")) {
        const FT_UInt glyph = FT_Get_Char_Index(ft_face_, letter);
        if (glyph == 0) continue;
        if (FT_Load_Glyph(ft_face_, glyph, FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP) != 0) continue;
        if (FT_Render_Glyph(ft_face_->glyph, FT_RENDER_MODE_NORMAL) != 0) continue;
        const FT_Bitmap& bitmap = ft_face_->glyph->bitmap;
        const int w = int(bitmap.width), h = int(bitmap.rows);
        if (w == 0 || h == 0) continue;
        std::vector<std::uint8_t> ink(std::size_t(w) * h);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) ink[std::size_t(y) * w + x] = bitmap.buffer[y * bitmap.pitch + x] >= 128;
        std::vector<int> run_h(ink.size(), 0), run_v(ink.size(), 0);
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w;) {
                if (!ink[std::size_t(y) * w + x]) { ++x; continue; }
                int end = x;
                while (end < w && ink[std::size_t(y) * w + end]) ++end;
                for (int i = x; i < end; ++i) run_h[std::size_t(y) * w + i] = end - x;
                x = end;
            }
        }
        for (int x = 0; x < w; ++x) {
            for (int y = 0; y < h;) {
                if (!ink[std::size_t(y) * w + x]) { ++y; continue; }
                int end = y;
                while (end < h && ink[std::size_t(end) * w + x]) ++end;
                for (int i = y; i < end; ++i) run_v[std::size_t(i) * w + x] = end - y;
                y = end;
            }
        }
        for (std::size_t i = 0; i < ink.size(); ++i)
            if (ink[i]) thickness.push_back(std::min(run_h[i], run_v[i]));
    }
    if (thickness.empty()) return traits;
    auto percentile = [&](double p) {
        auto nth = thickness.begin() + std::ptrdiff_t(p * double(thickness.size() - 1));
        std::nth_element(thickness.begin(), nth, thickness.end());
        return double(*nth) / px_per_em;
    };
    traits.thin_stroke_em = percentile(0.10);
    traits.stem_em = percentile(0.50);
    return traits;
}

}  // namespace preflight::text
