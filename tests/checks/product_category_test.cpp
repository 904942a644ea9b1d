// product.category: texts that belong to another product than the one ordered.
#include <gtest/gtest.h>

#include "checks/content_support.hpp"

namespace preflight::testing {
namespace {

struct CategoryCase {
    const char* ordered;
    std::vector<PageTexts> pages;
    const char* expect_quote;   // nullptr: no finding
};

TEST(ProductCategory, TextsAgainstTheOrderedProduct) {
    const CategoryCase cases[] = {
        {"birth_announcement", {{"front", {"Wij gaan trouwen!", "Anna & Tom\n12 juni 2026"}}}, "trouwen"},
        {"birth_announcement", {{"front", {"Uitnodiging", "voor de verjaardag van opa"}}}, "Uitnodiging"},
        {"wedding", {{"front", {"Sophie is geboren", "12 maart 2026\n3250 gram"}}}, "geboren"},
        {"invitation", {{"front", {"Hoera! Daan is geboren op 2 januari 2026"}}}, "geboren"},
        {"wedding", {{"front", {"Opa is jarig!", "Kom je ook?"}}}, "jarig"},
        // Clean cards of each kind.
        {"birth_announcement", {{"front", {"Sophie", "Geboren 12 maart 2026\n3250 gram, 51 cm"}}}, nullptr},
        {"birth_announcement", {{"front", {"Hoera, Sophie is er!", "Uitnodiging voor de kraamvisite"}}}, nullptr},
        {"birth_announcement", {{"front", {"Sophie", "12.03.2026\n3.250 gram"}}}, nullptr},
        {"wedding", {{"front", {"Anna & Tom", "Wij gaan trouwen", "Uitnodiging voor het feest"}}}, nullptr},
        {"wedding", {{"front", {"Bedankt!", "voor de geboren vriendschap en jullie komst"}}}, nullptr},
        {"invitation", {{"front", {"Uitnodiging babyshower", "de baby wordt geboren in mei"}}}, nullptr},
        {"invitation", {{"front", {"Wij gaan trouwen en nodigen je uit"}}}, nullptr},
        {"christmas", {{"front", {"Wij gaan trouwen"}}}, nullptr},
    };
    for (const auto& c : cases) {
        Design design = card_design(c.ordered, c.pages);
        SCOPED_TRACE(std::string(c.ordered) + ": " + design.pages[0].elements[0].text);
        OrderItem item = card_item("linen-350", {}, c.ordered);
        auto findings = run_item_check("product.category", &item, design, catalogue());
        if (!c.expect_quote) {
            EXPECT_TRUE(findings.empty()) << all_messages(findings);
            continue;
        }
        ASSERT_EQ(findings.size(), 1u);
        EXPECT_EQ(findings[0].severity, Severity::warning);
        EXPECT_NE(findings[0].message.find(std::string("'") + c.expect_quote + "'"), std::string::npos) << findings[0].message;
    }
}

TEST(ProductCategory, LintHasNoItem) {
    Design design = card_design("birth_announcement", {{"front", {"Wij gaan trouwen!"}}});
    EXPECT_TRUE(run_item_check("product.category", nullptr, design, catalogue()).empty());
}

}  // namespace
}  // namespace preflight::testing
