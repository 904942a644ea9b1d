// The compiled-in translation catalogue (po/*.po turned into a table at build time by
// cmake/po_to_cpp.py) and the number, date and placeholder forms of each language.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "preflight/finding.hpp"

namespace preflight::i18n {

enum class Language { en, nl };

/// One text: its language ("en", "nl"), context (msgctxt: "check/code", "report", "edge", ...),
/// key (msgid of the keyed catalogues: "found", "action"; "customer" from po/customer.po).
struct CatalogueEntry {
    const char* language;
    const char* context;
    const char* key;
    const char* text;
};

// Generated (sorted by language, context, key).
extern const CatalogueEntry catalogue_entries[];
extern const std::size_t catalogue_size;

/// "nl" (also "nl-NL", "NL") -> nl; anything else -> en.
Language language_from(std::string_view code);
std::string_view language_code(Language language);

/// Every entry of the catalogue (for tests and tools).
std::span<const CatalogueEntry> all_entries();

/// The text of (context, key) in `language`; nullptr when the catalogue has none.
const char* find_text(Language language, std::string_view context, std::string_view key);

/// A text of the report's own interface (context "report"); the key itself when missing
/// (a test asserts none is missing).
std::string ui(Language language, std::string_view key);

/// The names of the {placeholders} of a pattern, in order of appearance.
std::vector<std::string> placeholders(std::string_view pattern);

/// The pattern with each {name} replaced by values[name]; nullopt when one has no value.
std::optional<std::string> fill(std::string_view pattern, const std::map<std::string, std::string>& values);

/// A number in the language's form: decimal comma in Dutch, no thousands separator.
std::string format_number(double value, int decimals, Language language);

/// A detail value as a text shows it; the key's unit suffix decides the form:
/// reach_mm 1.0 -> "1,0 mm" (nl) / "1.0 mm" (en); size_pt -> "6,5 pt"; ppi -> "203 ppi";
/// *_percent -> "25 %"; other numbers whole when whole; words as they are.
std::string format_detail(std::string_view key, const DetailValue& value, Language language);

/// A moment in Europe/Amsterdam local time, short: "wo 25 nov, 17:00" / "Wed 25 Nov, 17:00".
std::string format_moment(std::chrono::sys_seconds moment, Language language);

}  // namespace preflight::i18n
