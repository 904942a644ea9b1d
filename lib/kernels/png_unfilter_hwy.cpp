// SIMD version of the PNG unfilter kernel (Google Highway): compiled once per CPU target by
// foreach_target.h and chosen at run time. Up runs over whole vectors; Sub of 3- and 4-byte
// pixels takes four pixels per 16-byte vector (a prefix sum); Average and Paeth depend on the
// finished pixel to the left, so they take one pixel per step with its bytes in one small vector
// (3 and 4 bytes in 4 lanes, 6 and 8 in 8; Paeth of 1 and 2 bytes in 4), and consecutive
// Paeth or Average rows run interleaved; single Sub and Average rows of 1- and 2-byte pixels
// stay scalar.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernels/png_unfilter_hwy.cpp"
#include <hwy/foreach_target.h>  // IWYU pragma: keep

#include <hwy/highway.h>

#include <cstring>

#include "kernels/png_unfilter.hpp"
#include "kernels/strip_kernels.hpp"

HWY_BEFORE_NAMESPACE();
namespace preflight {
namespace kernels {
namespace HWY_NAMESPACE {

namespace hn = hwy::HWY_NAMESPACE;

// out = filtered + previous over the row: whole vectors, then 16-byte ones into the padding.
void UnfilterUp(const uint8_t* HWY_RESTRICT filtered, const uint8_t* HWY_RESTRICT previous,
                uint8_t* HWY_RESTRICT out, size_t row_bytes) {
    const hn::ScalableTag<uint8_t> d;
    const size_t lanes = hn::Lanes(d);
    size_t x = 0;
    for (; x + lanes <= row_bytes; x += lanes)
        hn::StoreU(hn::Add(hn::LoadU(d, filtered + x), hn::LoadU(d, previous + x)), d, out + x);
    const hn::CappedTag<uint8_t, 16> d16;
    for (; x < row_bytes; x += hn::Lanes(d16))
        hn::StoreU(hn::Add(hn::LoadU(d16, filtered + x), hn::LoadU(d16, previous + x)), d16, out + x);
}

// One pixel per step: `d` holds a pixel's bytes (its last lanes may belong to the next pixel;
// they are stored into the next pixel's place or the padding and overwritten or ignored).
template <class D>
void UnfilterSub(D d, const uint8_t* HWY_RESTRICT filtered, uint8_t* HWY_RESTRICT out, size_t row_bytes,
                 size_t bpp) {
    auto left = hn::Zero(d);
    for (size_t x = 0; x < row_bytes; x += bpp) {
        left = hn::Add(hn::LoadU(d, filtered + x), left);
        hn::StoreU(left, d, out + x);
    }
}

#if HWY_TARGET != HWY_SCALAR
// Sub for 3- and 4-byte pixels, four pixels per 16-byte vector: a prefix sum over the pixels
// (shift by one pixel, add; by two, add), plus the last pixel of the step before, broadcast.
template <size_t kBpp>
void UnfilterSubFour(const uint8_t* HWY_RESTRICT filtered, uint8_t* HWY_RESTRICT out, size_t row_bytes) {
    const hn::FixedTag<uint8_t, 16> d;
    // Lanes repeating the last pixel of a step (bytes 3 * kBpp .. 4 * kBpp - 1).
    alignas(16) static constexpr uint8_t last_pixel[16] = {
        3 * kBpp, 3 * kBpp + 1, 3 * kBpp + 2, kBpp == 4 ? 15 : 9, kBpp == 4 ? 12 : 10, kBpp == 4 ? 13 : 11,
        kBpp == 4 ? 14 : 9, kBpp == 4 ? 15 : 10, kBpp == 4 ? 12 : 11, kBpp == 4 ? 13 : 9, kBpp == 4 ? 14 : 10,
        kBpp == 4 ? 15 : 11, kBpp == 4 ? 12 : 9, kBpp == 4 ? 13 : 10, kBpp == 4 ? 14 : 11, kBpp == 4 ? 15 : 9};
    const auto broadcast_last = hn::Load(d, last_pixel);
    constexpr size_t step = 4 * kBpp;
    auto carry = hn::Zero(d);
    size_t x = 0;
    for (; x + 16 <= row_bytes; x += step) {
        auto v = hn::LoadU(d, filtered + x);
        v = hn::Add(v, hn::ShiftLeftBytes<kBpp>(d, v));
        v = hn::Add(v, hn::ShiftLeftBytes<2 * kBpp>(d, v));
        v = hn::Add(v, carry);
        hn::StoreU(v, d, out + x);
        carry = hn::TableLookupBytes(v, broadcast_last);
    }
    for (; x < row_bytes; ++x) out[x] = uint8_t(filtered[x] + (x >= kBpp ? out[x - kBpp] : 0));
}
#endif

// floor((left + up) / 2) as a rounded-up average minus the lost half.
template <class D>
void UnfilterAverage(D d, const uint8_t* HWY_RESTRICT filtered, const uint8_t* HWY_RESTRICT previous,
                     uint8_t* HWY_RESTRICT out, size_t row_bytes, size_t bpp) {
    const auto one = hn::Set(d, uint8_t{1});
    auto left = hn::Zero(d);
    for (size_t x = 0; x < row_bytes; x += bpp) {
        const auto up = hn::LoadU(d, previous + x);
        const auto average = hn::Sub(hn::AverageRound(left, up), hn::And(hn::Xor(left, up), one));
        left = hn::Add(hn::LoadU(d, filtered + x), average);
        hn::StoreU(left, d, out + x);
    }
}

// Paeth in 16-bit lanes: everything that depends only on the row above is computed off the
// chain from one pixel to the next; the chain keeps its value in 16 bits (masked to a byte).
template <class D>
void UnfilterPaeth(D d, const uint8_t* HWY_RESTRICT filtered, const uint8_t* HWY_RESTRICT previous,
                   uint8_t* HWY_RESTRICT out, size_t row_bytes, size_t bpp) {
    const hn::Rebind<int16_t, D> dw;
    const auto low_byte = hn::Set(dw, int16_t{0xFF});
    auto left = hn::Zero(dw);
    auto upper_left = hn::Zero(dw);
    for (size_t x = 0; x < row_bytes; x += bpp) {
        const auto up = hn::PromoteTo(dw, hn::LoadU(d, previous + x));
        const auto value = hn::PromoteTo(dw, hn::LoadU(d, filtered + x));
        // Distances of the estimate left + up - upper_left to left, up and upper_left.
        const auto up_step = hn::Sub(up, upper_left);
        const auto distance_left = hn::Abs(up_step);
        const auto left_step = hn::Sub(left, upper_left);
        const auto distance_up = hn::Abs(left_step);
        const auto distance_upper_left = hn::Abs(hn::Add(up_step, left_step));
        const auto nearest_other = hn::Min(distance_up, distance_upper_left);
        const auto up_or_upper_left = hn::IfThenElse(hn::Eq(distance_up, nearest_other), up, upper_left);
        const auto predictor = hn::IfThenElse(hn::Gt(distance_left, nearest_other), up_or_upper_left, left);
        left = hn::And(hn::Add(value, predictor), low_byte);
        hn::StoreU(hn::DemoteTo(d, left), d, out + x);
        upper_left = up;
    }
}

#if HWY_TARGET != HWY_SCALAR
// kRows Paeth rows at once: at step k, row r takes its pixel k - r, whose pixel above (row
// r - 1's pixel k - r) was finished at step k - 1 and is still in row r - 1's register (rows
// go last to first within a step). The rows' chains are independent within a step, so the core
// runs them side by side. Same arithmetic as UnfilterPaeth.
template <size_t kRows, class D>
void UnfilterPaethRows(D d, const uint8_t* filtered, ptrdiff_t filtered_stride, const uint8_t* previous,
                       uint8_t* out, ptrdiff_t out_stride, size_t row_bytes, size_t bpp) {
    const hn::Rebind<int16_t, D> dw;
    using VW = hn::Vec<decltype(dw)>;
    const auto low_byte = hn::Set(dw, int16_t{0xFF});
    VW left[kRows], upper_left[kRows];
    for (size_t r = 0; r < kRows; ++r) left[r] = upper_left[r] = hn::Zero(dw);
    const size_t pixels = row_bytes / bpp;
    for (size_t k = 0; k < pixels + kRows - 1; ++k) {
        HWY_UNROLL(4)
        for (size_t row = kRows; row > 0; --row) {
            const size_t r = row - 1;
            if (k < r || k - r >= pixels) continue;
            const size_t x = (k - r) * bpp;
            const auto up = r == 0 ? hn::PromoteTo(dw, hn::LoadU(d, previous + x)) : left[r - 1];
            const auto value = hn::PromoteTo(dw, hn::LoadU(d, filtered + ptrdiff_t(r) * filtered_stride + ptrdiff_t(x)));
            const auto up_step = hn::Sub(up, upper_left[r]);
            const auto distance_left = hn::Abs(up_step);
            const auto left_step = hn::Sub(left[r], upper_left[r]);
            const auto distance_up = hn::Abs(left_step);
            const auto distance_upper_left = hn::Abs(hn::Add(up_step, left_step));
            const auto nearest_other = hn::Min(distance_up, distance_upper_left);
            const auto up_or_upper_left = hn::IfThenElse(hn::Eq(distance_up, nearest_other), up, upper_left[r]);
            const auto predictor = hn::IfThenElse(hn::Gt(distance_left, nearest_other), up_or_upper_left, left[r]);
            left[r] = hn::And(hn::Add(value, predictor), low_byte);
            hn::StoreU(hn::DemoteTo(d, left[r]), d, out + ptrdiff_t(r) * out_stride + ptrdiff_t(x));
            upper_left[r] = up;
        }
    }
}

// kRows Average rows at once, staggered like the Paeth rows above.
template <size_t kRows, class D>
void UnfilterAverageRows(D d, const uint8_t* filtered, ptrdiff_t filtered_stride, const uint8_t* previous,
                         uint8_t* out, ptrdiff_t out_stride, size_t row_bytes, size_t bpp) {
    using V = hn::Vec<D>;
    const auto one = hn::Set(d, uint8_t{1});
    V left[kRows];
    for (size_t r = 0; r < kRows; ++r) left[r] = hn::Zero(d);
    const size_t pixels = row_bytes / bpp;
    for (size_t k = 0; k < pixels + kRows - 1; ++k) {
        HWY_UNROLL(4)
        for (size_t row = kRows; row > 0; --row) {
            const size_t r = row - 1;
            if (k < r || k - r >= pixels) continue;
            const size_t x = (k - r) * bpp;
            const auto up = r == 0 ? hn::LoadU(d, previous + x) : left[r - 1];
            const auto average = hn::Sub(hn::AverageRound(left[r], up), hn::And(hn::Xor(left[r], up), one));
            left[r] = hn::Add(hn::LoadU(d, filtered + ptrdiff_t(r) * filtered_stride + ptrdiff_t(x)), average);
            hn::StoreU(left[r], d, out + ptrdiff_t(r) * out_stride + ptrdiff_t(x));
        }
    }
}

template <class D>
bool AverageRows(D d, const uint8_t* filtered, ptrdiff_t filtered_stride, const uint8_t* previous, uint8_t* out,
                 ptrdiff_t out_stride, size_t rows, size_t row_bytes, size_t bpp) {
    switch (rows) {
    case 2: UnfilterAverageRows<2>(d, filtered, filtered_stride, previous, out, out_stride, row_bytes, bpp); return true;
    case 3: UnfilterAverageRows<3>(d, filtered, filtered_stride, previous, out, out_stride, row_bytes, bpp); return true;
    case 4: UnfilterAverageRows<4>(d, filtered, filtered_stride, previous, out, out_stride, row_bytes, bpp); return true;
    default: return false;
    }
}

template <class D>
bool PaethRows(D d, const uint8_t* filtered, ptrdiff_t filtered_stride, const uint8_t* previous, uint8_t* out,
               ptrdiff_t out_stride, size_t rows, size_t row_bytes, size_t bpp) {
    switch (rows) {
    case 2: UnfilterPaethRows<2>(d, filtered, filtered_stride, previous, out, out_stride, row_bytes, bpp); return true;
    case 3: UnfilterPaethRows<3>(d, filtered, filtered_stride, previous, out, out_stride, row_bytes, bpp); return true;
    case 4: UnfilterPaethRows<4>(d, filtered, filtered_stride, previous, out, out_stride, row_bytes, bpp); return true;
    default: return false;
    }
}
#endif

template <class D>
void UnfilterPixels(D d, PngFilter filter, const uint8_t* filtered, const uint8_t* previous, uint8_t* out,
                    size_t row_bytes, size_t bpp) {
    if (filter == PngFilter::sub) return UnfilterSub(d, filtered, out, row_bytes, bpp);
    if (filter == PngFilter::average) return UnfilterAverage(d, filtered, previous, out, row_bytes, bpp);
    UnfilterPaeth(d, filtered, previous, out, row_bytes, bpp);
}

void UnfilterRow(PngFilter filter, const uint8_t* filtered, const uint8_t* previous, uint8_t* out,
                 size_t row_bytes, size_t bpp) {
    if (filter == PngFilter::none) return (void)std::memcpy(out, filtered, row_bytes);
    if (filter == PngFilter::up) return UnfilterUp(filtered, previous, out, row_bytes);
#if HWY_TARGET != HWY_SCALAR
    if (filter == PngFilter::sub && bpp == 3) return UnfilterSubFour<3>(filtered, out, row_bytes);
    if (filter == PngFilter::sub && bpp == 4) return UnfilterSubFour<4>(filtered, out, row_bytes);
    // 1- and 2-byte pixels: Paeth in the 4-lane vectors too (the lanes past the pixel carry
    // nothing that is kept); Sub and Average are as fast in plain C++.
    if (filter == PngFilter::paeth && bpp <= 2)
        return UnfilterPaeth(hn::CappedTag<uint8_t, 4>(), filtered, previous, out, row_bytes, bpp);
    if (bpp == 3 || bpp == 4) return UnfilterPixels(hn::CappedTag<uint8_t, 4>(), filter, filtered, previous, out,
                                                    row_bytes, bpp);
    if (bpp == 6 || bpp == 8) return UnfilterPixels(hn::CappedTag<uint8_t, 8>(), filter, filtered, previous, out,
                                                    row_bytes, bpp);
#endif
    scalar::png_unfilter_row(filter, filtered, previous, out, row_bytes, bpp);
}

// Flattening on white in 16-bit lanes: x = v * a + 255 * (255 - a) <= 65025, and x / 255 as
// (x + 1 + (x >> 8)) >> 8, exact in that range.
template <class D16>
HWY_INLINE hn::Vec<D16> FlattenChannel(D16 d16, hn::Vec<D16> value, hn::Vec<D16> alpha, hn::Vec<D16> white_part) {
    const auto x = hn::Add(hn::Mul(value, alpha), white_part);
    return hn::ShiftRight<8>(hn::Add(hn::Add(x, hn::Set(d16, uint16_t{1})), hn::ShiftRight<8>(x)));
}

void FlattenRgbaOnWhite(const uint8_t* HWY_RESTRICT rgba, size_t pixels, uint8_t* HWY_RESTRICT rgb) {
    size_t i = 0;
#if HWY_TARGET != HWY_SCALAR
    const hn::ScalableTag<uint16_t> d16;
    const hn::Rebind<uint8_t, decltype(d16)> d8;
    const hn::Rebind<int16_t, decltype(d16)> di16;   // results <= 255: demoted from signed lanes
    const size_t lanes = hn::Lanes(d16);
    const auto full = hn::Set(d16, uint16_t{255});
    for (; i + lanes <= pixels; i += lanes) {
        hn::Vec<decltype(d8)> r, g, b, a;
        hn::LoadInterleaved4(d8, rgba + 4 * i, r, g, b, a);
        const auto alpha = hn::PromoteTo(d16, a);
        const auto white_part = hn::Mul(full, hn::Sub(full, alpha));
        const auto r8 = hn::DemoteTo(d8, hn::BitCast(di16, FlattenChannel(d16, hn::PromoteTo(d16, r), alpha, white_part)));
        const auto g8 = hn::DemoteTo(d8, hn::BitCast(di16, FlattenChannel(d16, hn::PromoteTo(d16, g), alpha, white_part)));
        const auto b8 = hn::DemoteTo(d8, hn::BitCast(di16, FlattenChannel(d16, hn::PromoteTo(d16, b), alpha, white_part)));
        hn::StoreInterleaved3(r8, g8, b8, d8, rgb + 3 * i);
    }
#endif
    scalar::flatten_rgba_on_white(rgba + 4 * i, pixels - i, rgb + 3 * i);
}

void UnfilterRows(PngFilter filter, const uint8_t* filtered, ptrdiff_t filtered_stride, const uint8_t* previous,
                  uint8_t* out, ptrdiff_t out_stride, size_t rows, size_t row_bytes, size_t bpp) {
#if HWY_TARGET != HWY_SCALAR
    if (filter == PngFilter::paeth && bpp <= 4 &&
        PaethRows(hn::CappedTag<uint8_t, 4>(), filtered, filtered_stride, previous, out, out_stride, rows, row_bytes,
                  bpp))
        return;
    if (filter == PngFilter::paeth && (bpp == 6 || bpp == 8) &&
        PaethRows(hn::CappedTag<uint8_t, 8>(), filtered, filtered_stride, previous, out, out_stride, rows, row_bytes,
                  bpp))
        return;
    if (filter == PngFilter::average && bpp <= 4 &&
        AverageRows(hn::CappedTag<uint8_t, 4>(), filtered, filtered_stride, previous, out, out_stride, rows,
                    row_bytes, bpp))
        return;
    if (filter == PngFilter::average && (bpp == 6 || bpp == 8) &&
        AverageRows(hn::CappedTag<uint8_t, 8>(), filtered, filtered_stride, previous, out, out_stride, rows,
                    row_bytes, bpp))
        return;
#endif
    for (size_t r = 0; r < rows; ++r) {
        const uint8_t* above = r == 0 ? previous : out + ptrdiff_t(r - 1) * out_stride;
        UnfilterRow(filter, filtered + ptrdiff_t(r) * filtered_stride, above, out + ptrdiff_t(r) * out_stride,
                    row_bytes, bpp);
    }
}

}  // namespace HWY_NAMESPACE
}  // namespace kernels
}  // namespace preflight
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace preflight::kernels {

HWY_EXPORT(UnfilterRow);
HWY_EXPORT(UnfilterRows);
HWY_EXPORT(FlattenRgbaOnWhite);

void flatten_rgba_on_white(const std::uint8_t* rgba, std::size_t pixels, std::uint8_t* rgb) {
    if (pixels == 0) return;
    if (!simd_enabled()) return scalar::flatten_rgba_on_white(rgba, pixels, rgb);
    HWY_DYNAMIC_DISPATCH(FlattenRgbaOnWhite)(rgba, pixels, rgb);
}

void png_unfilter_row(PngFilter filter, const std::uint8_t* filtered, const std::uint8_t* previous,
                      std::uint8_t* out, std::size_t row_bytes, std::size_t bytes_per_pixel) {
    if (row_bytes == 0) return;
    if (!simd_enabled()) return scalar::png_unfilter_row(filter, filtered, previous, out, row_bytes, bytes_per_pixel);
    HWY_DYNAMIC_DISPATCH(UnfilterRow)(filter, filtered, previous, out, row_bytes, bytes_per_pixel);
}

void png_unfilter_rows(PngFilter filter, const std::uint8_t* filtered, std::ptrdiff_t filtered_stride,
                       const std::uint8_t* previous, std::uint8_t* out, std::ptrdiff_t out_stride, std::size_t rows,
                       std::size_t row_bytes, std::size_t bytes_per_pixel) {
    if (row_bytes == 0 || rows == 0) return;
    if (!simd_enabled())
        return scalar::png_unfilter_rows(filter, filtered, filtered_stride, previous, out, out_stride, rows, row_bytes,
                                         bytes_per_pixel);
    HWY_DYNAMIC_DISPATCH(UnfilterRows)(filter, filtered, filtered_stride, previous, out, out_stride, rows, row_bytes,
                                       bytes_per_pixel);
}

}  // namespace preflight::kernels
#endif  // HWY_ONCE
