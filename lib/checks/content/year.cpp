// content.year: a year that cannot be right for this card ("juiste jaartal"): a birth
// announcement or wedding/invitation year far from the order date.
#include <algorithm>
#include <string>

#include "checks/content/card_texts.hpp"
#include "checks/content/content_checks.hpp"

namespace preflight::checks {

namespace {

// Lines that look back ("sinds 1998", "geboren 1 mei 1956", "getrouwd op ...", "verloofd op
// 24 december 2025" on the wedding card) hold years that are meant to be in the past.
const PhraseList looking_back{{"sinds", "since", "sedert", "ontmoet", "leerden", "elkaar kennen", "met elkaar", "geboren",
                               "born", "getrouwd", "opgericht", "founded", "in memoriam", "verloofd", "verloving",
                               "engaged", "engagement", "first met", "ten huwelijk gevraagd"},
                              true};

// Whether a clock time stands on `line` (times are in text order, so their lines are sorted).
bool has_time_on(const content::CardText& card, std::size_t line) {
    auto it = std::lower_bound(card.times.begin(), card.times.end(), line,
                               [](const content::TimeMention& time, std::size_t l) { return time.line < l; });
    return it != card.times.end() && it->line == line;
}

// Cards that celebrate something past (jubilees, birthdays) name old years on purpose.
bool celebrates_past(const std::vector<ReadElement>& texts) {
    for (const auto& read : texts) {
        const auto& folded = read.card.text.folded;
        if (has_any(folded, {"jubileum", "anniversary", "jarig", "verjaardag", "birthday", "jaar getrouwd",
                             "jaar samen", "years together", "years married", "huwelijksjubileum", "in memoriam"},
                    true))
            return true;
        const auto& tokens = read.card.tokens;
        for (std::size_t i = 0; i + 2 < tokens.size(); ++i)
            if (tokens[i].is_number() && tokens[i + 1].kind == content::TokenKind::space &&
                (tokens[i + 2].is("jaar") || tokens[i + 2].is("years") || tokens[i + 2].is("year")))
                return true;
    }
    return false;
}

// A thank-you card is sent after the wedding, often in the next calendar year.
bool thanks(const std::vector<ReadElement>& texts) {
    for (const auto& read : texts)
        if (has_any(read.card.text.folded, {"bedankt", "dank", "dankjewel", "dankjulliewel", "dankuwel",
                                            "dank je wel", "dank jullie wel", "dank u wel", "thank", "thanks",
                                            "bedankkaart", "dankbaar"}, true))
            return true;
    return false;
}

void run(const core::CheckContext& ctx, const core::CheckOptions& options, core::Findings& out) {
    // A collection template (lint) has no order date to judge its sample years against: its
    // sample text would start failing every January.
    if (!ctx.design || !ctx.order) return;
    const bool birth = is_birth(ctx.product);
    const bool forward = is_wedding(ctx.product) || is_invitation(ctx.product);
    if (!birth && !forward) return;   // other products: no judgement
    const auto ref = reference_day(ctx);
    const int ref_year = static_cast<int>(ref.year());
    const auto ref_month = static_cast<unsigned>(ref.month());
    const auto texts = read_design_texts(*ctx.design);
    const bool past_ok = forward && celebrates_past(texts);
    const bool thank_you = forward && thanks(texts);
    const int years_ahead = static_cast<int>(options.number("max_years_ahead"));
    const auto previous_until = static_cast<unsigned>(options.number("previous_year_until_month"));
    const double max_age_days = options.number("birth_max_age_days");
    const std::string ordered = format_day(ref);

    auto judge = [&](const ReadElement& read, const content::Mention& mention, int year,
                     std::optional<date::year_month_day> day, DateRole role, bool has_weekday) {
        std::string why;
        const char* code = "birth";
        double limit = 0;
        if (birth) {
            bool previous_ok = ref_month <= previous_until ||
                               (day && (date::sys_days{ref} - date::sys_days{*day}).count() >= 0 &&
                                (date::sys_days{ref} - date::sys_days{*day}).count() <= max_age_days);
            int low = (previous_ok || role == DateRole::event) ? ref_year - 1 : ref_year;
            int high = role == DateRole::event ? ref_year + 1 : ref_year;
            if (line_has_any(read, mention.line, looking_back) && role != DateRole::birth) low = year;
            if (year >= low && year <= high) return;
            limit = year > high ? high : low;
            why = "a birth announcement ordered on " + ordered + " should name " + std::to_string(ref_year) +
                  (low < ref_year ? " or " + std::to_string(ref_year - 1) : "");
        } else {
            int high = ref_year + years_ahead;
            int low = thank_you ? ref_year - 1 : ref_year;
            // On a jubilee card old years are fine, but not for the party itself: a date
            // with a weekday or a time is an appointment and lies ahead.
            bool appointment = has_weekday || has_time_on(read.card, mention.line);
            if ((past_ok && !appointment) || line_has_any(read, mention.line, looking_back)) low = year;
            if (year >= low && year <= high) return;
            limit = year > high ? high : low;
            code = year > high ? "too_far_ahead" : "in_past";
            why = year > high ? "that is more than " + std::to_string(years_ahead) + " years after the order date (" + ordered + ")"
                              : std::string(is_wedding(ctx.product) ? "a wedding card" : "an invitation") +
                                    " ordered on " + ordered + " announces a coming date";
        }
        Finding finding = make_finding(
            "content.year", Severity::error, FixBy::customer, read.page->name, read.element->id,
            "The year " + std::to_string(year) + " in '" + mention.text + "' looks wrong: " + why + ".",
            "Check the year with the customer and correct it in the editor.");
        finding.measured = year;
        finding.limit = limit;
        finding.unit = "year";
        finding.code = code;
        finding.details = {{"year", double(year)}, {"date_text", mention.text}, {"order_date", ordered},
                           {"expected_year", limit}, {"years_ahead", double(years_ahead)},
                           {"product", std::string(is_wedding(ctx.product) ? "wedding" : "invitation")}};
        out.push_back(std::move(finding));
    };

    for (const auto& read : texts) {
        for (const auto& date : read.card.dates) {
            if (date.year == 0) continue;
            judge(read, date, date.year, full_date(date), date_role(read, date), date.weekday.has_value());
        }
        for (const auto& year : read.card.years) {
            if (year.range_start) continue;
            judge(read, year, year.year, std::nullopt, DateRole::unknown, false);
        }
    }
}

}  // namespace

core::CheckSpec make_content_year_check() {
    core::CheckSpec spec;
    spec.id = "content.year";
    spec.summary = "A year that cannot be right for this card (birth: order year; wedding/invitation: up to a few years ahead).";
    spec.scope = core::Scope::design;
    spec.options = {
        {"max_years_ahead", 2.0, "wedding/invitation: latest year allowed, in years after the order year", 0, 20},
        {"previous_year_until_month", 1.0, "birth: the year before the order year is fine up to this month (1 = January)", 0, 12},
        {"birth_max_age_days", 92.0, "birth: a full birth date in the previous year is fine up to this many days before the order", 0, 366},
    };
    spec.run = run;
    return spec;
}

}  // namespace preflight::checks
