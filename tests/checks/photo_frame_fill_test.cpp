// photo.frame_fill: stretched crops and uncovered slivers of the frame, on real photos.
#include "checks/photo/photo_checks.hpp"

#include <gtest/gtest.h>

#include "support/photos.hpp"
#include "support/test_support.hpp"

namespace preflight {
namespace {

using testing::PhotoPage;
using testing::real_frame;

std::vector<Finding> fill_findings(const PhotoPage& page) { return page.run(checks::make_photo_frame_fill_check()); }

TEST(PhotoFrameFill, CoveredFramesPass) {
    for (const auto& name : testing::real_photo_names()) {
        auto frame = real_frame(name);
        PhotoPage page(frame.shown, frame.element);
        auto findings = fill_findings(page);
        EXPECT_TRUE(findings.empty()) << name << ": " << (findings.empty() ? "" : findings[0].message);
    }
}

TEST(PhotoFrameFill, StretchedCropIsAnError) {
    // The frame is 100 x 70 mm (1.43); a 1600 x 1400 crop (1.14) is pulled 25 % wider.
    auto frame = real_frame("Dune");
    frame.element.crop_px = std::array<int, 4>{40, 0, 1600, 1400};
    frame.element.source_px = std::array<int, 2>{1680, 1400};
    PhotoPage page(frame.shown, frame.element);
    auto findings = fill_findings(page);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].check, "photo.frame_fill");
    EXPECT_EQ(findings[0].severity, Severity::error);
    EXPECT_EQ(findings[0].fix.by, FixBy::service);
    EXPECT_NEAR(*findings[0].measured, 20.0, 0.1);   // 1.143 / 1.429 = 0.80
    EXPECT_NE(findings[0].message.find("stretched"), std::string::npos) << findings[0].message;
    EXPECT_NE(findings[0].message.find("wider"), std::string::npos) << findings[0].message;
    ASSERT_TRUE(findings[0].where_mm.has_value());
    EXPECT_DOUBLE_EQ((*findings[0].where_mm)[3], 70.0);
}

TEST(PhotoFrameFill, StretchWithinOnePercentPasses) {
    auto frame = real_frame("Dune");
    frame.element.crop_px = std::array<int, 4>{0, 0, 1600, 1127};   // 1.420 vs 1.429: 0.6 %
    PhotoPage page(frame.shown, frame.element);
    EXPECT_TRUE(fill_findings(page).empty());
}

TEST(PhotoFrameFill, EmptySliverIsAnError) {
    auto frame = real_frame("LadyBird");
    PhotoPage page(frame.shown, frame.element);
    // The photo placed 2 mm (24 px) short of the frame's left side: paper shows.
    core::PixelRect rect = page.frame_px();
    testing::fill_rect(page.raster(), {rect.x0, rect.y0, rect.x0 + 24 + 1, rect.y1}, 255, 255, 255);
    auto findings = fill_findings(page);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].severity, Severity::error);
    EXPECT_EQ(findings[0].fix.by, FixBy::service);
    EXPECT_NE(findings[0].message.find("left"), std::string::npos) << findings[0].message;
    EXPECT_NEAR(*findings[0].measured, 2.0, 0.15);
}

TEST(PhotoFrameFill, FlatColourSliverAtTheBottomIsAnError) {
    auto frame = real_frame("grace_hopper");
    PhotoPage page(frame.shown, frame.element);
    core::PixelRect rect = page.frame_px();
    testing::fill_rect(page.raster(), {rect.x0, rect.y1 - 12, rect.x1, rect.y1}, 240, 230, 200);
    auto findings = fill_findings(page);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_NE(findings[0].message.find("bottom"), std::string::npos) << findings[0].message;
}

