// The decode benchmark of issue 18: one 300 dpi A6 card page (1819 x 1311) written as PNG by
// four encoders with their filter / compression / palette / grey / alpha / 16-bit choices,
// then decoded from memory by libpng (set up as libvips sets it up: the rows libvips receives,
// no conversion), by the libvips path (core::decode_raster from the file) and by ours
// (decode::decode_png_rgb8, to the finished 8-bit RGB buffer). Each of our results is first
// checked byte for byte against libpng's; then each decoder runs REPEATS times per file and
// the median of process CPU time counts. Prints one line per file and one per encoder: ms, ratio libpng / ours.
// Then the same page as a JPEG: libjpeg, the libvips path, TurboJPEG full size and 1/2, 1/4, 1/8.
// Usage: preflight_decode_corpus [REPEATS=7] [PAGE]
//   PAGE: a raster to encode instead of the built-in card page (e.g. a page of the sample export,
//   as bench/decode-corpus does).
#include <algorithm>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>
#include <unistd.h>

#include <vips/vips.h>

#include "decode/jpeg.hpp"
#include "decode/png.hpp"
#include "kernels/strip_kernels.hpp"
#include "support/png_corpus.hpp"
#include "support/reference_decoders.hpp"

namespace {

using namespace preflight;

// Process CPU time (every thread's), so other work on a shared machine does not count.
double cpu_ms() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

template <class Run>
double median_ms(int repeats, const Run& run) {
    std::vector<double> times;
    for (int i = 0; i < repeats; ++i) {
        const double start = cpu_ms();
        run();
        times.push_back(cpu_ms() - start);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

struct Totals {
    double libpng_ms = 0, libvips_ms = 0, ours_ms = 0;
    int files = 0;
};

// The page as a JPEG (libvips, quality 90, 4:2:0): libjpeg's scanline decode, the libvips path,
// ours at full size (checked identical to libjpeg first) and DCT-scaled. Returns failures.
int time_jpeg(const core::Raster& page, const std::filesystem::path& work_dir, int repeats) {
    VipsImage* image = vips_image_new_from_memory_copy(page.pixels.data(), page.pixels.size(), page.width,
                                                       page.height, 3, VIPS_FORMAT_UCHAR);
    void* buffer = nullptr;
    std::size_t length = 0;
    const int status = vips_jpegsave_buffer(image, &buffer, &length, "Q", 90, nullptr);
    g_object_unref(image);
    if (status != 0) return std::fprintf(stderr, "cannot write the page as JPEG\n"), 1;
    const std::vector<std::uint8_t> jpeg(static_cast<std::uint8_t*>(buffer), static_cast<std::uint8_t*>(buffer) + length);
    g_free(buffer);
    core::Raster ours;
    const auto expected = reference::jpeg_rgb8(jpeg);
    if (decode::decode_jpeg_rgb8(jpeg, 150, ours).status != decode::FastStatus::ok || !expected.ok ||
        !std::equal(ours.pixels.begin(), ours.pixels.end(), expected.pixels.begin(), expected.pixels.end()))
        return std::fprintf(stderr, "JPEG: NOT IDENTICAL to libjpeg\n"), 1;
    const auto file = work_dir / "timed.jpg";
    std::ofstream(file, std::ios::binary).write(reinterpret_cast<const char*>(jpeg.data()), std::streamsize(jpeg.size()));
    std::printf("\nJPEG q90 4:2:0, %.0f KB (ms): libjpeg %.2f, libvips path %.2f, ours %.2f", double(jpeg.size()) / 1024,
                median_ms(repeats, [&] { (void)reference::jpeg_rgb8(jpeg); }),
                median_ms(repeats, [&] { (void)core::decode_raster(file.string(), {}); }),
                median_ms(repeats, [&] {
                    core::Raster raster;
                    (void)decode::decode_jpeg_rgb8(jpeg, 150, raster);
                }));
    for (int denominator : {2, 4, 8})
        std::printf(", 1/%d %.2f", denominator, median_ms(repeats, [&] {
                        core::Raster raster;
                        (void)decode::decode_jpeg_rgb8(jpeg, 150, raster, denominator);
                    }));
    std::printf("\n");
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 7;
    const auto work_dir =
        std::filesystem::temp_directory_path() / ("preflight-decode-corpus-" + std::to_string(::getpid()));
    core::Raster page;
    if (argc > 2) {
        auto decoded = core::decode_raster(argv[2], {});
        if (!decoded.error.empty()) {
            std::fprintf(stderr, "%s: %s\n", argv[2], decoded.error.c_str());
            return 1;
        }
        page = std::move(decoded.raster);
    } else {
        page = testing::card_page(1819, 1311);
    }
    const auto corpus = testing::encoder_corpus(page, work_dir);
    std::printf("page %d x %d, %d repeats (median), SIMD path %s\n", page.width, page.height, repeats,
                kernels::simd_path_name());
    std::printf("%-12s %-32s %9s %9s %9s %9s %8s\n", "encoder", "setting", "KB", "libpng", "libvips", "ours",
                "ratio");
    std::map<std::string, Totals> totals;
    int failures = 0;
    for (const auto& png : corpus) {
        if (!png.error.empty()) {
            std::fprintf(stderr, "%s %s: %s\n", png.encoder.c_str(), png.setting.c_str(), png.error.c_str());
            ++failures;
            continue;
        }
        // Check before timing: our pixels are libpng's.
        const auto expected = reference::png_rgb8(png.bytes);
        core::Raster ours;
        const auto result = decode::decode_png_rgb8(png.bytes, 150, ours);
        if (!expected.ok || result.status != decode::FastStatus::ok ||
            !std::equal(ours.pixels.begin(), ours.pixels.end(), expected.pixels.begin(), expected.pixels.end())) {
            std::fprintf(stderr, "%s %s: NOT IDENTICAL to libpng (%s)\n", png.encoder.c_str(), png.setting.c_str(),
                         result.error.c_str());
            ++failures;
            continue;
        }
        const auto file = work_dir / "timed.png";
        std::ofstream(file, std::ios::binary)
            .write(reinterpret_cast<const char*>(png.bytes.data()), std::streamsize(png.bytes.size()));
        const double libpng_ms = median_ms(repeats, [&] { (void)reference::png_rows(png.bytes); });
        const double libvips_ms = median_ms(repeats, [&] { (void)core::decode_raster(file.string(), {}); });
        const double ours_ms = median_ms(repeats, [&] {
            core::Raster raster;
            (void)decode::decode_png_rgb8(png.bytes, 150, raster);
        });
        std::printf("%-12s %-32s %9.0f %9.2f %9.2f %9.2f %7.2fx\n", png.encoder.c_str(), png.setting.c_str(),
                    double(png.bytes.size()) / 1024, libpng_ms, libvips_ms, ours_ms, libpng_ms / ours_ms);
        auto& total = totals[png.encoder];
        total.libpng_ms += libpng_ms;
        total.libvips_ms += libvips_ms;
        total.ours_ms += ours_ms;
        ++total.files;
    }
    std::printf("\nper encoder (sum over its files, ms): libpng, libvips path, ours, libpng / ours, libvips / ours\n");
    for (const auto& [encoder, total] : totals)
        std::printf("%-12s %2d files %9.1f %9.1f %9.1f %7.2fx %7.2fx\n", encoder.c_str(), total.files,
                    total.libpng_ms, total.libvips_ms, total.ours_ms, total.libpng_ms / total.ours_ms,
                    total.libvips_ms / total.ours_ms);
    failures += time_jpeg(page, work_dir, repeats);
    std::filesystem::remove_all(work_dir);
    return failures == 0 ? 0 : 1;
}
