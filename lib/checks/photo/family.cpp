// The photo family: lists its checks for register_builtin_checks().
#include "checks/photo/photo_checks.hpp"
#include "core/check.hpp"

namespace preflight::core {

void register_photo_checks(Registry& registry) {
    registry.add(checks::make_photo_resolution_check());
    registry.add(checks::make_photo_blur_check());
    registry.add(checks::make_photo_colour_cast_check());
    registry.add(checks::make_photo_exposure_check());
    registry.add(checks::make_photo_upscaled_check());
    registry.add(checks::make_photo_frame_fill_check());
}

}  // namespace preflight::core
