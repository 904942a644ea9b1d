// The bodies of the differential decoder harnesses (fuzz_png_decode, fuzz_jpeg_decode), shared
// with their replay test (tests/decode/decode_fuzz_replay_test.cpp), and their seeds, made in
// code: small PNGs of every form and JPEGs of every subsampling. On every input that both our
// decoder and the reference library accept, the pixels must be the same bytes.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <vector>

#include "decode/jpeg.hpp"
#include "decode/png.hpp"
#include "support/reference_decoders.hpp"

namespace preflight::fuzz {

inline void decode_invariant(bool holds, const char* what) {
    if (holds) return;
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

template <class Buffer>
bool same_bytes(const Buffer& ours, const std::vector<std::uint8_t>& reference) {
    return ours.size() == reference.size() && std::equal(ours.begin(), ours.end(), reference.begin());
}

/// PNG bytes: decode_png_rgb8 and decode_png_mask (2-megapixel limit) against libpng as libvips
/// sets it up. Refusals are fine; different pixels, or a result of the wrong size, are not.
inline void png_decode(const std::uint8_t* data, std::size_t size) {
    const std::span<const std::uint8_t> bytes(data, size);
    core::Raster raster;
    const auto result = decode::decode_png_rgb8(bytes, 2, raster);
    if (result.status != decode::FastStatus::ok) {
        decode_invariant(!result.error.empty(), "a refused PNG without a reason");
        return;
    }
    decode_invariant(raster.pixels.size() == std::size_t(raster.width) * std::size_t(raster.height) * 3,
                     "PNG raster size mismatch");
    const auto expected = reference::png_rgb8(bytes);
    if (expected.ok) decode_invariant(same_bytes(raster.pixels, expected.pixels), "PNG pixels differ from libpng's");
    core::Mask mask;
    decode_invariant(decode::decode_png_mask(bytes, 2, mask).status == decode::FastStatus::ok,
                     "the mask decoder refused what the RGB decoder read");
    const auto expected_mask = reference::png_mask(bytes);
    if (expected_mask.ok)
        decode_invariant(same_bytes(mask.values, expected_mask.pixels), "PNG mask differs from libpng's");
}

/// JPEG bytes: decode_jpeg_rgb8 full size (and 1/8 for images of 64 pixels a side or more,
/// where libjpeg and TurboJPEG choose the same scale) against libjpeg's scanline API.
inline void jpeg_decode(const std::uint8_t* data, std::size_t size) {
    const std::span<const std::uint8_t> bytes(data, size);
    core::Raster raster;
    const auto result = decode::decode_jpeg_rgb8(bytes, 2, raster);
    if (result.status != decode::FastStatus::ok) {
        decode_invariant(!result.error.empty(), "a refused JPEG without a reason");
        return;
    }
    decode_invariant(raster.pixels.size() == std::size_t(raster.width) * std::size_t(raster.height) * 3,
                     "JPEG raster size mismatch");
    const auto expected = reference::jpeg_rgb8(bytes);
    if (expected.ok) decode_invariant(same_bytes(raster.pixels, expected.pixels), "JPEG pixels differ from libjpeg's");
    if (raster.width < 64 || raster.height < 64) return;
    core::Raster small;
    if (decode::decode_jpeg_rgb8(bytes, 2, small, 8).status != decode::FastStatus::ok) return;
    const auto expected_small = reference::jpeg_rgb8(bytes, 8);
    if (expected_small.ok)
        decode_invariant(same_bytes(small.pixels, expected_small.pixels), "1/8 JPEG pixels differ from libjpeg's");
}

/// Small seeds: every PNG form (forced filters mixed), and JPEGs of each subsampling.
std::vector<std::vector<std::uint8_t>> png_decode_seeds();
std::vector<std::vector<std::uint8_t>> jpeg_decode_seeds();

/// For LLVMFuzzerInitialize: writes `seeds` into the first corpus folder named on the command
/// line when it holds no files yet (scripts/fuzz and the ctest entries start from an empty one).
void write_seeds_if_empty(int argc, char** argv, const std::vector<std::vector<std::uint8_t>>& seeds);

}  // namespace preflight::fuzz
