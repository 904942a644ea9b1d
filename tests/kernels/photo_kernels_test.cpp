// The photo kernels against their scalar references on every SIMD target this CPU runs: tile
// widths shorter than, equal to and not a multiple of a vector, noisy and edgy content.
#include "kernels/photo_kernels.hpp"
#include "kernels/strip_kernels.hpp"

#include <gtest/gtest.h>
#include <hwy/targets.h>

#include <cstdint>
#include <random>
#include <vector>

namespace preflight {
namespace {

class PhotoKernels : public ::testing::TestWithParam<std::int64_t> {
protected:
    void SetUp() override {
        simd_was_enabled_ = kernels::simd_enabled();
        kernels::set_simd_enabled(true);
        hwy::SetSupportedTargetsForTest(GetParam());
    }
    void TearDown() override {
        hwy::SetSupportedTargetsForTest(0);
        kernels::set_simd_enabled(simd_was_enabled_);
    }
    bool simd_was_enabled_ = true;
};

// A luma image with smooth ramps, sharp steps, soft steps and noise, so every branch of the
// sums (below the edge step, blur removing more than the step, ...) is taken.
std::vector<std::uint8_t> test_luma(int width, int height, std::uint32_t seed) {
    std::mt19937 random(seed);
    std::vector<std::uint8_t> luma(std::size_t(width) * height + kernels::edge_overread_bytes);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            int value = (x * 3 + y) % 200;                              // ramp
            if ((x / 13 + y / 17) % 2) value += 40;                     // hard steps
            value += int(random() % 5) - 2;                             // noise of +-2
            if (random() % 50 == 0) value = int(random() % 256);       // speckles
            luma[std::size_t(y) * width + x] = std::uint8_t(std::clamp(value, 0, 255));
        }
    }
    return luma;
}

bool same(const kernels::EdgeTileSums& a, const kernels::EdgeTileSums& b) {
    return a.gradient == b.gradient && a.kept == b.kept && a.edges == b.edges && a.sum == b.sum &&
           a.sum_squares == b.sum_squares && a.count == b.count;
}

TEST_P(PhotoKernels, EdgeTileSumsMatchScalar) {
    const int margin = int(kernels::edge_reach_px);
    for (std::size_t tile_px : {1u, 5u, 7u, 8u, 9u, 15u, 16u, 17u, 24u, 31u, 32u, 33u, 40u, 63u, 64u, 65u, 100u, 256u}) {
        for (std::size_t tiles : {1u, 3u}) {
            const std::size_t rows = tile_px < 70 ? tile_px : 70;   // > 64 rows: one flush inside a band
            const int width = int(2 * margin + tiles * tile_px + 3), height = int(rows + 2 * margin + 1);
            const auto luma = test_luma(width, height, std::uint32_t(tile_px * 31 + tiles));
            std::vector<kernels::EdgeTileSums> simd(tiles), expected(tiles);
            const std::uint8_t* first_row = luma.data() + std::size_t(margin) * width;
            kernels::edge_tile_sums_band(first_row, width, rows, std::size_t(margin), tile_px, tiles, 3, simd.data());
            kernels::scalar::edge_tile_sums_band(first_row, width, rows, std::size_t(margin), tile_px, tiles, 3,
                                                 expected.data());
            for (std::size_t t = 0; t < tiles; ++t) {
                EXPECT_TRUE(same(simd[t], expected[t])) << "tile_px " << tile_px << " tile " << t;
                EXPECT_EQ(expected[t].count, std::int64_t(rows * tile_px));
            }
            // The sums are not trivially zero: the content has edges in every direction.
            if (tile_px >= 8) {
                for (int dir = 0; dir < 4; ++dir) EXPECT_GT(expected[0].edges[dir], 0) << "tile_px " << tile_px;
            }
        }
    }
}

