// What the content and product checks share: every text element of a design read once,
// the date and keyword helpers that decide what a date on a card is about.
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "content/reader.hpp"
#include "core/context.hpp"
#include "preflight/finding.hpp"

namespace preflight::checks {

/// A fixed list of folded phrases searched on a card's lines (see line_has_any). Declare
/// each list once (static): its address names it in the per-line memo.
struct PhraseList {
    std::vector<std::string_view> phrases;
    bool prefix = false;
};

/// One text element of the design, read.
struct ReadElement {
    const Page* page = nullptr;
    const Element* element = nullptr;
    std::size_t page_index = 0;
    content::CardText card;
    /// line_has_any's answers, (list, line) -> found: each line is searched once per list, so
    /// a text with thousands of mentions on one long line stays linear.
    mutable std::map<std::pair<const PhraseList*, std::size_t>, bool> line_memo;
};

/// Whether line `line` of the element holds any phrase of `list` (memoised per element).
bool line_has_any(const ReadElement& read, std::size_t line, const PhraseList& list);

/// Every text element of every page of the design, in page and stacking order.
std::vector<ReadElement> read_design_texts(const Design& design);

/// The product words of formats.md.
bool is_birth(std::string_view product);
bool is_wedding(std::string_view product);
bool is_invitation(std::string_view product);

/// The reference (order) date as a calendar date.
date::year_month_day reference_day(const core::CheckContext& ctx);

/// Whether the folded text holds any of the phrases (word boundaries; `prefix` lets the
/// last word continue, so "trouw" finds "trouwen").
bool has_any(std::string_view folded, std::initializer_list<std::string_view> phrases, bool prefix = false);

/// What a date on a card is about, from the words on its line and the line before (each
/// line's words searched once per element).
enum class DateRole { unknown, birth, wedding, event };
DateRole date_role(const ReadElement& read, const content::DateMention& date);

/// The calendar date of a mention with day, month and year, when it exists.
std::optional<date::year_month_day> full_date(const content::DateMention& date);

/// The Dutch month name ("maart") of month 1-12.
std::string month_name(unsigned month);

/// "12 maart 2026" style text for a calendar date, Dutch month names.
std::string format_day(date::year_month_day day);

/// A finding with the fields every content, address and product check fills.
Finding make_finding(std::string check, Severity severity, FixBy by, std::string page, std::string element,
                     std::string message, std::string action);

/// The weekday name in Dutch and English: "donderdag (Thursday)".
std::string weekday_names(unsigned weekday);

}  // namespace preflight::checks
