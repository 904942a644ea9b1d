// The address family: lists its checks for register_builtin_checks().
#include "checks/address/address_checks.hpp"
#include "core/check.hpp"

namespace preflight::core {

void register_address_checks(Registry& registry) {
    registry.add(checks::make_address_incomplete_check());
    registry.add(checks::make_address_postcode_check());
    registry.add(checks::make_address_house_number_check());
    registry.add(checks::make_address_duplicated_check());
}

}  // namespace preflight::core
