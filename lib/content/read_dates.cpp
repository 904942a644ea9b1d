// Date readers: numeric day-first dates (12-03-2026, 12.03.2026, 12/3/26) and dates in
// words (zaterdag 12 maart 2026, 1e mei, Saturday, March 12th, 2026, maart 2026).
#include <array>
#include <string_view>

#include "content/scan.hpp"

namespace preflight::content {

namespace {

struct NameEntry {
    std::string_view name;
    unsigned value;
    bool abbreviation;
};

// Folded spellings: Dutch and English, full names and the usual abbreviations.
constexpr std::array<NameEntry, 35> month_names{{
    {"januari", 1, false}, {"january", 1, false}, {"jan", 1, true},
    {"februari", 2, false}, {"february", 2, false}, {"feb", 2, true}, {"febr", 2, true},
    {"maart", 3, false}, {"march", 3, false}, {"mrt", 3, true}, {"mar", 3, true},
    {"april", 4, false}, {"apr", 4, true},
    {"mei", 5, false}, {"may", 5, false},
    {"juni", 6, false}, {"june", 6, false}, {"jun", 6, true},
    {"juli", 7, false}, {"july", 7, false}, {"jul", 7, true},
    {"augustus", 8, false}, {"august", 8, false}, {"aug", 8, true},
    {"september", 9, false}, {"sep", 9, true}, {"sept", 9, true},
    {"oktober", 10, false}, {"october", 10, false}, {"okt", 10, true}, {"oct", 10, true},
    {"november", 11, false}, {"nov", 11, true},
    {"december", 12, false}, {"dec", 12, true},
}};

constexpr std::array<NameEntry, 31> weekday_names{{
    {"zondag", 0, false}, {"sunday", 0, false}, {"zo", 0, true}, {"sun", 0, true},
    {"maandag", 1, false}, {"monday", 1, false}, {"ma", 1, true}, {"mon", 1, true},
    {"dinsdag", 2, false}, {"tuesday", 2, false}, {"di", 2, true}, {"tue", 2, true}, {"tues", 2, true},
    {"woensdag", 3, false}, {"wednesday", 3, false}, {"wo", 3, true}, {"wed", 3, true},
    {"donderdag", 4, false}, {"thursday", 4, false}, {"do", 4, true}, {"thu", 4, true},
    {"thur", 4, true}, {"thurs", 4, true},
    {"vrijdag", 5, false}, {"friday", 5, false}, {"vr", 5, true}, {"fri", 5, true},
    {"zaterdag", 6, false}, {"saturday", 6, false}, {"za", 6, true}, {"sat", 6, true},
}};

const NameEntry* find_month(std::string_view word) {
    for (const auto& entry : month_names)
        if (entry.name == word) return &entry;
    return nullptr;
}

bool is_date_separator(const Token* t) {
    return t && t->kind == TokenKind::punct && t->text.size() == 1 &&
           (t->text[0] == '-' || t->text[0] == '.' || t->text[0] == '/');
}

int expand_two_digit_year(unsigned yy) {
    // Cards name recent and near-future events, and grandparents' birth years: pivot at 70.
    return yy < 70 ? 2000 + static_cast<int>(yy) : 1900 + static_cast<int>(yy);
}

// A 4-digit year (or '26) at token i; sets year/year_digits and the index after it.
bool read_year(const detail::Scan& scan, std::size_t i, DateMention& out, std::size_t& after) {
    if (scan.is_number(i) && scan.tokens[i].text.size() == 4) {
        auto value = detail::number_value(scan.tokens[i].text);
        if (value < 1000 || value > 2999) return false;
        // "2026.30" or "2026:30" is not a year followed by punctuation but something else.
        if ((scan.is_punct(i + 1, ':') || scan.is_punct(i + 1, '.') || scan.is_punct(i + 1, ',')) &&
            scan.at(i + 2) && scan.tokens[i + 2].is_number() && scan.adjacent(i + 2))
            return false;
        out.year = static_cast<int>(value);
        out.year_digits = 4;
        after = i + 1;
        return true;
    }
    if (scan.is_punct(i, '\'') && scan.is_number(i + 1) && scan.adjacent(i + 1) &&
        scan.tokens[i + 1].text.size() == 2) {
        out.year = expand_two_digit_year(static_cast<unsigned>(detail::number_value(scan.tokens[i + 1].text)));
        out.year_digits = 2;
        after = i + 2;
        return true;
    }
    return false;
}

// Optional ", 2026" / " 2026" after a day or month ending at token `after`.
void read_optional_year(const detail::Scan& scan, std::size_t& after, DateMention& out) {
    std::size_t j = after;
    if (scan.is_punct(j, ',')) ++j;
    std::size_t k = scan.skip_space(j);
    if (k == j && !scan.is_punct(k, '\'')) return;  // a year must be set apart by a space
    std::size_t end = 0;
    if (read_year(scan, k, out, end)) after = end;
}

// A day number (1-31) at i with an optional attached ordinal suffix; index after it.
bool read_day(const detail::Scan& scan, std::size_t i, unsigned& day, std::size_t& after) {
    if (!scan.is_number(i) || scan.tokens[i].text.size() > 2) return false;
    auto value = detail::number_value(scan.tokens[i].text);
    if (value < 1 || value > 31) return false;
    day = static_cast<unsigned>(value);
    after = i + 1;
    if (scan.is_word(after) && scan.adjacent(after) && is_ordinal_suffix(scan.tokens[after].text)) ++after;
    return true;
}

}  // namespace

unsigned month_from_name(std::string_view folded_word) {
    const NameEntry* entry = find_month(folded_word);
    return entry ? entry->value : 0;
}

std::optional<unsigned> weekday_from_name(std::string_view folded_word, bool allow_abbreviation) {
    for (const auto& entry : weekday_names)
        if (entry.name == folded_word && (allow_abbreviation || !entry.abbreviation)) return entry.value;
    return std::nullopt;
}

bool is_ordinal_suffix(std::string_view w) {
    return w == "e" || w == "ste" || w == "de" || w == "st" || w == "nd" || w == "rd" || w == "th";
}

namespace detail {

// ISO 8601 "2026-03-12" (year first, dashes only): the one form that is not day first.
bool read_iso_date(const Scan& scan, std::size_t i, DateMention& out, Match& match) {
    if (!scan.is_number(i) || scan.tokens[i].text.size() != 4) return false;
    if (!scan.is_punct(i + 1, '-') || !scan.is_punct(i + 3, '-') || !scan.is_number(i + 2) || !scan.is_number(i + 4))
        return false;
    for (std::size_t k = i + 1; k <= i + 4; ++k)
        if (!scan.adjacent(k)) return false;
    if (scan.tokens[i + 2].text.size() != 2 || scan.tokens[i + 4].text.size() != 2) return false;
    if (scan.is_punct(i + 5, '-') || (i > 0 && scan.adjacent(i) && scan.tokens[i - 1].kind != TokenKind::punct)) return false;
    auto year = number_value(scan.tokens[i].text);
    auto month = number_value(scan.tokens[i + 2].text);
    auto day = number_value(scan.tokens[i + 4].text);
    if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1 || day > 31) return false;
    out.form = DateForm::numeric;
    out.year = static_cast<int>(year);
    out.year_digits = 4;
    out.month = static_cast<unsigned>(month);
    out.day = static_cast<unsigned>(day);
    match = Match{i, i + 5};
    return true;
}

bool read_numeric_date(const Scan& scan, std::size_t i, DateMention& out, Match& match) {
    if (read_iso_date(scan, i, out, match)) return true;
    // d sep m sep y, the same separator twice, no spaces, day first.
    if (!scan.is_number(i) || scan.tokens[i].text.size() > 2) return false;
    const Token* sep1 = scan.at(i + 1);
    const Token* sep2 = scan.at(i + 3);
    if (!is_date_separator(sep1) || !is_date_separator(sep2) || sep1->text != sep2->text) return false;
    if (!scan.is_number(i + 2) || !scan.is_number(i + 4)) return false;
    if (!scan.adjacent(i + 1) || !scan.adjacent(i + 2) || !scan.adjacent(i + 3) || !scan.adjacent(i + 4))
        return false;
    const auto& month_token = scan.tokens[i + 2];
    const auto& year_token = scan.tokens[i + 4];
    if (month_token.text.size() > 2) return false;
    if (year_token.text.size() != 2 && year_token.text.size() != 4) return false;
    // Part of a longer run such as a phone number "06-12-34-56-78" or a version "1.2.3.4".
    if (i >= 2 && is_date_separator(scan.at(i - 1)) && scan.adjacent(i) && scan.tokens[i - 2].is_number())
        return false;
    if (i >= 1 && scan.tokens[i - 1].is_punct('+')) return false;
    if (is_date_separator(scan.at(i + 5)) && scan.at(i + 6) && scan.tokens[i + 6].is_number() && scan.adjacent(i + 6))
        return false;
    auto day = number_value(scan.tokens[i].text);
    auto month = number_value(month_token.text);
    auto year = number_value(year_token.text);
    if (day < 1 || day > 31 || month < 1) return false;
    // A month above 12 is read only when the day could be a month (a swapped date).
    if (month > 12 && (month > 31 || day > 12)) return false;
    if (year_token.text.size() == 4 && (year < 1000 || year > 2999)) return false;
    out.form = DateForm::numeric;
    out.day = static_cast<unsigned>(day);
    out.month = static_cast<unsigned>(month);
    out.year = year_token.text.size() == 4 ? static_cast<int>(year) : expand_two_digit_year(static_cast<unsigned>(year));
    out.year_digits = static_cast<int>(year_token.text.size());
    match = Match{i, i + 5};
    return true;
}

bool read_word_date(const Scan& scan, std::size_t i, DateMention& out, Match& match) {
    out.form = DateForm::words;
    // Day first: "12 maart 2026", "1e mei", "12th of March 2026", "12. März"-like "12 mrt."
    unsigned day = 0;
    std::size_t after_day = 0;
    if (read_day(scan, i, day, after_day)) {
        std::size_t j = scan.skip_space(after_day);
        if (scan.is_punct(after_day, '.')) j = scan.skip_space(after_day + 1);
        if (scan.is_word(j) && (scan.tokens[j].is("van") || scan.tokens[j].is("of"))) j = scan.skip_space(j + 1);
        if (scan.is_word(j)) {
            if (const NameEntry* month = find_month(scan.tokens[j].text)) {
                out.day = day;
                out.month = month->value;
                std::size_t after = j + 1;
                if (month->abbreviation && scan.is_punct(after, '.')) ++after;
                read_optional_year(scan, after, out);
                match = Match{i, after};
                return true;
            }
        }
        return false;
    }
    if (!scan.is_word(i)) return false;
    const NameEntry* month = find_month(scan.tokens[i].text);
    if (!month) return false;
    std::size_t after_month = i + 1;
    if (month->abbreviation && scan.is_punct(after_month, '.')) ++after_month;
    std::size_t j = scan.skip_space(after_month);
    if (j == after_month) return false;
    // Month first, English style: "March 12th, 2026", "Jan. 3, 2026".
    if (read_day(scan, j, day, after_day)) {
        DateMention trial = out;
        std::size_t after = after_day;
        read_optional_year(scan, after, trial);
        bool has_year = trial.year != 0;
        const Token* next = scan.at(scan.skip_space(after));
        // Without a year the day must end the phrase ("March 12" then a line break or
        // punctuation), so "juni 12 uur" or "Jan 12 jaar" are not dates.
        bool ends = !next || next->kind == TokenKind::newline || (next->kind == TokenKind::punct && !next->is_punct('-'));
        if (has_year || (!month->abbreviation && ends)) {
            out = trial;
            out.day = day;
            out.month = month->value;
            match = Match{i, after};
            return true;
        }
        return false;
    }
    // Month and year: "maart 2026".
    DateMention trial = out;
    std::size_t end = 0;
    if (read_year(scan, j, trial, end) && trial.year_digits == 4) {
        out = trial;
        out.day = 0;
        out.month = month->value;
        match = Match{i, end};
        return true;
    }
    return false;
}

void extend_with_weekday(const Scan& scan, DateMention& out, Match& match) {
    // Look back over "zaterdag, " / "za. " / "Saturday " before the date.
    if (match.first == 0) return;
    std::size_t j = match.first;
    auto step_back_spaces = [&](std::size_t k) {
        while (k > 0 && scan.tokens[k - 1].kind == TokenKind::space) --k;
        return k;
    };
    j = step_back_spaces(j);
    // "Friday the 13th", "vrijdag de 13e"
    if (j > 0 && (scan.tokens[j - 1].is("the") || scan.tokens[j - 1].is("de"))) j = step_back_spaces(j - 1);
    bool punctuated = false;
    if (j > 0 && (scan.tokens[j - 1].is_punct(',') || scan.tokens[j - 1].is_punct('.'))) {
        j = step_back_spaces(j - 1);
        punctuated = true;
    }
    if (j == 0 || !scan.tokens[j - 1].is_word() || scan.claimed[j - 1]) return;
    const Token& word = scan.tokens[j - 1];
    auto weekday = weekday_from_name(word.text, true);
    if (!weekday) return;
    // Abbreviations that are also words ("zo", "do", "ma", "wed", "sat", "sun") count only
    // with a point or comma ("za. 6 juni") or at the start of a line ("Zo 7 juni").
    if (word.is("zo") || word.is("do") || word.is("ma") || word.is("wed") || word.is("sat") || word.is("sun")) {
        std::size_t k = j - 1;
        while (k > 0 && scan.tokens[k - 1].kind == TokenKind::space) --k;
        bool line_start = k == 0 || scan.tokens[k - 1].kind == TokenKind::newline;
        if (!punctuated && !line_start) return;
    }
    out.weekday = *weekday;
    match.first = j - 1;
}

}  // namespace detail
}  // namespace preflight::content
