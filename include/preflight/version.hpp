// The library's version.
#pragma once

#include "preflight/export.hpp"

namespace preflight {
/// "MAJOR.MINOR.PATCH" of the library linked.
PREFLIGHT_API const char* version();
}  // namespace preflight
