// photo.upscaled on real photos: genuine camera resolution passes; a photo enlarged 2x..4x
// (bicubic or Lanczos) to fake its pixel count is found, with the ppi it really carries.
#include "checks/photo/photo_checks.hpp"

#include <gtest/gtest.h>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "support/photos.hpp"

namespace preflight {
namespace {

using testing::real_frame;

std::vector<Finding> upscaled_findings(const testing::RealFrame& frame) {
    testing::PhotoPage page(frame.shown, frame.element);
    return page.run(checks::make_photo_upscaled_check());
}

// Shrinks by `factor` (area) and enlarges back with `interpolation`: a small photo enlarged.
core::Raster enlarged(const core::Raster& raster, double factor, int interpolation) {
    cv::Mat source(raster.height, raster.width, CV_8UC3, const_cast<std::uint8_t*>(raster.pixels.data()));
    cv::Mat small, back;
    cv::resize(source, small, cv::Size(int(raster.width / factor), int(raster.height / factor)), 0, 0, cv::INTER_AREA);
    cv::resize(small, back, source.size(), 0, 0, interpolation);
    core::Raster out = raster;
    std::copy(back.datastart, back.dataend, out.pixels.begin());
    return out;
}

TEST(PhotoUpscaled, GenuinePhotosPass) {
    for (const auto& name : testing::real_photo_names()) {
        auto findings = upscaled_findings(real_frame(name));
        EXPECT_TRUE(findings.empty()) << name << ": " << (findings.empty() ? "" : findings[0].message);
    }
}

TEST(PhotoUpscaled, EnlargedPhotosAreFound) {
    // A floor, not the goal: the bench finds bicubic and Lanczos x2 enlargements on about
    // 90 % of its photos; each finding carries the ppi the content really has.
    const int photos = int(testing::real_photo_names().size());
    for (int interpolation : {cv::INTER_CUBIC, cv::INTER_LANCZOS4}) {
        int found = 0;
        for (const auto& name : testing::real_photo_names()) {
            auto frame = real_frame(name, [&](const core::Raster& r) { return enlarged(r, 2.0, interpolation); });
            // The upload claims its own (large) size: photo.resolution sees nothing wrong.
            auto findings = upscaled_findings(frame);
            if (findings.empty()) continue;
            ASSERT_EQ(findings.size(), 1u) << name;
            ++found;
            const Finding& finding = findings[0];
            EXPECT_EQ(finding.check, "photo.upscaled");
            EXPECT_EQ(finding.code, "enlarged");
            EXPECT_EQ(finding.fix.by, FixBy::customer);
            const double effective = std::get<double>(finding.details.at("effective_ppi"));
            const double nominal = std::get<double>(finding.details.at("nominal_ppi"));
            EXPECT_NEAR(nominal, 300.0, 1.0) << name;
            EXPECT_LE(effective, 150.0) << name;   // 2x: about 150 ppi of detail
            EXPECT_EQ(finding.severity, effective < 150 ? Severity::error : Severity::warning);
        }
        EXPECT_GE(found, photos - 2) << "interpolation " << interpolation;
    }
}

TEST(PhotoUpscaled, FourTimesEnlargedIsAnError) {
    const int photos = int(testing::real_photo_names().size());
    int found = 0;
    for (const auto& name : testing::real_photo_names()) {
        auto findings = upscaled_findings(real_frame(name, [](const core::Raster& r) {
            return enlarged(r, 4.0, cv::INTER_LANCZOS4);
        }));
        if (findings.empty()) continue;
        ++found;
        EXPECT_EQ(findings[0].severity, Severity::error) << name;
        EXPECT_LT(std::get<double>(findings[0].details.at("effective_ppi")), 150.0) << name;
    }
    EXPECT_GE(found, photos - 3);   // a floor: bench 94 % of Lanczos x4 enlargements, 10 of these 13
}

TEST(PhotoUpscaled, BicubicFourTimesIsMeasuredWhereItsSpectrumEnds) {
    // Bicubic x4 leaves nothing above 1/8 cycle: session 3 compared two bands that were both
    // empty and found 53 % on the bench; reading where the spectrum ends finds 100 % (bench
    // figure, bench/README.md), so every one of these photos, reported with the detail of a
    // x3 .. x4 enlargement (at most 100 ppi of a 300 ppi frame).
    for (const auto& name : testing::real_photo_names()) {
        auto findings = upscaled_findings(real_frame(name, [](const core::Raster& r) {
            return enlarged(r, 4.0, cv::INTER_CUBIC);
        }));
        ASSERT_EQ(findings.size(), 1u) << name;
        EXPECT_EQ(findings[0].severity, Severity::error) << name;
        EXPECT_LE(std::get<double>(findings[0].details.at("effective_ppi")), 100.0 + 1e-9) << name;
        EXPECT_GE(std::get<double>(findings[0].details.at("enlargement")), 3.0) << name;
    }
}

TEST(PhotoUpscaled, ASmallUploadIsResolutionsFindingNotThis) {
    // The upload is honestly small (its source size says so): judged at its own scale, its
    // detail fills its pixels, so only photo.resolution speaks.
    auto frame = real_frame("LadyBird");
    auto small = testing::resample(frame.shown, frame.shown.width / 3, frame.shown.height / 3);
    frame.shown = testing::resample(small, frame.shown.width, frame.shown.height);
    frame.element.source_px = std::array<int, 2>{small.width, small.height};
    EXPECT_TRUE(upscaled_findings(frame).empty());
}

}  // namespace
}  // namespace preflight
