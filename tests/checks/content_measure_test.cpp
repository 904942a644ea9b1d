// content.measure: birth weights and lengths in every form, plausible and not.
#include <gtest/gtest.h>

#include <tuple>

#include "checks/content_support.hpp"
#include "i18n/localise.hpp"

namespace preflight::testing {
namespace {

struct MeasureCase {
    const char* text;
    bool expect_error;
};

const MeasureCase birth_cases[] = {
    {"3250 gram", false}, {"3.250 gr", false}, {"3,25 kg", false}, {"3250g", false}, {"3,250 kilo", false},
    {"3.25 kg", false}, {"7 pond", false}, {"7 lbs 8 oz", false}, {"51 cm", false}, {"51,5 cm", false},
    {"Gewicht: 3480", false}, {"Lengte: 50", false}, {"820 gram", false}, {"61 cm", true},
    {"325 gram", true}, {"3,25 gram", true}, {"32500 gram", true}, {"32,5 kg", true}, {"5 cm", true},
    {"515 cm", true}, {"Gewicht: 348", true}, {"25 cm", true},
    // English cards give the length in inches: 20.5 inches is 52 cm, not a 20.5 cm baby.
    {"Length: 20.5\"", false}, {"Length: 20\u2033", false}, {"Length 19''", false}, {"Length: 21\u201d", false},
    {"20 inches", false}, {"19.5 inch", false}, {"Length: 8\"", true}, {"40 inches", true},
};

TEST(ContentMeasure, BirthCardWeightsAndLengths) {
    for (const auto& c : birth_cases) {
        SCOPED_TRACE(c.text);
        Design design = card_design("birth_announcement", {{"inside", {std::string("Sophie\n") + c.text}}});
        auto findings = run_on_design("content.measure", design, {2026, 3, 20});
        ASSERT_EQ(findings.size(), c.expect_error ? 1u : 0u) << all_messages(findings);
        if (c.expect_error) {
            EXPECT_EQ(findings[0].severity, Severity::error);
            EXPECT_EQ(findings[0].fix.by, FixBy::customer);
            EXPECT_NE(findings[0].message.find(std::string("'") + c.text), std::string::npos) << findings[0].message;
        }
    }
}

TEST(ContentMeasure, MessageSaysWhy) {
    Design design = card_design("birth_announcement", {{"inside", {"Daan\n325 gram"}}});
    auto findings = run_on_design("content.measure", design, {2026, 3, 20});
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].message, "'325 gram' reads as 325 g, outside a plausible birth weight of 400-6500 g: a digit is probably missing.");
    EXPECT_EQ(findings[0].measured, 325);
    EXPECT_EQ(findings[0].limit, 400);
}

TEST(ContentMeasure, MessagesKeepTheCustomersDecimals) {
    // "3,45 gram" is 3.45 g: the texts in both languages say so, not 3.4 or 3.5 (a one-decimal
    // rounding of the number read); the same for a length with two decimals.
    for (const auto& [text, english, dutch] :
         {std::tuple{"3,45 gram", "reads as 3.45 g,", "is 3,45 g,"}, std::tuple{"5,25 cm", "reads as 5.25 cm,", "is 5,25 cm,"}}) {
        Design design = card_design("birth_announcement", {{"inside", {std::string("Sophie\n") + text}}});
        auto findings = run_on_design("content.measure", design, {2026, 3, 20});
        ASSERT_EQ(findings.size(), 1u) << text;
        auto en = findings, nl = findings;
        i18n::localise(en, "en");
        i18n::localise(nl, "nl");
        EXPECT_NE(en[0].message.find(english), std::string::npos) << en[0].message;
        EXPECT_NE(nl[0].message.find(dutch), std::string::npos) << nl[0].message;
    }
}

TEST(ContentMeasure, OtherCardsOnlyWhenLabelled) {
    // A recipe card or a party with "2 kg taart" is no birth weight.
    Design party = card_design("invitation", {{"front", {"Er is 2 kg taart en 100 cm worst\nEen lange tafel van 300 cm lang"}}});
    EXPECT_TRUE(run_on_design("content.measure", party, {2026, 3, 20}).empty());
    Design labelled = card_design("invitation", {{"front", {"Babyshower! Geboren: gewicht 325 gram"}}});
    EXPECT_EQ(run_on_design("content.measure", labelled, {2026, 3, 20}).size(), 1u);
}

TEST(ContentMeasure, TimesAndDatesAreNoMeasures) {
    Design design = card_design("birth_announcement",
                                {{"inside", {"Geboren op 12.03.2026 om 14.30 uur\n3.480 gram en 51,5 cm\nKraamvisite 14:00 - 16:00"}}});
    EXPECT_TRUE(run_on_design("content.measure", design, {2026, 3, 20}).empty());
}

}  // namespace
}  // namespace preflight::testing
