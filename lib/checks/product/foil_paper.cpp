// product.foil_paper: foil or spot UV ordered on a paper that does not take it (a
// "herstelorder": cancel before print and re-order), judged by the policy's paper catalogue.
#include <algorithm>
#include <string>

#include "checks/content/card_texts.hpp"
#include "checks/product/product_checks.hpp"

namespace preflight::checks {

namespace {

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
    return out;
}

void run(const core::CheckContext& ctx, const core::CheckOptions&, core::Findings& out) {
    if (!ctx.item || ctx.item->finishes.empty()) return;   // lint, or nothing special ordered
    const OrderItem& item = *ctx.item;
    const std::string finishes = joined(item.finishes);
    if (!ctx.policy || !ctx.policy->has_paper_catalogue) {
        out.push_back(make_finding("product.foil_paper", Severity::warning, FixBy::shop, "", "",
                                   "No paper catalogue in the policy, so it cannot be judged whether paper '" + item.paper +
                                       "' takes " + finishes + ".",
                                   "Add the paper catalogue (papers and their finishes) to the policy file."));
        return;
    }
    const auto& papers = ctx.policy->papers;
    auto paper = papers.find(item.paper);
    if (paper == papers.end()) {
        out.push_back(make_finding("product.foil_paper", Severity::warning, FixBy::shop, "", "",
                                   "Paper '" + item.paper + "' is not in the paper catalogue, so it cannot be judged whether it takes " +
                                       finishes + ".",
                                   "Add the paper to the policy's catalogue or check the order by hand."));
        return;
    }
    const auto& takes = paper->second.finishes;
    for (const auto& finish : item.finishes) {
        if (std::find(takes.begin(), takes.end(), finish) != takes.end()) continue;
        std::vector<std::string> alternatives;
        for (const auto& [id, other] : papers)
            if (std::find(other.finishes.begin(), other.finishes.end(), finish) != other.finishes.end())
                alternatives.push_back(id);
        std::string action = "Cancel the order and place a corrected order (herstelorder)";
        action += alternatives.empty() ? " without " + finish + "." : " on a paper that takes " + finish + ": " + joined(alternatives) + ".";
        out.push_back(make_finding("product.foil_paper", Severity::error, FixBy::service, "", "",
                                   "Paper '" + item.paper + "' does not take " + finish + " (it takes " +
                                       (takes.empty() ? std::string("no finishes") : joined(takes)) +
                                       "), so the card cannot be printed as ordered.",
                                   action));
    }
}

}  // namespace

core::CheckSpec make_product_foil_paper_check() {
    core::CheckSpec spec;
    spec.id = "product.foil_paper";
    spec.summary = "Foil or spot UV ordered on a paper that does not take it (policy paper catalogue).";
    spec.scope = core::Scope::design;
    spec.run = run;
    spec.cancels_order = true;   // production cannot print foil on a paper that does not take it
    return spec;
}

}  // namespace preflight::checks
