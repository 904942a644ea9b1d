// Text folding for card texts: NFC, case and diacritics removed, with a map back to the
// original bytes so findings can quote exactly what the customer typed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace preflight::content {

/// A text in NFC and its folded form (case-folded, diacritics stripped, compatibility forms
/// such as the ligature "ĳ" spelled out). `origin[i]` is the byte offset in `nfc` of the
/// character that produced folded byte i; origin has folded.size() + 1 entries.
struct FoldedText {
    std::string nfc;
    std::string folded;
    std::vector<std::uint32_t> origin;

    /// The original (NFC) bytes behind folded bytes [begin, end).
    std::string_view original(std::size_t begin, std::size_t end) const;
};

/// NFC-normalises UTF-8 text; invalid bytes become U+FFFD so nothing downstream throws.
std::string to_nfc(std::string_view utf8);

/// Folds a text (NFC first). Letters fold to lower case without marks: "Ë" -> "e".
FoldedText fold_text(std::string_view utf8);

/// The folded form alone (for keys and keyword lists).
std::string fold(std::string_view utf8);

}  // namespace preflight::content
