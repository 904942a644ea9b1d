// Shared by the bleed.coverage tests: run the check on a painted page, decode a page back
// through core::decode_raster, and read findings.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "checks/bleed/bleed_checks.hpp"
#include "support/page_painter.hpp"
#include "support/test_support.hpp"

namespace preflight::bleed_fixture {

using testing::PageEncoding;
using testing::PagePainter;
using core::Findings;

inline constexpr double trim_w = 148, trim_h = 105, bleed = 3;

inline Findings check(const core::Raster& raster, const core::PageGeometry& geometry, const OptionSet& policy_options = {},
                      const std::vector<Element>& elements = {}) {
    core::Registry registry;
    registry.add(checks::make_bleed_coverage_check());
    Policy policy;
    policy.checks["bleed.coverage"] = policy_options;
    const auto options = registry.options_for("bleed.coverage", "birth_announcement", policy);
    Page page;
    page.name = "front";
    page.dpi = geometry.dpi;
    page.elements = elements;
    core::CheckContext context;
    core::PageView view;
    view.page = &page;
    view.geometry = geometry;
    view.raster = std::make_shared<core::Raster>(raster);
    context.pages.push_back(view);
    Findings findings;
    registry.find("bleed.coverage")->run(context, options, findings);
    return findings;
}

inline Findings check(const PagePainter& painter, const OptionSet& policy_options = {}) {
    return check(painter.raster(), painter.geometry(), policy_options);
}

// The page decoded back through the pipeline's decoder after writing it in `encoding`.
inline core::Raster round_trip(const PagePainter& painter, PageEncoding encoding) {
    testing::TempDir dir;
    auto file = dir / (std::string("page.") + testing::extension(encoding));
    testing::write_page(painter.raster(), file, encoding);
    auto decoded = core::decode_raster(file.string(), {});
    EXPECT_TRUE(decoded.error.empty()) << decoded.error;
    EXPECT_EQ(decoded.raster.width, painter.raster().width);
    return decoded.raster;
}

inline std::string describe(const Findings& findings) {
    std::string text;
    for (const auto& f : findings) text += "  " + f.message + "\n";
    return text;
}

// A typical designed card: a photo-like texture over the whole bleed box, a cream panel and
// some dark "text" strokes inside the safe zone.
inline void paint_designed_card(PagePainter& painter, std::uint32_t seed) {
    painter.texture(painter.bleed_box(), seed);
    painter.fill({20, 55, 108, 40}, testing::cream);
    for (int line = 0; line < 4; ++line) painter.fill({30, 60.0 + line * 8, 80, 1.2}, {40, 40, 40});
}

// Which edge a finding is about, from its message.
inline bool about(const Finding& finding, const std::string& edge) {
    return finding.message.find("on the " + edge + " edge") != std::string::npos;
}

// The affected length the message states ("along 30.0 mm of ..."), or -1.
inline double stated_length_mm(const Finding& finding) {
    auto at = finding.message.find(" along ");
    return at == std::string::npos ? -1 : std::stod(finding.message.substr(at + 7));
}

}  // namespace preflight::bleed_fixture
