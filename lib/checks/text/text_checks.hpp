// The text checks (checks.md, "Page: text") and safe_zone.text, which reads the same layouts.
#pragma once

#include "core/check.hpp"

namespace preflight::checks {

core::CheckSpec make_text_overflow_check();
core::CheckSpec make_text_missing_glyph_check();
core::CheckSpec make_text_too_small_check();
core::CheckSpec make_text_low_contrast_check();
core::CheckSpec make_text_alignment_check();
core::CheckSpec make_text_placeholder_check();
/// Lives in lib/checks/safe_zone/text.cpp; registered by the text family (see family.cpp).
core::CheckSpec make_safe_zone_text_check();

}  // namespace preflight::checks
