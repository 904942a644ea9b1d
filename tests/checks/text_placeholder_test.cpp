// text.placeholder: template text left unchanged, without firing on real names.
#include <gtest/gtest.h>

#include "text/card_fixture.hpp"

namespace preflight::testing {
namespace {

core::Findings run_on(const std::string& text, const OptionSet& options = {}) {
    CardFixture card;
    card.add_text("t1", text, "Lato-Regular.ttf", 12, {14, 40, 120, 30});
    card.build();
    return card.run("text.placeholder", options);
}

TEST(TextPlaceholder, FindsTemplateText) {
    for (const std::string text :
         {"Lorem ipsum dolor sit amet", "Naam", "NAAM", "[Naam]", "[naam] & [naam]", "Geboren op [datum]",
          "{voornaam}", "Naam & Naam", "Jouw naam", "Geboren op dd-mm-jjjj", "dd/mm/yyyy", "Trouwdatum: xx-xx-xxxx",
          "zaterdag 00-00-0000.", "Sophie\nNaam\n12 maart 2026", "LOREM IPSUM"}) {
        const auto findings = run_on(text);
        ASSERT_EQ(findings.size(), 1u) << text;
        EXPECT_EQ(findings[0].severity, Severity::error);
        EXPECT_EQ(findings[0].fix.by, FixBy::customer);
        EXPECT_NE(findings[0].message.find("placeholder"), std::string::npos);
    }
}

TEST(TextPlaceholder, RealTextIsClean) {
    for (const std::string text :
         {"Sophie van Dijk", "Naamloos geluk", "Anna Naamans", "Onze naam is Jansen", "Naam: Sophie",
          "geboren 12-03-2026", "Datumprikker", "Loremi Ipsumstraat 3", "[Sophie]", "xx", "Dd-mm", "Xander & Mm",
          "Maxime & Daan\n12.03.2026", "Wij trouwen! Bewaar de datum", "mm-dd"}) {
        EXPECT_TRUE(run_on(text).empty()) << text;
    }
}

TEST(TextPlaceholder, TemplateSamplesCaseAndDiacriticsInsensitive) {
    const OptionSet samples = {{"samples", std::vector<std::string>{"Chloë van Dijk", "Sophie & Daan"}}};
    EXPECT_EQ(run_on("CHLOE VAN DIJK\n12 maart 2026", samples).size(), 1u);
    EXPECT_EQ(run_on("sophie  &  daan", samples).size(), 1u);
    EXPECT_TRUE(run_on("Chloë van Dijkstra", samples).empty());
    EXPECT_TRUE(run_on("Chloë van Dijk", {}).empty());
}

}  // namespace
}  // namespace preflight::testing
