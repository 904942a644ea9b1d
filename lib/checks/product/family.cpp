// The product family: lists its checks for register_builtin_checks().
#include "checks/product/product_checks.hpp"
#include "core/check.hpp"

namespace preflight::core {

void register_product_checks(Registry& registry) {
    // Every product rule keeps its severity in a production check: the printer cannot correct a
    // product that does not match the order.
    for (CheckSpec spec : {checks::make_product_foil_paper_check(),
                           checks::make_product_foil_layer_check(),
                           checks::make_product_envelopes_check(),
                           checks::make_product_category_check()}) {
        spec.counts_in_production = true;
        registry.add(std::move(spec));
    }
}

}  // namespace preflight::core
