// photo.colour_cast on real photos: natural colours, black and white and sepia pass; strong
// blue (tungsten white balance) and green (fluorescent) casts are found.
#include "checks/photo/photo_checks.hpp"

#include <gtest/gtest.h>

#include "support/photos.hpp"

namespace preflight {
namespace {

using testing::real_frame;

std::vector<Finding> cast_findings(const testing::RealFrame& frame, const OptionSet& options = {}) {
    testing::PhotoPage page(frame.shown, frame.element);
    return page.run(checks::make_photo_colour_cast_check(), options);
}

core::Raster tungsten_blue(const core::Raster& r) { return testing::colour_gains(r, 0.5, 0.75, 1.8); }
core::Raster fluorescent_green(const core::Raster& r) { return testing::colour_gains(r, 0.8, 1.25, 0.8); }
core::Raster orange(const core::Raster& r) { return testing::colour_gains(r, 1.4, 1.0, 0.6); }

core::Raster black_and_white(const core::Raster& r) {
    core::Raster grey = r;
    for (std::size_t i = 0; i + 2 < grey.pixels.size(); i += 3) {
        auto luma = std::uint8_t((grey.pixels[i] * 299 + grey.pixels[i + 1] * 587 + grey.pixels[i + 2] * 114) / 1000);
        grey.pixels[i] = grey.pixels[i + 1] = grey.pixels[i + 2] = luma;
    }
    return grey;
}

TEST(PhotoColourCast, NaturalPhotosPass) {
    // Blue sky and sea (Dune), a blue-grey storm (Storm), water (Aqua), warm wood, meadows.
    for (const auto& name : testing::real_photo_names()) {
        auto findings = cast_findings(real_frame(name));
        EXPECT_TRUE(findings.empty()) << name << ": " << (findings.empty() ? "" : findings[0].message);
    }
}

TEST(PhotoColourCast, BlueCastIsFound) {
    for (const char* name : {"Wood", "Aqua"}) {
        auto findings = cast_findings(real_frame(name, tungsten_blue));
        ASSERT_EQ(findings.size(), 1u) << name;
        EXPECT_EQ(findings[0].check, "photo.colour_cast");
        EXPECT_EQ(findings[0].severity, Severity::warning);
        EXPECT_EQ(findings[0].fix.by, FixBy::customer);
        EXPECT_NE(findings[0].message.find("blue"), std::string::npos) << findings[0].message;
        EXPECT_GE(*findings[0].measured, *findings[0].limit);
        EXPECT_TRUE(findings[0].where_mm.has_value());
    }
}

TEST(PhotoColourCast, GreenCastIsFound) {
    for (const char* name : {"Wood", "Dune", "Aqua"}) {
        auto findings = cast_findings(real_frame(name, fluorescent_green));
        ASSERT_EQ(findings.size(), 1u) << name;
        EXPECT_NE(findings[0].message.find("green"), std::string::npos) << findings[0].message;
    }
}

TEST(PhotoColourCast, WarmToneIsAllowedByDefault) {
    auto frame = real_frame("Wood", orange);
    EXPECT_TRUE(cast_findings(frame).empty());
    auto findings = cast_findings(frame, {{"allow_warm", false}});
    ASSERT_EQ(findings.size(), 1u);
}

TEST(PhotoColourCast, BlackAndWhiteAndSepiaPass) {
    for (const auto& name : testing::real_photo_names()) {
        EXPECT_TRUE(cast_findings(real_frame(name, black_and_white)).empty()) << name;
        auto sepia = [](const core::Raster& r) { return testing::colour_gains(black_and_white(r), 1.25, 1.0, 0.7); };
        EXPECT_TRUE(cast_findings(real_frame(name, sepia)).empty()) << name << " sepia";
    }
}

}  // namespace
}  // namespace preflight