TEST(PhotoFrameFill, BandUnderAnElementAboveIsNotASliver) {
    // A plain ribbon graphic stacked over the photo's bottom 8 mm: the flat band is the ribbon.
    auto frame = real_frame("LadyBird");
    PhotoPage page(frame.shown, frame.element);
    core::PixelRect rect = page.frame_px();
    testing::fill_rect(page.raster(), {rect.x0, rect.y1 - 95, rect.x1, rect.y1}, 250, 240, 230);
    ASSERT_EQ(fill_findings(page).size(), 1u);   // without the element it is a sliver
    Element ribbon;
    ribbon.id = "g1";
    ribbon.type = ElementType::graphic;
    ribbon.box_mm = {20.0, 79.5, 108.0, 8.0};
    page.page().elements.push_back(ribbon);
    EXPECT_TRUE(fill_findings(page).empty());
}

TEST(PhotoFrameFill, BurntOutSkyIsNotASliver) {
    // Two stops over, Aqua is half plain white, touching the frame's sides with no straight edge.
    for (const char* name : {"Aqua", "Dune"}) {
        auto frame = real_frame(name, [](const core::Raster& r) { return testing::exposure_shift(r, 2); });
        PhotoPage page(frame.shown, frame.element);
        auto findings = fill_findings(page);
        EXPECT_TRUE(findings.empty()) << name << ": " << (findings.empty() ? "" : findings[0].message);
    }
}

TEST(PhotoFrameFill, BleedingFrameIsJudgedInsideTheTrim) {
    // A full-bleed photo whose edge stops 1.5 mm into the bleed: nothing shows after cutting.
    auto photo = testing::load_real_photo("Garden");
    auto element = testing::photo_element({-3.0, -3.0, 154.0, 111.0}, std::array<int, 2>{photo.width, photo.height});
    PhotoPage page(testing::cover(photo, 1819, 1311), element);
    testing::fill_rect(page.raster(), {0, 0, 18, 1311}, 255, 255, 255);   // 1.5 mm of the 3 mm bleed
    EXPECT_TRUE(fill_findings(page).empty());
    // Past the trim it prints: 2 mm inside the card.
    testing::fill_rect(page.raster(), {0, 0, 59, 1311}, 255, 255, 255);
    auto findings = fill_findings(page);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_NE(findings[0].message.find("left"), std::string::npos) << findings[0].message;
    EXPECT_NEAR(*findings[0].measured, 2.0, 0.15);
}

}  // namespace
}  // namespace preflight

namespace preflight {
namespace {

TEST(PhotoFrameFill, PhotoTooSmallForItsFrameIsOneFinding) {
    // The photo 3 mm (35 px) short of the frame on the right and 1 mm (12 px) at the bottom.
    auto frame = testing::real_frame("Garden");
    PhotoPage page(frame.shown, frame.element);
    core::PixelRect rect = page.frame_px();
    testing::fill_rect(page.raster(), {rect.x1 - 36, rect.y0, rect.x1, rect.y1}, 255, 255, 255);
    testing::fill_rect(page.raster(), {rect.x0, rect.y1 - 13, rect.x1, rect.y1}, 255, 255, 255);
    auto findings = fill_findings(page);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_NE(findings[0].message.find("right (3.0 mm) and bottom (1.0 mm) sides"), std::string::npos)
        << findings[0].message;
    EXPECT_NEAR(*findings[0].measured, 3.0, 0.1);
}

TEST(PhotoFrameFill, WideFlatAreaIsThePhotosOwn) {
    // A burnt-out sky down to a dead level horizon: 30 % of the frame plain white over a
    // straight edge, which is the photo's content, not an uncovered strip.
    auto frame = testing::real_frame("Dune");
    PhotoPage page(frame.shown, frame.element);
    core::PixelRect rect = page.frame_px();
    testing::fill_rect(page.raster(), {rect.x0, rect.y0, rect.x1, rect.y0 + rect.height() * 3 / 10}, 255, 255, 255);
    EXPECT_TRUE(fill_findings(page).empty());
}

}  // namespace
}  // namespace preflight
