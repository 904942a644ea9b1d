// The address family: lists its checks for register_builtin_checks().
#include "checks/address/address_checks.hpp"
#include "core/check.hpp"

namespace preflight::core {

void register_address_checks(Registry& registry) {
    // Every address rule keeps its severity in a production check: an envelope that cannot be
    // delivered is wrong in every kind of check.
    for (CheckSpec spec : {checks::make_address_incomplete_check(),
                           checks::make_address_postcode_check(),
                           checks::make_address_house_number_check(),
                           checks::make_address_duplicated_check()}) {
        spec.counts_in_production = true;
        registry.add(std::move(spec));
    }
}

}  // namespace preflight::core