TEST_P(PhotoKernels, EdgeTileSumsAddToWhatIsThere) {
    const int width = 100, height = 60;
    const auto luma = test_luma(width, height, 5);
    kernels::EdgeTileSums once, twice;
    const std::uint8_t* first_row = luma.data() + 6 * width;
    kernels::edge_tile_sums_band(first_row, width, 40, 6, 80, 1, 3, &once);
    twice = once;
    kernels::edge_tile_sums_band(first_row, width, 40, 6, 80, 1, 3, &twice);
    EXPECT_EQ(twice.sum, 2 * once.sum);
    EXPECT_EQ(twice.kept[1], 2 * once.kept[1]);
    EXPECT_EQ(twice.count, 2 * once.count);
}

TEST_P(PhotoKernels, AddRowsMatchesScalar) {
    std::mt19937 random(11);
    for (std::size_t width : {1u, 7u, 15u, 16u, 17u, 33u, 63u, 64u, 65u, 1200u, 5457u}) {
        for (std::size_t rows : {1u, 2u, 5u, 16u, 257u}) {
            const std::ptrdiff_t stride = std::ptrdiff_t(width + 3);
            std::vector<std::uint8_t> values(rows * std::size_t(stride));
            for (auto& v : values) v = std::uint8_t(random());
            std::vector<std::uint16_t> simd(width), expected(width);
            for (std::size_t i = 0; i < width; ++i) simd[i] = expected[i] = std::uint16_t(i % 7);   // adds to them
            kernels::add_rows(values.data(), stride, rows, width, simd.data());
            kernels::scalar::add_rows(values.data(), stride, rows, width, expected.data());
            EXPECT_EQ(simd, expected) << "width " << width << " rows " << rows;
        }
    }
    // 257 rows of 255 plus nothing fills 16 bits exactly.
    std::vector<std::uint8_t> full(257 * 20, 255);
    std::vector<std::uint16_t> sums(20, 0);
    kernels::add_rows(full.data(), 20, 257, 20, sums.data());
    EXPECT_EQ(sums[19], 65535);
}

TEST_P(PhotoKernels, SrgbToLabMatchesScalar) {
    std::mt19937 random(3);
    std::uniform_real_distribution<float> unit(-0.05f, 1.05f);   // a little outside 0..1 too: clamped
    for (std::size_t count : {1u, 3u, 8u, 15u, 16u, 17u, 100u, 1001u}) {
        std::vector<float> r(count), g(count), b(count);
        for (std::size_t i = 0; i < count; ++i) r[i] = unit(random), g[i] = unit(random), b[i] = unit(random);
        std::vector<float> l(count), a(count), bb(count), el(count), ea(count), eb(count);
        kernels::srgb_to_lab(r.data(), g.data(), b.data(), count, l.data(), a.data(), bb.data());
        kernels::scalar::srgb_to_lab(r.data(), g.data(), b.data(), count, el.data(), ea.data(), eb.data());
        for (std::size_t i = 0; i < count; ++i) {
            EXPECT_NEAR(l[i], el[i], 1e-3) << i;
            EXPECT_NEAR(a[i], ea[i], 1e-3) << i;
            EXPECT_NEAR(bb[i], eb[i], 1e-3) << i;
        }
        // In place, as the colour cast calls it.
        kernels::srgb_to_lab(r.data(), g.data(), b.data(), count, r.data(), g.data(), b.data());
        for (std::size_t i = 0; i < count; ++i) EXPECT_NEAR(r[i], el[i], 1e-3) << i;
    }
}

