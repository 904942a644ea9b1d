// Scalar references of the photo kernels: the definition of what the SIMD versions must compute.
#include "kernels/photo_kernels.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <utility>

namespace preflight::kernels {

BilinearTaps bilinear_taps(std::vector<std::int32_t> offset, std::vector<std::int32_t> weight0,
                           std::vector<std::int32_t> weight1) {
    BilinearTaps taps;
    taps.offset = std::move(offset);
    taps.weight0 = std::move(weight0);
    taps.weight1 = std::move(weight1);
    const std::size_t groups = taps.count() / 8;
    taps.group_base.assign(groups, -1);
    taps.group_index.assign(16 * groups, 0);
    taps.group_weight.assign(16 * groups, 0);
    for (std::size_t g = 0; g < groups; ++g) {
        const std::int32_t base = taps.offset[8 * g];
        bool fits = true;
        for (std::size_t j = 0; j < 8; ++j) {
            const std::int32_t at = taps.offset[8 * g + j] - base;
            fits = fits && at >= 0 && at + 1 < 16;
        }
        if (!fits) continue;
        taps.group_base[g] = base;
        for (std::size_t j = 0; j < 8; ++j) {
            const std::size_t i = 8 * g + j;
            taps.group_index[16 * g + 2 * j] = std::uint8_t(taps.offset[i] - base);
            taps.group_index[16 * g + 2 * j + 1] = std::uint8_t(taps.offset[i] - base + 1);
            taps.group_weight[16 * g + 2 * j] = std::int16_t(taps.weight0[i]);
            taps.group_weight[16 * g + 2 * j + 1] = std::int16_t(taps.weight1[i]);
        }
    }
    return taps;
}

const LabTables& lab_tables() {
    static const LabTables tables = [] {
        LabTables built{};
        for (int i = 0; i <= lab_table_steps; ++i) {
            const double v = double(i) / lab_table_steps;
            built.linear[i] = float(v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4));
            built.cube_root[i] = float(v > 0.008856 ? std::cbrt(v) : 7.787 * v + 16.0 / 116.0);
        }
        return built;
    }();
    return tables;
}

}  // namespace preflight::kernels

namespace preflight::kernels::scalar {

namespace {
float lookup(const float* table, float v) {
    const float position = std::clamp(v, 0.0f, 1.0f) * float(lab_table_steps);
    const int index = std::min(int(position), lab_table_steps - 1);
    const float fraction = position - float(index);
    return table[index] + (table[index + 1] - table[index]) * fraction;
}
}  // namespace

void bilinear_row(const std::uint8_t* row, const BilinearTaps& taps, std::int16_t* out) {
    for (std::size_t i = 0; i < taps.count(); ++i) {
        const std::uint8_t* p = row + taps.offset[i];
        out[i] = std::int16_t((p[0] * taps.weight0[i] + p[1] * taps.weight1[i]) >> 4);
    }
}

void rgb_to_luma(const std::uint8_t* rgb, std::size_t count, std::uint8_t* luma) {
    for (std::size_t i = 0; i < count; ++i, rgb += 3)
        luma[i] = std::uint8_t((rgb[0] * 9798 + rgb[1] * 19235 + rgb[2] * 3735 + 16384) >> 15);
}

void srgb_to_lab(const float* r, const float* g, const float* b_in, std::size_t count, float* l, float* a,
                 float* b) {
    const LabTables& tables = lab_tables();
    for (std::size_t i = 0; i < count; ++i) {
        const float lr = lookup(tables.linear, r[i]), lg = lookup(tables.linear, g[i]), lb = lookup(tables.linear, b_in[i]);
        // D65 white: X and Z divided by the white's 0.950456 and 1.088754.
        const float x = 0.433953f * lr + 0.376219f * lg + 0.189828f * lb;
        const float y = 0.212671f * lr + 0.715160f * lg + 0.072169f * lb;
        const float z = 0.017758f * lr + 0.109477f * lg + 0.872766f * lb;
        const float fx = lookup(tables.cube_root, x), fy = lookup(tables.cube_root, y), fz = lookup(tables.cube_root, z);
        l[i] = y > 0.008856f ? 116.0f * fy - 16.0f : 903.3f * y;
        a[i] = 500.0f * (fx - fy);
        b[i] = 200.0f * (fy - fz);
    }
}

void add_rows(const std::uint8_t* values, std::ptrdiff_t stride, std::size_t rows, std::size_t width,
              std::uint16_t* sums) {
    for (std::size_t r = 0; r < rows; ++r) {
        const std::uint8_t* row = values + std::ptrdiff_t(r) * stride;
        for (std::size_t i = 0; i < width; ++i) sums[i] = std::uint16_t(sums[i] + row[i]);
    }
}

void edge_tile_sums_band(const std::uint8_t* luma, std::ptrdiff_t stride, std::size_t rows,
                         std::size_t x0, std::size_t tile_px, std::size_t tiles,
                         std::uint8_t min_step, EdgeTileSums* out) {
    const std::ptrdiff_t steps[4] = {1, stride + 1, stride, stride - 1};
    for (std::size_t y = 0; y < rows; ++y) {
        const std::uint8_t* row = luma + std::ptrdiff_t(y) * stride;
        for (std::size_t t = 0; t < tiles; ++t) {
            EdgeTileSums& tile = out[t];
            const std::size_t first = x0 + t * tile_px, end = first + tile_px;
            for (int dir = 0; dir < 4; ++dir) {
                const std::ptrdiff_t d = steps[dir];
                std::int64_t gradient = 0, kept = 0, edges = 0;
                for (std::size_t x = first; x < end; ++x) {
                    const std::uint8_t* p = row + x;
                    const int step = std::abs(int(p[d]) - int(p[0]));
                    if (step < min_step) continue;
                    const int g = 9 * step;
                    const int blurred = std::abs(int(p[5 * d]) - int(p[-4 * d]));
                    gradient += g;
                    kept += std::max(0, g - blurred);
                    ++edges;
                }
                tile.gradient[dir] += gradient;
                tile.kept[dir] += kept;
                tile.edges[dir] += edges;
            }
            std::int64_t sum = 0, squares = 0;
            for (std::size_t x = first; x < end; ++x) {
                sum += row[x];
                squares += int(row[x]) * int(row[x]);
            }
            tile.sum += sum;
            tile.sum_squares += squares;
            tile.count += std::int64_t(tile_px);
        }
    }
}

}  // namespace preflight::kernels::scalar
