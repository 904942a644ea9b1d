// Internal to lib/content: the token cursor the readers share, and the reader passes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "content/reader.hpp"

namespace preflight::content::detail {

/// A read-only view of the token list with the little helpers every pattern needs.
struct Scan {
    const std::vector<Token>& tokens;
    const std::vector<bool>& claimed;

    std::size_t size() const { return tokens.size(); }
    const Token* at(std::size_t i) const { return i < tokens.size() ? &tokens[i] : nullptr; }
    /// Index of the first token at or after i that is not a space (newlines stop it).
    std::size_t skip_space(std::size_t i) const {
        while (i < tokens.size() && tokens[i].kind == TokenKind::space) ++i;
        return i;
    }
    bool is_number(std::size_t i) const { return i < tokens.size() && tokens[i].is_number() && !claimed[i]; }
    bool is_word(std::size_t i) const { return i < tokens.size() && tokens[i].is_word(); }
    bool is_punct(std::size_t i, char c) const { return i < tokens.size() && tokens[i].is_punct(c); }
    bool is_space(std::size_t i) const { return i < tokens.size() && tokens[i].kind == TokenKind::space; }
    /// Whether token i directly follows token i-1 (no space between).
    bool adjacent(std::size_t i) const { return i > 0 && i < tokens.size() && tokens[i].begin == tokens[i - 1].end; }
};

/// The value of a number token (capped, so a long digit run never overflows).
std::uint64_t number_value(std::string_view digits);

/// A recognised span of tokens [first, last).
struct Match {
    std::size_t first = 0;
    std::size_t last = 0;
};

// Each reader tries to read one mention starting at token i; on success it fills `out`
// (begin/end/text/line are filled by the caller) and returns the token span.
bool read_numeric_date(const Scan& scan, std::size_t i, DateMention& out, Match& match);
bool read_word_date(const Scan& scan, std::size_t i, DateMention& out, Match& match);
void extend_with_weekday(const Scan& scan, DateMention& out, Match& match);
bool read_time(const Scan& scan, std::size_t i, TimeMention& out, Match& match);
bool read_measure(const Scan& scan, std::size_t i, MeasureMention& out, Match& match);
bool read_labelled_measure(const Scan& scan, std::size_t i, MeasureMention& out, Match& match);
bool read_phone(const Scan& scan, std::size_t i, PhoneMention& out, Match& match);

/// Whether a folded word is a weight or length unit (so numbers before it are measures).
bool is_measure_unit(std::string_view folded_word);

}  // namespace preflight::content::detail