TEST_P(PhotoKernels, RgbToLumaMatchesScalar) {
    std::mt19937 random(17);
    for (std::size_t count : {1u, 3u, 7u, 8u, 15u, 16u, 17u, 31u, 33u, 64u, 65u, 1819u}) {
        std::vector<std::uint8_t> rgb(3 * count);
        for (auto& v : rgb) v = std::uint8_t(random());
        // The extremes too: white must stay 255 (the rounding constant must not overflow).
        rgb[0] = rgb[1] = rgb[2] = 255;
        std::vector<std::uint8_t> simd(count + 1, 7), expected(count + 1, 7);
        kernels::rgb_to_luma(rgb.data(), count, simd.data());
        kernels::scalar::rgb_to_luma(rgb.data(), count, expected.data());
        EXPECT_EQ(simd, expected) << "count " << count;   // and nothing written past the end
        EXPECT_EQ(expected[0], 255);
        EXPECT_EQ(expected[count], 7);
    }
}

TEST_P(PhotoKernels, BilinearRowMatchesScalar) {
    std::mt19937 random(23);
    for (std::size_t count : {1u, 3u, 7u, 8u, 15u, 16u, 17u, 33u, 1601u}) {
        for (int spread : {1, 2, 3}) {   // steps between sources: 1..2 (reductions to >= 1/2), up to 3 (groups too wide)
            std::vector<std::int32_t> offset(count), weight0(count), weight1(count);
            std::int32_t at = 0;
            for (std::size_t i = 0; i < count; ++i) {
                offset[i] = at;
                at += 1 + std::int32_t(random() % std::uint32_t(spread));
                weight0[i] = std::int32_t(random() % 2049);
                weight1[i] = 2048 - weight0[i];
            }
            std::vector<std::uint8_t> row(std::size_t(at) + 16);
            for (auto& v : row) v = std::uint8_t(random());
            row[0] = row[1] = 255;   // the largest sum: 255 * 2048 >> 4
            weight0[0] = 2048;
            weight1[0] = 0;
            const kernels::BilinearTaps taps = kernels::bilinear_taps(offset, weight0, weight1);
            std::vector<std::int16_t> simd(count + 1, 7), expected(count + 1, 7);
            kernels::bilinear_row(row.data(), taps, simd.data());
            kernels::scalar::bilinear_row(row.data(), taps, expected.data());
            EXPECT_EQ(simd, expected) << "count " << count << " spread " << spread;
            EXPECT_EQ(expected[0], 255 * 2048 >> 4);
            EXPECT_EQ(expected[count], 7);
        }
    }
}

TEST(PhotoKernelsScalar, EdgeSumsOfAKnownStep) {
    // A vertical black/white step: only the horizontal and diagonal directions see it.
    const int width = 40, height = 30;
    std::vector<std::uint8_t> luma(std::size_t(width) * height + kernels::edge_overread_bytes, 0);
    for (int y = 0; y < height; ++y)
        for (int x = 20; x < width; ++x) luma[std::size_t(y) * width + x] = 200;
    kernels::EdgeTileSums sums;
    kernels::scalar::edge_tile_sums_band(luma.data() + 6 * width, width, 10, 6, 28, 1, 3, &sums);
    // Along 0 degrees each row has one step of 200 at x = 19: gradient 9 * 200, and the box
    // blur there also sees the full step (|I(24) - I(15)| = 200), so nothing is kept.
    EXPECT_EQ(sums.edges[0], 10);
    EXPECT_EQ(sums.gradient[0], 10 * 9 * 200);
    EXPECT_EQ(sums.kept[0], 10 * (9 * 200 - 200));
    EXPECT_EQ(sums.edges[2], 0);   // 90 degrees: along the step, nothing changes
    EXPECT_EQ(sums.edges[1], 10);
    EXPECT_EQ(sums.edges[3], 10);
    EXPECT_EQ(sums.sum, 10 * 14 * 200);
    EXPECT_EQ(sums.count, 10 * 28);
}

INSTANTIATE_TEST_SUITE_P(EveryTarget, PhotoKernels, ::testing::ValuesIn(hwy::SupportedAndGeneratedTargets()),
                         [](const ::testing::TestParamInfo<std::int64_t>& info) {
                             return std::string(hwy::TargetName(info.param));
                         });

}  // namespace
}  // namespace preflight
