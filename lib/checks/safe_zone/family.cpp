// The safe_zone family: lists its checks for register_builtin_checks().
#include "checks/safe_zone/safe_zone_checks.hpp"
#include "core/check.hpp"

namespace preflight::core {

void register_safe_zone_checks(Registry& registry) {
    registry.add(checks::make_safe_zone_element_check());
}

}  // namespace preflight::core
