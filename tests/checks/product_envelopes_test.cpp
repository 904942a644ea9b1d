// product.envelopes: envelopes against cards in one order.
#include <gtest/gtest.h>

#include "checks/content_support.hpp"

namespace preflight::testing {
namespace {

core::Findings envelope_findings(long cards, std::vector<long> envelopes) {
    Order order;
    order.items.push_back(card_item("linen-350", {}));
    order.items.back().quantity = cards;
    for (long n : envelopes) {
        OrderItem envelope;
        envelope.type = "envelope";
        envelope.quantity = n;
        order.items.push_back(envelope);
    }
    core::CheckContext ctx;
    ctx.order = &order;
    return run_check("product.envelopes", ctx);
}

TEST(ProductEnvelopes, Counts) {
    EXPECT_TRUE(envelope_findings(60, {60}).empty());
    EXPECT_TRUE(envelope_findings(60, {40, 25}).empty());
    auto findings = envelope_findings(60, {50});
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].severity, Severity::warning);
    EXPECT_EQ(findings[0].message, "The order has 50 envelopes for 60 cards, so 10 cards would go without one.");
}

TEST(ProductEnvelopes, NoEnvelopeItemAndAnItemWithoutQuantityAreTheSameWarning) {
    // checks.md: fewer envelopes than cards. No envelope item at all, and an envelope item whose
    // quantity is missing (read as 0), both leave 60 cards without envelopes: one warning, said
    // as "no envelopes", never "0 envelopes"; it never holds the order.
    for (const std::vector<long>& envelopes : {std::vector<long>{}, std::vector<long>{0}, std::vector<long>{0, 0}}) {
        auto findings = envelope_findings(60, envelopes);
        ASSERT_EQ(findings.size(), 1u) << envelopes.size() << " envelope items";
        EXPECT_EQ(findings[0].severity, Severity::warning);
        EXPECT_EQ(findings[0].code, "none");
        EXPECT_EQ(findings[0].message, "The order has no envelopes for its 60 cards.");
        EXPECT_EQ(findings[0].fix.action, "Ask the customer whether envelopes are wanted.");
        EXPECT_EQ(std::get<double>(findings[0].details.at("short_by")), 60.0);
    }
    EXPECT_TRUE(envelope_findings(0, {}).empty());   // no cards counted: nothing to compare
}

}  // namespace
}  // namespace preflight::testing
