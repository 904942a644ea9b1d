// Pixel kernels for the photo analyses (plain C++ signatures; SIMD inside, chosen at run time,
// with the same switch as the strip kernels: PREFLIGHT_SIMD=off takes the scalar references).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace preflight::kernels {

/// What one tile of 8-bit luma contributes to the blur-effect sharpness measure, along the
/// four directions 0, 45, 90 and 135 degrees (steps d = (1,0), (1,1), (0,1), (-1,1); y down).
/// For a pixel p and direction d, with the step s = |I(p+d) - I(p)|: an edge pixel has
/// s >= min_step; `gradient` sums 9 s over the edge pixels, `kept` sums
/// max(0, 9 s - |I(p+5d) - I(p-4d)|) (the part of the step a 9-pixel box blur removes), and
/// `edges` counts them. `sum`, `sum_squares` and `count` cover every pixel of the tile.
struct EdgeTileSums {
    std::array<std::int64_t, 4> gradient{};
    std::array<std::int64_t, 4> kept{};
    std::array<std::int64_t, 4> edges{};
    std::int64_t sum = 0, sum_squares = 0, count = 0;
};

/// Pixels any edge sum reads beyond a tile: 5 ahead and 4 behind along every direction, and
/// one more for the step.
inline constexpr std::size_t edge_reach_px = 6;
/// Bytes a kernel may read past the last pixel a row's tiles read (a vector's tail); the
/// buffer must hold them (padding after the last row).
inline constexpr std::size_t edge_overread_bytes = 128;

/// Adds to out[0 .. tiles) the sums over `rows` rows of `luma` (rows `stride` bytes apart),
/// tile t covering columns [x0 + t * tile_px, x0 + (t + 1) * tile_px) of every row. Every
/// pixel within edge_reach_px of those rows and columns must lie inside the image, and
/// edge_overread_bytes must be readable after the last of them. Tiles up to 256 pixels wide
/// take the SIMD path, wider ones the scalar reference.
void edge_tile_sums_band(const std::uint8_t* luma, std::ptrdiff_t stride, std::size_t rows,
                         std::size_t x0, std::size_t tile_px, std::size_t tiles,
                         std::uint8_t min_step, EdgeTileSums* out);

/// Adds `rows` rows of `width` bytes (rows `stride` bytes apart) column by column:
/// sums[i] += values[r * stride + i] over r. Requires rows <= 257 (the sums are 16-bit).
void add_rows(const std::uint8_t* values, std::ptrdiff_t stride, std::size_t rows, std::size_t width,
              std::uint16_t* sums);

/// CIE L*a*b* (D65) of `count` sRGB colours given as planes of channels in 0..1 (the
/// sRGB curve, the sRGB-to-XYZ matrix and the CIE cube root, the last two through tables
/// with linear interpolation: within 0.01 of the exact values). Writes L (0..100), a and b
/// (about -128..127); the outputs may be the inputs (l == r, a == g, b == b_in).
void srgb_to_lab(const float* r, const float* g, const float* b_in, std::size_t count, float* l, float* a,
                 float* b);

/// Rec. 601 luma (0..255) of `count` interleaved 8-bit RGB pixels exactly as OpenCV 4's
/// cv::cvtColor(COLOR_RGB2GRAY) computes it: (9798 R + 19235 G + 3735 B + 16384) >> 15
/// (checked on all 2^24 colours). Serial: no thread pool, unlike cv::cvtColor.
void rgb_to_luma(const std::uint8_t* rgb, std::size_t count, std::uint8_t* luma);

/// The horizontal taps of a bilinear resample (photo::resampled_luma, OpenCV's 8-bit
/// INTER_LINEAR) for `count` outputs: out[i] = (row[offset[i]] * weight0[i] +
/// row[offset[i] + 1] * weight1[i]) >> 4 (weights 0..2048), laid out once per resample for
/// every row: per group of 8 outputs whose sources span at most 16 bytes, the group's first
/// offset, byte indices of each output's two sources and the weights beside them.
struct BilinearTaps {
    std::vector<std::int32_t> offset, weight0, weight1;
    std::vector<std::int32_t> group_base;   // -1: the group spans more than 16 bytes
    std::vector<std::uint8_t> group_index;  // 16 per group
    std::vector<std::int16_t> group_weight; // 16 per group
    std::size_t count() const { return offset.size(); }
};
BilinearTaps bilinear_taps(std::vector<std::int32_t> offset, std::vector<std::int32_t> weight0,
                           std::vector<std::int32_t> weight1);

/// One row through `taps`. 16 bytes from each offset must be readable (the SIMD path loads a
/// group's sources as one 16-byte vector).
void bilinear_row(const std::uint8_t* row, const BilinearTaps& taps, std::int16_t* out);

/// The tables behind srgb_to_lab: value at i / lab_table_steps, for i = 0 .. lab_table_steps.
inline constexpr int lab_table_steps = 4096;
struct LabTables {
    float linear[lab_table_steps + 1];      // sRGB value -> linear light
    float cube_root[lab_table_steps + 1];   // CIE f(t): cube root above 0.008856, linear below
};
const LabTables& lab_tables();

namespace scalar {
void bilinear_row(const std::uint8_t* row, const BilinearTaps& taps, std::int16_t* out);
void rgb_to_luma(const std::uint8_t* rgb, std::size_t count, std::uint8_t* luma);
void srgb_to_lab(const float* r, const float* g, const float* b_in, std::size_t count, float* l, float* a,
                 float* b);
void add_rows(const std::uint8_t* values, std::ptrdiff_t stride, std::size_t rows, std::size_t width,
              std::uint16_t* sums);
void edge_tile_sums_band(const std::uint8_t* luma, std::ptrdiff_t stride, std::size_t rows,
                         std::size_t x0, std::size_t tile_px, std::size_t tiles,
                         std::uint8_t min_step, EdgeTileSums* out);
}  // namespace scalar

}  // namespace preflight::kernels
