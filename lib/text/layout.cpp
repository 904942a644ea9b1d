// Lays out a text element as the web editor does (formats.md, "text"): NFC text, explicit
// breaks, greedy wrapping at spaces on shaped advances, CSS half-leading, alignment, and the
// exact ink of every glyph at its position.
//
// Where formats.md is silent we follow CSS (white-space: pre-wrap, text-align):
// - paragraphs end at '\n' (also "\r\n", '\r', U+2028/2029); a tab is a space; other
//   control characters print nothing; spaces are kept (no collapsing) and only U+0020 is a
//   break opportunity (no-break space, hyphens and slashes do not break);
// - each paragraph is shaped once; a line's width is the sum of its clusters' advances,
//   without the spaces it ends with (they hang past the edge, as in CSS);
// - a word longer than the box stays whole on its own line and overflows;
// - a line wider than its box is start-aligned whatever the alignment (CSS Text 3), so a
//   centred name that is too wide overflows on the right;
// - justify stretches the spaces between words on every line but a paragraph's last;
// - ink is the exact outline bbox of each glyph (FreeType, unhinted), not its advance box.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <utility>

#include <utf8proc.h>

#include "text/font.hpp"

namespace preflight::text {

namespace {

constexpr double mm_per_pt = 25.4 / 72.0;
// Widths equal up to this are "fits" (browsers round to 1/64 px; this is far below that).
constexpr double fit_epsilon_mm = 1e-6;

/// One shaped glyph of a paragraph, in font units.
struct ShapedGlyph {
    std::uint32_t glyph = 0;
    std::uint32_t cluster = 0;   // byte offset in the paragraph
    double x_advance = 0;
    double x_offset = 0, y_offset = 0;
};

/// A HarfBuzz buffer per thread, reused: shaping allocates nothing in the steady state.
hb_buffer_t* thread_buffer() {
    struct Holder {
        hb_buffer_t* buffer = hb_buffer_create();
        ~Holder() { hb_buffer_destroy(buffer); }
    };
    thread_local Holder holder;
    hb_buffer_reset(holder.buffer);
    return holder.buffer;
}

std::vector<ShapedGlyph> shape(const Font& font, const std::string& paragraph) {
    hb_buffer_t* buffer = thread_buffer();
    hb_buffer_set_cluster_level(buffer, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
    hb_buffer_add_utf8(buffer, paragraph.data(), int(paragraph.size()), 0, int(paragraph.size()));
    hb_buffer_guess_segment_properties(buffer);
    hb_shape(font.hb(), buffer, nullptr, 0);
    unsigned count = 0;
    const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer, &count);
    const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer, &count);
    std::vector<ShapedGlyph> glyphs(count);
    for (unsigned i = 0; i < count; ++i) {
        glyphs[i] = {infos[i].codepoint, infos[i].cluster, double(positions[i].x_advance),
                     double(positions[i].x_offset), double(positions[i].y_offset)};
    }
    return glyphs;
}

char32_t decode_at(const std::string& text, std::size_t offset, std::size_t* length) {
    utf8proc_int32_t codepoint = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()) + offset,
                              utf8proc_ssize_t(text.size() - offset), &codepoint);
    if (n <= 0) {
        if (length) *length = 1;
        return 0xFFFD;
    }
    if (length) *length = std::size_t(n);
    return char32_t(codepoint);
}

