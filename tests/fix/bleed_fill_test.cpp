// lib/fix/bleed_fill: mirroring and stretching into the bleed strip, nothing outside it
// touched, and the texture measure that chooses between them (photo vs flat vs gradient).
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "fix/bleed_fill.hpp"
#include "support/page_painter.hpp"

namespace preflight {
namespace {

using fix::Edge;
using fix::FillMethod;

constexpr double trim_w = 148, trim_h = 105, bleed = 3, dpi = 150;

bool same_pixel(const core::Raster& r, int x0, int y0, int x1, int y1) {
    return std::memcmp(r.row(y0) + 3 * x0, r.row(y1) + 3 * x1, 3) == 0;
}

// A page whose artwork stops at the trim: a photo over the left half, a flat colour right.
testing::PagePainter artwork_to_trim() {
    testing::PagePainter painter(trim_w, trim_h, bleed, dpi);
    painter.fill({0, 0, trim_w, trim_h}, testing::cream);
    painter.texture({0, 0, 70, trim_h}, 7);
    return painter;
}

TEST(FixBleedFill, StripBoundsCoverThePixelsOutsideTheTrim) {
    const auto painter = artwork_to_trim();
    const auto& g = painter.geometry();
    const auto& r = painter.raster();
    const auto left = fix::strip_bounds(r, g, Edge::left);
    EXPECT_EQ(left.inner, int(std::ceil(g.x_px(0))));
    EXPECT_EQ(left.depth, left.inner);
    const auto right = fix::strip_bounds(r, g, Edge::right);
    EXPECT_EQ(right.inner, int(std::floor(g.x_px(trim_w))) - 1);
    EXPECT_EQ(right.depth, r.width - 1 - right.inner);
    EXPECT_GE(left.depth, int(bleed * g.px_per_mm()));
}

TEST(FixBleedFill, TextureSeparatesPhotosFromFlatColoursAndGradients) {
    auto painter = artwork_to_trim();
    const auto& g = painter.geometry();
    const auto& r = painter.raster();
    const std::vector<bool> all(std::size_t(r.height), true);
    const double photo = fix::edge_texture(r, g, Edge::left, 0, r.height, all);
    const double flat = fix::edge_texture(r, g, Edge::right, 0, r.height, all);
    EXPECT_EQ(fix::choose_fill(photo, 0.8), FillMethod::mirror) << photo;
    EXPECT_EQ(fix::choose_fill(flat, 0.8), FillMethod::stretch) << flat;

    // A smooth gradient across the edge (as a background fading from blue to pink) is no texture.
    core::Raster gradient = r;
    for (int y = 0; y < gradient.height; ++y)
        for (int x = 0; x < gradient.width; ++x) {
            std::uint8_t* p = gradient.row(y) + 3 * x;
            p[0] = std::uint8_t(80 + 150 * x / gradient.width);
            p[1] = std::uint8_t(120 + 100 * y / gradient.height);
            p[2] = 200;
        }
    const double smooth = fix::edge_texture(gradient, g, Edge::right, 0, gradient.height, all);
    EXPECT_EQ(fix::choose_fill(smooth, 0.8), FillMethod::stretch) << smooth;
}

TEST(FixBleedFill, MirrorReflectsAboutTheTrimAndStretchRepeatsTheLastPixel) {
    auto painter = artwork_to_trim();
    const auto& g = painter.geometry();
    core::Raster& r = painter.raster();
    const core::Raster before = r;
    const std::vector<bool> all(std::size_t(std::max(r.width, r.height)), true);
    fix::fill_bleed(r, g, Edge::left, 0, r.height, all, FillMethod::mirror);
    fix::fill_bleed(r, g, Edge::right, 0, r.height, all, FillMethod::stretch);
    fix::fill_bleed(r, g, Edge::top, 0, r.width, all, FillMethod::stretch);
    fix::fill_bleed(r, g, Edge::bottom, 0, r.width, all, FillMethod::mirror);
    const auto left = fix::strip_bounds(r, g, Edge::left), right = fix::strip_bounds(r, g, Edge::right);
    const auto top = fix::strip_bounds(r, g, Edge::top), bottom = fix::strip_bounds(r, g, Edge::bottom);
    for (int y = top.inner; y <= bottom.inner; ++y) {
        for (int k = 0; k < left.depth; ++k) ASSERT_TRUE(same_pixel(r, left.inner - 1 - k, y, left.inner + k, y)) << y << " " << k;
        for (int x = right.inner + 1; x < r.width; ++x) ASSERT_TRUE(same_pixel(r, x, y, right.inner, y)) << x << " " << y;
    }
    for (int x = 0; x < r.width; ++x) {
        for (int y = 0; y < top.inner; ++y) ASSERT_TRUE(same_pixel(r, x, y, x, top.inner));
        for (int k = 0; k < bottom.depth; ++k) ASSERT_TRUE(same_pixel(r, x, bottom.inner + 1 + k, x, bottom.inner - k));
    }
    // Inside the trim nothing moved.
    for (int y = top.inner; y <= bottom.inner; ++y)
        ASSERT_EQ(std::memcmp(r.row(y) + 3 * left.inner, before.row(y) + 3 * left.inner, std::size_t(right.inner - left.inner + 1) * 3), 0);
}

TEST(FixBleedFill, OnlyTheChosenPositionsChange) {
    auto painter = artwork_to_trim();
    const auto& g = painter.geometry();
    core::Raster& r = painter.raster();
    const core::Raster before = r;
    std::vector<bool> use(std::size_t(r.height), false);
    for (int y = 100; y < 200; ++y) use[std::size_t(y)] = true;
    fix::fill_bleed(r, g, Edge::left, 0, r.height, use, FillMethod::mirror);
    for (int y = 0; y < r.height; ++y) {
        const bool same = std::memcmp(r.row(y), before.row(y), std::size_t(r.width) * 3) == 0;
        EXPECT_EQ(same, !use[std::size_t(y)]) << y;
    }
}

TEST(FixBleedFill, GeneratesWhereArtworkReachesTheTrimOnly) {
    // Cream to the trim on the left; on the right it ends 0.2 mm inside the trim (within what
    // bleed.coverage counts as touching it): generating bleed there would continue paper.
    // At 300 dpi that leaves the last whole pixel inside the trim unprinted.
    testing::PagePainter painter(trim_w, trim_h, bleed, 300);
    painter.fill({0, 0, trim_w - 0.2, trim_h}, testing::cream);
    const auto& g = painter.geometry();
    core::Raster& r = painter.raster();
    const core::Raster before = r;
    const checks::ReachSettings reach;
    const auto right = fix::generate_bleed(r, g, Edge::right, 0, r.height, reach, 0.8);
    EXPECT_EQ(right.positions, 0);
    EXPECT_GT(right.inside_trim, int(100 * g.px_per_mm()));
    EXPECT_EQ(r.pixels, before.pixels);
    const auto left = fix::generate_bleed(r, g, Edge::left, 0, r.height, reach, 0.8);
    EXPECT_GT(left.positions, int(100 * g.px_per_mm()));
    EXPECT_EQ(left.method, FillMethod::stretch);
    EXPECT_NEAR(left.reach_after_px, fix::strip_bounds(r, g, Edge::left).depth, 1.0);
    EXPECT_EQ(r.row(300)[0], testing::cream.r);
}

}  // namespace
}  // namespace preflight
