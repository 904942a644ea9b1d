// The checks of the bleed family (checks.md, "Page: print geometry").
#pragma once

#include "core/check.hpp"

namespace preflight::checks {

/// bleed.coverage: artwork that touches the trim must run on to the outer edge of the bleed.
core::CheckSpec make_bleed_coverage_check();

}  // namespace preflight::checks
