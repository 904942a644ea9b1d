// The text family: lists its checks for register_builtin_checks().
#include "core/check.hpp"

namespace preflight::core {

void register_text_checks(Registry& registry) {
    (void)registry;
}

}  // namespace preflight::core
