// Tests only: driving Debian's headless Chromium over the report (DOM, layout measures,
// axe-core) and small readers of what it shows.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/raster.hpp"

namespace preflight::testing {

/// What a shell command printed on stdout (stderr dropped).
std::string capture(const std::string& command);

/// The chromium command line (headless, no network, a profile of its own) with `args`.
std::string chromium(const std::filesystem::path& profile, const std::string& args);

/// The ids of the order sections the browser shows (hidden ones excluded), in page order.
std::vector<std::string> visible_orders(const std::string& dom);

/// The HTML of one order's section ("" when absent).
std::string section_of(const std::string& dom, const std::string& order_id);

/// %XX sequences decoded (UTF-8 bytes as they are); CR LF kept.
std::string percent_decode(const std::string& text);

/// The page's text as a reader sees it: no scripts, styles, code, or parts marked lang="en".
std::string visible_text(const std::string& dom);

/// Common English words found in `text` (lower-cased, space separated); "" when none.
std::string english_words(const std::string& text);

long count_pixels(const core::Raster& raster, const std::function<bool(const unsigned char*)>& test);
/// Mean absolute difference per channel of two rasters of the same size, over the columns
/// [from_x, to_x) (-1: to the right edge).
double mean_difference(const core::Raster& a, const core::Raster& b, int from_x = 0, int to_x = -1);

struct Layout {
    bool measured = false;
    int inner_width = 0, scroll_width = 0, wrapped_ids = 0;
    std::string widest;   // the first element past the right edge, for the failure message
};
/// Opens the report's index.html at `width_px` CSS pixels wide and measures it.
Layout measure_layout(const std::filesystem::path& work, const std::filesystem::path& report_dir, int width_px);

/// axe.min.js from the pinned npm package (tests/browser/package-lock.json), installed with
/// `npm ci` into the build folder on first use.
std::filesystem::path axe_script();

struct AxeResult {
    bool ran = false;
    int serious = 0;          // serious or critical violations
    int rules_passed = 0;
    std::string summary;      // rule id, impact, first element
};
AxeResult run_axe(const std::filesystem::path& work, const std::filesystem::path& report_dir, const std::filesystem::path& axe,
                  int width_px);

}  // namespace preflight::testing
