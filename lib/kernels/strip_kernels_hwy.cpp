// SIMD versions of the strip kernels (Google Highway): compiled once per CPU target by
// foreach_target.h and chosen at run time, so one binary uses SSE4, AVX2 or AVX-512.
// Every call handles a whole band of rows; nothing is dispatched per pixel.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernels/strip_kernels_hwy.cpp"
#include <hwy/foreach_target.h>  // IWYU pragma: keep

#include <hwy/highway.h>

#include <bit>
#include <cstring>
#include <vector>

#include "kernels/strip_kernels.hpp"

HWY_BEFORE_NAMESPACE();
namespace preflight {
namespace kernels {
namespace HWY_NAMESPACE {

namespace hn = hwy::HWY_NAMESPACE;

// |a - b| of unsigned bytes without widening: one of the two saturated differences is zero.
template <class V>
HWY_INLINE V AbsDiffU8(V a, V b) {
    return hn::Or(hn::SaturatedSub(a, b), hn::SaturatedSub(b, a));
}

// Calls body(x) for vectors covering [first, end); the last one overlaps its predecessor (it
// recomputes the same values), so no scalar tail is needed. Requires end - first >= lanes.
template <class Body>
HWY_INLINE void ForEachVector(size_t lanes, size_t first, size_t end, const Body& body) {
    size_t x = first;
    for (; x + lanes <= end; x += lanes) body(x);
    if (x < end) body(end - lanes);
}

// Strips are often narrower than one AVX-512 vector (a 3 mm bleed is ~40 pixels at 300 dpi):
// such rows take 128-bit vectors instead of the scalar path. Calls run(tag) with the widest
// tag that fits `width` elements of T, or returns false when even 128 bits are too wide.
template <typename T, class Run>
HWY_INLINE bool WithFittingTag(size_t width, const Run& run) {
    const hn::ScalableTag<T> full;
    const hn::CappedTag<T, 16 / sizeof(T)> narrow;
    if (width >= hn::Lanes(full)) return run(full), true;
    if (width >= hn::Lanes(narrow)) return run(narrow), true;
    return false;
}

template <class D>
void DistanceRows(D d, const uint8_t* HWY_RESTRICT rgb, ptrdiff_t rgb_stride, size_t rows, size_t pixels,
                  Rgb8 reference, uint8_t* HWY_RESTRICT distance, ptrdiff_t distance_stride) {
    const auto ref_r = hn::Set(d, reference.r);
    const auto ref_g = hn::Set(d, reference.g);
    const auto ref_b = hn::Set(d, reference.b);
    for (size_t y = 0; y < rows; ++y) {
        const uint8_t* in = rgb + ptrdiff_t(y) * rgb_stride;
        uint8_t* out = distance + ptrdiff_t(y) * distance_stride;
        ForEachVector(hn::Lanes(d), 0, pixels, [&](size_t x) {
            hn::Vec<D> r, g, b;
            hn::LoadInterleaved3(d, in + 3 * x, r, g, b);
            const auto largest = hn::Max(hn::Max(AbsDiffU8(r, ref_r), AbsDiffU8(g, ref_g)), AbsDiffU8(b, ref_b));
            hn::StoreU(largest, d, out + x);
        });
    }
}

void ColourDistanceBand(const uint8_t* HWY_RESTRICT rgb, ptrdiff_t rgb_stride, size_t rows, size_t pixels,
                        Rgb8 reference, uint8_t* HWY_RESTRICT distance, ptrdiff_t distance_stride) {
    if (!WithFittingTag<uint8_t>(pixels, [&](auto d) {
            DistanceRows(d, rgb, rgb_stride, rows, pixels, reference, distance, distance_stride);
        }))
        scalar::colour_distance_band(rgb, rgb_stride, rows, pixels, reference, distance, distance_stride);
}

template <class D>
void OpenAlongRows(D d, const uint8_t* HWY_RESTRICT values, ptrdiff_t stride, size_t rows, size_t width,
                   uint8_t keep_above, uint8_t* HWY_RESTRICT out, ptrdiff_t out_stride) {
    const size_t lanes = hn::Lanes(d);
    const auto keep = hn::Set(d, keep_above);
    // One row at a time through zero-padded copies, so neighbours are plain unaligned loads.
    std::vector<uint8_t> padded(width + 2, 0), eroded(width + 2, 0);
    uint8_t* p = padded.data();
    uint8_t* e = eroded.data();
    for (size_t y = 0; y < rows; ++y) {
        std::memcpy(p + 1, values + ptrdiff_t(y) * stride, width);
        ForEachVector(lanes, 1, width + 1, [&](size_t j) {
            hn::StoreU(hn::Min(hn::Min(hn::LoadU(d, p + j - 1), hn::LoadU(d, p + j)), hn::LoadU(d, p + j + 1)), d, e + j);
        });
        uint8_t* out_row = out + ptrdiff_t(y) * out_stride;
        ForEachVector(lanes, 0, width, [&](size_t c) {
            const auto v = hn::LoadU(d, p + c + 1);
            const auto opened = hn::Max(hn::Max(hn::LoadU(d, e + c), hn::LoadU(d, e + c + 1)), hn::LoadU(d, e + c + 2));
            hn::StoreU(hn::IfThenElse(hn::Gt(v, keep), v, opened), d, out_row + c);
        });
    }
}

template <class D>
void OpenAcrossRows(D d, const uint8_t* HWY_RESTRICT values, ptrdiff_t stride, size_t rows, size_t width,
                    uint8_t keep_above, uint8_t* HWY_RESTRICT out, ptrdiff_t out_stride) {
    const size_t lanes = hn::Lanes(d);
    const auto keep = hn::Set(d, keep_above);
    // Erode every row into a buffer, then dilate it; rows outside the band are 0.
    const auto zero = hn::Zero(d);
    std::vector<uint8_t> eroded(rows * width);
    const auto in_row = [&](size_t y) { return values + ptrdiff_t(y) * stride; };
    for (size_t y = 0; y < rows; ++y) {
        ForEachVector(lanes, 0, width, [&](size_t c) {
            const auto up = y > 0 ? hn::LoadU(d, in_row(y - 1) + c) : zero;
            const auto down = y + 1 < rows ? hn::LoadU(d, in_row(y + 1) + c) : zero;
            hn::StoreU(hn::Min(hn::Min(up, hn::LoadU(d, in_row(y) + c)), down), d, eroded.data() + y * width + c);
        });
    }
    for (size_t y = 0; y < rows; ++y) {
        uint8_t* out_row = out + ptrdiff_t(y) * out_stride;
        ForEachVector(lanes, 0, width, [&](size_t c) {
            const uint8_t* e = eroded.data() + y * width + c;
            const auto up = y > 0 ? hn::LoadU(d, e - width) : zero;
            const auto down = y + 1 < rows ? hn::LoadU(d, e + width) : zero;
            const auto v = hn::LoadU(d, in_row(y) + c);
            hn::StoreU(hn::IfThenElse(hn::Gt(v, keep), v, hn::Max(hn::Max(up, hn::LoadU(d, e)), down)), d, out_row + c);
        });
    }
}

void OpenThinBand(const uint8_t* HWY_RESTRICT values, ptrdiff_t stride, size_t rows, size_t width, Axis axis,
                  uint8_t keep_above, uint8_t* HWY_RESTRICT out, ptrdiff_t out_stride) {
    const bool done = WithFittingTag<uint8_t>(width, [&](auto d) {
        if (axis == Axis::along_rows) OpenAlongRows(d, values, stride, rows, width, keep_above, out, out_stride);
        else OpenAcrossRows(d, values, stride, rows, width, keep_above, out, out_stride);
    });
    if (!done) scalar::open_thin_band(values, stride, rows, width, axis, keep_above, out, out_stride);
}

// Index of the last true lane of a mask that has at least one.
template <class D, class M>
HWY_INLINE size_t LastTrue(D d, M mask) {
    uint8_t bits[(hn::MaxLanes(D()) + 7) / 8 + 8] = {};
    const size_t bytes = hn::StoreMaskBits(d, mask, bits);
    for (size_t i = bytes; i-- > 0;) {
        if (bits[i]) return i * 8 + size_t(std::bit_width(unsigned(bits[i]))) - 1;
    }
    return 0;
}

template <class D>
void RowRuns(D d, const uint8_t* HWY_RESTRICT values, ptrdiff_t stride, size_t rows, size_t width, uint8_t limit,
             RunFrom from, uint16_t* HWY_RESTRICT runs) {
    const size_t lanes = hn::Lanes(d);
    const auto limit_v = hn::Set(d, limit);
    for (size_t y = 0; y < rows; ++y) {
        const uint8_t* row = values + ptrdiff_t(y) * stride;
        size_t run = width;
        if (from == RunFrom::start) {
            // Windows from the start; the last one overlaps its predecessor, which had no hit.
            for (size_t x = 0;; x += lanes) {
                const size_t start = x + lanes <= width ? x : width - lanes;
                const auto above = hn::Gt(hn::LoadU(d, row + start), limit_v);
                if (!hn::AllFalse(d, above)) {
                    run = start + hn::FindKnownFirstTrue(d, above);
                    break;
                }
                if (start + lanes >= width) break;
            }
        } else {
            for (size_t end = width;;) {
                const size_t start = end >= lanes ? end - lanes : 0;
                const auto above = hn::Gt(hn::LoadU(d, row + start), limit_v);
                if (!hn::AllFalse(d, above)) {
                    run = width - 1 - (start + LastTrue(d, above));
                    break;
                }
                if (start == 0) break;
                end = start;
            }
        }
        runs[y] = uint16_t(run);
    }
}

void RowRunsBand(const uint8_t* HWY_RESTRICT values, ptrdiff_t stride, size_t rows, size_t width, uint8_t limit,
                 RunFrom from, uint16_t* HWY_RESTRICT runs) {
    if (!WithFittingTag<uint8_t>(width, [&](auto d) { RowRuns(d, values, stride, rows, width, limit, from, runs); }))
        scalar::row_runs_band(values, stride, rows, width, limit, from, runs);
}

template <class D16>
void ColumnRuns(D16 d16, const uint8_t* HWY_RESTRICT values, ptrdiff_t stride, size_t rows, size_t width,
                uint8_t limit, uint16_t* HWY_RESTRICT runs) {
    // Counts live in 16-bit lanes; the bytes are widened on load (half-width byte vectors).
    const hn::Rebind<uint8_t, D16> d8;
    const size_t lanes = hn::Lanes(d16);
    const auto limit_v = hn::Set(d16, uint16_t(limit));
    ForEachVector(lanes, 0, width, [&](size_t x) {
        auto alive = hn::FirstN(d16, lanes);   // columns whose run has not ended yet
        auto count = hn::Zero(d16);
        for (size_t y = 0; y < rows; ++y) {
            const auto v = hn::PromoteTo(d16, hn::LoadU(d8, values + ptrdiff_t(y) * stride + ptrdiff_t(x)));
            alive = hn::AndNot(hn::Gt(v, limit_v), alive);
            if (hn::AllFalse(d16, alive)) break;   // every column of this vector has ended
            count = hn::Sub(count, hn::VecFromMask(d16, alive));   // true lanes are all ones: -1
        }
        hn::StoreU(count, d16, runs + x);
    });
}

void ColumnRunsBand(const uint8_t* HWY_RESTRICT values, ptrdiff_t stride, size_t rows, size_t width, uint8_t limit,
                    uint16_t* HWY_RESTRICT runs) {
    if (!WithFittingTag<uint16_t>(width, [&](auto d16) { ColumnRuns(d16, values, stride, rows, width, limit, runs); }))
        scalar::column_runs_band(values, stride, rows, width, limit, runs);
}

int64_t DispatchTarget() { return HWY_TARGET; }

}  // namespace HWY_NAMESPACE
}  // namespace kernels
}  // namespace preflight
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include <atomic>
#include <cstdlib>
#include <cstring>

