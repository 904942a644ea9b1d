// content.date: impossible dates, weekdays, birth dates after the order, dates that differ
// between pages. Expected answers come from the date library, never typed by hand.
#include <gtest/gtest.h>

#include <array>
#include <date/date.h>

#include "checks/content_support.hpp"

namespace preflight::testing {
namespace {

constexpr std::array<const char*, 12> nl_months{"januari", "februari", "maart", "april", "mei", "juni", "juli",
                                                "augustus", "september", "oktober", "november", "december"};
constexpr std::array<const char*, 12> en_months{"January", "February", "March", "April", "May", "June", "July",
                                                "August", "September", "October", "November", "December"};
constexpr std::array<const char*, 7> nl_days{"zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"};
constexpr std::array<const char*, 7> en_days{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

struct Written {
    unsigned day, month;
    int year;
};

// Days around month ends and leap days, valid and impossible.
const Written written_days[] = {
    {12, 3, 2026}, {14, 3, 2026}, {31, 1, 2026}, {28, 2, 2026}, {29, 2, 2026}, {29, 2, 2028},
    {30, 2, 2028}, {31, 2, 2026}, {31, 4, 2026}, {30, 4, 2026}, {31, 6, 2026}, {31, 12, 2026},
    {1, 1, 2027}, {31, 9, 2027}, {30, 9, 2027}, {5, 6, 2026},
};

struct DateText {
    std::string text;
    bool expect_error;
};

// Builds each date in several forms, each with its right weekday and a wrong one, and what
// the check must say about it, computed with date::year_month_day and date::weekday.
std::vector<DateText> generate_texts() {
    std::vector<DateText> out;
    for (const auto& w : written_days) {
        date::year_month_day day{date::year{w.year}, date::month{w.month}, date::day{w.day}};
        const bool valid = day.ok();
        // For an impossible date any weekday is reported (as impossible).
        unsigned right = valid ? date::weekday{date::sys_days{day}}.c_encoding() : 1;
        unsigned wrong = (right + 2) % 7;
        std::string nl = std::to_string(w.day) + " " + nl_months[w.month - 1] + " " + std::to_string(w.year);
        std::string en = std::string(en_months[w.month - 1]) + " " + std::to_string(w.day) + ", " + std::to_string(w.year);
        char numeric[16];
        std::snprintf(numeric, sizeof numeric, "%02u-%02u-%d", w.day, w.month, w.year);
        out.push_back({nl, !valid});
        out.push_back({std::string(nl_days[right]) + " " + nl, !valid});
        out.push_back({std::string(nl_days[wrong]) + " " + nl, true});
        out.push_back({std::string(en_days[right]) + ", " + en, !valid});
        out.push_back({std::string(en_days[wrong]) + ", " + en, true});
        out.push_back({numeric, !valid});
        out.push_back({std::string(nl_days[wrong]).substr(0, 2) + " " + numeric, true});
    }
    return out;
}

TEST(ContentDate, GeneratedDatesImpossibleAndWeekdays) {
    auto texts = generate_texts();
    ASSERT_GE(texts.size(), 40u);
    int errors = 0;
    for (const auto& t : texts) {
        SCOPED_TRACE(t.text);
        Design design = card_design("invitation", {{"front", {"Wij vieren feest op\n" + t.text}}});
        auto findings = run_on_design("content.date", design, {2026, 1, 15});
        EXPECT_EQ(findings.size(), t.expect_error ? 1u : 0u) << all_messages(findings);
        errors += t.expect_error;
        for (const auto& f : findings) {
            EXPECT_EQ(f.check, "content.date");
            EXPECT_EQ(f.severity, Severity::error);
            EXPECT_EQ(f.fix.by, FixBy::customer);
            EXPECT_EQ(f.page, "front");
            EXPECT_EQ(f.element, "t1");
        }
    }
    EXPECT_GT(errors, 20);
}

TEST(ContentDate, SaturdayTwelveMarchIsAThursday) {
    Design design = card_design("wedding", {{"front", {"Wij trouwen op zaterdag 12 maart 2026"}}});
    auto findings = run_on_design("content.date", design, {2025, 10, 1});
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_NE(findings[0].message.find("'zaterdag 12 maart 2026'"), std::string::npos) << findings[0].message;
    EXPECT_NE(findings[0].message.find("donderdag (Thursday)"), std::string::npos) << findings[0].message;
}

TEST(ContentDate, WeekdayWithoutYearUsesTheComingYears) {
    // An invitation ordered in 2026 may mean 2026, 2027 or 2028: a Saturday in any is fine.
    auto is_saturday = [](int year, unsigned day) {
        return date::weekday{date::sys_days{date::year{year} / date::March / date::day{day}}} == date::Saturday;
    };
    int checked_good = 0, checked_bad = 0;
    for (unsigned day = 1; day <= 31; ++day) {
        std::string text = "Feest op zaterdag " + std::to_string(day) + " maart";
        SCOPED_TRACE(text);
        Design design = card_design("invitation", {{"front", {text}}});
        bool fits = is_saturday(2026, day) || is_saturday(2027, day) || is_saturday(2028, day);
        EXPECT_EQ(run_on_design("content.date", design, {2026, 1, 10}).size(), fits ? 0u : 1u);
        (fits ? checked_good : checked_bad)++;
    }
    EXPECT_GT(checked_good, 8);
    EXPECT_GT(checked_bad, 10);
}

TEST(ContentDate, BirthDateAfterTheOrderDate) {
    Design design = card_design("birth_announcement", {{"front", {"Sophie\nGeboren op 20 maart 2026\n3250 gram"}}});
    auto findings = run_on_design("content.date", design, {2026, 3, 10});
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_NE(findings[0].message.find("after the order date"), std::string::npos);
    // The same card ordered after the birth is fine.
    EXPECT_TRUE(run_on_design("content.date", design, {2026, 3, 22}).empty());
}

TEST(ContentDate, DueDateIsNoBirthDate) {
    Design design = card_design("birth_announcement", {{"front", {"Wij worden papa en mama!\nUitgerekend op 20 juli 2026"}}});
    auto findings = run_on_design("content.date", design, {2026, 3, 14});
    EXPECT_TRUE(findings.empty()) << all_messages(findings);
}

TEST(ContentDate, BirthCardWithFutureVisitDateIsFine) {
    Design design = card_design("birth_announcement",
                                {{"front", {"Sophie\n12 maart 2026"}},
                                 {"inside", {"Geboren op 12 maart 2026\nKraamvisite welkom vanaf zaterdag 28 maart 2026"}}});
    EXPECT_TRUE(run_on_design("content.date", design, {2026, 3, 14}).empty());
}

TEST(ContentDate, ReplyByDateOnABirthCardIsNoBirthDate) {
    Design design = card_design("birth_announcement",
                                {{"front", {"Sophie", "12.03.2026"}},
                                 {"inside", {"Kom je op de babyborrel?\nLaat je ons voor 1 april 2026 weten of je komt?"}}});
    auto findings = run_on_design("content.date", design, {2026, 3, 20});
    EXPECT_TRUE(findings.empty()) << all_messages(findings);
}

TEST(ContentDate, BornThirtyDecemberOrderedSecondJanuary) {
    Design design = card_design("birth_announcement",
                                {{"front", {"Daan"}}, {"inside", {"Geboren op dinsdag 30 december 2025\nom 23.50 uur\n3480 gram, 51,5 cm"}}});
    auto findings = run_on_design("content.date", design, {2026, 1, 2});
    EXPECT_TRUE(findings.empty()) << all_messages(findings);
}

TEST(ContentDate, FrontAndInsideDifferForTheBirth) {
    Design design = card_design("birth_announcement",
                                {{"front", {"Sophie", "12.03.2026"}}, {"inside", {"Sophie is geboren op 13 maart 2026"}}});
    auto findings = run_on_design("content.date", design, {2026, 3, 20});
    ASSERT_EQ(findings.size(), 1u) << all_messages(findings);
    EXPECT_NE(findings[0].message.find("13 maart 2026"), std::string::npos);
    EXPECT_NE(findings[0].message.find("12.03.2026"), std::string::npos);
}

TEST(ContentDate, TwinsOnBothPagesAreFine) {
    Design design = card_design("birth_announcement",
                                {{"front", {"Lotte 31-12-2025", "Mees 01-01-2026"}},
                                 {"inside", {"Lotte is geboren op 31 december 2025 om 23.55 uur\nMees op 1 januari 2026 om 00.10 uur"}}});
    EXPECT_TRUE(run_on_design("content.date", design, {2026, 1, 5}).empty());
}

TEST(ContentDate, WeddingFrontDiffersFromInside) {
    Design design = card_design("wedding", {{"front", {"Anna & Tom", "12.06.2026"}},
                                            {"inside", {"Wij gaan trouwen op vrijdag 19 juni 2026"}}});
    auto findings = run_on_design("content.date", design, {2026, 1, 10});
    ASSERT_EQ(findings.size(), 1u) << all_messages(findings);
    EXPECT_EQ(findings[0].page, "inside");
}

TEST(ContentDate, InvitationWithReplyDateIsFine) {
    // The reply-by date differs from the event on purpose.
    Design design = card_design("wedding", {{"front", {"Anna & Tom", "19.06.2026"}},
                                            {"inside", {"Wij gaan trouwen op vrijdag 19 juni 2026\naanvang 14.30 uur",
                                                        "Laat ons voor 1 mei 2026 weten of je komt\nRSVP 06-12345678"}}});
    auto findings = run_on_design("content.date", design, {2026, 1, 10});
    EXPECT_TRUE(findings.empty()) << all_messages(findings);
}

TEST(ContentDate, TimesAndNumbersAreNoDates) {
    Design design = card_design("invitation", {{"front", {"Receptie 14.30 - 17.00 uur\nKerkstraat 31, 3512 JC Utrecht\n06-12345678"}}});
    EXPECT_TRUE(run_on_design("content.date", design, {2026, 1, 10}).empty());
}

TEST(ContentDate, NoDesignNoFindings) {
    core::CheckContext ctx;
    EXPECT_TRUE(run_check("content.date", ctx).empty());
}

}  // namespace
}  // namespace preflight::testing
