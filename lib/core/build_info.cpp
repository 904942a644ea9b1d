// Versions of the linked libraries and the SIMD target chosen (see preflight/build_info.hpp).
#include "preflight/build_info.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <harfbuzz/hb.h>
#include <hwy/highway.h>
#include <opencv2/core/utility.hpp>
#include <vips/vips.h>

#include "kernels/strip_kernels.hpp"
#include "preflight/version.hpp"

namespace preflight {

namespace {

std::string freetype_version() {
    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library) != 0) return "unknown";
    FT_Int major = 0, minor = 0, patch = 0;
    FT_Library_Version(library, &major, &minor, &patch);
    FT_Done_FreeType(library);
    return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

}  // namespace

BuildInfo build_info() {
    BuildInfo info;
    info.version = version();
    info.libvips = vips_version_string();
    info.harfbuzz = hb_version_string();
    info.freetype = freetype_version();
    try {
        info.opencv = cv::getVersionString();
    } catch (...) {
        info.opencv = "unknown";
    }
    info.highway = std::to_string(HWY_MAJOR) + "." + std::to_string(HWY_MINOR);
    info.simd_target = kernels::simd_path_name();
    return info;
}

}  // namespace preflight
