// product.envelopes: fewer envelopes than cards in one order, none at all included.
#include <string>

#include "checks/content/card_texts.hpp"
#include "checks/product/product_checks.hpp"

namespace preflight::checks {

namespace {

void run(const core::CheckContext& ctx, const core::CheckOptions&, core::Findings& out) {
    if (!ctx.order) return;
    long cards = 0, envelopes = 0;
    for (const auto& item : ctx.order->items) {
        if (item.type == "card") cards += item.quantity;
        else if (item.type == "envelope") envelopes += item.quantity;   // no quantity: none counted
    }
    // checks.md: fewer envelopes than cards. No envelope item at all and an envelope item without
    // a quantity are the same to the printer (no envelopes to pack), so both are this warning,
    // said as "no envelopes": the team looks whether envelopes were ordered with the cards (the
    // control window's order information) and asks; a warning, never a hold.
    if (envelopes >= cards) return;
    const bool none = envelopes == 0;
    Finding finding = make_finding("product.envelopes", Severity::warning, FixBy::service, "", "",
                                   none ? "The order has no envelopes for its " + std::to_string(cards) + " cards."
                                        : "The order has " + std::to_string(envelopes) + " envelopes for " +
                                              std::to_string(cards) + " cards, so " + std::to_string(cards - envelopes) +
                                              " cards would go without one.",
                                   none ? "Ask the customer whether envelopes are wanted."
                                        : "Ask the customer whether more envelopes are wanted.");
    finding.measured = static_cast<double>(envelopes);
    finding.limit = static_cast<double>(cards);
    finding.unit = "envelopes";
    finding.code = none ? "none" : "";
    finding.details = {{"envelopes", double(envelopes)}, {"cards", double(cards)}, {"short_by", double(cards - envelopes)}};
    out.push_back(std::move(finding));
}

}  // namespace

core::CheckSpec make_product_envelopes_check() {
    core::CheckSpec spec;
    spec.id = "product.envelopes";
    spec.summary = "Fewer envelopes than cards.";
    spec.scope = core::Scope::order;
    spec.run = run;
    return spec;
}

}  // namespace preflight::checks
