// Test support for the content, address and product checks: designs built from card texts
// and a one-call runner that goes through the registry (ids, defaults, policy options).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/check.hpp"
#include "preflight/model.hpp"
#include "preflight/policy.hpp"

namespace preflight::testing {

/// A page name and the texts of its text elements (ids t1, t2, ... over the whole design).
using PageTexts = std::pair<std::string, std::vector<std::string>>;

inline Design card_design(const std::string& product, const std::vector<PageTexts>& pages) {
    Design design;
    design.design_id = "test-card";
    design.product = product;
    design.trim_width_mm = 148;
    design.trim_height_mm = 105;
    int next_id = 1;
    for (const auto& [name, texts] : pages) {
        Page page;
        page.name = name;
        for (const auto& text : texts) {
            Element element;
            element.id = std::to_string(next_id++);
            element.id.insert(element.id.begin(), 't');
            element.type = ElementType::text;
            element.text = text;
            element.box_mm = BoxMm{10, 10, 120, 20};
            page.elements.push_back(element);
        }
        design.pages.push_back(page);
    }
    return design;
}

/// Runs one registered check on a context (the check's options resolved for the product).
inline core::Findings run_check(const std::string& id, core::CheckContext ctx, const Policy& policy = {}) {
    const auto& registry = core::builtin_registry();
    const core::CheckSpec* spec = registry.find(id);
    if (!spec || !spec->run) return {Finding{"missing check " + id}};
    ctx.policy = &policy;
    core::CheckOptions options = registry.options_for(id, ctx.product, policy);
    core::Findings findings;
    spec->run(ctx, options, findings);
    return findings;
}

/// Runs a design-scope check on a design with an order date.
inline core::Findings run_on_design(const std::string& id, const Design& design, core::CivilDate ordered,
                                    const Policy& policy = {}) {
    core::CheckContext ctx;
    ctx.design = &design;
    ctx.product = design.product;
    ctx.reference_date = ordered;
    return run_check(id, ctx, policy);
}

inline std::string all_messages(const core::Findings& findings) {
    std::string out;
    for (const auto& f : findings) out += f.check + ": " + f.message + "\n";
    return out;
}

/// A complete, correct Dutch shipping address.
inline Address good_address() {
    return Address{"Anna de Vries", "Kerkstraat", "12", "A", "3511 AB", "Utrecht", "NL"};
}

/// Runs an order-scope check on an order with this shipping address (or none).
inline core::Findings run_on_address(const std::string& id, const std::optional<Address>& address) {
    Order order;
    order.order_id = "SP-1";
    order.shipping_address = address;
    core::CheckContext ctx;
    ctx.order = &order;
    return run_check(id, ctx);
}

/// The paper catalogue of formats.md's example policy.
inline Policy catalogue() {
    Policy policy;
    policy.has_paper_catalogue = true;
    policy.papers["linen-350"].finishes = {"gold-foil", "silver-foil", "rose-foil"};
    policy.papers["cotton-600"].finishes = {"gold-foil", "silver-foil", "rose-foil", "spot-uv"};
    policy.papers["recycled-300"].finishes = {};
    return policy;
}

/// A card item of an order.
inline OrderItem card_item(const std::string& paper, std::vector<std::string> finishes,
                           const std::string& product = "wedding") {
    OrderItem item;
    item.type = "card";
    item.product = product;
    item.quantity = 60;
    item.paper = paper;
    item.finishes = std::move(finishes);
    return item;
}

/// Runs a design-scope check for one card item (null: linting a template).
inline core::Findings run_item_check(const std::string& id, const OrderItem* item, const Design& design,
                                     const Policy& policy, std::vector<core::PageView> pages = {}) {
    core::CheckContext ctx;
    ctx.design = &design;
    ctx.item = item;
    ctx.product = design.product;
    ctx.reference_date = {2026, 3, 1};
    ctx.pages = std::move(pages);
    return run_check(id, ctx, policy);
}

}  // namespace preflight::testing
