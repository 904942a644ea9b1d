// Text folding with utf8proc: NFC first, then each character folded on its own so every
// folded byte knows which original character it came from.
#include "content/fold.hpp"

#include <cstdlib>

#include <utf8proc.h>

namespace preflight::content {

namespace {

// Decodes UTF-8 into code points, replacing invalid sequences with U+FFFD.
std::vector<utf8proc_int32_t> decode(std::string_view text) {
    std::vector<utf8proc_int32_t> code_points;
    code_points.reserve(text.size());
    auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
    while (left > 0) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t used = utf8proc_iterate(bytes, left, &cp);
        if (used <= 0) {
            cp = 0xFFFD;
            used = 1;
        }
        code_points.push_back(cp);
        bytes += used;
        left -= used;
    }
    return code_points;
}

void append_utf8(std::string& out, utf8proc_int32_t cp) {
    utf8proc_uint8_t buffer[4];
    utf8proc_ssize_t n = utf8proc_encode_char(cp, buffer);
    out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
}

}  // namespace

std::string_view FoldedText::original(std::size_t begin, std::size_t end) const {
    if (begin > folded.size()) begin = folded.size();
    if (end > folded.size()) end = folded.size();
    if (end < begin) end = begin;
    std::size_t from = origin[begin];
    std::size_t to = origin[end];
    // The end may fall inside the character that produced it: extend to its last byte.
    if (end > begin && end < folded.size() && origin[end] == origin[end - 1]) {
        std::size_t i = end;
        while (i < folded.size() && origin[i] == origin[end - 1]) ++i;
        to = origin[i];
    }
    return std::string_view(nfc).substr(from, to - from);
}

std::string to_nfc(std::string_view utf8) {
    std::vector<utf8proc_int32_t> code_points = decode(utf8);
    std::string clean;
    clean.reserve(utf8.size());
    for (utf8proc_int32_t cp : code_points) append_utf8(clean, cp);
    utf8proc_uint8_t* mapped = nullptr;
    utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(clean.data()),
                                      static_cast<utf8proc_ssize_t>(clean.size()), &mapped,
                                      utf8proc_option_t(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    if (n < 0 || mapped == nullptr) return clean;
    std::string result(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n));
    std::free(mapped);
    return result;
}

FoldedText fold_text(std::string_view utf8) {
    FoldedText out;
    out.nfc = to_nfc(utf8);
    out.folded.reserve(out.nfc.size());
    out.origin.reserve(out.nfc.size() + 1);
    auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(out.nfc.data());
    const auto total = static_cast<utf8proc_ssize_t>(out.nfc.size());
    utf8proc_ssize_t pos = 0;
    const auto options = utf8proc_option_t(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                           UTF8PROC_STRIPMARK);
    while (pos < total) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t used = utf8proc_iterate(bytes + pos, total - pos, &cp);
        if (used <= 0) {  // cannot happen after to_nfc, but never loop forever
            used = 1;
            cp = 0xFFFD;
        }
        const auto here = static_cast<std::uint32_t>(pos);
        std::size_t before = out.folded.size();
        if (cp < 0x80) {
            char c = static_cast<char>(cp);
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            out.folded.push_back(c);
        } else {
            utf8proc_int32_t parts[8];
            int last_boundclass = 0;
            utf8proc_ssize_t n = utf8proc_decompose_char(cp, parts, 8, options, &last_boundclass);
            if (n < 0 || n > 8) {
                append_utf8(out.folded, cp);
            } else {
                for (utf8proc_ssize_t k = 0; k < n; ++k) {
                    // Typographic quotes and dashes fold to their ASCII forms: the readers
                    // then treat "12–14" and "12-14" alike.
                    utf8proc_int32_t part = parts[k];
                    if (part == 0x2018 || part == 0x2019 || part == 0x02BC || part == 0x2032) part = '\'';
                    else if (part == 0x201C || part == 0x201D || part == 0x201E) part = '"';   // ″ is ′′ by now
                    else if (part == 0x2010 || part == 0x2011 || part == 0x2013 || part == 0x2014) part = '-';
                    else if (part >= 0x80) {
                        // Other non-ASCII punctuation and symbols (•, €, ♥) become one ASCII
                        // stand-in so the tokenizer never mistakes them for letters.
                        auto category = utf8proc_category(part);
                        if (category == UTF8PROC_CATEGORY_ZS) part = ' ';
                        else if (category == UTF8PROC_CATEGORY_ZL || category == UTF8PROC_CATEGORY_ZP) part = '\n';
                        else if (category >= UTF8PROC_CATEGORY_PC && category <= UTF8PROC_CATEGORY_SO) part = '*';
                    }
                    append_utf8(out.folded, part);
                }
            }
        }
        for (std::size_t i = before; i < out.folded.size(); ++i) out.origin.push_back(here);
        pos += used;
    }
    out.origin.push_back(static_cast<std::uint32_t>(out.nfc.size()));
    return out;
}

std::string fold(std::string_view utf8) {
    return fold_text(utf8).folded;
}

}  // namespace preflight::content
