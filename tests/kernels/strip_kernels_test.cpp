// The strip kernels against their scalar references, on every SIMD target this CPU runs,
// with odd widths, tails shorter than a vector and negative strides.
#include "kernels/strip_kernels.hpp"

#include <gtest/gtest.h>
#include <hwy/targets.h>

#include <cstdint>
#include <random>
#include <vector>

namespace preflight {
namespace {

using kernels::RunFrom;

// Bytes that sit mostly near a threshold so runs end at many different places.
std::vector<std::uint8_t> near_limit_bytes(std::size_t count, std::uint32_t seed, std::uint8_t limit, int spread_per_mille) {
    std::mt19937 random(seed);
    std::vector<std::uint8_t> bytes(count);
    for (auto& b : bytes) {
        // Mostly at or under the limit; now and then one above it.
        bool above = int(random() % 1000) < spread_per_mille;
        b = above ? std::uint8_t(limit + 1 + random() % (255 - limit)) : std::uint8_t(random() % (limit + 1));
    }
    return bytes;
}

class StripKernels : public ::testing::TestWithParam<std::int64_t> {
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

const std::size_t widths[] = {1, 2, 3, 7, 15, 16, 17, 31, 32, 33, 63, 64, 65, 97, 129, 255, 1311, 1819};

TEST_P(StripKernels, DispatchesToTheTargetUnderTest) {
    EXPECT_EQ(kernels::simd_dispatch_target(), GetParam());
}

TEST_P(StripKernels, ColourDistanceMatchesScalar) {
    std::mt19937 random(7);
    for (std::size_t pixels : widths) {
        const std::size_t rows = 5;
        std::vector<std::uint8_t> rgb(rows * pixels * 3);
        for (auto& b : rgb) b = std::uint8_t(random());
        kernels::Rgb8 reference{250, 3, 128};
        std::vector<std::uint8_t> simd(rows * pixels, 0xAA), expected(rows * pixels, 0x55);
        kernels::colour_distance_band(rgb.data(), std::ptrdiff_t(pixels * 3), rows, pixels, reference,
                                      simd.data(), std::ptrdiff_t(pixels));
        kernels::scalar::colour_distance_band(rgb.data(), std::ptrdiff_t(pixels * 3), rows, pixels, reference,
                                              expected.data(), std::ptrdiff_t(pixels));
        ASSERT_EQ(simd, expected) << "pixels " << pixels;
    }
}

TEST_P(StripKernels, ColourDistanceWalksBottomUpWithNegativeStride) {
    const std::size_t pixels = 45, rows = 4;
    std::vector<std::uint8_t> rgb(rows * pixels * 3);
    for (std::size_t i = 0; i < rgb.size(); ++i) rgb[i] = std::uint8_t(i * 37);
    const std::ptrdiff_t stride = std::ptrdiff_t(pixels * 3);
    const std::uint8_t* last_row = rgb.data() + (rows - 1) * pixels * 3;
    std::vector<std::uint8_t> simd(rows * pixels), expected(rows * pixels);
    kernels::colour_distance_band(last_row, -stride, rows, pixels, {255, 255, 255}, simd.data(), std::ptrdiff_t(pixels));
    kernels::scalar::colour_distance_band(last_row, -stride, rows, pixels, {255, 255, 255}, expected.data(),
                                          std::ptrdiff_t(pixels));
    EXPECT_EQ(simd, expected);
    // The first output row is the last input row: pixel 0 is (rgb[...]) against white.
    const std::uint8_t* p = last_row;
    EXPECT_EQ(expected[0], std::max({255 - p[0], 255 - p[1], 255 - p[2]}));
}

TEST_P(StripKernels, OpenThinMatchesScalarInBothAxes) {
    std::uint32_t seed = 3;
    for (std::size_t width : widths) {
        for (std::size_t rows : {1, 2, 3, 8, 40}) {
            for (int spread : {20, 300, 700}) {
                auto values = near_limit_bytes(rows * width, seed++, 10, spread);
                for (kernels::Axis axis : {kernels::Axis::along_rows, kernels::Axis::across_rows}) {
                    std::vector<std::uint8_t> simd(rows * (width + 3), 0xAA), expected(rows * (width + 3), 0xAA);
                    const auto out_stride = std::ptrdiff_t(width + 3);   // an output stride unlike the input's
                    kernels::open_thin_band(values.data(), std::ptrdiff_t(width), rows, width, axis, 100, simd.data(), out_stride);
                    kernels::scalar::open_thin_band(values.data(), std::ptrdiff_t(width), rows, width, axis, 100,
                                                    expected.data(), out_stride);
                    ASSERT_EQ(simd, expected) << "width " << width << " rows " << rows << " axis " << int(axis);
                }
            }
        }
    }
}

TEST_P(StripKernels, OpenThinRemovesSpecksAndKeepsWideOrStrongDetail) {
    // Along a row: a 2-wide weak speck goes, a 3-wide weak band stays, a 1-wide strong one stays.
    std::vector<std::uint8_t> row = {0, 9, 9, 0, 0, 9, 9, 9, 0, 0, 200, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                     0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5};
    std::vector<std::uint8_t> out(row.size(), 0xEE);
    kernels::open_thin_band(row.data(), 0, 1, row.size(), kernels::Axis::along_rows, 50, out.data(), 0);
    std::vector<std::uint8_t> expected(row.size(), 0);
    expected[5] = expected[6] = expected[7] = 9;
    expected[10] = 200;
    EXPECT_EQ(out, expected);
    // Across rows, walking up with a negative stride: the same band laid out as a column.
    const std::size_t width = 70;
    std::vector<std::uint8_t> column_band(row.size() * width);
    for (std::size_t y = 0; y < row.size(); ++y)
        for (std::size_t x = 0; x < width; ++x) column_band[(row.size() - 1 - y) * width + x] = row[y];
    std::vector<std::uint8_t> opened(row.size() * width, 0xEE);
    kernels::open_thin_band(column_band.data() + (row.size() - 1) * width, -std::ptrdiff_t(width), row.size(), width,
                            kernels::Axis::across_rows, 50, opened.data(), std::ptrdiff_t(width));
    for (std::size_t y = 0; y < row.size(); ++y) ASSERT_EQ(opened[y * width + 33], expected[y]) << y;
}

TEST_P(StripKernels, RowRunsMatchScalarFromBothEnds) {
    std::uint32_t seed = 11;
    for (std::size_t width : widths) {
        for (int spread : {0, 2, 30, 300, 1000}) {
            const std::size_t rows = 9;
            auto values = near_limit_bytes(rows * width, seed++, 20, spread);
            for (RunFrom from : {RunFrom::start, RunFrom::end}) {
                std::vector<std::uint16_t> simd(rows, 0xFFFF), expected(rows, 0);
                kernels::row_runs_band(values.data(), std::ptrdiff_t(width), rows, width, 20, from, simd.data());
                kernels::scalar::row_runs_band(values.data(), std::ptrdiff_t(width), rows, width, 20, from,
                                               expected.data());
                ASSERT_EQ(simd, expected) << "width " << width << " spread " << spread;
            }
        }
    }
}

TEST_P(StripKernels, RowRunsFindAHitInEveryPosition) {
    // One value above the limit, at every position of a row: the run must end exactly there.
    for (std::size_t width : {5, 33, 70, 130}) {
        std::vector<std::uint8_t> values(width * width, 0);
        for (std::size_t y = 0; y < width; ++y) values[y * width + y] = 200;
        std::vector<std::uint16_t> from_start(width), from_end(width);
        kernels::row_runs_band(values.data(), std::ptrdiff_t(width), width, width, 0, RunFrom::start, from_start.data());
        kernels::row_runs_band(values.data(), std::ptrdiff_t(width), width, width, 0, RunFrom::end, from_end.data());
        for (std::size_t y = 0; y < width; ++y) {
            ASSERT_EQ(from_start[y], y) << width;
            ASSERT_EQ(from_end[y], width - 1 - y) << width;
        }
    }
}

TEST_P(StripKernels, ColumnRunsMatchScalarDownAndUp) {
    std::uint32_t seed = 99;
    for (std::size_t width : widths) {
        for (std::size_t rows : {1, 2, 36, 300}) {
            for (int spread : {0, 5, 100, 1000}) {
                auto values = near_limit_bytes(rows * width, seed++, 12, spread);
                const std::ptrdiff_t stride = std::ptrdiff_t(width);
                std::vector<std::uint16_t> simd(width, 0xFFFF), expected(width, 0);
                kernels::column_runs_band(values.data(), stride, rows, width, 12, simd.data());
                kernels::scalar::column_runs_band(values.data(), stride, rows, width, 12, expected.data());
                ASSERT_EQ(simd, expected) << "width " << width << " rows " << rows << " spread " << spread;
                const std::uint8_t* last = values.data() + (rows - 1) * width;
                kernels::column_runs_band(last, -stride, rows, width, 12, simd.data());
                kernels::scalar::column_runs_band(last, -stride, rows, width, 12, expected.data());
                ASSERT_EQ(simd, expected) << "upward, width " << width << " rows " << rows;
            }
        }
    }
}

TEST_P(StripKernels, ColumnRunsCountPastTwoHundredFiftyFiveRows) {
    const std::size_t width = 67, rows = 700;
    std::vector<std::uint8_t> values(rows * width, 1);
    for (std::size_t x = 0; x < width; ++x) values[(x * 10 % rows) * width + x] = 9;   // some columns never end
    std::vector<std::uint16_t> runs(width);
    kernels::column_runs_band(values.data(), std::ptrdiff_t(width), rows, width, 8, runs.data());
    for (std::size_t x = 0; x < width; ++x) EXPECT_EQ(runs[x], x * 10 % rows) << x;
    std::vector<std::uint8_t> flat(rows * width, 0);
    kernels::column_runs_band(flat.data(), std::ptrdiff_t(width), rows, width, 0, runs.data());
    for (auto run : runs) EXPECT_EQ(run, rows);
}

INSTANTIATE_TEST_SUITE_P(EveryTarget, StripKernels, ::testing::ValuesIn(hwy::SupportedAndGeneratedTargets()),
                         [](const ::testing::TestParamInfo<std::int64_t>& info) {
                             return std::string(hwy::TargetName(info.param));
                         });

TEST(StripKernelsSwitch, SimdOffTakesTheScalarPath) {
    const bool was_enabled = kernels::simd_enabled();
    kernels::set_simd_enabled(false);
    EXPECT_STREQ(kernels::simd_path_name(), "scalar");
    std::vector<std::uint8_t> values = {0, 0, 5, 0};
    std::uint16_t run = 0;
    kernels::row_runs_band(values.data(), 4, 1, 4, 1, RunFrom::start, &run);
    EXPECT_EQ(run, 2);
    kernels::set_simd_enabled(true);
    EXPECT_STRNE(kernels::simd_path_name(), "scalar");
    kernels::set_simd_enabled(was_enabled);
}

}  // namespace
}  // namespace preflight
