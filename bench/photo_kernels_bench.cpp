// The photo kernels, SIMD (the dispatched target) and scalar, on the sizes a 300 dpi photo
// frame gives them: the edge sums over a frame's luma (photo.blur) and the Lab conversion of
// its ~0.1 MP thumbnail (photo.colour_cast). Each is checked against its scalar reference
// before it is timed.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <vector>

#include "kernels/photo_kernels.hpp"
#include "kernels/strip_kernels.hpp"

namespace {

using namespace preflight;

// A full-bleed A6 photo frame at 300 dpi, in 64-pixel tiles as measure_sharpness makes them.
constexpr std::size_t frame_width = 1819, frame_height = 1311, tile_px = 64, margin = kernels::edge_reach_px;

std::vector<std::uint8_t> photo_like_luma() {
    // Smooth ramps with edges and noise: every branch of the sums is taken.
    std::mt19937 random(5);
    std::vector<std::uint8_t> luma(frame_width * frame_height + kernels::edge_overread_bytes);
    for (std::size_t y = 0; y < frame_height; ++y)
        for (std::size_t x = 0; x < frame_width; ++x)
            luma[y * frame_width + x] = std::uint8_t((x / 7 + y / 5) % 2 ? 60 + (x + y) % 90 + random() % 4 : 200 - random() % 6);
    return luma;
}

void use_path(benchmark::State& state) {
    kernels::set_simd_enabled(state.range(0) != 0);
    state.SetLabel(kernels::simd_path_name());
}

bool same(const std::vector<kernels::EdgeTileSums>& a, const std::vector<kernels::EdgeTileSums>& b) {
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].gradient != b[i].gradient || a[i].kept != b[i].kept || a[i].edges != b[i].edges ||
            a[i].sum != b[i].sum || a[i].sum_squares != b[i].sum_squares)
            return false;
    return true;
}

void BM_edge_tile_sums(benchmark::State& state) {
    const auto luma = photo_like_luma();
    const std::size_t tiles_x = (frame_width - 2 * margin) / tile_px, tiles_y = (frame_height - 2 * margin) / tile_px;
    const auto run = [&](auto&& kernel) {
        std::vector<kernels::EdgeTileSums> tiles(tiles_x * tiles_y);
        for (std::size_t ty = 0; ty < tiles_y; ++ty)
            kernel(luma.data() + (margin + ty * tile_px) * frame_width, std::ptrdiff_t(frame_width), tile_px, margin,
                   tile_px, tiles_x, std::uint8_t(3), tiles.data() + ty * tiles_x);
        return tiles;
    };
    use_path(state);
    if (!same(run(kernels::edge_tile_sums_band), run(kernels::scalar::edge_tile_sums_band)))
        state.SkipWithError("differs from the scalar reference");
    for (auto _ : state) {
        auto tiles = run(kernels::edge_tile_sums_band);
        benchmark::DoNotOptimize(tiles.data());
    }
    state.SetItemsProcessed(std::int64_t(state.iterations()) * std::int64_t(tiles_x * tiles_y * tile_px * tile_px));
}
BENCHMARK(BM_edge_tile_sums)->Arg(1)->Arg(0)->Unit(benchmark::kMicrosecond);

void BM_srgb_to_lab(benchmark::State& state) {
    // The thumbnail of that frame: 5 x 5 block means, 363 x 262 pixels.
    const std::size_t count = 363 * 262;
    std::mt19937 random(9);
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    std::vector<float> r(count), g(count), b(count), l(count), a(count), bb(count);
    for (std::size_t i = 0; i < count; ++i) r[i] = unit(random), g[i] = unit(random), b[i] = unit(random);
    use_path(state);
    for (auto _ : state) {
        kernels::srgb_to_lab(r.data(), g.data(), b.data(), count, l.data(), a.data(), bb.data());
        benchmark::DoNotOptimize(l.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(std::int64_t(state.iterations()) * std::int64_t(count));
}
BENCHMARK(BM_srgb_to_lab)->Arg(1)->Arg(0)->Unit(benchmark::kMicrosecond);

}  // namespace
