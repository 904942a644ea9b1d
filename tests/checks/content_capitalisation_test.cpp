// content.capitalisation: names written with different capitals, and the many ways
// capitals legitimately differ (sentence starts, particles, headings, all caps).
#include <gtest/gtest.h>

#include "checks/content_support.hpp"
#include "content/lexicon.hpp"

namespace preflight::testing {
namespace {

core::Findings caps(const std::vector<PageTexts>& pages) {
    return run_on_design("content.capitalisation", card_design("birth_announcement", pages), {2026, 3, 20});
}

TEST(ContentCapitalisation, NameInLowerCaseMidSentence) {
    auto findings = caps({{"front", {"Welkom lieve Sophie"}}, {"inside", {"Wij zijn dolblij met de geboorte van sophie"}}});
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].severity, Severity::warning);
    EXPECT_EQ(findings[0].fix.by, FixBy::service);
    EXPECT_EQ(findings[0].page, "inside");
    EXPECT_NE(findings[0].message.find("'sophie'"), std::string::npos);
    EXPECT_NE(findings[0].message.find("'Sophie'"), std::string::npos);
}

TEST(ContentCapitalisation, NameAloneOnTheFrontNeedsTheWordList) {
    ASSERT_TRUE(content::lexicon_available()) << "scripts/setup.d/content.list installs wdutch and wamerican";
    auto findings = caps({{"front", {"Sophie"}}, {"inside", {"Wij zijn dolblij met sophie"}}});
    EXPECT_EQ(findings.size(), 1u);
}

TEST(ContentCapitalisation, SentenceStartsAndHeadingsAreFine) {
    auto findings = caps({{"front", {"Welkom", "Lieve Sophie"}},
                          {"inside", {"Wij zijn blij. Wij noemen haar Sophie.\nJe bent welkom, lieve allemaal.\nSave The Date"}},
                          {"back", {"save the date voor de kraamvisite"}}});
    EXPECT_TRUE(findings.empty()) << all_messages(findings);
}

TEST(ContentCapitalisation, ParticlesAndAllCapsAreFine) {
    auto findings = caps({{"front", {"SOPHIE VAN DIJK", "Familie Van Dijk"}},
                          {"inside", {"Sophie van Dijk, dochter van Anna de Vries en Tom de Vries"}}});
    EXPECT_TRUE(findings.empty()) << all_messages(findings);
}

TEST(ContentCapitalisation, DiacriticsAndNormalisation) {
    // Decomposed "Zoe\u0308" and precomposed "zoë" are the same name with other capitals.
    auto findings = caps({{"front", {"Welkom lieve Zoe\xCC\x88"}}, {"inside", {"Wij zijn blij met zo\xC3\xAB"}}});
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_NE(findings[0].message.find("'zo\xC3\xAB'"), std::string::npos) << findings[0].message;
    // "Zoë" and "Zoe" differ in spelling, not in capitals: not this check's business.
    EXPECT_TRUE(caps({{"front", {"Welkom lieve Zo\xC3\xAB"}}, {"inside", {"Wij zijn blij met Zoe"}}}).empty());
}

TEST(ContentCapitalisation, MonthWrittenBothWays) {
    auto findings = caps({{"front", {"Geboren op 12 Maart 2026"}}, {"inside", {"op 12 maart 2026"}}});
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_NE(findings[0].message.find("'Maart'"), std::string::npos);
}

}  // namespace
}  // namespace preflight::testing
