// Text as printed: each text element shaped with HarfBuzz on its font (FreeType), wrapped
// and aligned as the editor does (formats.md, "text"), with the real ink of every glyph.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "preflight/model.hpp"

namespace preflight::text {

/// One laid-out line, in the element's own (unrotated) box coordinates, millimetres,
/// origin at the box's top-left corner.
struct LaidOutLine {
    std::string text;             // the characters of this line (UTF-8, NFC)
    double x_mm = 0;              // left edge of the line's advance box
    double advance_mm = 0;        // shaped advance width
    double baseline_mm = 0;       // baseline, from the box top
    BoxMm ink_mm;                 // union of the glyphs' ink boxes (empty width: no ink)
    bool has_ink = false;
};

/// A whole text element laid out.
struct TextLayout {
    std::vector<LaidOutLine> lines;
    bool has_ink = false;
    /// Union of all ink, in the element's box coordinates (unrotated).
    BoxMm ink_box_mm;
    /// Union of all ink on the page (design coordinates, rotation applied).
    BoxMm ink_page_mm;
    double line_height_mm = 0;
    double ascender_mm = 0;       // as HarfBuzz reports it (typo if USE_TYPO_METRICS, else hhea)
    double descender_mm = 0;      // positive downward
    /// Characters (code points) the font has no glyph for, each once, in order of appearance.
    std::vector<char32_t> missing_codepoints;
    std::string font_family;      // from the font's name table
    std::string font_style;
};

/// A loaded font file (FreeType face + HarfBuzz font), shared read-only.
class Font;

/// Loads each font once and shares it between threads and orders; bounded in bytes (the
/// least recently used fonts are dropped first; layouts that hold one keep it alive).
class FontCache {
public:
    static constexpr std::size_t default_max_bytes = 96u * 1024 * 1024;
    explicit FontCache(std::size_t max_bytes = default_max_bytes);
    ~FontCache();

    /// What a reader hands back: the font file's bytes, or why there are none.
    struct FileBytes {
        std::string bytes;
        std::string error_check;   // "input.missing_file" or "input.unreadable" on failure
        std::string error;
    };
    /// The font known as `identity` (same file => same identity), read with `read` on first
    /// use; `shown_path` is what font_path() reports. Null with error_check/error on failure.
    std::shared_ptr<const Font> get(const std::string& identity, const std::string& shown_path,
                                    const std::function<FileBytes()>& read, std::string& error_check,
                                    std::string& error) const;
    /// The font file at `path`, a file the caller trusts (system fonts, tests): read once,
    /// regular files only, never blocking.
    std::shared_ptr<const Font> get(const std::string& path, std::string& error_check,
                                    std::string& error) const;

    struct Stats {
        std::size_t fonts = 0;       // fonts held now
        std::size_t bytes = 0;       // their memory_bytes, summed
        std::size_t max_bytes = 0;
        std::size_t evictions = 0;   // fonts dropped to stay within max_bytes
        std::size_t loads = 0;       // fonts read and parsed
    };
    Stats stats() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Lays out a text element with its font. `size_pt` overrides the element's size when > 0
/// (used to search the largest size that fits); `box_width_mm` likewise overrides the width
/// used for wrapping when > 0.
TextLayout layout_text(const Element& element, const Font& font, double size_pt = 0,
                       double box_width_mm = 0);

/// The ink that prints, on the page (design mm): each line's ink clipped to the element's box,
/// rotation applied around the box centre. Empty (zero width) when nothing prints.
BoxMm printed_ink(const Element& element, const TextLayout& layout);

/// How far a layout's ink reaches past each side of a box of width x height placed at the
/// layout's origin (box coordinates, mm; positive: outside, so it would be cut off).
struct Overhang {
    double left = 0, top = 0, right = 0, bottom = 0;
    double worst() const { return std::max({left, top, right, bottom}); }
};
Overhang overhang(const TextLayout& layout, double width, double height);

/// True when the font has a glyph for the code point.
bool font_has_glyph(const Font& font, char32_t codepoint);

/// Family and style names of a font (for messages and suggestions): "Lato Bold", or the
/// family alone when the style is Regular.
std::string font_family(const Font& font);

// ---- additions (lib/text) ----

/// The family name alone (typographic family, name ID 16, else 1) and the style name
/// (ID 17, else 2), from the font's name table.
std::string font_family_name(const Font& font);
std::string font_style_name(const Font& font);

/// The file the font was loaded from (as given to FontCache::get, made absolute).
std::string font_path(const Font& font);

/// Measured traits of a font that decide how small it may print (text.too_small).
struct FontTraits {
    /// Thin-stroke thickness as a fraction of the em: the 10th percentile of the local stroke
    /// thickness over the ink of "nohaesv", rendered at 512 px/em (see font.cpp). Regular
    /// text faces measure ~0.05-0.10, hairline and thin script faces below ~0.03.
    double thin_stroke_em = 0;
    /// Stem thickness (median of the same measure) as a fraction of the em.
    double stem_em = 0;
    /// Classified as a script / handwriting face: OS/2 sFamilyClass 10 (Scripts) or PANOSE
    /// family kind 3 (Latin Hand Written).
    bool script = false;
};
FontTraits font_traits(const Font& font);

/// The NFC form of UTF-8 text (invalid bytes become U+FFFD), as layout_text uses it.
std::string normalize_nfc(const std::string& utf8);

}  // namespace preflight::text
