// bleed.coverage per page (300 dpi A6: 1819 x 1311 pixels) next to the libvips decode of the same
// page as PNG: the check should cost a small fraction of getting the pixels at all.
#include <benchmark/benchmark.h>
#include <vips/vips.h>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <unistd.h>

#include "checks/bleed/bleed_checks.hpp"
#include "core/raster.hpp"
#include "kernels/strip_kernels.hpp"
#include "decode_bench_support.hpp"

namespace {

using namespace preflight;

const core::PageGeometry a6{300, 3, 148, 105};

// 0: a full-bleed photo-like page (the artwork starts at the outer edge: runs end at once);
// 1: a white card with a text block (runs cross the whole strip: the slow case).
core::Raster paint_page(int kind) {
    core::Raster raster;
    raster.width = a6.expected_width_px();
    raster.height = a6.expected_height_px();
    raster.pixels.assign(std::size_t(raster.width) * raster.height * 3, 255);
    for (int y = 0; y < raster.height; ++y) {
        std::uint8_t* row = raster.row(y);
        for (int x = 0; x < raster.width; ++x) {
            if (kind == 0) {
                const double v = 120 + 60 * std::sin(x / 90.0) * std::cos(y / 70.0) + ((x * 7 + y * 13) % 17);
                row[3 * x] = std::uint8_t(v);
                row[3 * x + 1] = std::uint8_t(v * 0.9);
                row[3 * x + 2] = std::uint8_t(v * 0.8);
            } else if (x > 300 && x < 1500 && y > 500 && y < 800 && (y / 12) % 3 == 0) {
                row[3 * x] = row[3 * x + 1] = row[3 * x + 2] = 30;
            }
        }
    }
    return raster;
}

void BM_bleed_coverage_a6_300dpi(benchmark::State& state) {
    kernels::set_simd_enabled(state.range(1) != 0);
    state.SetLabel(std::string(state.range(0) == 0 ? "full-bleed photo, " : "white card, ") + kernels::simd_path_name());
    core::Registry registry;
    registry.add(checks::make_bleed_coverage_check());
    const auto options = registry.options_for("bleed.coverage", "", Policy{});
    Page page;
    page.name = "front";
    core::CheckContext context;
    core::PageView view;
    view.page = &page;
    view.geometry = a6;
    view.raster = std::make_shared<core::Raster>(paint_page(int(state.range(0))));
    context.pages.push_back(view);
    const auto& run = registry.find("bleed.coverage")->run;
    core::Findings findings;
    run(context, options, findings);
    if (!findings.empty()) state.SkipWithError("a clean page has findings");
    for (auto _ : state) {
        findings.clear();
        run(context, options, findings);
        benchmark::DoNotOptimize(findings.data());
    }
    kernels::set_simd_enabled(true);
}
BENCHMARK(BM_bleed_coverage_a6_300dpi)->ArgNames({"white", "simd"})->Args({0, 1})->Args({1, 1})->Args({0, 0})->Args({1, 0})
    ->Unit(benchmark::kMicrosecond)->MeasureProcessCPUTime()->UseRealTime();

void BM_decode_png_a6_300dpi(benchmark::State& state) {
    state.SetLabel(state.range(0) == 0 ? "full-bleed photo" : "white card");
    bench::time_png_decode(state, paint_page(int(state.range(0))), "bleed");
}
BENCHMARK(BM_decode_png_a6_300dpi)->ArgName("white")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->UseRealTime();

}  // namespace
