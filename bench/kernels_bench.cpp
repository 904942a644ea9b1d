// The strip kernels in bytes/s, SIMD (the dispatched target) and scalar, next to a plain memory
// pass over the same bytes (memcpy, and a byte sum). Every kernel is checked against its scalar
// reference before it is timed.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstring>
#include <numeric>
#include <random>
#include <vector>

#include <hwy/targets.h>

#include "kernels/strip_kernels.hpp"

namespace {

using namespace preflight;

// One band as the bleed check sees the top edge of a 300 dpi A6 page, made wide and deep enough
// to time: 1819 pixels x 64 rows.
constexpr std::size_t band_width = 1819, band_rows = 64;

std::vector<std::uint8_t> paper_like_bytes(std::size_t count, std::uint32_t seed) {
    // Mostly paper with light noise, so runs go on to the end of each row or column (the slow case).
    std::mt19937 random(seed);
    std::vector<std::uint8_t> bytes(count);
    for (auto& b : bytes) b = std::uint8_t(random() % 6);
    return bytes;
}

std::vector<std::uint8_t> rgb_band() {
    std::mt19937 random(1);
    std::vector<std::uint8_t> rgb(band_width * band_rows * 3);
    for (auto& b : rgb) b = std::uint8_t(250 + random() % 6);
    return rgb;
}

void use_path(benchmark::State& state) {
    kernels::set_simd_enabled(state.range(0) != 0);
    state.SetLabel(kernels::simd_path_name());
}

void BM_memcpy(benchmark::State& state) {
    const auto bytes = paper_like_bytes(band_width * band_rows * 3, 2);
    std::vector<std::uint8_t> copy(bytes.size());
    for (auto _ : state) {
        std::memcpy(copy.data(), bytes.data(), bytes.size());
        benchmark::DoNotOptimize(copy.data());
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(bytes.size()));
}
BENCHMARK(BM_memcpy);

void BM_byte_sum(benchmark::State& state) {
    const auto bytes = paper_like_bytes(band_width * band_rows * 3, 3);
    for (auto _ : state) {
        std::uint64_t sum = std::accumulate(bytes.begin(), bytes.end(), std::uint64_t(0));
        benchmark::DoNotOptimize(sum);
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(bytes.size()));
}
BENCHMARK(BM_byte_sum);

void BM_colour_distance(benchmark::State& state) {
    const auto rgb = rgb_band();
    std::vector<std::uint8_t> out(band_width * band_rows), expected(out.size());
    use_path(state);
    kernels::colour_distance_band(rgb.data(), band_width * 3, band_rows, band_width, {255, 255, 255}, out.data(), band_width);
    kernels::scalar::colour_distance_band(rgb.data(), band_width * 3, band_rows, band_width, {255, 255, 255},
                                          expected.data(), band_width);
    if (out != expected) state.SkipWithError("differs from the scalar reference");
    for (auto _ : state) {
        kernels::colour_distance_band(rgb.data(), band_width * 3, band_rows, band_width, {255, 255, 255}, out.data(),
                                      band_width);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(rgb.size()));
}
BENCHMARK(BM_colour_distance)->Arg(1)->Arg(0);

void BM_open_thin(benchmark::State& state) {
    const auto values = paper_like_bytes(band_width * band_rows, 4);
    const auto axis = state.range(1) ? kernels::Axis::across_rows : kernels::Axis::along_rows;
    std::vector<std::uint8_t> out(values.size()), expected(values.size());
    use_path(state);
    kernels::open_thin_band(values.data(), band_width, band_rows, band_width, axis, 16, out.data(), band_width);
    kernels::scalar::open_thin_band(values.data(), band_width, band_rows, band_width, axis, 16, expected.data(), band_width);
    if (out != expected) state.SkipWithError("differs from the scalar reference");
    for (auto _ : state) {
        kernels::open_thin_band(values.data(), band_width, band_rows, band_width, axis, 16, out.data(), band_width);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(values.size()));
}
BENCHMARK(BM_open_thin)->ArgNames({"simd", "across"})->Args({1, 0})->Args({0, 0})->Args({1, 1})->Args({0, 1});

void BM_row_runs(benchmark::State& state) {
    const auto values = paper_like_bytes(band_width * band_rows, 5);
    std::vector<std::uint16_t> runs(band_rows), expected(band_rows);
    use_path(state);
    kernels::row_runs_band(values.data(), band_width, band_rows, band_width, 8, kernels::RunFrom::end, runs.data());
    kernels::scalar::row_runs_band(values.data(), band_width, band_rows, band_width, 8, kernels::RunFrom::end,
                                   expected.data());
    if (runs != expected) state.SkipWithError("differs from the scalar reference");
    for (auto _ : state) {
        kernels::row_runs_band(values.data(), band_width, band_rows, band_width, 8, kernels::RunFrom::end, runs.data());
        benchmark::DoNotOptimize(runs.data());
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(values.size()));
}
BENCHMARK(BM_row_runs)->Arg(1)->Arg(0);

void BM_column_runs(benchmark::State& state) {
    const auto values = paper_like_bytes(band_width * band_rows, 6);
    std::vector<std::uint16_t> runs(band_width), expected(band_width);
    use_path(state);
    kernels::column_runs_band(values.data(), band_width, band_rows, band_width, 8, runs.data());
    kernels::scalar::column_runs_band(values.data(), band_width, band_rows, band_width, 8, expected.data());
    if (runs != expected) state.SkipWithError("differs from the scalar reference");
    for (auto _ : state) {
        kernels::column_runs_band(values.data(), band_width, band_rows, band_width, 8, runs.data());
        benchmark::DoNotOptimize(runs.data());
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(values.size()));
}
BENCHMARK(BM_column_runs)->Arg(1)->Arg(0);

// Every kernel on every target this CPU runs (SSSE3, SSE4, AVX2, AVX3, ...): the same binary,
// dispatch narrowed with Highway's test hook. Registered at start-up, one benchmark per target.
template <void (*Kernel)(benchmark::State&)>
void on_target(benchmark::State& state, std::int64_t target) {
    hwy::SetSupportedTargetsForTest(target);
    Kernel(state);
    hwy::SetSupportedTargetsForTest(0);
}

const bool per_target_registered = [] {
    for (std::int64_t target : hwy::SupportedAndGeneratedTargets()) {
        const std::string name = hwy::TargetName(target);
        benchmark::RegisterBenchmark(("BM_colour_distance_on/" + name).c_str(),
                                     [target](benchmark::State& state) { on_target<BM_colour_distance>(state, target); })
            ->Arg(1);
        benchmark::RegisterBenchmark(("BM_column_runs_on/" + name).c_str(),
                                     [target](benchmark::State& state) { on_target<BM_column_runs>(state, target); })
            ->Arg(1);
    }
    return true;
}();

}  // namespace