namespace preflight::kernels {

HWY_EXPORT(ColourDistanceBand);
HWY_EXPORT(OpenThinBand);
HWY_EXPORT(RowRunsBand);
HWY_EXPORT(ColumnRunsBand);
HWY_EXPORT(DispatchTarget);

namespace {
// -1: not read yet; 0: scalar; 1: SIMD. The environment switch PREFLIGHT_SIMD=off (or 0)
// sends every kernel to its scalar reference, to compare results and timings with SIMD off;
// unset or any other value lets Highway pick the best target of this CPU once.
std::atomic<int> simd_state{-1};
}  // namespace

bool simd_enabled() {
    int state = simd_state.load(std::memory_order_relaxed);
    if (state < 0) {
        const char* env = std::getenv("PREFLIGHT_SIMD");
        state = (env && (std::strcmp(env, "off") == 0 || std::strcmp(env, "0") == 0)) ? 0 : 1;
        simd_state.store(state, std::memory_order_relaxed);
    }
    return state == 1;
}

void set_simd_enabled(bool enabled) { simd_state.store(enabled ? 1 : 0, std::memory_order_relaxed); }

std::int64_t simd_dispatch_target() { return HWY_DYNAMIC_DISPATCH(DispatchTarget)(); }

const char* simd_path_name() {
    return simd_enabled() ? hwy::TargetName(simd_dispatch_target()) : "scalar";
}

void colour_distance_band(const std::uint8_t* rgb, std::ptrdiff_t rgb_stride, std::size_t rows,
                          std::size_t pixels, Rgb8 reference, std::uint8_t* distance,
                          std::ptrdiff_t distance_stride) {
    if (rows == 0 || pixels == 0) return;
    if (!simd_enabled())
        return scalar::colour_distance_band(rgb, rgb_stride, rows, pixels, reference, distance, distance_stride);
    HWY_DYNAMIC_DISPATCH(ColourDistanceBand)(rgb, rgb_stride, rows, pixels, reference, distance, distance_stride);
}

void open_thin_band(const std::uint8_t* values, std::ptrdiff_t stride, std::size_t rows, std::size_t width,
                    Axis axis, std::uint8_t keep_above, std::uint8_t* out, std::ptrdiff_t out_stride) {
    if (rows == 0 || width == 0) return;
    if (!simd_enabled()) return scalar::open_thin_band(values, stride, rows, width, axis, keep_above, out, out_stride);
    HWY_DYNAMIC_DISPATCH(OpenThinBand)(values, stride, rows, width, axis, keep_above, out, out_stride);
}

void row_runs_band(const std::uint8_t* values, std::ptrdiff_t stride, std::size_t rows,
                   std::size_t width, std::uint8_t limit, RunFrom from, std::uint16_t* runs) {
    if (rows == 0) return;
    if (!simd_enabled() || width == 0) return scalar::row_runs_band(values, stride, rows, width, limit, from, runs);
    HWY_DYNAMIC_DISPATCH(RowRunsBand)(values, stride, rows, width, limit, from, runs);
}

void column_runs_band(const std::uint8_t* values, std::ptrdiff_t stride, std::size_t rows,
                      std::size_t width, std::uint8_t limit, std::uint16_t* runs) {
    if (width == 0) return;
    if (!simd_enabled() || rows == 0) return scalar::column_runs_band(values, stride, rows, width, limit, runs);
    HWY_DYNAMIC_DISPATCH(ColumnRunsBand)(values, stride, rows, width, limit, runs);
}

}  // namespace preflight::kernels
#endif  // HWY_ONCE
