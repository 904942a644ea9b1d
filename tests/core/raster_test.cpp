// Decoding rasters: formats, bit depths and the pixel limit, on real files written by libvips.
#include "core/raster.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "support/test_support.hpp"

namespace preflight {
namespace {

using testing::TempDir;

TEST(Raster, DecodesPngAndJpegToSrgb) {
    TempDir dir;
    auto raster = testing::solid_raster(40, 30, 200, 100, 50);
    testing::write_raster(raster, dir / "a.png");
    testing::write_raster(raster, dir / "a.jpg");
    auto png = core::decode_raster((dir / "a.png").string(), {});
    ASSERT_TRUE(png.error.empty()) << png.error;
    EXPECT_EQ(png.raster.width, 40);
    EXPECT_EQ(png.raster.height, 30);
    EXPECT_EQ(png.raster.row(10)[30], 200);
    EXPECT_EQ(png.raster.row(10)[31], 100);
    auto jpg = core::decode_raster((dir / "a.jpg").string(), {});
    ASSERT_TRUE(jpg.error.empty()) << jpg.error;
    EXPECT_NEAR(jpg.raster.row(15)[60], 200, 4);
}

TEST(Raster, MissingAndCorruptFilesAreProblemsNotCrashes) {
    TempDir dir;
    auto missing = core::decode_raster((dir / "nope.png").string(), {});
    EXPECT_EQ(missing.error_check, "input.missing_file");
    testing::write_text(dir / "bad.png", "this is not a png");
    auto bad = core::decode_raster((dir / "bad.png").string(), {});
    EXPECT_EQ(bad.error_check, "input.unreadable");
    EXPECT_FALSE(bad.error.empty());
}

TEST(Raster, PixelLimitRefusesBeforeDecoding) {
    TempDir dir;
    testing::write_raster(testing::solid_raster(2000, 1000, 1, 2, 3), dir / "big.png");
    auto refused = core::decode_raster((dir / "big.png").string(), {1.5});
    EXPECT_EQ(refused.error_check, "input.unreadable");
    EXPECT_NE(refused.error.find("megapixels"), std::string::npos);
}

TEST(PageGeometry, ConvertsMillimetresToBleedBoxPixels) {
    core::PageGeometry g{300, 3, 148, 105};
    EXPECT_EQ(g.expected_width_px(), 1819);
    EXPECT_EQ(g.expected_height_px(), 1311);
    EXPECT_NEAR(g.x_px(0), 3 * 300 / 25.4, 1e-9);
    EXPECT_NEAR(g.x_mm(g.x_px(12.5)), 12.5, 1e-9);
}

// Boxes far off the page (or not numbers at all) clamp to the raster's edge: no pixel index
// overflows an int (UBSan found 1e308 mm reaching the conversion).
TEST(PageGeometry, BoxesFarOffThePageClampToItsEdge) {
    core::PageGeometry g{300, 3, 148, 105};
    auto whole = g.to_px({-1e308, -1e308, 1e308, 1e308}, 1819, 1311);
    EXPECT_EQ(whole.x0, 0);
    EXPECT_EQ(whole.y0, 0);
    EXPECT_EQ(whole.x1, 36);   // -1e308 + 1e308 = 0 mm: the box ends at the trim (35.4 px)
    auto right = g.to_px({1e308, 0, 10, 10}, 1819, 1311);
    EXPECT_TRUE(right.empty());
    EXPECT_EQ(right.x0, 1819);
    auto huge = g.to_px({-3, -3, 1e300, 1e300}, 1819, 1311);
    EXPECT_EQ(huge.x1, 1819);
    EXPECT_EQ(huge.y1, 1311);
    auto nan = g.to_px({std::nan(""), 0, 10, 10}, 1819, 1311);
    EXPECT_TRUE(nan.empty());
    auto inside = g.to_px({0, 0, 10, 10}, 1819, 1311);
    EXPECT_EQ(inside.x0, 35);
    EXPECT_EQ(inside.x1, 154);
}

}  // namespace
}  // namespace preflight
