// product.envelopes: fewer envelopes than cards in one order.
#include <string>

#include "checks/content/card_texts.hpp"
#include "checks/product/product_checks.hpp"

namespace preflight::checks {

namespace {

void run(const core::CheckContext& ctx, const core::CheckOptions&, core::Findings& out) {
    if (!ctx.order) return;
    long cards = 0, envelopes = 0;
    bool any_envelopes = false;
    for (const auto& item : ctx.order->items) {
        if (item.type == "card") cards += item.quantity;
        else if (item.type == "envelope") {
            envelopes += item.quantity;
            any_envelopes = true;
        }
    }
    // No envelope items at all is the customer's choice; too few is a likely mistake.
    if (!any_envelopes || envelopes >= cards) return;
    Finding finding = make_finding("product.envelopes", Severity::warning, FixBy::service, "", "",
                                   "The order has " + std::to_string(envelopes) + " envelopes for " + std::to_string(cards) +
                                       " cards, so " + std::to_string(cards - envelopes) + " cards would go without one.",
                                   "Ask the customer whether more envelopes are wanted.");
    finding.measured = static_cast<double>(envelopes);
    finding.limit = static_cast<double>(cards);
    finding.unit = "envelopes";
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
