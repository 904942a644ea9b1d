// Luma and channel histograms of a region, with the clipped ends counted apart and the white
// (all channels clipped) counted by where it lies.
#include "photo/exposure.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace preflight::photo {

namespace {

constexpr double max_samples = 120000;   // percentiles to well under one level

using Histogram = std::array<std::int64_t, 256>;

// The luma at which the histogram's running total passes `share` of `count`.
double percentile(const Histogram& histogram, std::int64_t count, double share) {
    const double target = share * double(count);
    std::int64_t running = 0;
    for (int value = 0; value < 256; ++value) {
        running += histogram[value];
        if (double(running) >= target && running > 0) return value;
    }
    return 255;
}

Histogram widen(const std::array<std::uint32_t, 256>& h) {
    Histogram out{};
    for (int value = 0; value < 256; ++value) out[value] = h[value];
    return out;
}

// Sums over the same samples: blue minus red, and the brightest channel (how blue the scene is).
struct Tint {
    std::int64_t blue_minus_red = 0, brightest = 0;
};

struct Samples {
    Histogram luma{}, lowest{}, highest{}, spread{};
    std::int64_t count = 0, channel_count = 0;
    std::int64_t band_count = 0, band_white = 0, centre_count = 0, centre_white = 0;
    Tint tint;
};

using Counts = std::array<std::uint32_t, 256>;

// The darkest and brightest channel and their difference (saturation) of the samples k0..k1
// of a row; returns how many are white (every channel >= 250, as the luma clip level).
std::int64_t channel_span(const std::uint8_t* row, int k0, int k1, std::size_t pixel_step, Counts& lowest,
                          Counts& highest, Counts& spread, Tint& tint) {
    std::int64_t white = 0;
    for (const std::uint8_t* p = row + std::size_t(k0) * pixel_step; k0 < k1; ++k0, p += pixel_step) {
        const int r = p[0], g = p[1], b = p[2];
        const int lo = std::min(std::min(r, g), b), hi = std::max(std::max(r, g), b);
        ++lowest[lo], ++highest[hi], ++spread[hi - lo];
        white += lo >= 250;
        tint.blue_minus_red += b - r;
        tint.brightest += hi;
    }
    return white;
}

Samples sample(const RgbView& region) {
    // A regular sample: a histogram needs no more, and it keeps the cost flat per frame.
    const double pixels = double(region.width) * region.height;
    const int step = std::max(1, int(std::floor(std::sqrt(pixels / max_samples))));
    const std::size_t pixel_step = std::size_t(step) * 3;
    // Four partial histograms: neighbouring samples often share a bin, and one histogram
    // would make every increment wait for the previous one.
    std::array<std::array<std::uint32_t, 256>, 4> partial{};
    // Channels on one sampled row in four (~30k samples: the 0.5 % tails still hold ~150).
    // The outer band is 8 % of each side; the centre the middle half in each direction.
    const int band_x = region.width * 8 / 100, band_y = region.height * 8 / 100;
    // The row in spans (outer band, middle, centre) so that no sample branches on where it lies.
    auto first_at = [step](int x) { return (x + step - 1) / step; };
    const int k_left = first_at(band_x), k_right = first_at(region.width - band_x);
    const int k_centre0 = first_at(region.width / 4), k_centre1 = first_at(region.width * 3 / 4);
    Counts lowest{}, highest{}, spread{};
    Samples s;
    const int samples = (region.width + step - 1) / step;
    for (int y = 0; y < region.height; y += step) {
        const std::uint8_t* p = region.row(y);
        int i = 0;
        for (; i + 4 <= samples; i += 4, p += 4 * pixel_step) {
            ++partial[0][luma_of(p)];
            ++partial[1][luma_of(p + pixel_step)];
            ++partial[2][luma_of(p + 2 * pixel_step)];
            ++partial[3][luma_of(p + 3 * pixel_step)];
        }
        for (; i < samples; ++i, p += pixel_step) ++partial[0][luma_of(p)];
        s.count += samples;
        if ((y / step) % 4) continue;
        const std::uint8_t* row = region.row(y);
        auto span = [&](int k0, int k1) { return channel_span(row, k0, k1, pixel_step, lowest, highest, spread, s.tint); };
        if (y < band_y || y >= region.height - band_y) {
            s.band_white += span(0, samples), s.band_count += samples;
        } else {
            s.band_white += span(0, k_left) + span(k_right, samples);
            s.band_count += k_left + samples - k_right;
            if (y >= region.height / 4 && y < region.height * 3 / 4) {
                span(k_left, k_centre0), span(k_centre1, k_right);
                s.centre_white += span(k_centre0, k_centre1), s.centre_count += k_centre1 - k_centre0;
            } else {
                span(k_left, k_right);
            }
        }
        s.channel_count += samples;
    }
    for (const auto& part : partial)
        for (int value = 0; value < 256; ++value) s.luma[value] += part[value];
    s.lowest = widen(lowest), s.highest = widen(highest), s.spread = widen(spread);
    return s;
}

double share(std::int64_t part, std::int64_t whole) { return whole > 0 ? double(part) / double(whole) : 0; }

}  // namespace

