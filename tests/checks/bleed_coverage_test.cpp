// bleed.coverage on pages painted by the deterministic page painter: every edge short by 0.5 and
// 2 mm, photo and cream backgrounds cut at or short of the bleed, and the clean cases a shop
// prints every day (white card, white frame, full bleed at 150-600 dpi). Decoded files: see
// bleed_coverage_decoded_test.cpp.
#include "checks/bleed/bleed_checks.hpp"

#include <gtest/gtest.h>
#include <hwy/targets.h>

#include <cmath>
#include <memory>

#include "checks/bleed_coverage_fixture.hpp"
#include "kernels/strip_kernels.hpp"

namespace preflight {
namespace {

using namespace bleed_fixture;

BoxMm bleed_box_short_on(const PagePainter& painter, const std::string& edge, double short_mm) {
    return painter.bleed_box_inset(edge == "left" ? short_mm : 0, edge == "top" ? short_mm : 0,
                                   edge == "right" ? short_mm : 0, edge == "bottom" ? short_mm : 0);
}

const char* edges[] = {"left", "top", "right", "bottom"};

TEST(BleedCoverage, FullBleedArtworkPassesAtEveryResolution) {
    for (double dpi : {150.0, 200.0, 300.0, 600.0}) {
        PagePainter painter(trim_w, trim_h, bleed, dpi);
        paint_designed_card(painter, 5);
        auto findings = check(painter);
        EXPECT_TRUE(findings.empty()) << dpi << " dpi:\n" << describe(findings);
        PagePainter flat(trim_w, trim_h, bleed, dpi);
        flat.fill(flat.bleed_box(), testing::cream);
        EXPECT_TRUE(check(flat).empty()) << dpi << " dpi cream";
    }
}

TEST(BleedCoverage, EachEdgeShortByHalfAMillimetreOrTwo) {
    for (double dpi : {150.0, 300.0}) {
        for (const char* edge : edges) {
            for (double short_mm : {0.5, 2.0}) {
                PagePainter painter(trim_w, trim_h, bleed, dpi);
                painter.fill(bleed_box_short_on(painter, edge, short_mm), {30, 90, 160});
                auto findings = check(painter);
                ASSERT_EQ(findings.size(), 1u) << edge << " short by " << short_mm << " at " << dpi << " dpi:\n"
                                               << describe(findings);
                const Finding& f = findings[0];
                EXPECT_TRUE(about(f, edge)) << f.message;
                EXPECT_EQ(f.check, "bleed.coverage");
                EXPECT_EQ(f.severity, Severity::error);
                EXPECT_EQ(f.page, "front");
                EXPECT_EQ(f.fix.by, FixBy::service);
                EXPECT_EQ(f.unit, "mm");
                ASSERT_TRUE(f.measured && f.limit && f.where_mm);
                EXPECT_NEAR(*f.measured, bleed - short_mm, 25.4 / dpi + 0.05) << f.message;
                EXPECT_DOUBLE_EQ(*f.limit, bleed);
                // The whole edge is affected and the region is the missing strip of bleed.
                const auto& w = *f.where_mm;
                const bool vertical = std::string(edge) == "left" || std::string(edge) == "right";
                EXPECT_NEAR(vertical ? w[3] : w[2], (vertical ? trim_h : trim_w) + 2 * bleed, 0.01) << f.message;
                EXPECT_NEAR(vertical ? w[2] : w[3], short_mm, 25.4 / dpi + 0.05) << f.message;
                const std::string name = edge;
                if (name == "left") {
                    EXPECT_DOUBLE_EQ(w[0], -bleed);
                } else if (name == "top") {
                    EXPECT_DOUBLE_EQ(w[1], -bleed);
                } else if (name == "right") {
                    EXPECT_NEAR(w[0] + w[2], trim_w + bleed, 0.01);
                } else {
                    EXPECT_NEAR(w[1] + w[3], trim_h + bleed, 0.01);
                }
            }
        }
    }
}

TEST(BleedCoverage, MessageGivesTheNumbersPerEdge) {
    PagePainter painter(trim_w, trim_h, bleed, 300);
    painter.fill(painter.bleed_box_inset(1.8, 0, 0, 0), {200, 30, 60});
    auto findings = check(painter);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].message,
              "Artwork stops 1.2 mm past the trim on the left edge along 105.0 mm of its 105.0 mm, so paper can show "
              "after cutting; extend it to the outer edge of the bleed, 3.0 mm past the trim.");
    EXPECT_EQ(findings[0].fix.action, "Extend the background to the outer edge of the bleed.");
}

