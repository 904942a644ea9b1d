// Pixel kernels over thin strips of an image (plain C++ signatures; SIMD inside, chosen at run time).
// They know bytes, colours and runs, nothing about cards: checks give them strips and read runs.
#pragma once

#include <cstddef>
#include <cstdint>

namespace preflight::kernels {

/// An 8-bit RGB colour.
struct Rgb8 {
    std::uint8_t r = 0, g = 0, b = 0;
};

/// Where a run along a row is counted from.
enum class RunFrom { start, end };

/// The direction a 1-D filter works in: along each row, or down each column.
enum class Axis { along_rows, across_rows };

/// Writes, for every pixel of `rows` rows of `pixels` interleaved RGB pixels, its largest channel
/// difference from `reference` (0: the same colour, 255: black against white). Input rows lie
/// `rgb_stride` bytes apart, output rows `distance_stride` bytes apart (either may be negative).
void colour_distance_band(const std::uint8_t* rgb, std::ptrdiff_t rgb_stride, std::size_t rows,
                          std::size_t pixels, Rgb8 reference, std::uint8_t* distance,
                          std::ptrdiff_t distance_stride);

/// Removes thin detail: a 1-D morphological opening of width 3 (erosion then dilation, both
/// over a pixel and its two neighbours along `axis`; outside the band counts as 0), so a
/// feature narrower than 3 values drops to the level of its surroundings while wider ones
/// keep their shape. Values above `keep_above` are never changed. (JPEG ringing in paper next
/// to dark artwork is thin and weak; a light background is wide.)
void open_thin_band(const std::uint8_t* values, std::ptrdiff_t stride, std::size_t rows, std::size_t width,
                    Axis axis, std::uint8_t keep_above, std::uint8_t* out, std::ptrdiff_t out_stride);

/// For each of `rows` rows of `width` bytes (`stride` apart): how many values, counted from
/// the row's start (or end), are at most `limit` before the first one above it; `width` when
/// none is. `runs` receives one count per row. Requires width <= 65535.
void row_runs_band(const std::uint8_t* values, std::ptrdiff_t stride, std::size_t rows,
                   std::size_t width, std::uint8_t limit, RunFrom from, std::uint16_t* runs);

/// For each of `width` columns: how many rows, starting at `values` and stepping `stride` bytes
/// (negative: upward), hold a value at most `limit` before the first one above it; `rows`
/// when none does. `runs` receives one count per column. Requires rows <= 65535.
void column_runs_band(const std::uint8_t* values, std::ptrdiff_t stride, std::size_t rows,
                      std::size_t width, std::uint8_t limit, std::uint16_t* runs);

/// The scalar references: the same contracts, one pixel at a time. Tests compare every SIMD
/// target against them; PREFLIGHT_SIMD=off makes the functions above call these.
namespace scalar {
void colour_distance_band(const std::uint8_t* rgb, std::ptrdiff_t rgb_stride, std::size_t rows,
                          std::size_t pixels, Rgb8 reference, std::uint8_t* distance,
                          std::ptrdiff_t distance_stride);
void open_thin_band(const std::uint8_t* values, std::ptrdiff_t stride, std::size_t rows, std::size_t width,
                    Axis axis, std::uint8_t keep_above, std::uint8_t* out, std::ptrdiff_t out_stride);
void row_runs_band(const std::uint8_t* values, std::ptrdiff_t stride, std::size_t rows,
                   std::size_t width, std::uint8_t limit, RunFrom from, std::uint16_t* runs);
void column_runs_band(const std::uint8_t* values, std::ptrdiff_t stride, std::size_t rows,
                      std::size_t width, std::uint8_t limit, std::uint16_t* runs);
}  // namespace scalar

/// True unless the environment sets PREFLIGHT_SIMD=off (read once) or set_simd_enabled(false).
bool simd_enabled();
/// Overrides PREFLIGHT_SIMD for this process (tests and benchmarks compare both paths).
void set_simd_enabled(bool enabled);
/// The Highway target the kernels dispatch to right now (a HWY_* bit), whatever simd_enabled().
std::int64_t simd_dispatch_target();
/// A readable name of the path the kernels take: "AVX2", "AVX3", ..., or "scalar".
const char* simd_path_name();

}  // namespace preflight::kernels
