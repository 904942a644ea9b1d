// content.phone: Dutch numbers with digits missing or too many, and numbers that are fine.
#include <gtest/gtest.h>

#include "checks/content_support.hpp"

namespace preflight::testing {
namespace {

struct PhoneCase {
    const char* text;
    bool expect_error;
};

const PhoneCase phone_cases[] = {
    {"06-12345678", false},     {"06 12345678", false},     {"010 123 4567", false},  {"+31 6 1234 5678", false},
    {"+31 (0)6 1234 5678", false}, {"0031 6 12345678", false}, {"0800-1234", false},  {"+32 470 12 34 56", false},
    {"06-1234567", true},       {"010 123 456", true},      {"+31 6 1234 567", true}, {"0031 6 1234567", true},
    {"06-123456789", true},     {"+31 6 1234 56789", true},
};

TEST(ContentPhone, DutchNumbers) {
    for (const auto& c : phone_cases) {
        SCOPED_TRACE(c.text);
        Design design = card_design("birth_announcement", {{"back", {std::string("Bel gerust: ") + c.text}}});
        auto findings = run_on_design("content.phone", design, {2026, 3, 20});
        ASSERT_EQ(findings.size(), c.expect_error ? 1u : 0u) << all_messages(findings);
        if (c.expect_error) {
            EXPECT_NE(findings[0].message.find(std::string("'") + c.text + "'"), std::string::npos) << findings[0].message;
            EXPECT_EQ(findings[0].fix.by, FixBy::customer);
        }
    }
}

TEST(ContentPhone, MessageCountsDigits) {
    Design design = card_design("wedding", {{"back", {"RSVP: 06-1234567"}}});
    auto findings = run_on_design("content.phone", design, {2026, 3, 20});
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].message, "Phone number '06-1234567' has 9 digits where a Dutch number has 10: 1 digit missing.");
}

TEST(ContentPhone, CustomerAbroadWritesOwnDomesticNumbers) {
    Design design = card_design("wedding", {{"back", {"Bel ons: 02 123 45 67 of +31 6 1234 567"}}});
    Order order;
    order.shipping_address = Address{"Lien Peeters", "Meir", "10", "", "2000", "Antwerpen", "BE"};
    core::CheckContext ctx;
    ctx.design = &design;
    ctx.order = &order;
    ctx.product = design.product;
    auto findings = run_check("content.phone", ctx);
    ASSERT_EQ(findings.size(), 1u) << all_messages(findings);   // only the +31 number is judged
    EXPECT_NE(findings[0].message.find("'+31 6 1234 567'"), std::string::npos);
    order.shipping_address->country = std::string("NL");
    EXPECT_EQ(run_check("content.phone", ctx).size(), 2u);
}

TEST(ContentPhone, AddressesDatesAndWeightsAreNoPhones) {
    Design design = card_design("birth_announcement",
                                {{"back", {"Kerkstraat 12\n3512 JC Utrecht\n01-03-2026 om 09.30 uur\n0,5 kg taart\n3480 gram"}}});
    EXPECT_TRUE(run_on_design("content.phone", design, {2026, 3, 20}).empty());
}

}  // namespace
}  // namespace preflight::testing