TEST(BleedCoverage, PhotoStoppingAtTheTrimIsFoundOnEveryEdge) {
    PagePainter painter(trim_w, trim_h, bleed, 300);
    painter.texture({0, 0, trim_w, trim_h}, 21);
    auto findings = check(painter);
    ASSERT_EQ(findings.size(), 4u) << describe(findings);
    for (const auto& f : findings) {
        EXPECT_NEAR(*f.measured, 0.0, 0.1) << f.message;
        EXPECT_NE(f.message.find("stops at the trim"), std::string::npos) << f.message;
    }
}

TEST(BleedCoverage, CreamBackgroundStoppingShortShows) {
    // Cream is far from black but it is not paper: where the bleed turns white, a line shows.
    PagePainter painter(trim_w, trim_h, bleed, 300);
    painter.fill(painter.bleed_box_inset(0, 1.5, 0, 0), testing::cream);
    auto findings = check(painter);
    ASSERT_EQ(findings.size(), 1u) << describe(findings);
    EXPECT_TRUE(about(findings[0], "top"));
    EXPECT_NEAR(*findings[0].measured, 1.5, 0.1);
}

TEST(BleedCoverage, PaleBackgroundsStoppingShortShowToo) {
    // Pastels and a light grey: close to white, yet a line of bare paper shows beside them.
    for (testing::Colour pale : {testing::Colour{240, 240, 240}, testing::Colour{252, 228, 236}, testing::Colour{232, 245, 233}}) {
        PagePainter painter(trim_w, trim_h, bleed, 300);
        painter.fill(painter.bleed_box_inset(0, 0, 1.0, 0), pale);
        auto findings = check(painter);
        ASSERT_EQ(findings.size(), 1u) << int(pale.r) << "," << int(pale.g) << "," << int(pale.b) << "\n" << describe(findings);
        EXPECT_TRUE(about(findings[0], "right"));
        EXPECT_NEAR(*findings[0].measured, 2.0, 0.1);
    }
}

TEST(BleedCoverage, WhiteCardNeedsNoBleed) {
    PagePainter painter(trim_w, trim_h, bleed, 300);
    for (int line = 0; line < 5; ++line) painter.fill({25, 30.0 + line * 9, 98, 1.4}, {30, 30, 30});
    painter.texture({40, 8, 68, 18}, 3);   // a small photo well inside
    EXPECT_TRUE(check(painter).empty());
    PagePainter blank(trim_w, trim_h, bleed, 300);
    EXPECT_TRUE(check(blank).empty());
}

TEST(BleedCoverage, IntentionalWhiteFrameNeedsNoBleed) {
    PagePainter painter(trim_w, trim_h, bleed, 300);
    painter.texture({6, 6, trim_w - 12, trim_h - 12}, 8);
    EXPECT_TRUE(check(painter).empty());
    // The same look made with a full-bleed photo and a white frame painted over it.
    PagePainter framed(trim_w, trim_h, bleed, 300);
    framed.texture(framed.bleed_box(), 8);
    framed.frame(framed.bleed_box(), bleed + 6, testing::paper_white);
    EXPECT_TRUE(check(framed).empty());
}

BoxMm sliver_on(const PagePainter& painter, const std::string& edge, double sliver_mm) {
    return bleed_box_short_on(painter, edge, bleed + sliver_mm);
}

