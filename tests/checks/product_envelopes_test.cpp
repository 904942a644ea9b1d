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
    EXPECT_TRUE(envelope_findings(60, {}).empty());   // no envelopes ordered at all: a choice
    auto findings = envelope_findings(60, {50});
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].severity, Severity::warning);
    EXPECT_EQ(findings[0].message, "The order has 50 envelopes for 60 cards, so 10 cards would go without one.");
}

}  // namespace
}  // namespace preflight::testing
