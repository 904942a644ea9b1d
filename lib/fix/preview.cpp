// Before/after preview of a corrected page (see preview.hpp).
#include "fix/preview.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace preflight::fix {

namespace {

constexpr int gap_px = 12;
constexpr std::uint8_t background[3] = {96, 96, 96};

// Box-averages `source` by `factor` into `target` with its top-left at (x0, 0).
void paste_reduced(const core::Raster& source, int factor, core::Raster& target, int x0) {
    const int w = source.width / factor, h = source.height / factor;
    std::vector<unsigned> sums(std::size_t(w) * 3);
    for (int y = 0; y < h; ++y) {
        std::fill(sums.begin(), sums.end(), 0u);
        for (int dy = 0; dy < factor; ++dy) {
            const std::uint8_t* row = source.row(y * factor + dy);
            for (int x = 0; x < w; ++x)
                for (int dx = 0; dx < factor; ++dx)
                    for (int c = 0; c < 3; ++c) sums[std::size_t(x) * 3 + c] += row[std::size_t(x * factor + dx) * 3 + c];
        }
        std::uint8_t* out = target.row(y) + std::size_t(x0) * 3;
        const unsigned n = unsigned(factor * factor);
        for (std::size_t i = 0; i < sums.size(); ++i) out[i] = std::uint8_t((sums[i] + n / 2) / n);
    }
}

void put(core::Raster& r, int x, int y, const std::uint8_t colour[3]) {
    if (x < 0 || y < 0 || x >= r.width || y >= r.height) return;
    std::memcpy(r.row(y) + std::size_t(x) * 3, colour, 3);
}

// Outline of a box in design mm, on the half whose left edge is x0, two pixels wide; dashed
// lines leave every other stretch of 4 pixels out.
void outline(core::Raster& r, const core::PageGeometry& g, double factor, int x0, int limit_w, const BoxMm& box,
             const std::uint8_t colour[3], bool dashed) {
    const int left = x0 + int(std::lround(g.x_px(box.x) / factor)), right = x0 + int(std::lround(g.x_px(box.right()) / factor));
    const int top = int(std::lround(g.y_px(box.y) / factor)), bottom = int(std::lround(g.y_px(box.bottom()) / factor));
    const auto visible = [&](int i) { return !dashed || (i / 4) % 2 == 0; };
    const auto inside = [&](int x) { return x >= x0 && x < x0 + limit_w; };
    for (int t = 0; t < 2; ++t) {
        for (int x = left; x <= right; ++x)
            if (visible(x) && inside(x)) put(r, x, top + t, colour), put(r, x, bottom - t, colour);
        for (int y = top; y <= bottom; ++y)
            if (visible(y)) {
                if (inside(left + t)) put(r, left + t, y, colour);
                if (inside(right - t)) put(r, right - t, y, colour);
            }
    }
}

}  // namespace

core::Raster before_after_preview(const core::Raster& before, const core::Raster& after, const core::PageGeometry& geometry,
                                  const std::vector<BoxChange>& boxes, int max_width_px) {
    const int width = std::max(before.width, after.width), height = std::max(before.height, after.height);
    int factor = 1;
    while ((2 * width) / factor + gap_px > max_width_px && factor < 64) ++factor;
    const int half_w = width / factor;
    core::Raster out;
    out.width = 2 * half_w + gap_px;
    out.height = height / factor;
    out.pixels.resize(std::size_t(out.width) * out.height * 3);
    for (std::size_t i = 0; i < out.pixels.size(); ++i) out.pixels[i] = background[i % 3];
    paste_reduced(before, factor, out, 0);
    paste_reduced(after, factor, out, half_w + gap_px);

    constexpr std::uint8_t trim[3] = {0, 160, 220}, red[3] = {220, 30, 30}, green[3] = {20, 170, 60};
    const BoxMm trim_box{0, 0, geometry.trim_width_mm, geometry.trim_height_mm};
    for (int x0 : {0, half_w + gap_px}) outline(out, geometry, factor, x0, half_w, trim_box, trim, true);
    for (const BoxChange& change : boxes) {
        outline(out, geometry, factor, 0, half_w, change.before, red, false);
        outline(out, geometry, factor, half_w + gap_px, half_w, change.after, green, false);
    }
    return out;
}

}  // namespace preflight::fix
