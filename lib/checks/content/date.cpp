// content.date: impossible dates (31 februari), weekdays that do not match their date, a
// birth date after the order date, and one event dated differently on different pages.
#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "checks/content/card_texts.hpp"
#include "checks/content/content_checks.hpp"

namespace preflight::checks {

namespace {

constexpr std::string_view check_id = "content.date";
// The kinds of finding (Finding::code).
constexpr const char* code_no_month = "no_month";
constexpr const char* code_no_such_day = "no_such_day";
constexpr const char* code_weekday_mismatch = "weekday_mismatch";
constexpr const char* code_weekday_no_year = "weekday_no_year";
constexpr const char* code_pages_differ = "pages_differ";
constexpr const char* code_birth_in_future = "birth_in_future";

void report(core::Findings& out, const ReadElement& read, std::string message, const char* code,
            const content::DateMention& mention, std::map<std::string, DetailValue> details = {}) {
    Finding finding = make_finding(std::string(check_id), Severity::error, FixBy::customer, read.page->name,
                                   read.element->id, std::move(message),
                                   "Check the date with the customer and correct it in the editor.");
    finding.code = code;
    finding.details = std::move(details);
    finding.details["date_text"] = mention.text;
    out.push_back(std::move(finding));
}

// The weekday as a detail word: "monday" ... (texts translate it through "word/weekday").
std::string weekday_word(unsigned weekday) {
    static constexpr std::array<const char*, 7> names{"sunday", "monday", "tuesday", "wednesday",
                                                      "thursday", "friday", "saturday"};
    return names[weekday % 7];
}

unsigned days_in(int year, unsigned month) {
    auto last = date::year_month_day_last{date::year{year}, date::month_day_last{date::month{month}}};
    return static_cast<unsigned>(last.day());
}

// Impossible day or month; returns true when reported (then nothing else is judged).
bool check_impossible(core::Findings& out, const ReadElement& read, const content::DateMention& d) {
    if (d.day == 0 || d.month == 0) return false;
    if (d.month > 12) {
        report(out, read, "'" + d.text + "' is not a date: there is no month " + std::to_string(d.month) +
                              " (dates are read day first).",
               code_no_month, d);
        return true;
    }
    if (d.year != 0) {
        date::year_month_day day{date::year{d.year}, date::month{d.month}, date::day{d.day}};
        if (!day.ok()) {
            report(out, read, "'" + d.text + "' does not exist: " + month_name(d.month) + " " +
                                  std::to_string(d.year) + " has " + std::to_string(days_in(d.year, d.month)) + " days.",
                   code_no_such_day, d, {{"days_in_month", double(days_in(d.year, d.month))}});
            return true;
        }
        return false;
    }
    date::month_day day{date::month{d.month}, date::day{d.day}};
    if (!day.ok()) {
        report(out, read, "'" + d.text + "' does not exist: " + month_name(d.month) + " has at most " +
                              std::to_string(days_in(2024, d.month)) + " days.",
               code_no_such_day, d, {{"days_in_month", double(days_in(2024, d.month))}});
        return true;
    }
    return false;
}

void check_weekday(core::Findings& out, const ReadElement& read, const content::DateMention& d,
                   const std::vector<int>& candidate_years) {
    if (!d.weekday || d.day == 0) return;
    if (auto day = full_date(d)) {
        unsigned actual = date::weekday{date::sys_days{*day}}.c_encoding();
        if (actual == *d.weekday) return;
        report(out, read, "'" + d.text + "' does not match: " + format_day(*day) + " is a " + weekday_names(actual) +
                              ", not a " + weekday_names(*d.weekday) + ".",
               code_weekday_mismatch, d, {{"weekday", weekday_word(*d.weekday)}, {"actual_weekday", weekday_word(actual)}});
        return;
    }
    if (d.year != 0 || candidate_years.empty()) return;
    // No year written: the weekday must fit one of the years the card can be about.
    std::string tried, years;
    for (int year : candidate_years) {
        date::year_month_day day{date::year{year}, date::month{d.month}, date::day{d.day}};
        if (!day.ok()) continue;
        if (date::weekday{date::sys_days{day}}.c_encoding() == *d.weekday) return;
        tried += (tried.empty() ? "" : " nor in ") + std::to_string(year);
        years += (years.empty() ? "" : ", ") + std::to_string(year);
    }
    if (tried.empty()) return;
    report(out, read, "'" + d.text + "' does not match: " + std::to_string(d.day) + " " + month_name(d.month) +
                          " is not a " + weekday_names(*d.weekday) + " in " + tried + ".",
           code_weekday_no_year, d, {{"weekday", weekday_word(*d.weekday)}, {"years", years}});
}

struct Dated {
    const ReadElement* read;
    const content::DateMention* mention;
    DateRole role;
};

using DayKey = std::tuple<int, unsigned, unsigned>;   // year (0: not written), month, day

DayKey key_of(const content::DateMention& d) { return {d.year, d.month, d.day}; }

// Pages that date the same event differently ("staat dezelfde datum aan de binnenzijde").
void check_across_pages(core::Findings& out, const std::vector<Dated>& dated, bool birth, std::size_t page_count) {
    // Per page, the dates that name the announced event: on a birth card every date that is
    // not a visit or reply date; on other cards only dates labelled as the wedding, plus
    // the front page's single date (the big date on the cover).
    std::vector<std::vector<const Dated*>> event_dates(page_count), all_dates(page_count);
    for (const auto& d : dated) {
        all_dates[d.read->page_index].push_back(&d);
        bool is_event = birth ? (d.role == DateRole::birth || d.role == DateRole::unknown) : d.role == DateRole::wedding;
        if (is_event) event_dates[d.read->page_index].push_back(&d);
    }
    if (!birth && page_count > 0 && all_dates[0].size() == 1 && all_dates[0][0]->role == DateRole::unknown)
        event_dates[0].push_back(all_dates[0][0]);
    // Whether some date of `a` is the same day as some date of `b` (day and month equal, the
    // years too when both are written), in
    // O((|a| + |b|) log |a|): a long text with thousands of dates stays linear.
    auto intersects = [&](const std::vector<const Dated*>& a, const std::vector<const Dated*>& b) {
        std::set<DayKey> written;                          // a's dates as written
        std::set<std::pair<unsigned, unsigned>> any_year, no_year;   // a's (month, day): all, and those without a year
        for (const Dated* x : a) {
            const DayKey key = key_of(*x->mention);
            written.insert(key);
            any_year.insert({std::get<1>(key), std::get<2>(key)});
            if (std::get<0>(key) == 0) no_year.insert({std::get<1>(key), std::get<2>(key)});
        }
        for (const Dated* y : b) {
            const DayKey key = key_of(*y->mention);
            const std::pair<unsigned, unsigned> month_day{std::get<1>(key), std::get<2>(key)};
            if (std::get<0>(key) == 0 ? any_year.count(month_day) > 0
                                      : written.count(key) > 0 || no_year.count(month_day) > 0)
                return true;
        }
        return false;
    };
    for (std::size_t p = 0; p < page_count; ++p) {
        for (std::size_t q = p + 1; q < page_count; ++q) {
            if (event_dates[p].empty() || event_dates[q].empty()) continue;
            // On a wedding card the other page may hold the wedding date under any label.
            const auto& other = birth ? event_dates[q] : all_dates[q];
            if (intersects(event_dates[p], other)) continue;
            if (!birth && intersects(all_dates[p], event_dates[q])) continue;
            const Dated& a = *event_dates[p][0];
            const Dated& b = *event_dates[q][0];
            report(out, *b.read, "'" + b.mention->text + "' on page " + b.read->page->name + " and '" + a.mention->text +
                                     "' on page " + a.read->page->name + " date the same " +
                                     (birth ? "birth" : "wedding") + " differently.",
                   code_pages_differ, *b.mention,
                   {{"other_date_text", a.mention->text}, {"other_page", a.read->page->name},
                    {"event", std::string(birth ? "birth" : "wedding")}});
        }
    }
}

void run(const core::CheckContext& ctx, const core::CheckOptions&, core::Findings& out) {
    if (!ctx.design) return;
    const bool birth = is_birth(ctx.product);
    const bool forward = is_wedding(ctx.product) || is_invitation(ctx.product);
    const auto ref = reference_day(ctx);
    const int ref_year = static_cast<int>(ref.year());
    std::vector<int> candidate_years;
    if (birth) candidate_years = {ref_year, ref_year - 1};
    else if (forward) candidate_years = {ref_year, ref_year + 1, ref_year + 2};   // as far as content.year allows

    const auto texts = read_design_texts(*ctx.design);
    std::vector<Dated> dated;
    for (const auto& read : texts) {
        for (const auto& d : read.card.dates) {
            if (check_impossible(out, read, d)) continue;
            check_weekday(out, read, d, candidate_years);
            if (d.day != 0) dated.push_back(Dated{&read, &d, date_role(read, d)});
        }
    }
    if (birth) {
        // The birth date: dates labelled as such, else the card's only date that is no visit.
        std::vector<const Dated*> births;
        for (const auto& d : dated)
            if (d.role == DateRole::birth) births.push_back(&d);
        if (births.empty()) {
            std::set<DayKey> distinct;
            for (const auto& d : dated)
                if (d.role == DateRole::unknown) distinct.insert(key_of(*d.mention));
            if (distinct.size() == 1)
                for (const auto& d : dated)
                    if (d.role == DateRole::unknown) births.push_back(&d);
        }
        for (const Dated* d : births) {
            auto day = full_date(*d->mention);
            // Other years are content.year's to report.
            if (!day || day->year() != ref.year() || date::sys_days{*day} <= date::sys_days{ref}) continue;
            report(out, *d->read, "'" + d->mention->text + "' is after the order date (" + format_day(ref) +
                                      "): a birth date cannot lie in the future.",
                   code_birth_in_future, *d->mention, {{"order_date", format_day(ref)}});
        }
    }
    if (birth || forward) check_across_pages(out, dated, birth, ctx.design->pages.size());
}

}  // namespace

core::CheckSpec make_content_date_check() {
    core::CheckSpec spec;
    spec.id = std::string(check_id);
    spec.summary = "Impossible dates, weekdays that do not match, birth dates after the order, one event dated differently on two pages.";
    spec.scope = core::Scope::design;
    spec.run = run;
    return spec;
}

}  // namespace preflight::checks
