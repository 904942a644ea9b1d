// Words shared by the fast decoders.
#include "decode/fast_result.hpp"

#include <cstdio>

namespace preflight::decode {

std::string over_pixel_limit_message(long long width, long long height, double max_megapixels) {
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, "%lld x %lld pixels (%.0f megapixels) is over the limit of %.0f megapixels",
                  width, height, double(width) * double(height) / 1e6, max_megapixels);
    return buffer;
}

}  // namespace preflight::decode
