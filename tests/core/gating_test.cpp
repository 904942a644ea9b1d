// Which orders get which checks, and the verdict rules (checks.md tables).
#include "core/gating.hpp"

#include <gtest/gtest.h>

#include <set>

#include "core/check.hpp"

namespace preflight {
namespace {

Order order_with(const std::string& status, bool check_service, bool proof) {
    Order order;
    order.order_id = "X";
    order.status = status;
    order.check_service = check_service;
    order.proof = proof;
    return order;
}

TEST(Gating, EveryRowOfTheTable) {
    struct Row { std::string status; bool check_service, proof, skip; Checked checked; };
    const Row rows[] = {
        {"paid", true, false, false, Checked::full},        {"hold", true, false, false, Checked::full},
        {"paid", true, true, false, Checked::full},         // a proof with the check paid for is checked
        {"paid", false, false, false, Checked::production}, {"hold", false, false, false, Checked::production},
        {"paid", false, true, true, Checked::none},         {"hold", false, true, true, Checked::none},
        {"new", true, false, true, Checked::none},          {"notpaid", true, false, true, Checked::none},
        {"queued", true, false, true, Checked::none},       {"completed", false, false, true, Checked::none},
        {"cancelled", true, false, true, Checked::none},
    };
    for (const auto& row : rows) {
        auto gate = core::decide_gate(order_with(row.status, row.check_service, row.proof));
        EXPECT_EQ(gate.skip, row.skip) << row.status << " " << row.check_service << " " << row.proof;
        EXPECT_EQ(gate.checked, row.checked) << row.status;
        EXPECT_FALSE(gate.unknown_status);
        if (row.skip) {
            EXPECT_FALSE(gate.reason.empty());
        }
    }
    EXPECT_TRUE(core::decide_gate(order_with("shipped", true, false)).unknown_status);
}

Finding finding(const std::string& check, Severity severity) {
    Finding f;
    f.check = check;
    f.severity = severity;
    return f;
}

TEST(Gating, VerdictRules) {
    using core::decide_verdict;
    EXPECT_EQ(decide_verdict({}), VerdictKind::release);
    EXPECT_EQ(decide_verdict({finding("text.too_small", Severity::warning)}), VerdictKind::release);
    EXPECT_EQ(decide_verdict({finding("bleed.coverage", Severity::error)}), VerdictKind::hold);
    EXPECT_EQ(decide_verdict({finding("bleed.coverage", Severity::error), finding("product.foil_paper", Severity::error)}),
              VerdictKind::cancel);
    EXPECT_EQ(decide_verdict({finding("product.foil_paper", Severity::error), finding("input.missing_file", Severity::error)}),
              VerdictKind::error);
    EXPECT_EQ(decide_verdict({finding("product.foil_layer", Severity::error)}), VerdictKind::hold);
    EXPECT_TRUE(core::counts_in_production("address.postcode"));
    EXPECT_FALSE(core::counts_in_production("text.overflow"));
}

// What a check does to the verdict is declared on its CheckSpec, and the rules read only that.
TEST(Gating, VerdictEffectsLiveOnTheCheckSpecs) {
    std::set<std::string> inputs, cancelling, production, fixable;
    for (const auto& spec : core::builtin_registry().all()) {
        if (spec.reports_input) inputs.insert(spec.id);
        if (spec.cancels_order) cancelling.insert(spec.id);
        if (spec.counts_in_production) production.insert(spec.id);
        if (spec.fixable()) fixable.insert(spec.id);
        const VerdictKind expected = spec.reports_input  ? VerdictKind::error
                                     : spec.cancels_order ? VerdictKind::cancel
                                                          : VerdictKind::hold;
        EXPECT_EQ(core::decide_verdict({finding(spec.id, Severity::error)}), expected) << spec.id;
        EXPECT_EQ(core::counts_in_production(spec.id), spec.counts_in_production) << spec.id;
        EXPECT_EQ(core::repair_of(spec.id), spec.repair) << spec.id;
    }
    // checks.md: every input.* is an input problem; product.foil_paper alone cancels; input,
    // product and address rules count in production; fix repairs bleed, overflow, safe zone.
    EXPECT_EQ(inputs, (std::set<std::string>{"input.missing_file", "input.unreadable", "input.raster_size",
                                             "input.path_outside", "input.schema", "input.time_limit"}));
    EXPECT_EQ(cancelling, std::set<std::string>{"product.foil_paper"});
    for (const auto& id : production) {
        const std::string family = id.substr(0, id.find('.'));
        EXPECT_TRUE(family == "input" || family == "product" || family == "address") << id;
    }
    EXPECT_EQ(production.size(), inputs.size() + 8u);
    EXPECT_EQ(fixable, (std::set<std::string>{"bleed.coverage", "text.overflow", "safe_zone.text"}));
    // An id no check declares changes nothing: it holds like any other error.
    EXPECT_EQ(core::decide_verdict({finding("input.unknown_kind", Severity::error)}), VerdictKind::hold);
}

}  // namespace
}  // namespace preflight
