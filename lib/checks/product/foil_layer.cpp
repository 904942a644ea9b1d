// product.foil_layer: a foil finish ordered but nothing in the design to print in foil, or
// foil elements without a foil finish ("folie-elementen niet meegedrukt").
#include <algorithm>
#include <array>
#include <string>

#include "checks/content/card_texts.hpp"
#include "checks/product/product_checks.hpp"

namespace preflight::checks {

namespace {

bool mask_has_ink(const core::Mask& mask) {
    return std::any_of(mask.values.begin(), mask.values.end(), [](std::uint8_t v) { return v != 0; });
}

void run(const core::CheckContext& ctx, const core::CheckOptions& options, core::Findings& out) {
    if (!ctx.item || !ctx.design) return;
    const auto& layer_finishes = options.list("layer_finishes");
    std::vector<std::string> ordered;
    for (const auto& finish : ctx.item->finishes)
        if (std::find(layer_finishes.begin(), layer_finishes.end(), finish) != layer_finishes.end())
            ordered.push_back(finish);

    // What the design would print in foil: elements marked foil, and masks with ink.
    const Page* first_page = nullptr;
    const Element* first_element = nullptr;
    for (const auto& page : ctx.design->pages)
        for (const auto& element : page.elements)
            if (element.foil && !first_element) {
                first_page = &page;
                first_element = &element;
            }
    const Page* mask_page = nullptr;
    for (const auto& view : ctx.pages)
        if (view.foil_mask && mask_has_ink(*view.foil_mask)) {
            mask_page = view.page;
            break;
        }
    const bool has_foil = first_element || mask_page;

    if (!ordered.empty() && !has_foil) {
        std::string finish = ordered.front();
        Finding finding = make_finding("product.foil_layer", Severity::error, FixBy::service, "", "",
                                       "The order has " + finish + " but the design has no foil elements and no foil mask, so nothing would be printed in " +
                                           finish + ".",
                                       "Mark the elements meant for " + finish + " as foil in the editor, or remove the finish from the order.");
        finding.code = "no_foil_in_design";
        finding.details["finish"] = finish;
        out.push_back(std::move(finding));
    } else if (ordered.empty() && has_foil) {
        Finding finding;
        if (first_element) {
            finding = make_finding("product.foil_layer", Severity::error, FixBy::service, first_page->name, first_element->id,
                                   "Element '" + first_element->id + "' on page " + first_page->name +
                                       " is marked foil but no foil finish is ordered, so it would not be printed in foil.",
                                   "Ask the customer whether foil is wanted and add the finish, or unmark the foil elements.");
            finding.where_mm = std::array<double, 4>{first_element->box_mm.x, first_element->box_mm.y,
                                                     first_element->box_mm.width, first_element->box_mm.height};
            finding.code = "foil_element_not_ordered";
        } else {
            std::string page = mask_page ? mask_page->name : "";
            finding = make_finding("product.foil_layer", Severity::error, FixBy::service, page, "",
                                   "Page " + page + " has a foil mask but no foil finish is ordered, so the foil would not be printed.",
                                   "Ask the customer whether foil is wanted and add the finish, or remove the foil mask.");
            finding.code = "foil_mask_not_ordered";
        }
        out.push_back(std::move(finding));
    }
}

}  // namespace

core::CheckSpec make_product_foil_layer_check() {
    core::CheckSpec spec;
    spec.id = "product.foil_layer";
    spec.summary = "Foil ordered but no foil elements or mask in the design, or foil elements without a foil finish.";
    spec.scope = core::Scope::design;
    spec.options = {{"layer_finishes", std::vector<std::string>{"gold-foil", "silver-foil", "rose-foil", "spot-uv"},
                     "finishes printed from the design's foil elements and mask"}};
    spec.run = run;
    return spec;
}

}  // namespace preflight::checks
