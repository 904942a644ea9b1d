// Reads a card text once: tokens, then dates, measures, times and phone numbers left to
// right (each token belongs to one mention at most), then years standing on their own line.
#include "content/reader.hpp"

#include <algorithm>

#include "content/scan.hpp"

namespace preflight::content {

namespace detail {
std::uint64_t number_value(std::string_view digits) {
    std::uint64_t value = 0;
    for (char c : digits.substr(0, 18)) value = value * 10 + static_cast<std::uint64_t>(c - '0');
    return value;
}
}  // namespace detail

namespace {

template <typename M>
void place(const CardText& card, M& mention, const std::vector<Token>& tokens, detail::Match match) {
    mention.begin = tokens[match.first].begin;
    mention.end = tokens[match.last - 1].end;
    mention.text = std::string(card.text.original(mention.begin, mention.end));
    mention.line = card.line_of(mention.begin);
}

void claim(std::vector<bool>& claimed, detail::Match match) {
    for (std::size_t k = match.first; k < match.last; ++k) claimed[k] = true;
}

// Years alone on a line: "2026", "• 2026 •", "1976 – 2026", "anno 2026".
void read_plain_years(CardText& card, const std::vector<bool>& claimed) {
    const auto& tokens = card.tokens;
    std::size_t line_first = 0;
    for (std::size_t k = 0; k <= tokens.size(); ++k) {
        if (k < tokens.size() && tokens[k].kind != TokenKind::newline) continue;
        std::vector<std::size_t> numbers;
        bool other = false;
        for (std::size_t t = line_first; t < k && !other; ++t) {
            const Token& token = tokens[t];
            if (token.kind == TokenKind::number) {
                if (claimed[t] || token.text.size() != 4) other = true;
                else numbers.push_back(t);
            } else if (token.kind == TokenKind::word) {
                other = !token.is("anno") && !token.is("ad");
            }
        }
        line_first = k + 1;
        if (other || numbers.empty() || numbers.size() > 2) continue;
        for (std::size_t n = 0; n < numbers.size(); ++n) {
            auto value = detail::number_value(tokens[numbers[n]].text);
            if (value < 1000 || value > 2999) continue;
            YearMention year;
            year.year = static_cast<int>(value);
            year.range_start = numbers.size() == 2 && n == 0;
            place(card, year, tokens, detail::Match{numbers[n], numbers[n] + 1});
            card.years.push_back(std::move(year));
        }
    }
}

}  // namespace

std::size_t CardText::line_of(std::size_t at) const {
    auto it = std::upper_bound(line_starts.begin(), line_starts.end(), at);
    return it == line_starts.begin() ? 0 : static_cast<std::size_t>(it - line_starts.begin()) - 1;
}

std::string_view CardText::folded_line(std::size_t line) const {
    if (line >= line_starts.size()) return {};
    std::size_t begin = line_starts[line];
    std::size_t end = line + 1 < line_starts.size() ? line_starts[line + 1] - 1 : text.folded.size();
    return std::string_view(text.folded).substr(begin, end - begin);
}

std::string_view CardText::original_line(std::size_t line) const {
    if (line >= line_starts.size()) return {};
    std::size_t begin = line_starts[line];
    std::size_t end = line + 1 < line_starts.size() ? line_starts[line + 1] - 1 : text.folded.size();
    return text.original(begin, end);
}

CardText read_card_text(std::string_view utf8) {
    CardText card;
    card.text = fold_text(utf8);
    card.tokens = tokenize(card.text.folded);
    card.line_starts.push_back(0);
    for (const auto& token : card.tokens)
        if (token.kind == TokenKind::newline) card.line_starts.push_back(token.end);

    const auto& tokens = card.tokens;
    std::vector<bool> claimed(tokens.size(), false);
    detail::Scan scan{tokens, claimed};
    for (std::size_t i = 0; i < tokens.size();) {
        if (claimed[i] || tokens[i].kind == TokenKind::space || tokens[i].kind == TokenKind::newline) {
            ++i;
            continue;
        }
        detail::Match match;
        DateMention date;
        if (detail::read_numeric_date(scan, i, date, match) || detail::read_word_date(scan, i, date, match)) {
            detail::extend_with_weekday(scan, date, match);
            // The weekday as typed, for messages.
            if (date.weekday) date.weekday_text = std::string(card.text.original(tokens[match.first].begin, tokens[match.first].end));
            place(card, date, tokens, match);
            card.dates.push_back(std::move(date));
            claim(claimed, match);
            i = match.last;
            continue;
        }
        MeasureMention measure;
        if (detail::read_measure(scan, i, measure, match) || detail::read_labelled_measure(scan, i, measure, match)) {
            place(card, measure, tokens, match);
            card.measures.push_back(std::move(measure));
            claim(claimed, match);
            i = match.last;
            continue;
        }
        TimeMention time;
        if (detail::read_time(scan, i, time, match)) {
            place(card, time, tokens, match);
            card.times.push_back(std::move(time));
            claim(claimed, match);
            i = match.last;
            continue;
        }
        PhoneMention phone;
        if (detail::read_phone(scan, i, phone, match)) {
            place(card, phone, tokens, match);
            card.phones.push_back(std::move(phone));
            claim(claimed, match);
            i = match.last;
            continue;
        }
        ++i;
    }
    read_plain_years(card, claimed);
    return card;
}

std::optional<unsigned> read_ordinal(std::string_view utf8) {
    std::string folded = fold(utf8);
    auto tokens = tokenize(folded);
    while (!tokens.empty() && tokens.back().kind == TokenKind::space) tokens.pop_back();
    while (!tokens.empty() && tokens.front().kind == TokenKind::space) tokens.erase(tokens.begin());
    if (tokens.size() == 3 && tokens[2].is_punct('.')) tokens.pop_back();
    if (tokens.size() != 2 || !tokens[0].is_number() || !tokens[1].is_word()) return std::nullopt;
    if (tokens[1].begin != tokens[0].end || !is_ordinal_suffix(tokens[1].text)) return std::nullopt;
    if (tokens[0].text.size() > 4) return std::nullopt;
    return static_cast<unsigned>(detail::number_value(tokens[0].text));
}

}  // namespace preflight::content
