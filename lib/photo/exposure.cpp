// Luma histogram of a region, with the clipped ends counted apart.
#include "photo/exposure.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace preflight::photo {

namespace {

constexpr double max_samples = 120000;   // percentiles to well under one level

// The luma at which the histogram's running total passes `share` of `count`.
double percentile(const std::array<std::int64_t, 256>& histogram, std::int64_t count, double share) {
    const double target = share * double(count);
    std::int64_t running = 0;
    for (int value = 0; value < 256; ++value) {
        running += histogram[value];
        if (double(running) >= target && running > 0) return value;
    }
    return 255;
}

}  // namespace

ExposureReport measure_exposure(const RgbView& region, const ExposureOptions& options) {
    const int black_max = options.black_max, white_min = options.white_min;
    ExposureReport report;
    if (region.empty()) return report;
    // A regular sample: a histogram needs no more, and it keeps the cost flat per frame.
    const double pixels = double(region.width) * region.height;
    const int step = std::max(1, int(std::floor(std::sqrt(pixels / max_samples))));
    // Four partial histograms: neighbouring samples often share a bin, and one histogram
    // would make every increment wait for the previous one.
    std::array<std::array<std::uint32_t, 256>, 4> partial{};
    // The darkest and brightest channel and their difference (saturation), on one sampled
    // row in four (~30k samples: the 0.5 % tails still hold ~150 of them).
    std::array<std::uint32_t, 256> lowest{}, highest{}, spread{};
    std::int64_t count = 0, channel_count = 0;
    const std::size_t pixel_step = std::size_t(step) * 3;
    for (int y = 0; y < region.height; y += step) {
        const std::uint8_t* p = region.row(y);
        const int samples = (region.width + step - 1) / step;
        int i = 0;
        for (; i + 4 <= samples; i += 4, p += 4 * pixel_step) {
            ++partial[0][luma_of(p)];
            ++partial[1][luma_of(p + pixel_step)];
            ++partial[2][luma_of(p + 2 * pixel_step)];
            ++partial[3][luma_of(p + 3 * pixel_step)];
        }
        for (; i < samples; ++i, p += pixel_step) ++partial[0][luma_of(p)];
        count += samples;
        if ((y / step) % 4) continue;
        const std::uint8_t* q = region.row(y);
        for (int k = 0; k < samples; ++k, q += pixel_step) {
            const int r = q[0], g = q[1], b = q[2];
            const int lo = std::min(std::min(r, g), b), hi = std::max(std::max(r, g), b);
            ++lowest[lo], ++highest[hi], ++spread[hi - lo];
        }
        channel_count += samples;
    }
    std::array<std::int64_t, 256> histogram{};
    for (const auto& part : partial)
        for (int value = 0; value < 256; ++value) histogram[value] += part[value];
    if (count == 0) return report;
    report.judged = true;
    report.median = percentile(histogram, count, 0.5);
    report.dark_percentile = percentile(histogram, count, 0.05);
    report.bright_percentile = percentile(histogram, count, 0.998);
    report.black_point = percentile(histogram, count, 0.005);
    report.white_point = percentile(histogram, count, 0.995);
    std::int64_t black = 0, white = 0;
    for (int value = 0; value <= black_max; ++value) black += histogram[value];
    for (int value = white_min; value < 256; ++value) white += histogram[value];
    report.clipped_shadows = double(black) / double(count);
    report.clipped_highlights = double(white) / double(count);
    auto widen = [](const std::array<std::uint32_t, 256>& h) {
        std::array<std::int64_t, 256> out{};
        for (int value = 0; value < 256; ++value) out[value] = h[value];
        return out;
    };
    const auto low = widen(lowest), high = widen(highest);
    report.channel_black_point = percentile(low, channel_count, 0.005);
    report.channel_white_point = percentile(high, channel_count, 0.995);
    report.saturation_p99 = percentile(widen(spread), channel_count, 0.99);
    std::int64_t at_white = 0, near_white = 0, bright = 0;
    for (int value = 200; value < 256; ++value) {
        bright += high[value];
        near_white += value >= 250 ? high[value] : 0;
        at_white += value >= 254 ? high[value] : 0;
    }
    report.clipped_channel = double(at_white) / double(channel_count);
    report.clip_spike = bright > 0 ? double(near_white) / double(bright) : 0;
    std::array<std::int64_t, 256> rest = histogram;
    for (int value = 0; value <= black_max; ++value) rest[value] = 0;
    for (int value = white_min; value < 256; ++value) rest[value] = 0;
    const std::int64_t rest_count = count - black - white;
    report.rest_median = rest_count > 0 ? percentile(rest, rest_count, 0.5) : report.median;
    if (report.median < 85 && report.white_point >= 230) report.scene = "low_key";
    if (report.median > 170 && report.clipped_highlights < 0.05) report.scene = "high_key";
    return report;
}

}  // namespace preflight::photo
