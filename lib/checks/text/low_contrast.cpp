// text.low_contrast: the text colour against what the raster shows around its glyphs (the
// background, glyph pixels left out), as a WCAG contrast ratio. Foil text is exempt.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "checks/text/text_checks.hpp"
#include "checks/text/text_common.hpp"

namespace preflight::checks {

namespace {

/// WCAG relative luminance of an 8-bit sRGB channel value, linearised.
const std::array<double, 256>& linear_table() {
    static const std::array<double, 256> table = [] {
        std::array<double, 256> t{};
        for (int i = 0; i < 256; ++i) {
            const double c = i / 255.0;
            t[std::size_t(i)] = c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
        }
        return t;
    }();
    return table;
}

double luminance(unsigned r, unsigned g, unsigned b) {
    const auto& t = linear_table();
    return 0.2126 * t[r] + 0.7152 * t[g] + 0.0722 * t[b];
}

double contrast(double l1, double l2) { return (std::max(l1, l2) + 0.05) / (std::min(l1, l2) + 0.05); }

std::string hex(unsigned r, unsigned g, unsigned b) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "#%02X%02X%02X", r & 0xff, g & 0xff, b & 0xff);
    return buffer;
}

void run(const core::CheckContext& context, const core::CheckOptions& options, core::Findings& findings) {
    const double min_ratio = options.number("min_ratio");
    const double margin_mm = options.number("margin_mm");
    constexpr int glyph_distance = 16;          // max channel difference that counts as "the text colour"
    constexpr std::size_t max_samples = 20000;  // enough for a stable median; keeps a big box cheap
    for (const TextItem& item : text_items(context)) {
        const Element& element = *item.element;
        const core::PageView& page = *item.page;
        if (element.foil || !item.layout->has_ink || !page.raster) continue;
        const core::Raster& raster = *page.raster;
        BoxMm region = item.layout->ink_page_mm;
        region = {region.x - margin_mm, region.y - margin_mm, region.width + 2 * margin_mm, region.height + 2 * margin_mm};
        const core::PixelRect rect = page.geometry.to_px(region, raster.width, raster.height);
        if (rect.empty()) continue;

        const std::size_t area = std::size_t(rect.width()) * std::size_t(rect.height());
        const int step = std::max(1, int(std::ceil(std::sqrt(double(area) / double(max_samples)))));
        // Foil printed under the text (even if the element is not flagged foil) is exempt too.
        if (page.foil_mask && page.foil_mask->width == raster.width && page.foil_mask->height == raster.height) {
            std::size_t foil = 0, all = 0;
            for (int y = rect.y0; y < rect.y1; y += step)
                for (int x = rect.x0; x < rect.x1; x += step, ++all) foil += page.foil_mask->row(y)[x] != 0;
            if (foil * 3 > all) continue;
        }
        const unsigned char tr = element.color_rgb[0], tg = element.color_rgb[1], tb = element.color_rgb[2];
        const double text_luminance = luminance(tr, tg, tb);
        auto is_glyph = [&](unsigned r, unsigned g, unsigned b) {
            return std::abs(int(r) - tr) <= glyph_distance && std::abs(int(g) - tg) <= glyph_distance &&
                   std::abs(int(b) - tb) <= glyph_distance;
        };
        // First pass (every element): how many background samples fall below the ratio. A
        // ratio below min_ratio is a luminance inside (low, high), so no division per pixel.
        const double low = (text_luminance + 0.05) / min_ratio - 0.05;
        const double high = min_ratio * (text_luminance + 0.05) - 0.05;
        std::size_t glyph_pixels = 0, background = 0, below = 0;
        for (int y = rect.y0; y < rect.y1; y += step) {
            const std::uint8_t* row = raster.row(y);
            for (int x = rect.x0; x < rect.x1; x += step) {
                const unsigned r = row[x * 3], g = row[x * 3 + 1], b = row[x * 3 + 2];
                if (is_glyph(r, g, b)) {
                    ++glyph_pixels;
                    continue;
                }
                ++background;
                const double l = luminance(r, g, b);
                below += l > low && l < high;
            }
        }
        // Nearly everything has the text's own colour: the background is that colour.
        const bool background_is_text_colour = background * 10 < glyph_pixels + background;
        if (!background_is_text_colour && below * 2 <= background) continue;   // median ratio >= min_ratio

        // Second pass (findings only): the median ratio and the dominant background colour.
        double ratio = 1.0;
        std::string background_hex = hex(tr, tg, tb);
        if (!background_is_text_colour) {
            std::vector<double> ratios;
            ratios.reserve(background);
            std::vector<std::uint32_t> bins(4096, 0);
            std::vector<std::array<std::uint64_t, 3>> sums(4096, {0, 0, 0});
            for (int y = rect.y0; y < rect.y1; y += step) {
                const std::uint8_t* row = raster.row(y);
                for (int x = rect.x0; x < rect.x1; x += step) {
                    const unsigned r = row[x * 3], g = row[x * 3 + 1], b = row[x * 3 + 2];
                    if (is_glyph(r, g, b)) continue;
                    ratios.push_back(contrast(text_luminance, luminance(r, g, b)));
                    const std::size_t bin = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4);
                    ++bins[bin];
                    sums[bin][0] += r, sums[bin][1] += g, sums[bin][2] += b;
                }
            }
            auto middle = ratios.begin() + std::ptrdiff_t(ratios.size() / 2);
            std::nth_element(ratios.begin(), middle, ratios.end());
            ratio = *middle;
            const std::size_t dominant = std::size_t(std::max_element(bins.begin(), bins.end()) - bins.begin());
            const auto n = bins[dominant];
            background_hex = hex(unsigned(sums[dominant][0] / n), unsigned(sums[dominant][1] / n),
                                 unsigned(sums[dominant][2] / n));
        }
        if (ratio >= min_ratio) continue;
        char ratio_text[16];
        std::snprintf(ratio_text, sizeof ratio_text, "%.2f", ratio);
        std::string message = "Text '" + element.id + "' in " + hex(tr, tg, tb) + " on a background of about " +
                              background_hex + " has a contrast of only " + ratio_text + ":1 (at least " +
                              format_mm(min_ratio) + ":1 needed to read it); ask the customer for a darker or lighter text colour.";
        Finding finding = element_finding("text.low_contrast", Severity::warning, item, std::move(message),
                                          FixBy::customer, "Choose a text colour that stands out from the background.");
        finding.where_mm = to_array(item.layout->ink_page_mm);
        finding.measured = ratio;
        finding.limit = min_ratio;
        finding.unit = "ratio";
        finding.details["contrast"] = std::round(ratio * 100) / 100;
        finding.details["min_contrast"] = min_ratio;
        finding.details["text_colour"] = hex(tr, tg, tb);
        finding.details["background_colour"] = background_hex;
        findings.push_back(std::move(finding));
    }
}

}  // namespace

core::CheckSpec make_text_low_contrast_check() {
    core::CheckSpec spec;
    spec.id = "text.low_contrast";
    spec.summary = "Text colour too close to the background behind it (WCAG contrast ratio)";
    spec.options = {
        {"min_ratio", 2.5, "smallest contrast ratio (median over the background around the glyphs)", 1.0, 21.0},
        {"margin_mm", 1.0, "background taken this far around the ink", 0.0, 20.0},
    };
    spec.run = run;
    return spec;
}

}  // namespace preflight::checks
