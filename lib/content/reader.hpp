// Reads what a card text says in numbers: dates, times, plain years, weights, lengths and
// phone numbers, in Dutch and English. Pure functions: no knowledge of cards or orders.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "content/fold.hpp"
#include "content/tokens.hpp"

namespace preflight::content {

/// Where a mention sits: folded byte range, the original text, and its line (0-based).
struct Mention {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string text;       // as typed (NFC)
    std::size_t line = 0;
};

enum class DateForm { numeric, words };

/// A date as written. Fields not written stay 0; a numeric date keeps an out-of-range month
/// or day as written (so "31-02-2026" and "12-13-2026" can be reported).
struct DateMention : Mention {
    DateForm form = DateForm::words;
    int year = 0;                        // 0: no year written; 2-digit years expanded
    int year_digits = 0;                 // 2 or 4 as written, 0 when absent
    unsigned month = 0;                  // 1-12 for names; as written for numbers
    unsigned day = 0;                    // 0: month and year only ("maart 2026")
    std::optional<unsigned> weekday;     // 0 = Sunday ... 6 = Saturday, when written
    std::string weekday_text;            // the weekday as typed
};

/// A clock time ("14:30", "14.30 uur", "14u30", "2 pm"). Read so it is never taken for a
/// date, a weight or a year.
struct TimeMention : Mention {
    unsigned hour = 0;
    unsigned minute = 0;
};

enum class MeasureKind { weight, length };

/// A weight or length, converted: weights in grams, lengths in centimetres.
struct MeasureMention : Mention {
    MeasureKind kind = MeasureKind::weight;
    double value = 0;                    // grams or centimetres
    std::string unit;                    // the unit as typed (folded), empty when implied
};

/// A phone number candidate with its digits.
struct PhoneMention : Mention {
    std::string digits;                  // every digit as written, "(0)" left out
    bool international = false;          // written with + or 00
    std::string country_code;            // "31" for +31/0031, else the first digits after +/00
    std::string national;                // digits after the country code, or all for domestic
};

/// A year standing on its own: alone on its line (decoration aside), or in a range
/// "1976 – 2026". Years inside dates are in DateMention instead.
struct YearMention : Mention {
    int year = 0;
    bool range_start = false;            // the first year of "1976 – 2026"
};

/// The data of CardText (below), copied member by member.
struct CardTextData {
    FoldedText text;
    std::vector<Token> tokens;             // each views text.folded
    std::vector<std::size_t> line_starts;  // folded offsets where each line begins
    std::vector<DateMention> dates;
    std::vector<TimeMention> times;
    std::vector<MeasureMention> measures;
    std::vector<PhoneMention> phones;
    std::vector<YearMention> years;
};

/// Everything read from one text. A copy or move points its tokens at its own folded
/// string: a short string's characters live inside the object, so views into the old one
/// would dangle once it is gone (found by AddressSanitizer, stack-use-after-return).
struct CardText : CardTextData {
    CardText() = default;
    CardText(const CardText& other) : CardTextData(other) { view_own_text(); }
    CardText(CardText&& other) noexcept : CardTextData(std::move(other)) { view_own_text(); }
    CardText& operator=(const CardText& other) {
        CardTextData::operator=(other);
        view_own_text();
        return *this;
    }
    CardText& operator=(CardText&& other) noexcept {
        CardTextData::operator=(std::move(other));
        view_own_text();
        return *this;
    }

    /// The line (0-based) holding folded offset `at`.
    std::size_t line_of(std::size_t at) const;
    /// The folded text of one line.
    std::string_view folded_line(std::size_t line) const;
    /// The original text of one line.
    std::string_view original_line(std::size_t line) const;

private:
    void view_own_text() {
        std::string_view folded = text.folded;
        for (Token& token : tokens) token.text = folded.substr(token.begin, token.end - token.begin);
    }
};

/// Reads a text (any UTF-8; NFC-normalised and folded first).
CardText read_card_text(std::string_view utf8);

/// Month number (1-12) for a folded month name or abbreviation ("maart", "mrt", "march",
/// "sept"), or 0.
unsigned month_from_name(std::string_view folded_word);

/// Weekday (0 = Sunday) for a folded weekday name ("zaterdag", "saturday"); abbreviations
/// ("za", "sat") only when `allow_abbreviation`. nullopt when not a weekday.
std::optional<unsigned> weekday_from_name(std::string_view folded_word, bool allow_abbreviation);

/// Whether a folded word is an ordinal suffix that may follow a day number: "e", "ste",
/// "de", "st", "nd", "rd", "th".
bool is_ordinal_suffix(std::string_view folded_word);

/// Reads an ordinal such as "12th", "1e", "1ste", "3rd": the number, or nullopt.
std::optional<unsigned> read_ordinal(std::string_view utf8);

}  // namespace preflight::content
