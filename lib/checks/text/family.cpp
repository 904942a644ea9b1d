// The text family: lists its checks for register_builtin_checks(). safe_zone.text is listed
// here too (it reads the text layouts; its unit lives in lib/checks/safe_zone/text.cpp).
#include "checks/text/text_checks.hpp"
#include "core/check.hpp"

namespace preflight::core {

void register_text_checks(Registry& registry) {
    registry.add(checks::make_safe_zone_text_check());
    registry.add(checks::make_text_overflow_check());
    registry.add(checks::make_text_missing_glyph_check());
    registry.add(checks::make_text_too_small_check());
    registry.add(checks::make_text_low_contrast_check());
    registry.add(checks::make_text_alignment_check());
    registry.add(checks::make_text_placeholder_check());
}

}  // namespace preflight::core
