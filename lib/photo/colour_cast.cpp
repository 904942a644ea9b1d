// Colour cast in CIE Lab: grey world over low-chroma pixels, checked against the highlights.
#include "photo/colour_cast.hpp"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <vector>

namespace preflight::photo {

namespace {

constexpr double pi = 3.14159265358979323846;
constexpr int analysis_side_px = 400;   // ~0.1 MP: plenty for a mean, cheap to convert

cv::Mat lab_thumbnail(const RgbView& region) {
    cv::Mat rgb(region.height, region.width, CV_8UC3, const_cast<std::uint8_t*>(region.data),
                region.stride_bytes);
    double scale = std::min(1.0, double(analysis_side_px) / std::max(region.width, region.height));
    cv::Mat small;
    if (scale < 1.0) {
        cv::resize(rgb, small, cv::Size(std::max(1, int(region.width * scale)),
                                        std::max(1, int(region.height * scale))), 0, 0, cv::INTER_AREA);
    } else {
        small = rgb;
    }
    // OpenCV builds its Lab tables on the first conversion without a lock: two --jobs
    // threads converting their first photo at once both build them (one copy leaks, and a
    // reader may see a half-filled table). Build them once, before any thread races.
    static std::once_flag lab_tables;
    std::call_once(lab_tables, [] {
        cv::Mat one(1, 1, CV_32FC3, cv::Scalar::all(0.5)), one_lab;
        cv::cvtColor(one, one_lab, cv::COLOR_RGB2Lab);
    });
    cv::Mat as_float, lab;
    small.convertTo(as_float, CV_32FC3, 1.0 / 255.0);
    cv::cvtColor(as_float, lab, cv::COLOR_RGB2Lab);   // L 0..100, a/b about -128..127
    return lab;
}

double median_of(std::vector<float>& values) {
    if (values.empty()) return 0;
    auto middle = values.begin() + std::ptrdiff_t(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    return *middle;
}

double hue_of(double a, double b) {
    double hue = std::atan2(b, a) * 180.0 / pi;
    return hue < 0 ? hue + 360.0 : hue;
}

}  // namespace

bool is_warm_hue(double hue_deg) {
    // a*b* hue: ~30 red-orange, ~60 orange, ~90 yellow; magenta (~350) and green (>110) are not warm.
    return hue_deg >= 15.0 && hue_deg <= 105.0;
}

ColourCastReport measure_colour_cast(const RgbView& region, const ColourCastOptions& options) {
    ColourCastReport report;
    if (region.empty()) return report;
    cv::Mat lab = lab_thumbnail(region);
    const std::size_t total = std::size_t(lab.rows) * lab.cols;

    // The parts that should be neutral: low chroma, and light enough to show a tint (the
    // walls, shirts, clouds and paper of a photo). Clipped whites lose their hue: left out.
    std::vector<float> lightness, a_values, b_values;
    double chroma_sum = 0;
    for (int y = 0; y < lab.rows; ++y) {
        const auto* row = lab.ptr<cv::Vec3f>(y);
        for (int x = 0; x < lab.cols; ++x) {
            const float l = row[x][0], a = row[x][1], b = row[x][2];
            const double chroma = std::hypot(a, b);
            chroma_sum += chroma;
            if (l < options.min_lightness || l > 97.0f || chroma > options.max_neutral_chroma) continue;
            lightness.push_back(l);
            a_values.push_back(a);
            b_values.push_back(b);
        }
    }
    report.mean_chroma = total ? chroma_sum / double(total) : 0;
    const double fraction = total ? double(lightness.size()) / double(total) : 0;
    if (fraction < options.min_neutral_fraction || lightness.size() < 50) return report;
    report.neutral_fraction = fraction;

    double a_sum = 0, b_sum = 0;
    for (std::size_t i = 0; i < lightness.size(); ++i) {
        a_sum += a_values[i];
        b_sum += b_values[i];
    }
    const double grey_a = a_sum / double(lightness.size()), grey_b = b_sum / double(lightness.size());
    report.grey_world_chroma = std::hypot(grey_a, grey_b);

    // What should be white: the brightest tenth of the near-neutral pixels.
    std::vector<float> sorted_lightness = lightness;
    auto tenth = sorted_lightness.begin() + std::ptrdiff_t(sorted_lightness.size() * 9 / 10);
    std::nth_element(sorted_lightness.begin(), tenth, sorted_lightness.end());
    const float bright_from = *tenth;
    std::vector<float> bright_a, bright_b;
    for (std::size_t i = 0; i < lightness.size(); ++i) {
        if (lightness[i] < bright_from) continue;
        bright_a.push_back(a_values[i]);
        bright_b.push_back(b_values[i]);
    }
    const double high_a = median_of(bright_a), high_b = median_of(bright_b);
    report.highlight_chroma = std::hypot(high_a, high_b);

    // A cast tints greys and whites alike; the weaker of two agreeing estimates is the cast.
    double hue_gap = std::fabs(hue_of(grey_a, grey_b) - hue_of(high_a, high_b));
    hue_gap = std::min(hue_gap, 360.0 - hue_gap);
    if (hue_gap <= 60.0) {
        const bool grey_weaker = report.grey_world_chroma <= report.highlight_chroma;
        report.a = grey_weaker ? grey_a : high_a;
        report.b = grey_weaker ? grey_b : high_b;
        report.chroma = std::hypot(report.a, report.b);
        report.hue_deg = hue_of(report.a, report.b);
    }
    return report;
}

}  // namespace preflight::photo
