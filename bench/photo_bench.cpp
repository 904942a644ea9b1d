// The photo checks per frame (100 x 70 mm at 300 dpi) against the floor they must stay under:
// decoding the A6 page raster they read (1819 x 1311 PNG at 300 dpi).
#include <benchmark/benchmark.h>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <vips/vips.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <unistd.h>

#include "checks/photo/photo_checks.hpp"
#include "core/check.hpp"
#include "core/raster.hpp"
#include "decode_bench_support.hpp"

namespace preflight {
namespace {

constexpr const char* photo_path = "/usr/share/backgrounds/mate/nature/Garden.jpg";   // scripts/setup.d/photo.list

// An A6 card (148 x 105 mm, 3 mm bleed, 300 dpi) with one 100 x 70 mm photo frame showing
// a real photo, resampled from its 2560 x 1600 upload as an editor would.
struct BenchPage {
    Design design;
    Policy policy;
    std::shared_ptr<core::Raster> raster = std::make_shared<core::Raster>();
    core::CheckContext context;

    BenchPage() {
        // One order per thread (--jobs): the checks' own OpenCV calls run single-threaded,
        // as libvips does (ensure_vips sets its concurrency to 1).
        cv::setNumThreads(1);
        design.trim_width_mm = 148;
        design.trim_height_mm = 105;
        Page page;
        page.name = "front";
        Element photo;
        photo.id = "p1";
        photo.type = ElementType::photo;
        photo.box_mm = {24.0, 17.5, 100.0, 70.0};
        page.elements.push_back(photo);
        design.pages.push_back(page);
        core::PageGeometry geometry{300, 3, 148, 105};
        raster->width = geometry.expected_width_px();
        raster->height = geometry.expected_height_px();
        raster->pixels.assign(std::size_t(raster->width) * raster->height * 3, 255);

        auto decoded = core::decode_raster(photo_path, {});
        if (!decoded.error.empty()) throw std::runtime_error(std::string(photo_path) + ": " + decoded.error);
        design.pages[0].elements[0].source_px = std::array<int, 2>{decoded.raster.width, decoded.raster.height};
        cv::Mat upload(decoded.raster.height, decoded.raster.width, CV_8UC3, decoded.raster.pixels.data());
        const int x0 = int(std::lround(geometry.x_px(24.0))), y0 = int(std::lround(geometry.y_px(17.5)));
        const int x1 = int(std::lround(geometry.x_px(124.0))), y1 = int(std::lround(geometry.y_px(87.5)));
        const double scale = std::max(double(x1 - x0) / upload.cols, double(y1 - y0) / upload.rows);
        const int crop_w = int(std::lround((x1 - x0) / scale)), crop_h = int(std::lround((y1 - y0) / scale));
        cv::Mat cropped = upload(cv::Rect((upload.cols - crop_w) / 2, (upload.rows - crop_h) / 2, crop_w, crop_h));
        cv::Mat page_mat(raster->height, raster->width, CV_8UC3, raster->pixels.data());
        cv::resize(cropped, page_mat(cv::Rect(x0, y0, x1 - x0, y1 - y0)), cv::Size(x1 - x0, y1 - y0), 0, 0,
                   cv::INTER_AREA);

        context.policy = &policy;
        context.design = &design;
        core::PageView view;
        view.page = &design.pages[0];
        view.geometry = geometry;
        view.raster = raster;
        view.text_layouts.resize(1);
        view.fonts.resize(1);
        context.pages.push_back(view);
    }
};

const BenchPage& bench_page() {
    static const BenchPage page;
    return page;
}

core::CheckOptions defaults_of(const core::CheckSpec& spec) {
    OptionSet values;
    values["enabled"] = true;
    for (const auto& option : spec.options) values[option.name] = option.default_value;
    return core::CheckOptions(values);
}

void run_checks(benchmark::State& state, const std::vector<core::CheckSpec>& specs) {
    const BenchPage& page = bench_page();
    std::vector<core::CheckOptions> options;
    for (const auto& spec : specs) options.push_back(defaults_of(spec));
    std::size_t found = 0;
    for (auto _ : state) {
        core::Findings findings;
        for (std::size_t i = 0; i < specs.size(); ++i) specs[i].run(page.context, options[i], findings);
        found = findings.size();
        benchmark::DoNotOptimize(findings.data());
    }
    // A clean, sharp photo: any finding here means the benchmark measures the wrong thing.
    if (found != 0) state.SkipWithError("the clean benchmark photo produced findings");
}

void BM_PhotoResolution(benchmark::State& state) { run_checks(state, {checks::make_photo_resolution_check()}); }
void BM_PhotoBlur(benchmark::State& state) { run_checks(state, {checks::make_photo_blur_check()}); }
void BM_PhotoColourCast(benchmark::State& state) { run_checks(state, {checks::make_photo_colour_cast_check()}); }
void BM_PhotoExposure(benchmark::State& state) { run_checks(state, {checks::make_photo_exposure_check()}); }
void BM_PhotoFrameFill(benchmark::State& state) { run_checks(state, {checks::make_photo_frame_fill_check()}); }
void BM_PhotoUpscaled(benchmark::State& state) { run_checks(state, {checks::make_photo_upscaled_check()}); }
void BM_PhotoAllChecks(benchmark::State& state) {
    run_checks(state, {checks::make_photo_resolution_check(), checks::make_photo_blur_check(),
                       checks::make_photo_colour_cast_check(), checks::make_photo_exposure_check(),
                       checks::make_photo_upscaled_check(), checks::make_photo_frame_fill_check()});
}

// The floor: decoding the page those checks read, as the pipeline does once per page.
void BM_DecodeA6PagePng(benchmark::State& state) { bench::time_png_decode(state, *bench_page().raster, "photo"); }

BENCHMARK(BM_DecodeA6PagePng)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK(BM_PhotoResolution)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK(BM_PhotoBlur)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK(BM_PhotoColourCast)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK(BM_PhotoExposure)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK(BM_PhotoFrameFill)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK(BM_PhotoUpscaled)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK(BM_PhotoAllChecks)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

}  // namespace
}  // namespace preflight