TEST(BleedCoverage, WhiteSliverAlongOneEdgeOfAFullBleedPageIsFound) {
    // A background meant to bleed, placed 0.4-1.2 mm off: a strip of paper runs along one edge,
    // past the trim into the card, and shows as a white line after cutting ("witte rand").
    for (double dpi : {150.0, 300.0}) {
        for (const char* edge : edges) {
            for (double sliver_mm : {0.4, 0.8, 1.2, 1.8}) {
                for (bool photo : {false, true}) {
                    PagePainter painter(trim_w, trim_h, bleed, dpi);
                    if (photo) painter.texture(sliver_on(painter, edge, sliver_mm), 17);
                    else painter.fill(sliver_on(painter, edge, sliver_mm), {30, 90, 160});
                    auto findings = check(painter);
                    SCOPED_TRACE(std::string(edge) + " sliver " + std::to_string(sliver_mm) + " mm at " +
                                 std::to_string(int(dpi)) + " dpi" + (photo ? ", photo" : ""));
                    ASSERT_EQ(findings.size(), 1u) << describe(findings);
                    EXPECT_TRUE(about(findings[0], edge)) << findings[0].message;
                    EXPECT_EQ(findings[0].severity, Severity::error);
                    EXPECT_EQ(findings[0].code, "inside_trim");
                    EXPECT_NEAR(*findings[0].measured, -sliver_mm, 25.4 / dpi + 0.1) << findings[0].message;
                }
            }
        }
    }
}

TEST(BleedCoverage, DeliberateWhiteBordersAndBandsStayClean) {
    for (double dpi : {150.0, 300.0}) {
        // An even white margin on all four sides, narrow or wide.
        for (double margin_mm : {0.5, 1.0, 1.5, 4.0}) {
            PagePainter even(trim_w, trim_h, bleed, dpi);
            even.texture({margin_mm, margin_mm, trim_w - 2 * margin_mm, trim_h - 2 * margin_mm}, 4);
            EXPECT_TRUE(check(even).empty()) << margin_mm << " mm margin at " << dpi << " dpi:\n" << describe(check(even));
        }
        // A full-bleed photo with a wide white band along one edge (a band for the text, a
        // polaroid look): wider than sliver_mm, a choice.
        for (const char* edge : edges) {
            for (double band_mm : {2.5, 5.0, 15.0}) {
                PagePainter band(trim_w, trim_h, bleed, dpi);
                band.texture(sliver_on(band, edge, band_mm), 6);
                auto findings = check(band);
                EXPECT_TRUE(findings.empty()) << edge << " band " << band_mm << " mm at " << dpi << " dpi:\n" << describe(findings);
            }
        }
    }
    // A white card with a coloured panel ending 1 mm inside the trim on one side only: the page
    // does not bleed on its other edges, so paper at the trim is the design.
    PagePainter panel(trim_w, trim_h, bleed, 300);
    panel.fill({1.0, 20, 60, 60}, {30, 90, 160});
    EXPECT_TRUE(check(panel).empty()) << describe(check(panel));
}

TEST(BleedCoverage, SliverOptionSetsTheWidthAndZeroTurnsItOff) {
    PagePainter painter(trim_w, trim_h, bleed, 300);
    painter.fill(sliver_on(painter, "bottom", 1.0), {120, 40, 40});
    EXPECT_EQ(check(painter).size(), 1u);
    EXPECT_TRUE(check(painter, {{"sliver_mm", 0.0}}).empty());
    EXPECT_TRUE(check(painter, {{"sliver_mm", 0.8}}).empty());
    PagePainter wider(trim_w, trim_h, bleed, 300);
    wider.fill(sliver_on(wider, "left", 3.0), {120, 40, 40});
    EXPECT_TRUE(check(wider).empty());
    EXPECT_EQ(check(wider, {{"sliver_mm", 4.0}}).size(), 1u);
}

TEST(BleedCoverage, ArtworkEndingJustInsideTheTrimCountsAsTouchingIt) {
    PagePainter painter(trim_w, trim_h, bleed, 300);
    painter.fill({0.2, -bleed, trim_w + bleed - 0.2, trim_h + 2 * bleed}, {90, 20, 20});
    auto findings = check(painter);
    ASSERT_EQ(findings.size(), 1u) << describe(findings);
    EXPECT_TRUE(about(findings[0], "left"));
    EXPECT_NEAR(*findings[0].measured, -0.2, 0.1);
    EXPECT_NE(findings[0].message.find("0.2 mm inside the trim"), std::string::npos) << findings[0].message;
}

