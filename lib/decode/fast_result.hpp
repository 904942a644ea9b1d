// The outcome of a fast decoder: pixels, a file it leaves to libvips, or bytes that are broken.
#pragma once

#include <string>
#include <utility>

namespace preflight::decode {

/// ok: the output holds the pixels. unsupported: a valid file this decoder does not reproduce
/// exactly (interlaced, ICC profile, EXIF rotation, CMYK, ...): decode it with libvips instead.
/// invalid: the bytes break the format (truncated, bad CRC, corrupt stream) or pass the pixel
/// limit; `error` says how, in words fit for an input.unreadable finding.
enum class FastStatus { ok, unsupported, invalid };

struct FastResult {
    FastStatus status = FastStatus::ok;
    std::string error;   // why: set for unsupported (a reason) and invalid (the problem)
};

inline FastResult fast_ok() { return {}; }
inline FastResult fast_unsupported(std::string why) { return {FastStatus::unsupported, std::move(why)}; }
inline FastResult fast_invalid(std::string why) { return {FastStatus::invalid, std::move(why)}; }

/// The pixel-limit message of core::decode_raster, word for word, so both paths report alike.
std::string over_pixel_limit_message(long long width, long long height, double max_megapixels);

}  // namespace preflight::decode
