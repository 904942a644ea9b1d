// The product family: lists its checks for register_builtin_checks().
#include "checks/product/product_checks.hpp"
#include "core/check.hpp"

namespace preflight::core {

void register_product_checks(Registry& registry) {
    registry.add(checks::make_product_foil_paper_check());
    registry.add(checks::make_product_foil_layer_check());
    registry.add(checks::make_product_envelopes_check());
    registry.add(checks::make_product_category_check());
}

}  // namespace preflight::core
