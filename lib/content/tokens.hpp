// Splits folded card text into words, numbers, spaces, line breaks and punctuation, the
// units every reader in lib/content matches on.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace preflight::content {

enum class TokenKind { word, number, space, newline, punct };

/// One token of a folded text; `text` views the folded string.
struct Token {
    TokenKind kind = TokenKind::punct;
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string_view text;
    bool is(std::string_view s) const { return text == s; }
    bool is_word() const { return kind == TokenKind::word; }
    bool is_number() const { return kind == TokenKind::number; }
    bool is_punct(char c) const { return kind == TokenKind::punct && text.size() == 1 && text[0] == c; }
};

/// Tokens of a folded text (see fold.hpp). Letters are ASCII a-z or any non-ASCII byte,
/// so folded letters such as "ß" stay inside their word.
std::vector<Token> tokenize(std::string_view folded);

/// Whether `folded` contains `phrase` (folded, words separated by single spaces) on word
/// boundaries. With `prefix` the last word may continue ("trouw" finds "trouwen").
bool contains_phrase(std::string_view folded, std::string_view phrase, bool prefix = false);

/// The first offset of such a match, or npos.
std::size_t find_phrase(std::string_view folded, std::string_view phrase, bool prefix = false);

}  // namespace preflight::content
