// SIMD versions of the photo kernels (Google Highway), compiled per CPU target and chosen at
// run time like the strip kernels. Pixels are widened to 16-bit lanes; sums accumulate in
// 32-bit lanes (multiply-add by one) and are flushed to 64 bits every few rows.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernels/photo_kernels_hwy.cpp"
#include <hwy/foreach_target.h>  // IWYU pragma: keep

#include <hwy/highway.h>

#include <algorithm>

#include "kernels/photo_kernels.hpp"
#include "kernels/strip_kernels.hpp"

HWY_BEFORE_NAMESPACE();
namespace preflight {
namespace kernels {
namespace HWY_NAMESPACE {

namespace hn = hwy::HWY_NAMESPACE;

// Rows summed in 32-bit lanes before they are flushed: with tiles of at most 256 pixels a
// lane's sum of squares stays below 64 * 256 * 255^2 < 2^31.
constexpr size_t rows_per_flush = 64;

template <class D32, class V32>
HWY_INLINE int64_t Total(D32 d32, V32 sum0, V32 sum1) {
    return int64_t(hn::GetLane(hn::SumOfLanes(d32, hn::RearrangeToOddPlusEven(sum0, sum1))));
}

template <class D16>
void EdgeTiles(D16 d16, const uint8_t* HWY_RESTRICT luma, ptrdiff_t stride, size_t rows, size_t x0,
               size_t tile_px, size_t tiles, uint8_t min_step, EdgeTileSums* HWY_RESTRICT out) {
    const hn::Rebind<uint8_t, D16> d8;
    const hn::Repartition<int32_t, D16> d32;
    const size_t lanes = hn::Lanes(d16);
    const size_t tail = tile_px % lanes;
    const auto tail_mask = hn::FirstN(d16, tail == 0 ? lanes : tail);
    const auto ones = hn::Set(d16, int16_t(1));
    const auto below_edge = hn::Set(d16, int16_t(min_step - 1));
    const auto zero = hn::Zero(d16);
    const ptrdiff_t steps[4] = {1, stride + 1, stride, stride - 1};
    const auto load = [&](const uint8_t* p) { return hn::BitCast(d16, hn::PromoteTo(hn::RebindToUnsigned<D16>(), hn::LoadU(d8, p))); };

    for (size_t t = 0; t < tiles; ++t) {
        EdgeTileSums& tile = out[t];
        const size_t first = x0 + t * tile_px;
        for (size_t y0 = 0; y0 < rows; y0 += rows_per_flush) {
            const size_t y1 = std::min(rows, y0 + rows_per_flush);
            for (int dir = 0; dir < 4; ++dir) {
                const ptrdiff_t d = steps[dir];
                auto gradient = hn::Zero(d32), gradient1 = hn::Zero(d32);
                auto kept = hn::Zero(d32), kept1 = hn::Zero(d32);
                auto edges = hn::Zero(d32), edges1 = hn::Zero(d32);
                for (size_t y = y0; y < y1; ++y) {
                    const uint8_t* row = luma + ptrdiff_t(y) * stride + ptrdiff_t(first);
                    for (size_t i = 0; i < tile_px; i += lanes) {
                        const uint8_t* p = row + i;
                        const auto step = hn::Abs(hn::Sub(load(p + d), load(p)));
                        auto is_edge = hn::Gt(step, below_edge);
                        if (i + lanes > tile_px) is_edge = hn::And(is_edge, tail_mask);
                        const auto g = hn::Add(hn::ShiftLeft<3>(step), step);
                        const auto blurred = hn::Abs(hn::Sub(load(p + 5 * d), load(p - 4 * d)));
                        const auto k = hn::Max(hn::Sub(g, blurred), zero);
                        gradient = hn::ReorderWidenMulAccumulate(d32, hn::IfThenElseZero(is_edge, g), ones, gradient, gradient1);
                        kept = hn::ReorderWidenMulAccumulate(d32, hn::IfThenElseZero(is_edge, k), ones, kept, kept1);
                        edges = hn::ReorderWidenMulAccumulate(d32, hn::IfThenElseZero(is_edge, ones), ones, edges, edges1);
                    }
                }
                tile.gradient[dir] += Total(d32, gradient, gradient1);
                tile.kept[dir] += Total(d32, kept, kept1);
                tile.edges[dir] += Total(d32, edges, edges1);
            }
            auto sum = hn::Zero(d32), sum1 = hn::Zero(d32), squares = hn::Zero(d32), squares1 = hn::Zero(d32);
            for (size_t y = y0; y < y1; ++y) {
                const uint8_t* row = luma + ptrdiff_t(y) * stride + ptrdiff_t(first);
                for (size_t i = 0; i < tile_px; i += lanes) {
                    auto v = load(row + i);
                    if (i + lanes > tile_px) v = hn::IfThenElseZero(tail_mask, v);
                    sum = hn::ReorderWidenMulAccumulate(d32, v, ones, sum, sum1);
                    squares = hn::ReorderWidenMulAccumulate(d32, v, v, squares, squares1);
                }
            }
            tile.sum += Total(d32, sum, sum1);
            tile.sum_squares += Total(d32, squares, squares1);
            tile.count += int64_t((y1 - y0) * tile_px);
        }
    }
}

void AddRows(const uint8_t* HWY_RESTRICT values, ptrdiff_t stride, size_t rows, size_t width,
             uint16_t* HWY_RESTRICT sums) {
    const hn::ScalableTag<uint16_t> d16;
    const hn::Rebind<uint8_t, decltype(d16)> d8;
    const size_t lanes = hn::Lanes(d16);
    size_t i = 0;
    for (; i + lanes <= width; i += lanes) {
        auto sum = hn::LoadU(d16, sums + i);
        for (size_t r = 0; r < rows; ++r)
            sum = hn::Add(sum, hn::PromoteTo(d16, hn::LoadU(d8, values + ptrdiff_t(r) * stride + ptrdiff_t(i))));
        hn::StoreU(sum, d16, sums + i);
    }
    if (i < width) scalar::add_rows(values + i, stride, rows, width - i, sums + i);
}

// Luma of interleaved RGB in 32-bit lanes (the products need 23 bits), as scalar::rgb_to_luma.
void RgbToLuma(const uint8_t* HWY_RESTRICT rgb, size_t count, uint8_t* HWY_RESTRICT luma) {
    const hn::ScalableTag<int32_t> d32;
    const hn::Rebind<uint8_t, decltype(d32)> d8;
    const size_t lanes = hn::Lanes(d32);
    const auto cr = hn::Set(d32, 9798), cg = hn::Set(d32, 19235), cb = hn::Set(d32, 3735), half = hn::Set(d32, 16384);
    size_t i = 0;
    for (; i + lanes <= count; i += lanes) {
        hn::Vec<decltype(d8)> r, g, b;
        hn::LoadInterleaved3(d8, rgb + 3 * i, r, g, b);
        auto sum = hn::Add(hn::Mul(hn::PromoteTo(d32, r), cr), half);
        sum = hn::Add(sum, hn::Mul(hn::PromoteTo(d32, g), cg));
        sum = hn::Add(sum, hn::Mul(hn::PromoteTo(d32, b), cb));
        hn::StoreU(hn::DemoteTo(d8, hn::ShiftRight<15>(sum)), d8, luma + i);
    }
    if (i < count) scalar::rgb_to_luma(rgb + 3 * i, count - i, luma + i);
}

// Eight outputs at a time: their sources (within 16 bytes) loaded once, each output's two
// bytes shuffled next to each other, widened, and multiplied by their weights pairwise
// (pmaddwd). Groups that span more, and the tail, take the scalar reference.
void BilinearRow(const uint8_t* HWY_RESTRICT row, const BilinearTaps& taps, int16_t* HWY_RESTRICT out) {
#if HWY_TARGET == HWY_SCALAR || HWY_TARGET == HWY_EMU128
    scalar::bilinear_row(row, taps, out);
#else
    const hn::Full128<uint8_t> d8;
    const hn::Full64<uint8_t> d8h;
    const hn::Full128<int16_t> d16;
    const hn::Full64<int16_t> d16h;
    const hn::Full128<int32_t> d32;
    const size_t groups = taps.group_base.size();
    for (size_t g = 0; g < groups; ++g) {
        int16_t* to = out + 8 * g;
        if (taps.group_base[g] < 0) {
            for (size_t i = 8 * g; i < 8 * g + 8; ++i) {
                const uint8_t* p = row + taps.offset[i];
                out[i] = int16_t((p[0] * taps.weight0[i] + p[1] * taps.weight1[i]) >> 4);
            }
            continue;
        }
        const auto pairs = hn::TableLookupBytes(hn::LoadU(d8, row + taps.group_base[g]), hn::LoadU(d8, taps.group_index.data() + 16 * g));
        const int16_t* weight = taps.group_weight.data() + 16 * g;
        auto unused = hn::Zero(d32);
        const auto low = hn::ReorderWidenMulAccumulate(d32, hn::PromoteTo(d16, hn::LowerHalf(d8h, pairs)),
                                                       hn::LoadU(d16, weight), hn::Zero(d32), unused);
        const auto high = hn::ReorderWidenMulAccumulate(d32, hn::PromoteTo(d16, hn::UpperHalf(d8h, pairs)),
                                                        hn::LoadU(d16, weight + 8), hn::Zero(d32), unused);
        hn::StoreU(hn::DemoteTo(d16h, hn::ShiftRight<4>(low)), d16h, to);
        hn::StoreU(hn::DemoteTo(d16h, hn::ShiftRight<4>(high)), d16h, to + 4);
    }
    for (size_t i = 8 * groups; i < taps.count(); ++i) {
        const uint8_t* p = row + taps.offset[i];
        out[i] = int16_t((p[0] * taps.weight0[i] + p[1] * taps.weight1[i]) >> 4);
    }
#endif
}

// Table lookup with linear interpolation at v in 0..1 (clamped), as scalar::lookup.
template <class DF>
HWY_INLINE hn::Vec<DF> Lookup(DF df, const float* HWY_RESTRICT table, hn::Vec<DF> v) {
    const hn::RebindToSigned<DF> di;
    const auto position = hn::Mul(hn::Min(hn::Max(v, hn::Zero(df)), hn::Set(df, 1.0f)), hn::Set(df, float(lab_table_steps)));
    const auto index = hn::Min(hn::ConvertTo(di, position), hn::Set(di, lab_table_steps - 1));   // truncates: >= 0
    const auto fraction = hn::Sub(position, hn::ConvertTo(df, index));
    const auto low = hn::GatherIndex(df, table, index);
    const auto high = hn::GatherIndex(df, table + 1, index);
    return hn::MulAdd(hn::Sub(high, low), fraction, low);
}

void SrgbToLab(const float* HWY_RESTRICT r, const float* HWY_RESTRICT g, const float* HWY_RESTRICT b_in, size_t count,
               float* l, float* a, float* b) {
    const hn::ScalableTag<float> df;
    const size_t lanes = hn::Lanes(df);
    const LabTables& tables = lab_tables();
    const auto matrix = [&](float c0, float c1, float c2, hn::Vec<decltype(df)> x, hn::Vec<decltype(df)> y,
                            hn::Vec<decltype(df)> z) {
        return hn::MulAdd(hn::Set(df, c0), x, hn::MulAdd(hn::Set(df, c1), y, hn::Mul(hn::Set(df, c2), z)));
    };
    size_t i = 0;
    for (; i + lanes <= count; i += lanes) {
        const auto lr = Lookup(df, tables.linear, hn::LoadU(df, r + i));
        const auto lg = Lookup(df, tables.linear, hn::LoadU(df, g + i));
        const auto lb = Lookup(df, tables.linear, hn::LoadU(df, b_in + i));
        const auto x = matrix(0.433953f, 0.376219f, 0.189828f, lr, lg, lb);
        const auto y = matrix(0.212671f, 0.715160f, 0.072169f, lr, lg, lb);
        const auto z = matrix(0.017758f, 0.109477f, 0.872766f, lr, lg, lb);
        const auto fx = Lookup(df, tables.cube_root, x);
        const auto fy = Lookup(df, tables.cube_root, y);
        const auto fz = Lookup(df, tables.cube_root, z);
        const auto lightness = hn::IfThenElse(hn::Gt(y, hn::Set(df, 0.008856f)),
                                              hn::MulSub(hn::Set(df, 116.0f), fy, hn::Set(df, 16.0f)),
                                              hn::Mul(hn::Set(df, 903.3f), y));
        hn::StoreU(lightness, df, l + i);
        hn::StoreU(hn::Mul(hn::Set(df, 500.0f), hn::Sub(fx, fy)), df, a + i);
        hn::StoreU(hn::Mul(hn::Set(df, 200.0f), hn::Sub(fy, fz)), df, b + i);
    }
    if (i < count) scalar::srgb_to_lab(r + i, g + i, b_in + i, count - i, l + i, a + i, b + i);
}

void EdgeTileSumsBand(const uint8_t* HWY_RESTRICT luma, ptrdiff_t stride, size_t rows, size_t x0, size_t tile_px,
                      size_t tiles, uint8_t min_step, EdgeTileSums* HWY_RESTRICT out) {
    // Tiles narrower than a full vector take 128-bit vectors rather than mostly empty wide ones.
    const hn::ScalableTag<int16_t> full;
    const hn::CappedTag<int16_t, 8> narrow;
    if (tile_px >= hn::Lanes(full)) return EdgeTiles(full, luma, stride, rows, x0, tile_px, tiles, min_step, out);
    if (tile_px >= hn::Lanes(narrow)) return EdgeTiles(narrow, luma, stride, rows, x0, tile_px, tiles, min_step, out);
    scalar::edge_tile_sums_band(luma, stride, rows, x0, tile_px, tiles, min_step, out);
}

}  // namespace HWY_NAMESPACE
}  // namespace kernels
}  // namespace preflight
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace preflight::kernels {

HWY_EXPORT(EdgeTileSumsBand);
HWY_EXPORT(AddRows);
HWY_EXPORT(SrgbToLab);
HWY_EXPORT(RgbToLuma);
HWY_EXPORT(BilinearRow);

void rgb_to_luma(const std::uint8_t* rgb, std::size_t count, std::uint8_t* luma) {
    if (count == 0) return;
    if (!simd_enabled()) return scalar::rgb_to_luma(rgb, count, luma);
    HWY_DYNAMIC_DISPATCH(RgbToLuma)(rgb, count, luma);
}

void bilinear_row(const std::uint8_t* row, const BilinearTaps& taps, std::int16_t* out) {
    if (taps.count() == 0) return;
    if (!simd_enabled()) return scalar::bilinear_row(row, taps, out);
    HWY_DYNAMIC_DISPATCH(BilinearRow)(row, taps, out);
}

void srgb_to_lab(const float* r, const float* g, const float* b_in, std::size_t count, float* l, float* a,
                 float* b) {
    if (count == 0) return;
    if (!simd_enabled()) return scalar::srgb_to_lab(r, g, b_in, count, l, a, b);
    HWY_DYNAMIC_DISPATCH(SrgbToLab)(r, g, b_in, count, l, a, b);
}

void add_rows(const std::uint8_t* values, std::ptrdiff_t stride, std::size_t rows, std::size_t width,
              std::uint16_t* sums) {
    if (rows == 0 || width == 0) return;
    if (!simd_enabled()) return scalar::add_rows(values, stride, rows, width, sums);
    HWY_DYNAMIC_DISPATCH(AddRows)(values, stride, rows, width, sums);
}

void edge_tile_sums_band(const std::uint8_t* luma, std::ptrdiff_t stride, std::size_t rows,
                         std::size_t x0, std::size_t tile_px, std::size_t tiles,
                         std::uint8_t min_step, EdgeTileSums* out) {
    if (rows == 0 || tiles == 0 || tile_px == 0) return;
    if (!simd_enabled() || tile_px > 256)
        return scalar::edge_tile_sums_band(luma, stride, rows, x0, tile_px, tiles, min_step, out);
    HWY_DYNAMIC_DISPATCH(EdgeTileSumsBand)(luma, stride, rows, x0, tile_px, tiles, min_step, out);
}

}  // namespace preflight::kernels
#endif  // HWY_ONCE
