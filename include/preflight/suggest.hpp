// "Did you mean": the known word nearest to a misspelt one (policy keys, subcommands, options).
#pragma once

#include <string>

#include "preflight/export.hpp"
#include <string_view>
#include <vector>

namespace preflight {

/// The candidate closest to `word` by edit distance (Levenshtein) when it is close enough to
/// be a typo: at most max(1, length / 3) edits. Empty when none is; ties go to the first.
PREFLIGHT_API std::string nearest_word(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace preflight
