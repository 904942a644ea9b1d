// Tokenizer and word-boundary phrase search over folded text.
#include "content/tokens.hpp"

#include <string>

namespace preflight::content {

namespace {
bool is_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }
bool is_newline(unsigned char c) { return c == '\n' || c == '\r'; }
}  // namespace

std::vector<Token> tokenize(std::string_view folded) {
    std::vector<Token> tokens;
    tokens.reserve(folded.size() / 3 + 1);
    std::size_t i = 0;
    while (i < folded.size()) {
        auto c = static_cast<unsigned char>(folded[i]);
        std::size_t j = i + 1;
        TokenKind kind;
        if (is_letter(c)) {
            kind = TokenKind::word;
            while (j < folded.size() && is_letter(static_cast<unsigned char>(folded[j]))) ++j;
        } else if (is_digit(c)) {
            kind = TokenKind::number;
            while (j < folded.size() && is_digit(static_cast<unsigned char>(folded[j]))) ++j;
        } else if (is_space(c)) {
            kind = TokenKind::space;
            while (j < folded.size() && is_space(static_cast<unsigned char>(folded[j]))) ++j;
        } else if (is_newline(c)) {
            kind = TokenKind::newline;
        } else {
            kind = TokenKind::punct;
        }
        tokens.push_back(Token{kind, i, j, folded.substr(i, j - i)});
        i = j;
    }
    return tokens;
}

std::size_t find_phrase(std::string_view folded, std::string_view phrase, bool prefix) {
    if (phrase.empty()) return std::string_view::npos;
    std::size_t from = 0;
    while (true) {
        std::size_t at = folded.find(phrase, from);
        if (at == std::string_view::npos) return at;
        bool start_ok = at == 0 || !is_letter(static_cast<unsigned char>(folded[at - 1]));
        std::size_t end = at + phrase.size();
        bool end_ok = prefix || end == folded.size() || !is_letter(static_cast<unsigned char>(folded[end]));
        if (start_ok && end_ok) return at;
        from = at + 1;
    }
}

bool contains_phrase(std::string_view folded, std::string_view phrase, bool prefix) {
    return find_phrase(folded, phrase, prefix) != std::string_view::npos;
}

}  // namespace preflight::content
