// The decoding floor next to a benchmark's own work: a page saved once as PNG, then decoded
// as the pipeline decodes every page (core::decode_raster), once per iteration.
#pragma once

#include <benchmark/benchmark.h>
#include <unistd.h>
#include <vips/vips.h>

#include <filesystem>
#include <string>

#include "core/raster.hpp"

namespace preflight::bench {

inline void time_png_decode(benchmark::State& state, const core::Raster& raster, const std::string& tag) {
    core::ensure_vips();
    const auto file = std::filesystem::temp_directory_path() /
                      ("preflight-" + tag + "-bench-" + std::to_string(::getpid()) + ".png");
    VipsImage* image = vips_image_new_from_memory_copy(raster.pixels.data(), raster.pixels.size(), raster.width,
                                                       raster.height, 3, VIPS_FORMAT_UCHAR);
    if (image) image->Type = VIPS_INTERPRETATION_sRGB;
    const int status = image ? vips_pngsave(image, file.c_str(), nullptr) : -1;
    if (image) g_object_unref(image);
    if (status != 0) {
        state.SkipWithError("cannot write the benchmark page as PNG");
        return;
    }
    for (auto _ : state) {
        auto decoded = core::decode_raster(file.string(), {});
        benchmark::DoNotOptimize(decoded.raster.pixels.data());
    }
    std::filesystem::remove(file);
}

}  // namespace preflight::bench
