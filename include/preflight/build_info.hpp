// What this build of preflight runs on: the libraries it was linked with (run-time versions)
// and the SIMD path its kernels take on this machine, for `preflight --version` and bug reports.
#pragma once

#include <string>

#include "preflight/export.hpp"

namespace preflight {

struct BuildInfo {
    std::string version;       // preflight itself
    std::string libvips;       // e.g. "8.14.1"
    std::string harfbuzz;
    std::string freetype;
    std::string opencv;
    std::string highway;       // compile-time version of Google Highway
    std::string simd_target;   // "AVX2", "AVX3", ..., or "scalar" (PREFLIGHT_SIMD=off)
};

/// The versions and SIMD target of this process. Never throws.
PREFLIGHT_API BuildInfo build_info();

}  // namespace preflight
