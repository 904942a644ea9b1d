// The photo checks (checks.md "Page: photos"): one factory per check, one file each.
#pragma once

#include "core/check.hpp"

namespace preflight::checks {

core::CheckSpec make_photo_resolution_check();
core::CheckSpec make_photo_blur_check();
core::CheckSpec make_photo_colour_cast_check();
core::CheckSpec make_photo_exposure_check();
core::CheckSpec make_photo_frame_fill_check();
core::CheckSpec make_photo_upscaled_check();

}  // namespace preflight::checks
