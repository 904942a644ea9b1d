// Windowed tile power spectra and the two readings the photo checks take from them.
#include "photo/spectrum.hpp"

#include <opencv2/core.hpp>

#include <algorithm>
#include <cmath>

namespace preflight::photo {

namespace {

constexpr int side = TileSpectrum::side;
constexpr double pi = 3.14159265358979323846;

const std::array<float, side>& hann() {
    static const std::array<float, side> window = [] {
        std::array<float, side> w{};
        for (int i = 0; i < side; ++i) w[std::size_t(i)] = float(0.5 - 0.5 * std::cos(2 * pi * (i + 0.5) / side));
        return w;
    }();
    return window;
}

// The expected power per bin of the 8-bit rounding: the three channels' rounding carried
// into the luma (0.299^2 + 0.587^2 + 0.114^2) plus the luma's own, 1/12 each, times the
// window's energy (sum of w^2 over the tile).
double quantisation_floor() {
    double energy = 0;
    for (float w : hann()) energy += double(w) * w;
    return (1.0 + 0.446) / 12.0 * energy * energy;
}

// |f| in cycles per pixel of bin (u, v), both in -side/2 .. side/2 - 1.
double radius(int u, int v) { return std::sqrt(double(u * u + v * v)) / side; }

}  // namespace

TileSpectrum mean_tile_spectrum(const std::vector<cv::Mat>& tiles) {
    TileSpectrum spectrum;
    spectrum.power.assign(std::size_t(side) * side, 0.0);
    const auto& w = hann();
    cv::Mat windowed(side, side, CV_32F), out;
    for (const cv::Mat& tile : tiles) {
        if (tile.rows != side || tile.cols != side || tile.type() != CV_32F) continue;
        const float mean = float(cv::mean(tile)[0]);
        for (int y = 0; y < side; ++y) {
            const float* p = tile.ptr<float>(y);
            float* t = windowed.ptr<float>(y);
            for (int x = 0; x < side; ++x) t[x] = (p[x] - mean) * w[std::size_t(x)] * w[std::size_t(y)];
        }
        cv::dft(windowed, out, cv::DFT_COMPLEX_OUTPUT);
        for (int v = 0; v < side; ++v) {
            const cv::Vec2f* c = out.ptr<cv::Vec2f>(v);
            double* row = spectrum.power.data() + std::size_t(v) * side;
            for (int u = 0; u < side; ++u) row[u] += double(c[u][0]) * c[u][0] + double(c[u][1]) * c[u][1];
        }
        ++spectrum.tiles;
    }
    if (spectrum.tiles == 0) return spectrum;
    const double floor = quantisation_floor();
    for (double& p : spectrum.power) p = p / spectrum.tiles - floor;
    return spectrum;
}

TileSpectrum mean_tile_spectrum(const cv::Mat& gray, const std::vector<cv::Point>& origins) {
    std::vector<cv::Mat> tiles;
    for (const cv::Point& origin : origins) {
        if (origin.x < 0 || origin.y < 0 || origin.x + side > gray.cols || origin.y + side > gray.rows) continue;
        cv::Mat tile;
        gray(cv::Rect(origin.x, origin.y, side, side)).convertTo(tile, CV_32F);
        tiles.push_back(tile);
    }
    return mean_tile_spectrum(tiles);
}

SmearEstimate smear_direction(const TileSpectrum& spectrum, double strip_half) {
    SmearEstimate estimate;
    if (spectrum.empty()) return estimate;
    constexpr double low = 0.15, high = 0.45;
    // The whitened bins of the annulus, once.
    struct Bin {
        double fx, fy, energy;
    };
    std::vector<Bin> bins;
    double annulus = 0, reference = 0;
    int annulus_bins = 0, reference_bins = 0;
    for (int v = -side / 2; v < side / 2; ++v)
        for (int u = -side / 2; u < side / 2; ++u) {
            const double f = radius(u, v);
            const double energy = std::max(0.0, spectrum.at(u, v)) * f * f;
            if (f >= 1.0 / 32 && f < 1.0 / 8) reference += energy, ++reference_bins;
            if (f < low || f > high) continue;
            bins.push_back({double(u) / side, double(v) / side, energy});
            annulus += energy;
            ++annulus_bins;
        }
    if (annulus <= 0 || reference <= 0) return estimate;
    estimate.high_share = (annulus / annulus_bins) / (reference / reference_bins);
    auto outside_share = [&](int degrees) {
        const double a = degrees * pi / 180, cx = std::cos(a), cy = -std::sin(a);   // y down
        double outside = 0;
        for (const Bin& bin : bins)
            if (std::abs(bin.fx * cx + bin.fy * cy) > strip_half) outside += bin.energy;
        return outside / annulus;
    };
    // Every 10 degrees, then the two 5 degree neighbours of the best (the strip is 0.24
    // cycle wide: 5 degrees move its edge by at most 0.04 at 0.45 cycle).
    auto consider = [&](int degrees) {
        const double share = outside_share((degrees + 180) % 180);
        if (share < estimate.outside_share) {
            estimate.outside_share = share;
            estimate.direction_deg = (degrees + 180) % 180;
        }
    };
    for (int degrees = 0; degrees < 180; degrees += 10) consider(degrees);
    const int coarse = estimate.direction_deg;
    consider(coarse - 5);
    consider(coarse + 5);
    return estimate;
}

std::array<double, 16> whitened_profile(const TileSpectrum& spectrum) {
    std::array<double, 16> profile{};
    if (spectrum.empty()) return profile;
    std::array<double, 16> sum{};
    std::array<int, 16> count{};
    for (int v = -side / 2; v < side / 2; ++v)
        for (int u = -side / 2; u < side / 2; ++u) {
            const double f = radius(u, v);
            const int index = int(f * 32);
            if (index >= 16) continue;
            sum[std::size_t(index)] += spectrum.at(u, v) * f * f;
            ++count[std::size_t(index)];
        }
    for (std::size_t i = 0; i < 16; ++i) profile[i] = count[i] ? sum[i] / count[i] : 0.0;
    const double reference = (profile[2] + profile[3]) / 2;
    for (double& p : profile) p = reference > 0 ? p / reference : 0.0;
    return profile;
}

}  // namespace preflight::photo