TEST(BleedCoverage, PartialStretchReportsItsLengthAndRegion) {
    // A white card with one coloured band touching the right edge, 2 mm short, 30 mm long.
    PagePainter painter(trim_w, trim_h, bleed, 300);
    painter.fill({100, 40, trim_w + 1 - 100, 30}, {0, 120, 80});
    auto findings = check(painter);
    ASSERT_EQ(findings.size(), 1u) << describe(findings);
    const auto& f = findings[0];
    EXPECT_TRUE(about(f, "right"));
    EXPECT_NEAR(*f.measured, 1.0, 0.1);
    EXPECT_NEAR(stated_length_mm(f), 30, 0.2) << f.message;
    EXPECT_NE(f.message.find("mm of its 105.0 mm"), std::string::npos) << f.message;
    const auto& w = *f.where_mm;
    EXPECT_NEAR(w[0], trim_w + 1, 0.1);
    EXPECT_NEAR(w[1], 40, 0.1);
    EXPECT_NEAR(w[2], 2, 0.1);
    EXPECT_NEAR(w[3], 30, 0.2);
}

TEST(BleedCoverage, SpecksShorterThanTheMinimumLengthAreIgnored) {
    PagePainter painter(trim_w, trim_h, bleed, 300);
    painter.fill(painter.bleed_box(), {30, 90, 160});
    painter.fill({-bleed, 50, 2, 0.6}, testing::paper_white);   // a 0.6 mm notch in the left bleed
    EXPECT_TRUE(check(painter).empty());
    painter.fill({-bleed, 70, 2, 4}, testing::paper_white);     // a 4 mm one is real
    auto findings = check(painter);
    ASSERT_EQ(findings.size(), 1u) << describe(findings);
    EXPECT_NEAR(stated_length_mm(findings[0]), 4, 0.2) << findings[0].message;
    EXPECT_TRUE(check(painter, {{"min_length_mm", 5.0}}).empty());
}

TEST(BleedCoverage, OnlyStopsParallelToTheTrimCount) {
    // A background whose edge runs slightly askew across the left bleed is a missing bleed...
    PagePainter askew(trim_w, trim_h, bleed, 300);
    askew.fill(askew.bleed_box(), {30, 90, 160});
    const auto& g = askew.geometry();
    // One box per pixel row, so abutting boxes never blend into each other.
    for (int row = int(g.y_px(20)); row < int(g.y_px(80)); ++row) {
        const double y = g.y_mm(row);
        askew.fill({-bleed, y, 1.5 - 0.02 * (y - 20), g.mm_per_px()}, testing::paper_white);
    }
    auto findings = check(askew);
    ASSERT_EQ(findings.size(), 1u) << describe(findings);
    EXPECT_NEAR(*findings[0].measured, 1.5, 0.1);
    EXPECT_NEAR(stated_length_mm(findings[0]), 60, 0.5);
    // ...a white wedge crossing the bleed at 45 degrees (the outline of something in a photo) is not.
    PagePainter wedge(trim_w, trim_h, bleed, 300);
    wedge.fill(wedge.bleed_box(), {30, 90, 160});
    for (int row = int(g.y_px(40)); row < int(g.y_px(43)); ++row) {
        const double y = g.y_mm(row);
        wedge.fill({-bleed, y, y - 40, g.mm_per_px()}, testing::paper_white);
    }
    findings = check(wedge);
    EXPECT_TRUE(findings.empty()) << describe(findings);
}

