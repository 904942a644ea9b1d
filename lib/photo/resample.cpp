// Luma planes resampled to an analysis scale on the calling thread: OpenCV's INTER_LINEAR and
// INTER_AREA (8-bit, one channel) computed the same way, bit for bit, without its thread pool
// (cv::resize spreads a frame over every core: two checks on two threads then fight for them).
#include "photo/pixels.hpp"

#include "kernels/photo_kernels.hpp"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cfloat>
#include <climits>
#include <cmath>
#include <cstdint>
#include <vector>

namespace preflight::photo {

namespace {

// OpenCV's saturate_cast from float: rounded to nearest, ties to even (cvRound), then clamped.
// Below 2^22 adding and taking away 1.5 x 2^23 rounds that way in the default rounding mode,
// inline (std::lrint is a call into libm per pixel).
int round_even(float value) {
    constexpr float magic = 12582912.f;
    if (std::fabs(value) < 4194304.f) return int((value + magic) - magic);
    return int(std::lrint(value));
}
std::int16_t to_short(float value) { return std::int16_t(std::clamp(round_even(value), SHRT_MIN, SHRT_MAX)); }
std::uint8_t to_byte(float value) { return std::uint8_t(std::clamp(round_even(value), 0, 255)); }

// Bilinear with 11-bit fixed-point weights (OpenCV's resizeGeneric_ with HResizeLinear and
// VResizeLinear for 8-bit): each source row weighted horizontally into ints, two such rows
// mixed vertically with its rounding.
void resize_bilinear(const GreyPlane& src, GreyPlane& dst) {
    constexpr int one = 1 << 11;
    const int sw = src.width, sh = src.height, dw = dst.width, dh = dst.height;
    const double scale_x = 1. / (double(dw) / sw), scale_y = 1. / (double(dh) / sh);
    std::vector<std::int32_t> xofs(std::size_t(dw), 0), alpha0(std::size_t(dw), 0), alpha1(std::size_t(dw), 0);
    int xmax = dw;
    for (int dx = 0; dx < dw; ++dx) {
        float fx = float((dx + 0.5) * scale_x - 0.5);
        int sx = int(std::floor(fx));
        fx -= float(sx);
        if (sx < 0) fx = 0, sx = 0;
        if (sx + 1 >= sw) {
            xmax = std::min(xmax, dx);
            if (sx >= sw - 1) fx = 0, sx = sw - 1;
        }
        xofs[std::size_t(dx)] = sx;
        alpha0[std::size_t(dx)] = to_short((1.f - fx) * one);
        alpha1[std::size_t(dx)] = to_short(fx * one);
    }
    // A weighted row is only ever read as D >> 4 (at most 255 * 2048 >> 4 = 32640): kept as
    // 16 bits, so the vertical pass is two high-half 16-bit products (what OpenCV's SIMD
    // path computes too), which the compiler vectorises. Up to xmax both neighbours are
    // inside the row; the kernel's 16-byte loads reach at most 14 bytes past it (into the
    // next row, or the plane's padding after the last).
    const kernels::BilinearTaps taps =
        kernels::bilinear_taps(std::vector<std::int32_t>(xofs.begin(), xofs.begin() + xmax),
                               std::vector<std::int32_t>(alpha0.begin(), alpha0.begin() + xmax),
                               std::vector<std::int32_t>(alpha1.begin(), alpha1.begin() + xmax));
    auto horizontal = [&](int sy, std::int16_t* out) {
        const std::uint8_t* s = src.row(sy);
        kernels::bilinear_row(s, taps, out);
        for (int dx = xmax; dx < dw; ++dx) out[dx] = std::int16_t((s[xofs[std::size_t(dx)]] * one) >> 4);
    };
    std::vector<std::int16_t> rows(2 * std::size_t(dw));
    int held[2] = {-1, -1};   // the source row each buffer holds
    for (int dy = 0; dy < dh; ++dy) {
        float fy = float((dy + 0.5) * scale_y - 0.5);
        const int sy = int(std::floor(fy));
        fy -= float(sy);
        const std::int16_t b0 = to_short((1.f - fy) * one), b1 = to_short(fy * one);
        // Each of the two source rows is weighted once: kept in a buffer while rows need it.
        const int wanted[2] = {std::clamp(sy, 0, sh - 1), std::clamp(sy + 1, 0, sh - 1)};
        int slot[2] = {-1, -1};
        for (int k = 0; k < 2; ++k) {
            for (int b = 0; b < 2; ++b)
                if (held[b] == wanted[k]) slot[k] = b;
            if (slot[k] >= 0) continue;
            // A buffer that neither this row's other line nor the next needed row is in.
            const int other = k == 0 ? (held[0] == wanted[1] ? 0 : held[1] == wanted[1] ? 1 : -1) : slot[0];
            slot[k] = other == 0 ? 1 : 0;
            horizontal(wanted[k], rows.data() + std::size_t(slot[k]) * dw);
            held[slot[k]] = wanted[k];
        }
        const std::int16_t* s0 = rows.data() + std::size_t(slot[0]) * dw;
        const std::int16_t* s1 = rows.data() + std::size_t(slot[1]) * dw;
        std::uint8_t* out = dst.row(dy);
        for (int x = 0; x < dw; ++x) {
            const auto high0 = std::int16_t((b0 * s0[x]) >> 16), high1 = std::int16_t((b1 * s1[x]) >> 16);
            out[x] = std::uint8_t((high0 + high1 + 2) >> 2);
        }
    }
}

struct AreaWeight {
    int source = 0, target = 0;
    float alpha = 0;
};

// The source cells each target cell covers, with the share of it each covers (OpenCV's
// computeResizeAreaTab, one channel), in target order.
std::vector<AreaWeight> area_weights(int source_size, int target_size, double scale) {
    std::vector<AreaWeight> table;
    table.reserve(2 * std::size_t(source_size));
    for (int d = 0; d < target_size; ++d) {
        const double f1 = d * scale, f2 = f1 + scale;
        const double cell = std::min(scale, source_size - f1);
        int s1 = int(std::ceil(f1)), s2 = int(std::floor(f2));
        s2 = std::min(s2, source_size - 1);
        s1 = std::min(s1, s2);
        if (s1 - f1 > 1e-3) table.push_back({s1 - 1, d, float((s1 - f1) / cell)});
        for (int s = s1; s < s2; ++s) table.push_back({s, d, float(1.0 / cell)});
        if (f2 - s2 > 1e-3) table.push_back({s2, d, float(std::min(std::min(f2 - s2, 1.), cell) / cell)});
    }
    return table;
}

// Area averaging at a fractional scale (OpenCV's ResizeArea_Invoker for 8-bit: float sums in
// the same order, so the same bytes). A source row's horizontal sums are made once even when
// two target rows share it, and each target cell's sum stays in a register.
void resize_area(const GreyPlane& src, GreyPlane& dst) {
    const int dw = dst.width;
    const double scale_x = 1. / (double(dw) / src.width), scale_y = 1. / (double(dst.height) / src.height);
    const std::vector<AreaWeight> xtab = area_weights(src.width, dw, scale_x);
    const std::vector<AreaWeight> ytab = area_weights(src.height, dst.height, scale_y);
    std::vector<int> first(std::size_t(dw) + 1, int(xtab.size()));   // xtab entries of each target column
    for (std::size_t k = xtab.size(); k-- > 0;) first[std::size_t(xtab[k].target)] = int(k);
    for (int dx = dw - 1; dx >= 0; --dx) first[std::size_t(dx)] = std::min(first[std::size_t(dx)], first[std::size_t(dx) + 1]);
    std::vector<float> buf(std::size_t(dw), 0.f), sum(std::size_t(dw), 0.f);
    int previous = ytab.empty() ? 0 : ytab.front().target, buffered = -1;
    for (const AreaWeight& y : ytab) {
        const float beta = y.alpha;
        if (y.source != buffered) {
            const std::uint8_t* s = src.row(y.source);
            for (int dx = 0; dx < dw; ++dx) {
                float total = 0.f;
                for (int k = first[std::size_t(dx)]; k < first[std::size_t(dx) + 1]; ++k)
                    total += float(s[xtab[std::size_t(k)].source]) * xtab[std::size_t(k)].alpha;
                buf[std::size_t(dx)] = total;
            }
            buffered = y.source;
        }
        if (y.target != previous) {
            std::uint8_t* out = dst.row(previous);
            for (int dx = 0; dx < dw; ++dx) {
                out[dx] = to_byte(sum[std::size_t(dx)]);
                sum[std::size_t(dx)] = beta * buf[std::size_t(dx)];
            }
            previous = y.target;
        } else {
            for (int dx = 0; dx < dw; ++dx) sum[std::size_t(dx)] += beta * buf[std::size_t(dx)];
        }
    }
    std::uint8_t* out = dst.row(previous);
    for (int dx = 0; dx < dw; ++dx) out[dx] = to_byte(sum[std::size_t(dx)]);
}

}  // namespace

GreyPlane resampled_luma(const GreyPlane& full, double scale, Resample how) {
    if (full.empty()) return {};
    GreyPlane out = grey_plane(std::max(1, int(std::lround(full.width * scale))),
                               std::max(1, int(std::lround(full.height * scale))));
    if (how == Resample::none || (out.width == full.width && out.height == full.height)) return full;
    const double scale_x = 1. / (double(out.width) / full.width), scale_y = 1. / (double(out.height) / full.height);
    const int whole_x = int(std::lround(scale_x)), whole_y = int(std::lround(scale_y));
    const bool whole = std::abs(scale_x - whole_x) < DBL_EPSILON && std::abs(scale_y - whole_y) < DBL_EPSILON;
    if (how == Resample::bilinear && !(whole && whole_x == 2 && whole_y == 2)) {
        resize_bilinear(full, out);
    } else if (how == Resample::area && !whole && scale_x >= 1 && scale_y >= 1) {
        resize_area(full, out);
    } else {
        // Whole-number factors (OpenCV averages those with integer sums) and enlargements:
        // rare here (analysis scales are fractional reductions); OpenCV's own code.
        const cv::Mat source(full.height, full.width, CV_8UC1, const_cast<std::uint8_t*>(full.row(0)));
        cv::Mat target(out.height, out.width, CV_8UC1, out.row(0));
        cv::resize(source, target, target.size(), 0, 0, how == Resample::bilinear ? cv::INTER_LINEAR : cv::INTER_AREA);
    }
    return out;
}

}  // namespace preflight::photo
