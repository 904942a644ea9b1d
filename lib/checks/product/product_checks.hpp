// The product family: what was ordered against what can be printed (paper, finishes,
// envelopes) and against what the design says (foil layer, category).
#pragma once

#include "core/check.hpp"

namespace preflight::checks {

core::CheckSpec make_product_foil_paper_check();
core::CheckSpec make_product_foil_layer_check();
core::CheckSpec make_product_envelopes_check();
core::CheckSpec make_product_category_check();

}  // namespace preflight::checks
