// The bleed family: lists its checks for register_builtin_checks().
#include "checks/bleed/bleed_checks.hpp"
#include "core/check.hpp"

namespace preflight::core {

void register_bleed_checks(Registry& registry) {
    registry.add(checks::make_bleed_coverage_check());
}

}  // namespace preflight::core
