// Bleed generation (preflight fix) per 300 dpi A6 page (1819 x 1311 pixels), all four edges
// missing their bleed, next to decoding that same page from PNG: generating the bleed should
// cost less than getting the pixels at all.
#include <benchmark/benchmark.h>
#include <vips/vips.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <unistd.h>

#include "core/raster.hpp"
#include "fix/bleed_fill.hpp"
#include "decode_bench_support.hpp"

namespace {

using namespace preflight;

const core::PageGeometry a6{300, 3, 148, 105};

// Artwork that stops at the trim on every edge: a photo-like left half (mirrored) and a flat
// cream right half (stretched); the bleed is paper white.
core::Raster paint_page() {
    core::Raster raster;
    raster.width = a6.expected_width_px();
    raster.height = a6.expected_height_px();
    raster.pixels.assign(std::size_t(raster.width) * raster.height * 3, 255);
    const int x0 = int(std::ceil(a6.x_px(0))), x1 = int(std::floor(a6.x_px(a6.trim_width_mm)));
    const int y0 = int(std::ceil(a6.y_px(0))), y1 = int(std::floor(a6.y_px(a6.trim_height_mm)));
    for (int y = y0; y < y1; ++y) {
        std::uint8_t* row = raster.row(y);
        for (int x = x0; x < x1; ++x) {
            std::uint8_t* p = row + 3 * x;
            if (x < raster.width / 2) {
                const double v = 120 + 60 * std::sin(x / 90.0) * std::cos(y / 70.0) + ((x * 7 + y * 13) % 17);
                p[0] = std::uint8_t(v), p[1] = std::uint8_t(v * 0.9), p[2] = std::uint8_t(v * 0.8);
            } else {
                p[0] = 245, p[1] = 235, p[2] = 215;
            }
        }
    }
    return raster;
}

void generate_all_edges(core::Raster& raster) {
    const checks::ReachSettings reach;
    for (fix::Edge edge : {fix::Edge::left, fix::Edge::right, fix::Edge::top, fix::Edge::bottom}) {
        const int along = edge == fix::Edge::left || edge == fix::Edge::right ? raster.height : raster.width;
        const auto filled = fix::generate_bleed(raster, a6, edge, 0, along, reach, 0.8);
        benchmark::DoNotOptimize(filled.positions);
    }
}

// Puts the unprinted bleed back (only the strips: the interior never changes), so that every
// iteration generates the whole bleed again. Included in the timing: an upper bound.
void restore_strips(core::Raster& raster, const core::Raster& pristine) {
    const auto left = fix::strip_bounds(raster, a6, fix::Edge::left), right = fix::strip_bounds(raster, a6, fix::Edge::right);
    const auto top = fix::strip_bounds(raster, a6, fix::Edge::top), bottom = fix::strip_bounds(raster, a6, fix::Edge::bottom);
    const std::size_t row_bytes = std::size_t(raster.width) * 3;
    for (int y = 0; y < raster.height; ++y) {
        if (y < top.inner || y > bottom.inner) {
            std::memcpy(raster.row(y), pristine.row(y), row_bytes);
            continue;
        }
        std::memcpy(raster.row(y), pristine.row(y), std::size_t(left.inner) * 3);
        std::memcpy(raster.row(y) + 3 * (right.inner + 1), pristine.row(y) + 3 * (right.inner + 1), std::size_t(right.depth) * 3);
    }
}

void BM_fix_bleed_generation_a6_300dpi(benchmark::State& state) {
    const core::Raster pristine = paint_page();
    core::Raster raster = pristine;
    generate_all_edges(raster);
    if (raster.pixels == pristine.pixels) state.SkipWithError("no bleed was generated");
    for (auto _ : state) {
        restore_strips(raster, pristine);
        generate_all_edges(raster);
        benchmark::DoNotOptimize(raster.pixels.data());
    }
    state.SetLabel("4 edges: measure, texture, fill, re-measure");
}
BENCHMARK(BM_fix_bleed_generation_a6_300dpi)->Unit(benchmark::kMicrosecond)->MeasureProcessCPUTime()->UseRealTime();

void BM_fix_decode_png_a6_300dpi(benchmark::State& state) { bench::time_png_decode(state, paint_page(), "fix"); }
BENCHMARK(BM_fix_decode_png_a6_300dpi)->Unit(benchmark::kMicrosecond)->MeasureProcessCPUTime()->UseRealTime();

}  // namespace
