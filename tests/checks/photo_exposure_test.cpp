// photo.exposure on real photos: -2 EV and +2 EV are found; a black background, a white
// backdrop or a dark scene with bright points is not by itself.
#include "checks/photo/photo_checks.hpp"

#include <gtest/gtest.h>

#include "support/photos.hpp"
#include "support/test_support.hpp"

namespace preflight {
namespace {

using testing::real_frame;

std::vector<Finding> exposure_findings(const testing::RealFrame& frame) {
    testing::PhotoPage page(frame.shown, frame.element);
    return page.run(checks::make_photo_exposure_check());
}

// The photo shrunk into the middle of a frame of one colour (a studio backdrop, a night).
core::Raster on_backdrop(const core::Raster& photo, unsigned char level, double share) {
    core::Raster result = testing::solid_raster(photo.width, photo.height, level, level, level);
    const int width = int(photo.width * share), height = int(photo.height * share);
    core::Raster small = testing::resample(photo, width, height);
    const int x0 = (photo.width - width) / 2, y0 = (photo.height - height) / 2;
    for (int y = 0; y < height; ++y)
        std::copy_n(small.row(y), std::size_t(width) * 3, result.row(y0 + y) + std::size_t(x0) * 3);
    return result;
}

TEST(PhotoExposure, WellExposedPhotosPass) {
    // Includes YellowFlower (a flower on a black background) and Wood (a bright, pale scene).
    for (const auto& name : testing::real_photo_names()) {
        auto findings = exposure_findings(real_frame(name));
        EXPECT_TRUE(findings.empty()) << name << ": " << (findings.empty() ? "" : findings[0].message);
    }
}

TEST(PhotoExposure, TwoStopsUnderIsFound) {
    for (const auto& name : testing::real_photo_names()) {
        auto findings = exposure_findings(real_frame(name, [](const core::Raster& r) {
            return testing::exposure_shift(r, -2);
        }));
        ASSERT_EQ(findings.size(), 1u) << name;
        EXPECT_EQ(findings[0].check, "photo.exposure");
        EXPECT_EQ(findings[0].severity, Severity::warning);
        EXPECT_EQ(findings[0].fix.by, FixBy::customer);
        EXPECT_NE(findings[0].message.find("too dark"), std::string::npos) << findings[0].message;
        EXPECT_TRUE(findings[0].where_mm.has_value());
    }
}

TEST(PhotoExposure, TwoStopsOverWithLargeBurntAreasIsFound) {
    for (const char* name : {"Aqua", "Dune", "Wood"}) {
        auto findings = exposure_findings(real_frame(name, [](const core::Raster& r) {
            return testing::exposure_shift(r, 2);
        }));
        ASSERT_EQ(findings.size(), 1u) << name;
        EXPECT_NE(findings[0].message.find("overexposed"), std::string::npos) << findings[0].message;
        EXPECT_GE(*findings[0].measured, 25.0);
    }
}

TEST(PhotoExposure, WhiteBackdropIsNotOverexposure) {
    // A portrait on a burnt-out white studio backdrop (60 % of the frame) keeps its shadows.
    for (const char* name : {"grace_hopper", "LadyBird"}) {
        auto findings = exposure_findings(real_frame(name, [](const core::Raster& r) { return on_backdrop(r, 255, 0.6); }));
        EXPECT_TRUE(findings.empty()) << name << ": " << (findings.empty() ? "" : findings[0].message);
    }
}

TEST(PhotoExposure, NightSceneWithBrightPartsIsNotUnderexposure) {
    // A black night around a lit subject (70 % of the frame plain black).
    for (const char* name : {"YellowFlower", "RainDrops"}) {
        auto findings = exposure_findings(real_frame(name, [](const core::Raster& r) { return on_backdrop(r, 0, 0.55); }));
        EXPECT_TRUE(findings.empty()) << name << ": " << (findings.empty() ? "" : findings[0].message);
    }
}

}  // namespace
}  // namespace preflight
