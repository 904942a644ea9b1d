// Scalar reference of the PNG unfilter kernel: the definition the SIMD version must match.
#include "kernels/png_unfilter.hpp"

#include <cstdlib>
#include <cstring>

namespace preflight::kernels::scalar {

namespace {

// The spec's predictor: whichever of left, up, upper-left is closest to left + up - upper-left
// (ties: left, then up).
inline std::uint8_t paeth_predictor(int left, int up, int upper_left) {
    const int distance_left = std::abs(up - upper_left);
    const int distance_up = std::abs(left - upper_left);
    const int distance_upper_left = std::abs(left + up - 2 * upper_left);
    if (distance_left <= distance_up && distance_left <= distance_upper_left) return std::uint8_t(left);
    if (distance_up <= distance_upper_left) return std::uint8_t(up);
    return std::uint8_t(upper_left);
}

}  // namespace

void png_unfilter_row(PngFilter filter, const std::uint8_t* filtered, const std::uint8_t* previous,
                      std::uint8_t* out, std::size_t row_bytes, std::size_t bytes_per_pixel) {
    const std::size_t bpp = bytes_per_pixel;
    switch (filter) {
    case PngFilter::none:
        std::memcpy(out, filtered, row_bytes);
        return;
    case PngFilter::sub:
        for (std::size_t i = 0; i < row_bytes; ++i)
            out[i] = std::uint8_t(filtered[i] + (i >= bpp ? out[i - bpp] : 0));
        return;
    case PngFilter::up:
        for (std::size_t i = 0; i < row_bytes; ++i) out[i] = std::uint8_t(filtered[i] + previous[i]);
        return;
    case PngFilter::average:
        for (std::size_t i = 0; i < row_bytes; ++i) {
            const int left = i >= bpp ? out[i - bpp] : 0;
            out[i] = std::uint8_t(filtered[i] + ((left + previous[i]) >> 1));
        }
        return;
    case PngFilter::paeth:
        for (std::size_t i = 0; i < row_bytes; ++i) {
            const int left = i >= bpp ? out[i - bpp] : 0;
            const int upper_left = i >= bpp ? previous[i - bpp] : 0;
            out[i] = std::uint8_t(filtered[i] + paeth_predictor(left, previous[i], upper_left));
        }
        return;
    }
}

void flatten_rgba_on_white(const std::uint8_t* rgba, std::size_t pixels, std::uint8_t* rgb) {
    for (std::size_t i = 0; i < pixels; ++i, rgba += 4, rgb += 3) {
        const unsigned alpha = rgba[3];
        for (int c = 0; c < 3; ++c) rgb[c] = std::uint8_t((rgba[c] * alpha + 255u * (255u - alpha)) / 255u);
    }
}

void png_unfilter_rows(PngFilter filter, const std::uint8_t* filtered, std::ptrdiff_t filtered_stride,
                       const std::uint8_t* previous, std::uint8_t* out, std::ptrdiff_t out_stride, std::size_t rows,
                       std::size_t row_bytes, std::size_t bytes_per_pixel) {
    for (std::size_t r = 0; r < rows; ++r) {
        const std::uint8_t* above = r == 0 ? previous : out + std::ptrdiff_t(r - 1) * out_stride;
        scalar::png_unfilter_row(filter, filtered + std::ptrdiff_t(r) * filtered_stride, above,
                                 out + std::ptrdiff_t(r) * out_stride, row_bytes, bytes_per_pixel);
    }
}

}  // namespace preflight::kernels::scalar
