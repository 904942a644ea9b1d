// content.year: years far from the order date on birth, wedding and invitation cards, and
// the years that only look like years (addresses, phones, anniversaries).
#include <gtest/gtest.h>

#include "checks/content_support.hpp"

namespace preflight::testing {
namespace {

core::Findings year_findings(const std::string& product, const std::vector<PageTexts>& pages, core::CivilDate ordered,
                             const Policy& policy = {}) {
    Design design = card_design(product, pages);
    return run_on_design("content.year", design, ordered, policy);
}

TEST(ContentYear, BirthCardWithLastYearsDateInMarch) {
    auto findings = year_findings("birth_announcement", {{"front", {"Sophie\nGeboren 12 maart 2025"}}}, {2026, 3, 20});
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].severity, Severity::error);
    EXPECT_EQ(findings[0].fix.by, FixBy::customer);
    EXPECT_EQ(findings[0].measured, 2025);
    EXPECT_NE(findings[0].message.find("'12 maart 2025'"), std::string::npos) << findings[0].message;
}

TEST(ContentYear, TemplatesWithoutAnOrderAreNotJudged) {
    Design design = card_design("birth_announcement", {{"front", {"Sophie\nGeboren 12 maart 2019"}}});
    core::CheckContext ctx;   // lint: no order, the reference date is only the clock's
    ctx.design = &design;
    ctx.product = design.product;
    ctx.reference_date = {2026, 11, 25};
    EXPECT_TRUE(run_check("content.year", ctx, {}).empty());
    EXPECT_EQ(run_on_design("content.year", design, {2026, 11, 25}).size(), 1u);
}

TEST(ContentYear, BirthCardOrderedSecondJanuaryForThirtyDecember) {
    auto findings = year_findings("birth_announcement",
                                  {{"front", {"Daan", "30.12.2025"}}, {"inside", {"Geboren op 30 december 2025\n3480 gram"}}},
                                  {2026, 1, 2});
    EXPECT_TRUE(findings.empty()) << all_messages(findings);
}

TEST(ContentYear, BirthCardBornLateNovemberOrderedEarlyFebruary) {
    // A full birth date within the allowed age is fine even outside January.
    auto findings = year_findings("birth_announcement", {{"front", {"Geboren op 28 november 2025"}}}, {2026, 2, 3});
    EXPECT_TRUE(findings.empty()) << all_messages(findings);
    // A plain year alone is judged by the month rule.
    auto plain = year_findings("birth_announcement", {{"front", {"Sophie\n2025"}}}, {2026, 2, 3});
    EXPECT_EQ(plain.size(), 1u);
}

TEST(ContentYear, BirthCardWithNextYear) {
    auto findings = year_findings("birth_announcement", {{"front", {"Sophie\n12-03-2027"}}}, {2026, 3, 20});
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].limit, 2026);
}

TEST(ContentYear, WeddingYearsAhead) {
    EXPECT_TRUE(year_findings("wedding", {{"front", {"Save the date\n12 juni 2027"}}}, {2026, 1, 10}).empty());
    EXPECT_TRUE(year_findings("wedding", {{"front", {"Save the date\n• 2028 •"}}}, {2026, 1, 10}).empty());
    auto far = year_findings("wedding", {{"front", {"Wij trouwen op 12 juni 2029"}}}, {2026, 1, 10});
    ASSERT_EQ(far.size(), 1u);
    EXPECT_NE(far[0].message.find("more than 2 years"), std::string::npos);
    auto past = year_findings("wedding", {{"front", {"Wij trouwen op 12 juni 2025"}}}, {2026, 1, 10});
    EXPECT_EQ(past.size(), 1u);
}

TEST(ContentYear, PolicyMaxYearsAhead) {
    Policy policy;
    policy.products["wedding"]["content.year"]["max_years_ahead"] = 3.0;
    EXPECT_TRUE(year_findings("wedding", {{"front", {"12 juni 2029"}}}, {2026, 1, 10}, policy).empty());
}

TEST(ContentYear, ThankYouCardAfterTheWedding) {
    auto findings = year_findings("wedding",
                                  {{"front", {"Bedankt!"}},
                                   {"inside", {"Lieve allemaal, dank jullie wel voor de prachtige dag\nAnna & Tom\n20 december 2025"}}},
                                  {2026, 1, 12});
    EXPECT_TRUE(findings.empty()) << all_messages(findings);
}

TEST(ContentYear, AnniversaryInvitation) {
    auto findings = year_findings("invitation",
                                  {{"front", {"50 jaar getrouwd", "1976 – 2026"}},
                                   {"inside", {"Sinds 1976 samen\nGetrouwd op 12 mei 1976\nWij vieren het op zaterdag 16 mei 2026"}}},
                                  {2026, 3, 1});
    EXPECT_TRUE(findings.empty()) << all_messages(findings);
}

TEST(ContentYear, BirthdayPartyInThePast) {
    // "80 jaar" makes old years plausible, but not for the party date itself.
    auto findings = year_findings("invitation", {{"front", {"Opa wordt 80 jaar!", "zaterdag 9 januari 2021, 15.00 uur\nDe Gouden Leeuw"}}},
                                  {2026, 11, 20});
    ASSERT_EQ(findings.size(), 1u) << all_messages(findings);
    EXPECT_EQ(findings[0].message, "The year 2021 in 'zaterdag 9 januari 2021' looks wrong: an invitation ordered on 20 november 2026 announces a coming date.");
    auto born = year_findings("invitation", {{"front", {"Opa wordt 80 jaar!", "geboren 9 januari 1946", "zaterdag 9 januari 2027, 15.00 uur"}}},
                              {2026, 11, 20});
    EXPECT_TRUE(born.empty()) << all_messages(born);
}

// A wedding card tells its story: the engagement lies in the past on purpose; the wedding
// date itself still has to lie ahead.
TEST(ContentYear, EngagementOnAWeddingCardLooksBack) {
    auto story = year_findings("wedding",
                               {{"front", {"Anna & Tom\nzaterdag 12 juni 2027"}},
                                {"inside", {"Verloofd op 24 december 2025", "Engaged on Christmas Day 2025",
                                            "Ten huwelijk gevraagd in Parijs, mei 2025"}}},
                               {2026, 11, 20});
    EXPECT_TRUE(story.empty()) << all_messages(story);
    auto wrong = year_findings("wedding",
                               {{"front", {"Anna & Tom\nzaterdag 12 juni 2027"}},
                                {"inside", {"Verloofd op 24 december 2025", "Wij trouwen op 12 juni 2025"}}},
                               {2026, 11, 20});
    ASSERT_EQ(wrong.size(), 1u) << all_messages(wrong);
    EXPECT_EQ(wrong[0].measured, 2025);
    EXPECT_EQ(wrong[0].element, "t3");
}

TEST(ContentYear, NumbersThatAreNoYears) {
    auto findings = year_findings("wedding",
                                  {{"front", {"Anna & Tom\n12 juni 2026"}},
                                   {"inside", {"Kerkstraat 1998\n3512 JC Utrecht\nTel 06-12345678\nsinds 1998\nom 20.15 uur\nhuisnummer 2031"}}},
                                  {2026, 1, 10});
    EXPECT_TRUE(findings.empty()) << all_messages(findings);
}

TEST(ContentYear, OtherProductsAreNotJudged) {
    EXPECT_TRUE(year_findings("christmas", {{"front", {"Fijne feestdagen\n2019"}}}, {2026, 12, 1}).empty());
}

}  // namespace
}  // namespace preflight::testing
