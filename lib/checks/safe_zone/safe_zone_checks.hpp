// The checks of the safe_zone family (checks.md, "Page: print geometry").
#pragma once

#include "core/check.hpp"

namespace preflight::checks {

/// safe_zone.element: photos and graphics cut by the trim by a sliver, or inside the safe zone.
core::CheckSpec make_safe_zone_element_check();

}  // namespace preflight::checks