TEST(BleedCoverage, ToleranceAcceptsRoundingAtLowResolution) {
    for (double dpi : {150.0, 200.0}) {
        PagePainter painter(trim_w, trim_h, bleed, dpi);
        painter.fill(painter.bleed_box_inset(0.1, 0.1, 0.1, 0.1), {30, 90, 160});   // 2.9 of 3.0 mm
        EXPECT_TRUE(check(painter).empty()) << dpi;
        PagePainter short_all(trim_w, trim_h, bleed, dpi);
        short_all.fill(short_all.bleed_box_inset(0.5, 0.5, 0.5, 0.5), {30, 90, 160});   // 2.5 of 3.0 mm
        EXPECT_EQ(check(short_all).size(), 4u) << dpi;
        EXPECT_TRUE(check(short_all, {{"tolerance_mm", 0.6}}).empty()) << dpi;
    }
}

TEST(BleedCoverage, SoftFadeIntoWhiteIsNotAStop) {
    // A light background that fades evenly into white across the bleed: no edge shows when cut.
    PagePainter painter(trim_w, trim_h, bleed, 300);
    painter.fill(painter.bleed_box_inset(bleed, 0, 0, 0), {232, 232, 236});
    for (int step = 0; step < 30; ++step) {
        const double x = -bleed + step * 0.1;
        const auto level = std::uint8_t(255 - (255 - 232) * step / 30.0);
        painter.fill({x, -bleed, 0.1, trim_h + 2 * bleed}, {level, level, std::uint8_t(std::min(255, level + 4))});
    }
    auto findings = check(painter);
    EXPECT_TRUE(findings.empty()) << describe(findings);
}

TEST(BleedCoverage, BrightWashedOutPhotoBleedingFullyPasses) {
    PagePainter painter(trim_w, trim_h, bleed, 300);
    painter.texture(painter.bleed_box(), 77, 0.8);
    auto findings = check(painter);
    EXPECT_TRUE(findings.empty()) << describe(findings);
}

TEST(BleedCoverage, HighlightsOfAPhotoThatBleedsAreNotAMissingBleed) {
    // A full-bleed photo whose blown-out sky reaches the outer edge of the top bleed but not the trim.
    PagePainter painter(trim_w, trim_h, bleed, 300);
    painter.texture(painter.bleed_box(), 44);
    painter.fill({30, -bleed, 40, 1.8}, testing::paper_white);
    EXPECT_EQ(check(painter).size(), 1u);   // from the pixels alone it looks like a short bleed
    Element photo;
    photo.id = "p1";
    photo.type = ElementType::photo;
    photo.box_mm = painter.bleed_box();
    EXPECT_TRUE(check(painter.raster(), painter.geometry(), {}, {photo}).empty());
    // A photo frame that stops short of the bleed edge gives no such excuse.
    photo.box_mm = painter.bleed_box_inset(0, 1.8, 0, 0);
    EXPECT_EQ(check(painter.raster(), painter.geometry(), {}, {photo}).size(), 1u);
}

TEST(BleedCoverage, PaperColourOptionJudgesAgainstAnotherStock) {
    // An editor that renders kraft paper as its colour: that colour is the unprinted paper.
    PagePainter painter(trim_w, trim_h, bleed, 300);
    painter.fill(painter.bleed_box(), {196, 164, 120});
    painter.fill({10, 10, 50, 50}, {20, 20, 20});
    EXPECT_EQ(check(painter).size(), 0u);   // full bleed kraft colour is fine as artwork too
    EXPECT_TRUE(check(painter, {{"paper_colour", std::string("#C4A478")}}).empty());
    PagePainter short_left(trim_w, trim_h, bleed, 300);
    short_left.fill(short_left.bleed_box(), {196, 164, 120});
    short_left.fill({-bleed, -bleed, 1, trim_h + 2 * bleed}, testing::paper_white);
    EXPECT_EQ(check(short_left).size(), 1u);                                                 // white strip on kraft
    EXPECT_TRUE(check(short_left, {{"paper_colour", std::string("#C4A478")}}).empty());     // kraft paper: white is ink
}

