// The library's version.
#pragma once

namespace preflight {
/// "MAJOR.MINOR.PATCH" of the library linked.
const char* version();
}  // namespace preflight
