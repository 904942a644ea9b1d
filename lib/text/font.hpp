// Inside lib/text only: what a loaded font holds (HarfBuzz font for shaping and metrics,
// FreeType face for exact glyph outlines) and its per-glyph ink boxes, cached lazily.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>

#include "text/layout.hpp"

namespace preflight::text {

/// Exact ink box of one glyph in font units, y up (empty when the glyph draws nothing).
struct GlyphInk {
    float x_min = 0, y_min = 0, x_max = 0, y_max = 0;
    bool empty = true;
};

class Font {
public:
    /// Takes the file's bytes; `error` is set (and the font unusable) when they are not a font.
    Font(std::string path, std::string bytes, std::string& error);
    ~Font();
    Font(const Font&) = delete;
    Font& operator=(const Font&) = delete;

    hb_font_t* hb() const { return hb_font_; }
    unsigned units_per_em() const { return units_per_em_; }
    double ascender_units() const { return ascender_units_; }    // positive up
    double descender_units() const { return descender_units_; }  // positive down
    const std::string& path() const { return path_; }
    const std::string& family() const { return family_; }
    const std::string& style() const { return style_; }

    /// Exact ink of a glyph (FreeType outline bbox), computed once per glyph; thread-safe.
    const GlyphInk& glyph_ink(std::uint32_t glyph) const;

    /// What this font holds in memory, roughly: the file, FreeType's and HarfBuzz's tables
    /// and the glyph ink cache (for the font cache's byte budget).
    std::size_t memory_bytes() const {
        return 2 * bytes_.size() + std::size_t(glyph_count_) * (sizeof(GlyphInk) + 1) + 64 * 1024;
    }

    /// Stroke and classification traits (see layout.hpp), measured once; thread-safe.
    const FontTraits& traits() const;

private:
    GlyphInk compute_ink(std::uint32_t glyph) const;   // caller holds ft_mutex_
    FontTraits measure_traits() const;                  // caller holds ft_mutex_

    std::string path_;
    std::string bytes_;                 // the font file; HarfBuzz and FreeType read it in place
    hb_blob_t* hb_blob_ = nullptr;
    hb_face_t* hb_face_ = nullptr;
    hb_font_t* hb_font_ = nullptr;      // immutable, shared by every thread
    FT_Library ft_library_ = nullptr;   // own library per face: FreeType is not thread-safe
    FT_Face ft_face_ = nullptr;         // guarded by ft_mutex_
    mutable std::mutex ft_mutex_;
    unsigned units_per_em_ = 1000;
    double ascender_units_ = 800;
    double descender_units_ = 200;
    std::string family_;
    std::string style_;

    unsigned glyph_count_ = 0;
    mutable std::unique_ptr<std::atomic<std::uint8_t>[]> ink_ready_;
    mutable std::vector<GlyphInk> ink_;
    mutable std::once_flag traits_once_;
    mutable FontTraits traits_;
};

}  // namespace preflight::text
