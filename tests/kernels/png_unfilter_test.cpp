// The PNG unfilter kernel against its scalar reference on every SIMD target this CPU runs:
// every filter, every pixel size, odd widths, rows shorter than a vector.
#include "kernels/png_unfilter.hpp"

#include <gtest/gtest.h>
#include <hwy/targets.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "kernels/strip_kernels.hpp"

namespace preflight {
namespace {

using kernels::PngFilter;

class PngUnfilter : public ::testing::TestWithParam<std::int64_t> {
protected:
    void SetUp() override {
        simd_was_enabled_ = kernels::simd_enabled();
        kernels::set_simd_enabled(true);   // even under PREFLIGHT_SIMD=off: these tests compare the two paths
        hwy::SetSupportedTargetsForTest(GetParam());
    }
    void TearDown() override {
        hwy::SetSupportedTargetsForTest(0);
        kernels::set_simd_enabled(simd_was_enabled_);
    }
    bool simd_was_enabled_ = true;
};

const PngFilter filters[] = {PngFilter::none, PngFilter::sub, PngFilter::up, PngFilter::average, PngFilter::paeth};

TEST_P(PngUnfilter, EveryFilterAndPixelSizeMatchesScalar) {
    std::mt19937 random(11);
    for (std::size_t bpp : {1, 2, 3, 4, 6, 8}) {
        for (std::size_t pixels : {1, 2, 3, 5, 7, 15, 16, 17, 31, 33, 64, 101, 1311}) {
            const std::size_t row_bytes = pixels * bpp;
            const std::size_t padded = row_bytes + kernels::png_row_padding;
            std::vector<std::uint8_t> filtered(padded), previous(padded);
            for (auto& b : filtered) b = std::uint8_t(random());
            for (auto& b : previous) b = std::uint8_t(random());
            for (PngFilter filter : filters) {
                std::vector<std::uint8_t> simd(padded, 0xAA), expected(padded, 0x55);
                kernels::png_unfilter_row(filter, filtered.data(), previous.data(), simd.data(), row_bytes, bpp);
                kernels::scalar::png_unfilter_row(filter, filtered.data(), previous.data(), expected.data(), row_bytes,
                                                  bpp);
                simd.resize(row_bytes);
                expected.resize(row_bytes);
                ASSERT_EQ(simd, expected) << "filter " << int(filter) << " bpp " << bpp << " pixels " << pixels;
            }
        }
    }
}

// Runs of rows unfiltered together (Paeth interleaved), against the scalar reference row by row.
TEST_P(PngUnfilter, RowsTogetherMatchScalarRowByRow) {
    std::mt19937 random(3);
    for (std::size_t bpp : {1, 2, 3, 4, 6, 8}) {
        for (std::size_t pixels : {1, 2, 5, 17, 64, 333}) {
            const std::size_t row_bytes = pixels * bpp;
            const std::size_t stride = row_bytes + kernels::png_row_padding + 3;   // odd strides too
            for (std::size_t rows = 1; rows <= kernels::png_max_rows_together; ++rows) {
                std::vector<std::uint8_t> filtered(rows * stride), previous(stride);
                for (auto& b : filtered) b = std::uint8_t(random() % 9);   // small steps: many Paeth ties
                for (auto& b : previous) b = std::uint8_t(random());
                for (PngFilter filter : filters) {
                    std::vector<std::uint8_t> simd(rows * stride, 0xAA), expected(rows * stride, 0x55);
                    kernels::png_unfilter_rows(filter, filtered.data(), std::ptrdiff_t(stride), previous.data(),
                                               simd.data(), std::ptrdiff_t(stride), rows, row_bytes, bpp);
                    kernels::scalar::png_unfilter_rows(filter, filtered.data(), std::ptrdiff_t(stride), previous.data(),
                                                       expected.data(), std::ptrdiff_t(stride), rows, row_bytes, bpp);
                    for (std::size_t r = 0; r < rows; ++r)
                        ASSERT_TRUE(std::equal(simd.begin() + std::ptrdiff_t(r * stride),
                                               simd.begin() + std::ptrdiff_t(r * stride + row_bytes),
                                               expected.begin() + std::ptrdiff_t(r * stride)))
                            << "filter " << int(filter) << " bpp " << bpp << " pixels " << pixels << " rows " << rows
                            << " row " << r;
                }
            }
        }
    }
}

TEST_P(PngUnfilter, FlattenOnWhiteMatchesScalar) {
    std::mt19937 random(9);
    for (std::size_t pixels : {1, 7, 8, 15, 16, 17, 31, 32, 33, 64, 65, 1819}) {
        std::vector<std::uint8_t> rgba(pixels * 4);
        for (auto& b : rgba) b = std::uint8_t(random());
        for (std::size_t i = 0; i < pixels; i += 3) rgba[4 * i + 3] = (i % 2) ? 255 : 0;   // clear and opaque too
        std::vector<std::uint8_t> simd(pixels * 3, 0xAA), expected(pixels * 3, 0x55);
        kernels::flatten_rgba_on_white(rgba.data(), pixels, simd.data());
        kernels::scalar::flatten_rgba_on_white(rgba.data(), pixels, expected.data());
        ASSERT_EQ(simd, expected) << pixels << " pixels";
    }
}

// Paeth's ties and extremes: rows of only 0 and 255 reach every branch of the predictor.
TEST_P(PngUnfilter, PaethTiesAndExtremesMatchScalar) {
    std::mt19937 random(5);
    for (std::size_t bpp : {3, 4, 6, 8}) {
        const std::size_t row_bytes = 97 * bpp, padded = row_bytes + kernels::png_row_padding;
        std::vector<std::uint8_t> filtered(padded), previous(padded);
        for (auto& b : filtered) b = (random() & 1) ? 0 : 255;
        for (auto& b : previous) b = (random() & 1) ? 0 : std::uint8_t(random() & 3);
        std::vector<std::uint8_t> simd(padded), expected(padded);
        kernels::png_unfilter_row(PngFilter::paeth, filtered.data(), previous.data(), simd.data(), row_bytes, bpp);
        kernels::scalar::png_unfilter_row(PngFilter::paeth, filtered.data(), previous.data(), expected.data(),
                                          row_bytes, bpp);
        simd.resize(row_bytes);
        expected.resize(row_bytes);
        ASSERT_EQ(simd, expected) << "bpp " << bpp;
    }
}

// The scalar reference itself against the spec on a hand-worked 3-byte-pixel row.
TEST(PngUnfilterScalar, FollowsTheSpecOnAHandWorkedRow) {
    const std::uint8_t previous[6 + 16] = {10, 20, 30, 200, 100, 50};
    const std::uint8_t filtered[6 + 16] = {1, 2, 3, 4, 5, 6};
    std::uint8_t out[6 + 16] = {};
    kernels::scalar::png_unfilter_row(PngFilter::sub, filtered, previous, out, 6, 3);
    EXPECT_EQ(std::vector<int>(out, out + 6), (std::vector<int>{1, 2, 3, 5, 7, 9}));
    kernels::scalar::png_unfilter_row(PngFilter::average, filtered, previous, out, 6, 3);
    // First pixel: up / 2; second: (left + up) / 2 with left = the first pixel's result.
    EXPECT_EQ(std::vector<int>(out, out + 6), (std::vector<int>{6, 12, 18, 4 + (6 + 200) / 2, 5 + (12 + 100) / 2,
                                                                6 + (18 + 50) / 2}));
    kernels::scalar::png_unfilter_row(PngFilter::paeth, filtered, previous, out, 6, 3);
    // First pixel: up (left and upper-left are 0). Second, channel 0: left 11, up 200, upper-left 10:
    // estimate 201 is nearest to up.
    EXPECT_EQ(out[0], 11);
    EXPECT_EQ(out[3], std::uint8_t(4 + 200));
}

INSTANTIATE_TEST_SUITE_P(EveryTarget, PngUnfilter, ::testing::ValuesIn(hwy::SupportedAndGeneratedTargets()),
                         [](const ::testing::TestParamInfo<std::int64_t>& info) {
                             return std::string(hwy::TargetName(info.param));
                         });

}  // namespace
}  // namespace preflight