TEST(BleedCoverage, RasterOnePixelOffItsNominalSizeIsFine) {
    // formats.md allows +-1 px: a full-bleed page rendered one pixel smaller or larger each way.
    PagePainter painter(trim_w, trim_h, bleed, 300);
    paint_designed_card(painter, 8);
    for (int delta : {-1, 1}) {
        core::Raster resized;
        resized.width = painter.raster().width + delta;
        resized.height = painter.raster().height + delta;
        resized.pixels.resize(std::size_t(resized.width) * resized.height * 3);
        for (int y = 0; y < resized.height; ++y)
            for (int x = 0; x < resized.width; ++x)
                for (int c = 0; c < 3; ++c)
                    resized.row(y)[3 * x + c] = painter.raster().row(std::min(y, painter.raster().height - 1))
                                                    [3 * std::min(x, painter.raster().width - 1) + c];
        auto findings = check(resized, painter.geometry());
        EXPECT_TRUE(findings.empty()) << delta << " px:\n" << describe(findings);
    }
}

TEST(BleedCoverage, EveryPageIsJudgedUnderItsOwnName) {
    PagePainter front(trim_w, trim_h, bleed, 300), back(trim_w, trim_h, bleed, 300);
    front.fill(front.bleed_box(), testing::cream);
    back.fill(back.bleed_box_inset(0, 0, 0, 2.5), testing::cream);
    core::Registry registry;
    registry.add(checks::make_bleed_coverage_check());
    Page front_page, back_page;
    front_page.name = "front";
    back_page.name = "back";
    core::CheckContext context;
    for (auto [page, painter] : {std::pair{&front_page, &front}, std::pair{&back_page, &back}}) {
        core::PageView view;
        view.page = page;
        view.geometry = painter->geometry();
        view.raster = std::make_shared<core::Raster>(painter->raster());
        context.pages.push_back(view);
    }
    Findings findings;
    registry.find("bleed.coverage")->run(context, registry.options_for("bleed.coverage", "wedding", Policy{}), findings);
    ASSERT_EQ(findings.size(), 1u) << describe(findings);
    EXPECT_EQ(findings[0].page, "back");
    EXPECT_TRUE(about(findings[0], "bottom"));
    EXPECT_NEAR(*findings[0].measured, 0.5, 0.1);
}

TEST(BleedCoverage, IsRegisteredWithItsOptions) {
    const core::CheckSpec* spec = core::builtin_registry().find("bleed.coverage");
    ASSERT_NE(spec, nullptr);
    std::vector<std::string> names;
    for (const auto& option : spec->options) names.push_back(option.name);
    EXPECT_EQ(names, (std::vector<std::string>{"tolerance_mm", "min_length_mm", "paper_tolerance_levels",
                                                "min_contrast_levels", "inside_mm", "sliver_mm", "paper_colour"}));
}

TEST(BleedCoverage, EverySimdTargetAndTheScalarPathFindExactlyTheSame) {
    PagePainter painter(trim_w, trim_h, bleed, 300);
    painter.fill(painter.bleed_box_inset(0.7, 2.2, 1.1, 0), testing::cream);
    painter.texture({60, -bleed, trim_w - 60 + bleed - 1.1, trim_h + 2 * bleed}, 31);
    const bool was_enabled = kernels::simd_enabled();
    kernels::set_simd_enabled(false);
    const auto scalar = check(painter);
    kernels::set_simd_enabled(true);
    ASSERT_EQ(scalar.size(), 3u) << describe(scalar);
    for (std::int64_t target : hwy::SupportedAndGeneratedTargets()) {
        hwy::SetSupportedTargetsForTest(target);
        const auto simd = check(painter);
        ASSERT_EQ(simd.size(), scalar.size()) << hwy::TargetName(target);
        for (std::size_t i = 0; i < scalar.size(); ++i) {
            EXPECT_EQ(simd[i].message, scalar[i].message) << hwy::TargetName(target);
            EXPECT_EQ(simd[i].where_mm, scalar[i].where_mm) << hwy::TargetName(target);
            EXPECT_EQ(simd[i].measured, scalar[i].measured) << hwy::TargetName(target);
        }
    }
    hwy::SetSupportedTargetsForTest(0);
    kernels::set_simd_enabled(was_enabled);
}

}  // namespace
}  // namespace preflight