ExposureReport measure_exposure(const RgbView& region, const ExposureOptions& options) {
    const int black_max = options.black_max, white_min = options.white_min;
    ExposureReport report;
    if (region.empty()) return report;
    const Samples s = sample(region);
    const Histogram& histogram = s.luma;
    const std::int64_t count = s.count;
    if (count == 0 || s.channel_count == 0) return report;
    report.judged = true;
    report.median = percentile(histogram, count, 0.5);
    report.dark_percentile = percentile(histogram, count, 0.05);
    report.bright_percentile = percentile(histogram, count, 0.998);
    report.black_point = percentile(histogram, count, 0.005);
    report.white_point = percentile(histogram, count, 0.995);
    std::int64_t black = 0, white = 0;
    for (int value = 0; value <= black_max; ++value) black += histogram[value];
    for (int value = white_min; value < 256; ++value) white += histogram[value];
    report.clipped_shadows = share(black, count);
    report.clipped_highlights = share(white, count);
    report.channel_black_point = percentile(s.lowest, s.channel_count, 0.005);
    report.channel_white_point = percentile(s.highest, s.channel_count, 0.995);
    report.saturation_p99 = percentile(s.spread, s.channel_count, 0.99);
    std::int64_t floor = 0;
    for (int value = 0; value <= std::min(255, int(report.channel_black_point) + 4); ++value) floor += s.lowest[value];
    report.black_floor_pile = share(floor, s.channel_count);
    std::int64_t at_white = 0, near_white = 0, bright = 0;
    for (int value = 200; value < 256; ++value) {
        bright += s.highest[value];
        near_white += value >= 250 ? s.highest[value] : 0;
        at_white += value >= 254 ? s.highest[value] : 0;
    }
    report.clipped_channel = share(at_white, s.channel_count);
    report.clip_spike = share(near_white, bright);
    report.clipped_white = share(s.lowest[254] + s.lowest[255], s.channel_count);
    report.blue_excess = share(s.tint.blue_minus_red, s.tint.brightest);
    report.border_white = share(s.band_white, s.band_count);
    report.centre_white = share(s.centre_white, s.centre_count);
    Histogram rest = histogram;
    for (int value = 0; value <= black_max; ++value) rest[value] = 0;
    for (int value = white_min; value < 256; ++value) rest[value] = 0;
    const std::int64_t rest_count = count - black - white;
    report.rest_median = rest_count > 0 ? percentile(rest, rest_count, 0.5) : report.median;
    if (report.median < 85 && report.white_point >= 230) report.scene = "low_key";
    if (report.median > 170 && report.clipped_highlights < 0.05) report.scene = "high_key";
    return report;
}

}  // namespace preflight::photo
