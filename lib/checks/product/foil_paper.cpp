// product.foil_paper: foil or spot UV ordered on a paper that does not take it (a
// "herstelorder": cancel before print and re-order), judged by the policy's paper catalogue;
// a paper the catalogue does not list (or no catalogue) holds the order for a check by hand.
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

// Without a catalogue entry nobody can say whether the paper takes the finish: an error that
// holds the order for a person (never a release, and not a cancel either: it may be fine).
void paper_unknown(const OrderItem& item, const std::string& finish, bool has_catalogue, core::Findings& out) {
    Finding finding = make_finding(
        "product.foil_paper", Severity::error, FixBy::shop, "", "",
        (has_catalogue ? "Paper '" + item.paper + "' is not in the policy's paper catalogue"
                       : std::string("The policy has no paper catalogue")) +
            ", so it cannot be judged whether it takes " + finish + ": paper unknown, check by hand.",
        "Check by hand whether paper '" + item.paper + "' takes " + finish +
            ", and add the paper with its finishes to the policy's catalogue.");
    finding.code = "paper_unknown";
    finding.details = {{"paper", item.paper}, {"finish", finish}};
    out.push_back(std::move(finding));
}

void run(const core::CheckContext& ctx, const core::CheckOptions&, core::Findings& out) {
    if (!ctx.item || ctx.item->finishes.empty()) return;   // lint, or nothing special ordered
    const OrderItem& item = *ctx.item;
    const bool has_catalogue = ctx.policy && ctx.policy->has_paper_catalogue;
    if (!has_catalogue || ctx.policy->papers.count(item.paper) == 0) {
        for (const auto& finish : item.finishes) paper_unknown(item, finish, has_catalogue, out);
        return;
    }
    const auto& papers = ctx.policy->papers;
    const auto& takes = papers.at(item.paper).finishes;
    for (const auto& finish : item.finishes) {
        if (std::find(takes.begin(), takes.end(), finish) != takes.end()) continue;
        std::vector<std::string> alternatives;
        for (const auto& [id, other] : papers)
            if (std::find(other.finishes.begin(), other.finishes.end(), finish) != other.finishes.end())
                alternatives.push_back(id);
        std::string action = "Cancel the order and place a corrected order (herstelorder)";
        action += alternatives.empty() ? " without " + finish + "." : " on a paper that takes " + finish + ": " + joined(alternatives) + ".";
        Finding finding = make_finding("product.foil_paper", Severity::error, FixBy::service, "", "",
                                       "Paper '" + item.paper + "' does not take " + finish + " (it takes " +
                                           (takes.empty() ? std::string("no finishes") : joined(takes)) +
                                           "), so the card cannot be printed as ordered.",
                                       action);
        finding.code = "paper_refuses_finish";
        finding.details = {{"paper", item.paper}, {"finish", finish}, {"papers_that_take_it", joined(alternatives)}};
        out.push_back(std::move(finding));
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
