// Scalar references of the strip kernels: the definition of what the SIMD versions must compute.
#include "kernels/strip_kernels.hpp"

#include <algorithm>
#include <vector>

namespace preflight::kernels::scalar {

namespace {
inline std::uint8_t abs_diff(std::uint8_t a, std::uint8_t b) {
    return a > b ? std::uint8_t(a - b) : std::uint8_t(b - a);
}
}  // namespace

void colour_distance_band(const std::uint8_t* rgb, std::ptrdiff_t rgb_stride, std::size_t rows,
                          std::size_t pixels, Rgb8 reference, std::uint8_t* distance,
                          std::ptrdiff_t distance_stride) {
    for (std::size_t y = 0; y < rows; ++y) {
        const std::uint8_t* in = rgb + std::ptrdiff_t(y) * rgb_stride;
        std::uint8_t* out = distance + std::ptrdiff_t(y) * distance_stride;
        for (std::size_t x = 0; x < pixels; ++x) {
            const std::uint8_t* p = in + 3 * x;
            out[x] = std::max({abs_diff(p[0], reference.r), abs_diff(p[1], reference.g),
                               abs_diff(p[2], reference.b)});
        }
    }
}

void open_thin_band(const std::uint8_t* values, std::ptrdiff_t stride, std::size_t rows, std::size_t width,
                    Axis axis, std::uint8_t keep_above, std::uint8_t* out, std::ptrdiff_t out_stride) {
    const auto r_count = std::ptrdiff_t(rows), c_count = std::ptrdiff_t(width);
    const auto value = [&](std::ptrdiff_t r, std::ptrdiff_t c) -> std::uint8_t {
        return (r < 0 || r >= r_count || c < 0 || c >= c_count) ? 0 : values[r * stride + c];
    };
    const std::ptrdiff_t dr = axis == Axis::across_rows ? 1 : 0, dc = axis == Axis::along_rows ? 1 : 0;
    std::vector<std::uint8_t> eroded(rows * width);
    const auto erosion = [&](std::ptrdiff_t r, std::ptrdiff_t c) -> std::uint8_t {
        return (r < 0 || r >= r_count || c < 0 || c >= c_count) ? 0 : eroded[std::size_t(r * c_count + c)];
    };
    for (std::ptrdiff_t r = 0; r < r_count; ++r)
        for (std::ptrdiff_t c = 0; c < c_count; ++c)
            eroded[std::size_t(r * c_count + c)] =
                std::min({value(r - dr, c - dc), value(r, c), value(r + dr, c + dc)});
    for (std::ptrdiff_t r = 0; r < r_count; ++r) {
        for (std::ptrdiff_t c = 0; c < c_count; ++c) {
            const std::uint8_t v = value(r, c);
            out[r * out_stride + c] =
                v > keep_above ? v : std::max({erosion(r - dr, c - dc), erosion(r, c), erosion(r + dr, c + dc)});
        }
    }
}

void row_runs_band(const std::uint8_t* values, std::ptrdiff_t stride, std::size_t rows,
                   std::size_t width, std::uint8_t limit, RunFrom from, std::uint16_t* runs) {
    for (std::size_t y = 0; y < rows; ++y) {
        const std::uint8_t* row = values + std::ptrdiff_t(y) * stride;
        std::size_t run = 0;
        if (from == RunFrom::start) {
            while (run < width && row[run] <= limit) ++run;
        } else {
            while (run < width && row[width - 1 - run] <= limit) ++run;
        }
        runs[y] = std::uint16_t(run);
    }
}

void column_runs_band(const std::uint8_t* values, std::ptrdiff_t stride, std::size_t rows,
                      std::size_t width, std::uint8_t limit, std::uint16_t* runs) {
    for (std::size_t x = 0; x < width; ++x) {
        std::size_t run = 0;
        while (run < rows && values[std::ptrdiff_t(run) * stride + std::ptrdiff_t(x)] <= limit) ++run;
        runs[x] = std::uint16_t(run);
    }
}

}  // namespace preflight::kernels::scalar