bool is_default_ignorable(char32_t c) {
    return utf8proc_get_property(utf8proc_int32_t(c))->ignorable || c == 0x200D || c == 0xFE0F ||
           (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
}

/// The glyphs [first, last) whose clusters may lie in bytes [start, end). HarfBuzz keeps
/// clusters monotone (MONOTONE_CHARACTERS): rising left to right, falling for right-to-left
/// text, so a line's glyphs are one run found by bisection, not by a pass over the whole
/// paragraph per line (quadratic: 9 s for a 600 kB text). Not monotone: all of them.
std::pair<std::size_t, std::size_t> glyph_span(const std::vector<ShapedGlyph>& glyphs, int order, std::size_t start,
                                               std::size_t end) {
    auto before = [&](std::size_t limit) {   // the first glyph whose cluster is at or past `limit` in order
        return std::size_t(std::partition_point(glyphs.begin(), glyphs.end(), [&](const ShapedGlyph& g) {
                               return order > 0 ? g.cluster < limit : g.cluster >= limit;
                           }) - glyphs.begin());
    };
    if (order > 0) return {before(start), before(end)};
    if (order < 0) return {before(end), before(start)};
    return {0, glyphs.size()};
}

/// +1 when the clusters never fall, -1 when they never rise, 0 otherwise.
int cluster_order(const std::vector<ShapedGlyph>& glyphs) {
    bool rising = true, falling = true;
    for (std::size_t i = 1; i < glyphs.size(); ++i) {
        rising = rising && glyphs[i].cluster >= glyphs[i - 1].cluster;
        falling = falling && glyphs[i].cluster <= glyphs[i - 1].cluster;
    }
    return rising ? 1 : falling ? -1 : 0;
}

/// A line of a paragraph: bytes [start, content_end) print, [content_end, end) are the
/// spaces it ends with (they hang past the edge, as in CSS, and are not measured).
struct LineRange {
    std::size_t start = 0, content_end = 0, end = 0;
    bool last_of_paragraph = false;
};

struct Box {
    double left = std::numeric_limits<double>::infinity();
    double top = std::numeric_limits<double>::infinity();
    double right = -std::numeric_limits<double>::infinity();
    double bottom = -std::numeric_limits<double>::infinity();
    bool empty() const { return !(right > left || bottom > top); }
    void add(double l, double t, double r, double b) {
        left = std::min(left, l);
        top = std::min(top, t);
        right = std::max(right, r);
        bottom = std::max(bottom, b);
    }
    void add(const Box& other) {
        if (!other.empty()) add(other.left, other.top, other.right, other.bottom);
    }
    BoxMm to_box() const { return empty() ? BoxMm{} : BoxMm{left, top, right - left, bottom - top}; }
};

}  // namespace

std::string normalize_nfc(const std::string& utf8) {
    // Invalid bytes would make utf8proc refuse the whole text: replace them first.
    std::string clean;
    clean.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        std::size_t length = 1;
        char32_t c = decode_at(utf8, i, &length);
        if (c == 0xFFFD && !(utf8.compare(i, 3, "\xEF\xBF\xBD") == 0)) {
            clean += "\xEF\xBF\xBD";
        } else {
            clean.append(utf8, i, length);
        }
        i += length;
    }
    utf8proc_uint8_t* output = nullptr;
    auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(clean.data()), utf8proc_ssize_t(clean.size()),
                          &output, utf8proc_option_t(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    if (n < 0) return clean;
    std::string result(reinterpret_cast<char*>(output), std::size_t(n));
    std::free(output);
    return result;
}

