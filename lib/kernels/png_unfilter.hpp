// Reversing PNG row filters (PNG spec §9), one row or a run of rows at a time, and flattening
// RGBA rows on white: SIMD inside (chosen at run time).
// Kernels know bytes and filter types, nothing about files: the PNG decoder hands them rows.
#pragma once

#include <cstddef>
#include <cstdint>

namespace preflight::kernels {

/// The five PNG filter types, numbered as the filter byte in front of each row.
enum class PngFilter : std::uint8_t { none = 0, sub = 1, up = 2, average = 3, paeth = 4 };

/// Bytes that callers leave readable after `filtered` and `previous`, and writable after `out`:
/// the SIMD paths load and store whole pixels of 4 bytes (3 used) and 16-byte vectors.
inline constexpr std::size_t png_row_padding = 16;

/// Writes the unfiltered row of `row_bytes` bytes to `out`, from the `filtered` row (without its
/// filter byte) and the previous unfiltered row `previous` (all zeros above the first row).
/// `bytes_per_pixel` is 1, 2, 3, 4, 6 or 8. `out` must not overlap `filtered` or `previous`;
/// each buffer needs png_row_padding spare bytes after row_bytes.
void png_unfilter_row(PngFilter filter, const std::uint8_t* filtered, const std::uint8_t* previous,
                      std::uint8_t* out, std::size_t row_bytes, std::size_t bytes_per_pixel);

/// Most rows a png_unfilter_rows call takes.
inline constexpr std::size_t png_max_rows_together = 4;

/// Unfilters `rows` (1 to png_max_rows_together) consecutive rows that all use `filter`: row r
/// is read at filtered + r * filtered_stride and written at out + r * out_stride, each row's
/// "previous" being the one written before it (`previous` for the first). Paeth and Average rows are
/// interleaved, one pixel apart, so their chains from pixel to pixel overlap; the result is
/// that of png_unfilter_row row after row. Buffers as for png_unfilter_row.
void png_unfilter_rows(PngFilter filter, const std::uint8_t* filtered, std::ptrdiff_t filtered_stride,
                       const std::uint8_t* previous, std::uint8_t* out, std::ptrdiff_t out_stride, std::size_t rows,
                       std::size_t row_bytes, std::size_t bytes_per_pixel);

/// Writes `pixels` RGB pixels to `rgb` from interleaved RGBA at `rgba`, flattened on white as
/// vips_flatten does on 8-bit sRGB: (v * a + 255 * (255 - a)) / 255, truncated.
void flatten_rgba_on_white(const std::uint8_t* rgba, std::size_t pixels, std::uint8_t* rgb);

namespace scalar {
void flatten_rgba_on_white(const std::uint8_t* rgba, std::size_t pixels, std::uint8_t* rgb);
/// The scalar reference (the spec's definition, byte by byte); PREFLIGHT_SIMD=off uses it.
void png_unfilter_row(PngFilter filter, const std::uint8_t* filtered, const std::uint8_t* previous,
                      std::uint8_t* out, std::size_t row_bytes, std::size_t bytes_per_pixel);
void png_unfilter_rows(PngFilter filter, const std::uint8_t* filtered, std::ptrdiff_t filtered_stride,
                       const std::uint8_t* previous, std::uint8_t* out, std::ptrdiff_t out_stride, std::size_t rows,
                       std::size_t row_bytes, std::size_t bytes_per_pixel);
}  // namespace scalar

}  // namespace preflight::kernels
