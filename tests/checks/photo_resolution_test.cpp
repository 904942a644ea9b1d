// photo.resolution: effective ppi from source, crop and frame sizes; no pixels involved.
#include "checks/photo/photo_checks.hpp"

#include <gtest/gtest.h>

#include "support/photos.hpp"

namespace preflight {
namespace {

using testing::photo_element;

std::vector<Finding> resolution_findings(Element element, const OptionSet& options = {}) {
    testing::PhotoPage page(core::Raster{}, std::move(element));
    return page.run(checks::make_photo_resolution_check(), options);
}

const BoxMm frame_mm{24.0, 17.5, 100.0, 70.0};   // 3.94 x 2.76 inch

TEST(PhotoResolution, AmpleSourcePasses) {
    // 1600 x 1067 covering 100 x 70 mm: min(406, 387) = 387 ppi.
    EXPECT_TRUE(resolution_findings(photo_element(frame_mm, std::array<int, 2>{1600, 1067})).empty());
}

TEST(PhotoResolution, CropBetween150And240IsAWarning) {
    // 800 x 560 source pixels over 100 x 70 mm: 203 ppi.
    auto findings = resolution_findings(
        photo_element(frame_mm, std::array<int, 2>{4000, 3000}, std::array<int, 4>{100, 100, 800, 560}));
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].severity, Severity::warning);
    EXPECT_EQ(findings[0].fix.by, FixBy::customer);
    EXPECT_NEAR(*findings[0].measured, 203.2, 0.1);
    EXPECT_DOUBLE_EQ(*findings[0].limit, 240.0);
    EXPECT_EQ(findings[0].unit, "ppi");
    ASSERT_TRUE(findings[0].where_mm.has_value());
    EXPECT_DOUBLE_EQ((*findings[0].where_mm)[2], 100.0);
    EXPECT_NE(findings[0].message.find("203 ppi"), std::string::npos) << findings[0].message;
}

TEST(PhotoResolution, UpscaledThreeTimesIsAnError) {
    // A 393 x 276 upload (a 1181 x 827 frame at 300 dpi divided by 3): 100 ppi.
    auto findings = resolution_findings(photo_element(frame_mm, std::array<int, 2>{393, 276}));
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].severity, Severity::error);
    EXPECT_NEAR(*findings[0].measured, 99.8, 0.2);
    EXPECT_DOUBLE_EQ(*findings[0].limit, 150.0);
    EXPECT_NE(findings[0].message.find("original photo"), std::string::npos) << findings[0].message;
}

TEST(PhotoResolution, DefaultCropCoversTheFrame) {
    // A wide 3000 x 1000 source in a 100 x 70 mm frame is scaled to cover the height:
    // 1000 px over 2.76 inch = 363 ppi (the width overflows and is cut off).
    EXPECT_TRUE(resolution_findings(photo_element(frame_mm, std::array<int, 2>{3000, 1000})).empty());
    // A tall 1000 x 3000 source covers the width: 1000 px over 3.94 inch = 254 ppi.
    EXPECT_TRUE(resolution_findings(photo_element(frame_mm, std::array<int, 2>{1000, 3000})).empty());
    auto findings = resolution_findings(photo_element(frame_mm, std::array<int, 2>{900, 3000}));
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_NEAR(*findings[0].measured, 228.6, 0.1);
}

TEST(PhotoResolution, WithoutSourceSizeNothingIsSaid) {
    EXPECT_TRUE(resolution_findings(photo_element(frame_mm)).empty());
}

TEST(PhotoResolution, PolicyThresholdsApply) {
    auto element = photo_element(frame_mm, std::array<int, 2>{393, 276});
    auto findings = resolution_findings(element, {{"error_below_ppi", 90.0}, {"warning_below_ppi", 95.0}});
    EXPECT_TRUE(findings.empty());
    findings = resolution_findings(element, {{"error_below_ppi", 90.0}, {"warning_below_ppi", 120.0}});
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].severity, Severity::warning);
}

TEST(PhotoResolution, RegisteredInTheBuiltinRegistry) {
    const auto* spec = core::builtin_registry().find("photo.resolution");
    ASSERT_NE(spec, nullptr);
    for (const char* id : {"photo.blur", "photo.colour_cast", "photo.exposure", "photo.frame_fill"})
        EXPECT_NE(core::builtin_registry().find(id), nullptr) << id;
}

}  // namespace
}  // namespace preflight
