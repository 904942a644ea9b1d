// Common lower-case words of Dutch and English (Debian's wdutch and wamerican word lists),
// to tell a name ("Sophie") from a common word ("Welkom") at the start of a line.
#pragma once

#include <string_view>

namespace preflight::content {

/// Whether the word (case-folded, NFC) is listed in lower case in a word list, i.e. is a
/// common word and not only a name. Loaded once on first use; false for every word when
/// no list is installed (callers then treat line-initial words as uninformative).
bool is_common_word(std::string_view casefolded_word);

/// Whether any word list could be loaded.
bool lexicon_available();

}  // namespace preflight::content
