// Verdict::check_ms (--stats order_check_ms): each order's own time, measured on the worker
// that checked it, so an order with a large page takes longer than a tiny one and no order's
// time exceeds the run.
#include <gtest/gtest.h>

#include <chrono>
#include <sstream>

#include "hostile/hostile_support.hpp"
#include "preflight/batch.hpp"
#include "preflight/checker.hpp"
#include "preflight/formats.hpp"

namespace preflight::hostile {
namespace {

std::string with_design(std::string line, const std::string& design) {
    const std::string from = "\"design\": \"design.json\"";
    line.replace(line.find(from), from.size(), "\"design\": \"" + design + "\"");
    return line;
}

TEST(OrderTime, EachVerdictCarriesItsOwnCheckTime) {
    OneCardExport order;
    testing::write_raster(testing::solid_raster(page_width_px, page_height_px, 30, 120, 200), order / "front.png");
    order.write_design("front.png");
    // A page of 16 x the pixels in each direction: decoding it is far more work (it then fails input.raster_size).
    testing::write_raster(testing::solid_raster(page_width_px * 16, page_height_px * 16, 30, 120, 200), order / "big.png");
    testing::write_text(order / "big.json", R"({"design_id": "big", "product": "christmas", "trim_mm": [20, 10], "bleed_mm": 1,
 "safe_mm": 1, "pages": [{"name": "front", "raster": "big.png", "dpi": 254, "elements": []}]})");
    std::istringstream in(OneCardExport::order_line("S-1") + "\n" + with_design(OneCardExport::order_line("B-1"), "big.json") +
                          "\n" + OneCardExport::order_line("S-2") + "\n");
    const Checker checker(Policy{}, CheckerOptions{parse_time("2026-11-25T10:00:00+01:00")});
    std::map<std::string, double> ms;
    const auto start = std::chrono::steady_clock::now();
    BatchOptions options;
    options.jobs = 1;
    check_export(in, order.root(), checker, [&](const Verdict& verdict, const std::string&) { ms[*verdict.order_id] = verdict.check_ms; },
                 options);
    const double run_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    ASSERT_EQ(ms.size(), 3u);
    for (const auto& [id, value] : ms) {
        EXPECT_GT(value, 0.0) << id;
        EXPECT_LE(value, run_ms) << id;
    }
    EXPECT_GT(ms["B-1"], 2 * std::min(ms["S-1"], ms["S-2"])) << "the large page's decode does not show in its order's time";
    EXPECT_LE(ms["S-1"] + ms["B-1"] + ms["S-2"], run_ms);
}

}  // namespace
}  // namespace preflight::hostile
