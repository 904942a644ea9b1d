// The content family: lists its checks for register_builtin_checks().
#include "checks/content/content_checks.hpp"
#include "core/check.hpp"

namespace preflight::core {

void register_content_checks(Registry& registry) {
    registry.add(checks::make_content_year_check());
    registry.add(checks::make_content_date_check());
    registry.add(checks::make_content_measure_check());
    registry.add(checks::make_content_phone_check());
    registry.add(checks::make_content_capitalisation_check());
}

}  // namespace preflight::core