TextLayout layout_text(const Element& element, const Font& font, double size_pt, double box_width_mm) {
    TextLayout layout;
    layout.font_family = font.family();
    layout.font_style = font.style();
    const double size = size_pt > 0 ? size_pt : element.size_pt;
    const double box_width = box_width_mm > 0 ? box_width_mm : element.box_mm.width;
    if (!(size > 0) || !std::isfinite(size)) return layout;

    const double size_mm = size * mm_per_pt;
    const double scale = size_mm / font.units_per_em();   // mm per font unit
    const double line_height = element.line_height > 0 ? element.line_height : 1.2;
    layout.line_height_mm = size_mm * line_height;
    layout.ascender_mm = font.ascender_units() * scale;
    layout.descender_mm = font.descender_units() * scale;
    const double half_leading = (layout.line_height_mm - layout.ascender_mm - layout.descender_mm) / 2;

    // Paragraphs: explicit breaks ('\n', also "\r\n", '\r', U+2028 / U+2029 from pasted text).
    const std::string text = normalize_nfc(element.text);
    std::vector<std::string> paragraphs(1);
    for (std::size_t i = 0; i < text.size();) {
        std::size_t length = 1;
        char32_t c = decode_at(text, i, &length);
        if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            ++i;
            continue;
        }
        if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029) {
            paragraphs.emplace_back();
        } else if (c == '\t') {
            paragraphs.back() += ' ';   // browsers show a tab in running text as white space
        } else if (c < 0x20 || c == 0x7F) {
            // Other control characters (pasted from word processors) print nothing.
        } else {
            paragraphs.back().append(text, i, length);
        }
        i += length;
    }

    std::vector<char32_t>& missing = layout.missing_codepoints;
    auto note_missing = [&](char32_t c) {
        if (std::find(missing.begin(), missing.end(), c) == missing.end()) missing.push_back(c);
    };

    Box all_ink, page_ink;
    const double angle = element.rotation_deg * std::acos(-1.0) / 180.0;
    const double cos_a = std::cos(angle), sin_a = std::sin(angle);
    const double center_x = element.box_mm.x + box_width / 2, center_y = element.box_mm.y + element.box_mm.height / 2;
    auto add_page_corner = [&](double x, double y) {
        // Box coordinates -> page; CSS rotate(): clockwise on screen for positive angles (y down).
        const double dx = element.box_mm.x + x - center_x, dy = element.box_mm.y + y - center_y;
        const double px = center_x + dx * cos_a - dy * sin_a, py = center_y + dx * sin_a + dy * cos_a;
        page_ink.add(px, py, px, py);
    };

    std::size_t line_index = 0;
    for (const std::string& paragraph : paragraphs) {
        const std::vector<ShapedGlyph> glyphs = shape(font, paragraph);
        const int order = cluster_order(glyphs);
        // Cluster starts in byte order: where the cluster after a glyph's begins.
        std::vector<std::uint32_t> cluster_starts;
        cluster_starts.reserve(glyphs.size());
        for (const auto& g : glyphs) cluster_starts.push_back(g.cluster);
        std::sort(cluster_starts.begin(), cluster_starts.end());
        cluster_starts.erase(std::unique(cluster_starts.begin(), cluster_starts.end()), cluster_starts.end());

        // Advance per byte (a cluster's advance sits at its first byte), as a prefix sum.
        std::vector<double> prefix(paragraph.size() + 1, 0.0);
        for (const auto& g : glyphs)
            if (g.cluster < paragraph.size()) prefix[g.cluster + 1] += g.x_advance * scale;
        for (std::size_t i = 0; i < paragraph.size(); ++i) prefix[i + 1] += prefix[i];
        auto width = [&](std::size_t a, std::size_t b) { return prefix[b] - prefix[a]; };

        // Words: [start, content_end) then its spaces up to the next word.
        struct Word { std::size_t start, content_end, end; };
        std::vector<Word> words;
        {
            std::size_t i = 0;
            while (i < paragraph.size()) {
                Word w{i, i, i};
                while (i < paragraph.size() && paragraph[i] == ' ') ++i;   // leading spaces stay
                while (i < paragraph.size() && paragraph[i] != ' ') ++i;
                w.content_end = i;
                while (i < paragraph.size() && paragraph[i] == ' ') ++i;
                w.end = i;
                words.push_back(w);
            }
        }
        std::vector<LineRange> ranges;
        if (words.empty()) {
            ranges.push_back({0, 0, 0, true});
        } else if (!element.wrap) {
            ranges.push_back({0, words.back().content_end, paragraph.size(), true});
        } else {
            LineRange current{words[0].start, words[0].content_end, words[0].end, false};
            for (std::size_t w = 1; w < words.size(); ++w) {
                if (width(current.start, words[w].content_end) <= box_width + fit_epsilon_mm) {
                    current.content_end = words[w].content_end;
                    current.end = words[w].end;
                } else {
                    ranges.push_back(current);
                    current = {words[w].start, words[w].content_end, words[w].end, false};
                }
            }
            ranges.push_back(current);
        }
        ranges.back().last_of_paragraph = true;

        for (const LineRange& range : ranges) {
            LaidOutLine line;
            line.text = paragraph.substr(range.start, range.content_end - range.start);
            line.advance_mm = width(range.start, range.content_end);
            const double top = double(line_index) * layout.line_height_mm;
            line.baseline_mm = top + half_leading + layout.ascender_mm;

            // Spaces to stretch for justify: those between the first and last printing characters.
            double space_extra = 0;
            std::size_t stretch_from = range.start;
            while (stretch_from < range.content_end && paragraph[stretch_from] == ' ') ++stretch_from;
            const double free_mm = box_width - line.advance_mm;
            TextAlign align = element.align;
            if (align == TextAlign::justify) {
                std::size_t spaces = 0;
                for (std::size_t i = stretch_from; i < range.content_end; ++i) spaces += paragraph[i] == ' ';
                if (!range.last_of_paragraph && spaces > 0 && free_mm > 0) {
                    space_extra = free_mm / double(spaces);
                    line.advance_mm = box_width;
                }
                align = TextAlign::left;
            }
            // CSS Text 3: a line too long for its box is start-aligned and overflows the end.
            if (free_mm < 0) align = TextAlign::left;
            line.x_mm = align == TextAlign::center ? free_mm / 2 : align == TextAlign::right ? free_mm : 0.0;

            Box line_ink;
            double pen_x = line.x_mm;
            const auto [first_glyph, end_glyph] = glyph_span(glyphs, order, range.start, range.end);
            for (std::size_t k = first_glyph; k < end_glyph; ++k) {
                const ShapedGlyph& g = glyphs[k];
                if (g.cluster < range.start || g.cluster >= range.end) continue;
                if (g.glyph == 0 && g.cluster < range.content_end) {
                    // .notdef: report the characters of its cluster that the font lacks.
                    auto after = std::upper_bound(cluster_starts.begin(), cluster_starts.end(), g.cluster);
                    std::size_t next = after != cluster_starts.end() && *after < range.end ? *after : range.end;
                    bool noted = false;
                    char32_t first = 0;
                    for (std::size_t i = g.cluster; i < next;) {
                        std::size_t length = 1;
                        char32_t c = decode_at(paragraph, i, &length);
                        if (!first) first = c;
                        if (!is_default_ignorable(c) && !font_has_glyph(font, c)) {
                            note_missing(c);
                            noted = true;
                        }
                        i += length;
                    }
                    if (!noted && first) note_missing(first);
                }
                if (g.cluster < range.content_end) {
                    const GlyphInk& ink = font.glyph_ink(g.glyph);
                    if (!ink.empty) {
                        const double x = pen_x + g.x_offset * scale;
                        const double y_up = g.y_offset * scale;
                        const double left = x + ink.x_min * scale, right = x + ink.x_max * scale;
                        const double top_mm = line.baseline_mm - (y_up + ink.y_max * scale);
                        const double bottom_mm = line.baseline_mm - (y_up + ink.y_min * scale);
                        line_ink.add(left, top_mm, right, bottom_mm);
                        if (element.rotation_deg == 0) {
                            page_ink.add(element.box_mm.x + left, element.box_mm.y + top_mm,
                                         element.box_mm.x + right, element.box_mm.y + bottom_mm);
                        } else {
                            add_page_corner(left, top_mm);
                            add_page_corner(right, top_mm);
                            add_page_corner(left, bottom_mm);
                            add_page_corner(right, bottom_mm);
                        }
                    }
                }
                pen_x += g.x_advance * scale;
                if (space_extra > 0 && g.cluster >= stretch_from && g.cluster < range.content_end &&
                    paragraph[g.cluster] == ' ')
                    pen_x += space_extra;
            }
            line.has_ink = !line_ink.empty();
            line.ink_mm = line_ink.to_box();
            all_ink.add(line_ink);
            layout.lines.push_back(std::move(line));
            ++line_index;
        }
    }
    layout.has_ink = !all_ink.empty();
    layout.ink_box_mm = all_ink.to_box();
    layout.ink_page_mm = layout.has_ink ? page_ink.to_box() : BoxMm{};
    return layout;
}

Overhang overhang(const TextLayout& layout, double width, double height) {
    if (!layout.has_ink) return {};
    const BoxMm& ink = layout.ink_box_mm;
    return {-ink.x, -ink.y, ink.right() - width, ink.bottom() - height};
}

}  // namespace preflight::text
