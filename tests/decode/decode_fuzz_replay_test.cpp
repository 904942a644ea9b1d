// Replays the decoder harnesses (tests/fuzz/fuzz_decode_targets.hpp) on their seeds, made in
// code, and on every input kept in tests/fuzz/corpus/{png,jpeg}_decode/ after a fuzzer found it;
// also checks that the seeds decode (a seed both sides refuse would teach the fuzzer nothing).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "fuzz/fuzz_decode_targets.hpp"
#include "support/png_forms.hpp"

namespace preflight {
namespace {

namespace fs = std::filesystem;

std::vector<std::vector<std::uint8_t>> kept_inputs(const std::string& harness) {
    std::vector<std::vector<std::uint8_t>> inputs;
    const fs::path folder = fs::path(PREFLIGHT_SOURCE_DIR) / "tests/fuzz/corpus" / harness;
    for (const auto& entry : fs::directory_iterator(folder)) {
        std::ifstream in(entry.path(), std::ios::binary);
        inputs.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return inputs;
}

TEST(DecodeFuzzReplay, PngSeedsDecodeAndEveryKeptInputRunsCleanly) {
    const auto seeds = fuzz::png_decode_seeds();
    ASSERT_EQ(seeds.size(), testing::every_png_form().size());
    for (const auto& seed : seeds) {
        core::Raster raster;
        const auto result = decode::decode_png_rgb8(seed, 2, raster);
        ASSERT_EQ(result.status, decode::FastStatus::ok) << result.error;
        fuzz::png_decode(seed.data(), seed.size());
    }
    for (const auto& input : kept_inputs("png_decode")) fuzz::png_decode(input.data(), input.size());
}

TEST(DecodeFuzzReplay, JpegSeedsDecodeAndEveryKeptInputRunsCleanly) {
    const auto seeds = fuzz::jpeg_decode_seeds();
    ASSERT_EQ(seeds.size(), 8u);
    for (const auto& seed : seeds) {
        core::Raster raster;
        const auto result = decode::decode_jpeg_rgb8(seed, 2, raster);
        ASSERT_EQ(result.status, decode::FastStatus::ok) << result.error;
        fuzz::jpeg_decode(seed.data(), seed.size());
    }
    for (const auto& input : kept_inputs("jpeg_decode")) fuzz::jpeg_decode(input.data(), input.size());
}

}  // namespace
}  // namespace preflight
