// text.missing_glyph: characters the chosen font has no glyph for (they print blank or as a
// box); suggests fonts from the same folder (listed and read through the input layer, see
// core::NearbyFonts), same family first, that have them all.
#include <algorithm>
#include <cstdio>

#include "checks/text/text_checks.hpp"
#include "checks/text/text_common.hpp"

namespace preflight::checks {

namespace {

std::string utf8(char32_t c) {
    std::string out;
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xF0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3F));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
    return out;
}

std::string describe(char32_t c) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", unsigned(c));
    if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return code;
    std::string text(1, '\'');   // built piecewise: GCC 12 warns falsely on "'" + std::string
    text += utf8(c);
    text += "' (";
    text += code;
    text += ')';
    return text;
}

/// Fonts next to `font` (read through the input layer) that have every missing character:
/// same family first, at most 3.
std::vector<std::string> suggestions(const core::CheckContext& context, const text::Font& font,
                                     const std::vector<char32_t>& missing, std::size_t max_files) {
    std::vector<std::string> same_family, others;
    if (!context.nearby_fonts) return {};
    const std::string family = text::font_family_name(font);
    for (const auto& entry : context.nearby_fonts->next_to(font, max_files)) {
        const auto& file_name = entry.file_name;
        const auto& other = entry.font;
        const bool has_all = std::all_of(missing.begin(), missing.end(),
                                         [&](char32_t c) { return text::font_has_glyph(*other, c); });
        if (!has_all) continue;
        const std::string name = text::font_family(*other) + " (" + file_name + ")";
        (text::font_family_name(*other) == family ? same_family : others).push_back(name);
    }
    same_family.insert(same_family.end(), others.begin(), others.end());
    if (same_family.size() > 3) same_family.resize(3);
    return same_family;
}

void run(const core::CheckContext& context, const core::CheckOptions& options, core::Findings& findings) {
    const auto max_files = std::size_t(options.number("max_fonts_scanned"));
    for (const TextItem& item : text_items(context)) {
        const auto& missing = item.layout->missing_codepoints;
        if (missing.empty()) continue;
        std::string characters;
        bool dutch_ij = false;
        for (std::size_t i = 0; i < missing.size(); ++i) {
            if (i) characters += i + 1 == missing.size() ? " and " : ", ";
            characters += describe(missing[i]);
            dutch_ij = dutch_ij || missing[i] == 0x132 || missing[i] == 0x133;
        }
        const auto fonts = suggestions(context, *item.font, missing, max_files);
        std::string message = "Text '" + item.element->id + "' uses " + characters + ", which " +
                              text::font_family(*item.font) + " has no glyph for, so " +
                              (missing.size() > 1 ? "they print" : "it prints") + " blank";
        std::string action;
        if (dutch_ij) action = "Type 'ij' as two letters";
        if (!fonts.empty()) {
            std::string list;
            for (std::size_t i = 0; i < fonts.size(); ++i) list += (i ? ", " : "") + fonts[i];
            message += "; " + std::string(dutch_ij ? "type 'ij' as two letters or " : "") + "use a font that has " +
                       (missing.size() > 1 ? "them" : "it") + ", e.g. " + list + ".";
            action += (action.empty() ? "Switch" : ", or switch") + std::string(" to a font that has the character (") +
                      fonts.front() + ").";
        } else {
            message += dutch_ij ? "; type 'ij' as two letters or choose another font."
                                : "; choose a font that has " + std::string(missing.size() > 1 ? "them." : "it.");
            action += action.empty() ? "Choose a font that has the character." : ", or choose another font.";
        }
        Finding finding = element_finding("text.missing_glyph", Severity::error, item, std::move(message),
                                          FixBy::service, std::move(action));
        finding.where_mm = to_array(item.layout->has_ink ? item.layout->ink_page_mm : item.element->box_mm);
        finding.measured = double(missing.size());
        finding.limit = 0;
        finding.unit = "characters";
        finding.code = fonts.empty() ? (dutch_ij ? "ij_no_font" : "no_font") : (dutch_ij ? "ij" : "other_font");
        std::string glyphs;   // the characters themselves, for the texts
        for (std::size_t i = 0; i < missing.size(); ++i) glyphs += (i ? " " : "") + utf8(missing[i]);
        finding.details["characters"] = glyphs;
        finding.details["count"] = double(missing.size());
        finding.details["font"] = text::font_family(*item.font);
        if (!fonts.empty()) finding.details["suggested_font"] = fonts.front();
        findings.push_back(std::move(finding));
    }
}

}  // namespace

core::CheckSpec make_text_missing_glyph_check() {
    core::CheckSpec spec;
    spec.id = "text.missing_glyph";
    spec.summary = "Characters the chosen font has no glyph for (print blank or as a box)";
    spec.options = {{"max_fonts_scanned", 40.0, "fonts next to the element's font examined for a suggestion", 0.0, 500.0}};
    spec.run = run;
    return spec;
}

}  // namespace preflight::checks
