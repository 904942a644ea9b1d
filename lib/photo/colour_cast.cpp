// Colour cast in CIE Lab: grey world over low-chroma pixels, checked against the highlights.
#include "photo/colour_cast.hpp"

#include "kernels/photo_kernels.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace preflight::photo {

namespace {

constexpr double pi = 3.14159265358979323846;
constexpr int analysis_side_px = 400;   // ~0.1 MP: plenty for a mean, cheap to convert

// The region as planes of float RGB (0..1), each pixel the mean of a k x k block of the
// region (up to k - 1 rows and columns at the far edges are left out), then in Lab.
struct LabPlanes {
    std::vector<float> l, a, b;
};

LabPlanes lab_thumbnail(const RgbView& region) {
    const int factor = std::clamp((std::max(region.width, region.height) + analysis_side_px - 1) / analysis_side_px,
                                  1, std::min(16, std::min(region.width, region.height)));
    const int width = region.width / factor, height = region.height / factor;
    const std::size_t count = std::size_t(width) * height;
    LabPlanes planes{std::vector<float>(count), std::vector<float>(count), std::vector<float>(count)};
    std::vector<std::uint16_t> column_sums(std::size_t(width) * factor * 3);
    const float scale = 1.0f / (255.0f * float(factor * factor));
    for (int y = 0; y < height; ++y) {
        std::fill(column_sums.begin(), column_sums.end(), std::uint16_t(0));
        kernels::add_rows(region.row(y * factor), std::ptrdiff_t(region.stride_bytes), std::size_t(factor),
                          column_sums.size(), column_sums.data());
        const std::uint16_t* sums = column_sums.data();
        const std::size_t row_start = std::size_t(y) * width;
        for (int x = 0; x < width; ++x) {
            std::uint32_t r = 0, g = 0, b = 0;
            for (int i = 0; i < factor; ++i, sums += 3) {
                r += sums[0];
                g += sums[1];
                b += sums[2];
            }
            planes.l[row_start + x] = float(r) * scale;
            planes.a[row_start + x] = float(g) * scale;
            planes.b[row_start + x] = float(b) * scale;
        }
    }
    // In place: the R, G and B planes become L, a and b.
    kernels::srgb_to_lab(planes.l.data(), planes.a.data(), planes.b.data(), count, planes.l.data(), planes.a.data(),
                         planes.b.data());
    return planes;
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

std::array<float, 3> lab_of_srgb(float r, float g, float b) {
    std::array<float, 3> lab{};
    kernels::srgb_to_lab(&r, &g, &b, 1, &lab[0], &lab[1], &lab[2]);
    return lab;
}

bool is_warm_hue(double hue_deg) {
    // a*b* hue: ~30 red-orange, ~60 orange, ~90 yellow; magenta (~350) and green (>110) are not warm.
    return hue_deg >= 15.0 && hue_deg <= 105.0;
}

ColourCastReport measure_colour_cast(const RgbView& region, const ColourCastOptions& options) {
    ColourCastReport report;
    if (region.empty()) return report;
    const LabPlanes lab = lab_thumbnail(region);
    const std::size_t total = lab.l.size();

    // The parts that should be neutral: low chroma, and light enough to show a tint (the
    // walls, shirts, clouds and paper of a photo). Clipped whites lose their hue: left out.
    std::vector<float> lightness, a_values, b_values;
    double chroma_sum = 0;
    for (std::size_t i = 0; i < total; ++i) {
        const float l = lab.l[i], a = lab.a[i], b = lab.b[i];
        const float chroma = std::sqrt(a * a + b * b);
        chroma_sum += chroma;
        if (l < options.min_lightness || l > 97.0f || chroma > options.max_neutral_chroma) continue;
        lightness.push_back(l);
        a_values.push_back(a);
        b_values.push_back(b);
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
