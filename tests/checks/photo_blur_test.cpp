// photo.blur on real photos: sharp originals and shallow depth of field pass; defocus and
// camera shake are found; an enlarged upload is judged at its own scale.
#include "checks/photo/photo_checks.hpp"

#include <gtest/gtest.h>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

#include "support/photos.hpp"
#include "support/test_support.hpp"

namespace preflight {
namespace {

using testing::PhotoPage;
using testing::real_frame;

std::vector<Finding> blur_findings(const testing::RealFrame& frame) {
    PhotoPage page(frame.shown, frame.element);
    return page.run(checks::make_photo_blur_check());
}

TEST(PhotoBlur, SharpOriginalsPass) {
    // Includes macro shots with strong bokeh (Garden, TwoWings, LadyBird, RainDrops, YellowFlower).
    for (const auto& name : testing::real_photo_names()) {
        auto findings = blur_findings(real_frame(name));
        EXPECT_TRUE(findings.empty()) << name << ": " << (findings.empty() ? "" : findings[0].message);
    }
}

TEST(PhotoBlur, CablesAcrossAPlainSkyAreNotShaken) {
    // A bridge's cables crossing an empty blue sky (lomiri-wallpapers): its fine detail lies in
    // a few directions only, as a smear leaves it, but the blur effect stays crisp along all
    // four measured directions. Without that guard the spectrum alone calls it shaken.
    const auto frame = real_frame("Bridge_by_Sander_Klootwijk");
    const auto findings = blur_findings(frame);
    EXPECT_TRUE(findings.empty()) << findings[0].message;
    PhotoPage page(frame.shown, frame.element);
    const auto unguarded = page.run(checks::make_photo_blur_check(), {{"motion_max_weakest_sharpness", 2.0}});
    ASSERT_EQ(unguarded.size(), 1u);
    EXPECT_EQ(unguarded[0].code, "motion");
}

TEST(PhotoBlur, OutOfFocusPhotosAreFound) {
    for (const auto& name : testing::real_photo_names()) {
        // Gaussian blur of 5 px at 300 dpi (0.4 mm): clearly out of focus in print.
        auto findings = blur_findings(real_frame(name, [](const core::Raster& r) { return testing::gaussian_blur(r, 5); }));
        ASSERT_EQ(findings.size(), 1u) << name;
        EXPECT_EQ(findings[0].check, "photo.blur");
        EXPECT_EQ(findings[0].severity, Severity::warning);
        EXPECT_EQ(findings[0].fix.by, FixBy::customer);
        EXPECT_NE(findings[0].message.find("blurry"), std::string::npos) << findings[0].message;
        ASSERT_TRUE(findings[0].measured.has_value());
        EXPECT_LT(*findings[0].measured, *findings[0].limit);
    }
}

TEST(PhotoBlur, FindingCarriesTheFrame) {
    auto frame = real_frame("LadyBird", [](const core::Raster& r) { return testing::gaussian_blur(r, 5); });
    auto findings = blur_findings(frame);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].page, "front");
    EXPECT_EQ(findings[0].element, "p1");
    ASSERT_TRUE(findings[0].where_mm.has_value());
    EXPECT_DOUBLE_EQ((*findings[0].where_mm)[0], 24.0);
    EXPECT_DOUBLE_EQ((*findings[0].where_mm)[2], 100.0);
}

TEST(PhotoBlur, CameraShakeIsFound) {
    // 31 px (2.6 mm) of shake, horizontal and vertical, on photos with detail in every direction.
    for (const char* name : {"RainDrops", "GreenMeadow", "FreshFlower", "LadyBird"}) {
        for (double angle : {0.0, 90.0}) {
            auto findings = blur_findings(real_frame(name, [angle](const core::Raster& r) {
                return testing::motion_blur(r, 31, angle);
            }));
            ASSERT_EQ(findings.size(), 1u) << name << " at " << angle;
            // Where the shake leaves crisp edges across it, it is named as movement.
            if (std::string(name) != "FreshFlower" && std::string(name) != "LadyBird") {
                EXPECT_NE(findings[0].message.find("movement"), std::string::npos) << findings[0].message;
            }
        }
    }
}

TEST(PhotoBlur, SharpSubjectOnSoftBackgroundPasses) {
    // A portrait look: the middle third kept sharp, everything around it heavily blurred.
    for (const char* name : {"grace_hopper", "LadyBird", "Garden", "TwoWings", "Dune", "RainDrops"}) {
        auto findings = blur_findings(real_frame(name, [](const core::Raster& r) {
            return testing::soft_background(r, {r.width / 3, r.height / 3, 2 * r.width / 3, 2 * r.height / 3}, 10);
        }));
        EXPECT_TRUE(findings.empty()) << name << ": " << (findings.empty() ? "" : findings[0].message);
    }
}

TEST(PhotoBlur, EnlargedUploadIsJudgedAtItsOwnScale) {
    // A small upload enlarged 3x into the frame is soft per print pixel, but that is
    // photo.resolution's finding; the upload itself is sharp.
    for (const char* name : {"LadyBird", "Dune", "Wood"}) {
        auto frame = real_frame(name);
        auto small = testing::resample(frame.shown, frame.shown.width / 3, frame.shown.height / 3);
        frame.shown = testing::resample(small, frame.shown.width, frame.shown.height);
        frame.element.source_px = std::array<int, 2>{small.width, small.height};
        EXPECT_TRUE(blur_findings(frame).empty()) << name;
        // And it is blurred at its own scale: still found.
        auto blurred = real_frame(name);
        auto small_blurred = testing::gaussian_blur(
            testing::resample(blurred.shown, blurred.shown.width / 3, blurred.shown.height / 3), 4);
        blurred.shown = testing::resample(small_blurred, blurred.shown.width, blurred.shown.height);
        blurred.element.source_px = std::array<int, 2>{small_blurred.width, small_blurred.height};
        EXPECT_EQ(blur_findings(blurred).size(), 1u) << name;
    }
}

TEST(PhotoBlur, CrispArtworkOverABlurryPhotoDoesNotHideTheBlur) {
    // A sharp sticker (a crop of a sharp photo) printed over the corner of a blurry photo.
    auto frame = real_frame("Garden", [](const core::Raster& r) { return testing::gaussian_blur(r, 5); });
    auto sticker = testing::cover(testing::load_real_photo("Blinds"), 300, 240);
    for (int y = 0; y < sticker.height; ++y)
        std::copy_n(sticker.row(y), std::size_t(sticker.width) * 3, frame.shown.row(20 + y) + 20 * 3);
    PhotoPage page(frame.shown, frame.element);
    EXPECT_TRUE(page.run(checks::make_photo_blur_check()).empty());   // the sticker looks like a sharp subject
    Element graphic;
    graphic.id = "g1";
    graphic.type = ElementType::graphic;
    graphic.box_mm = {25.5, 19.0, 26.0, 21.0};   // over the sticker (20 px in, 300 x 240 px)
    page.page().elements.push_back(graphic);
    auto findings = page.run(checks::make_photo_blur_check());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_NE(findings[0].message.find("blurry"), std::string::npos) << findings[0].message;
}

// A lens out of focus (a disk) or a box smear, in sRGB (close enough for a test).
core::Raster kernel_blur(const core::Raster& photo, const cv::Mat& kernel) {
    core::Raster out = photo;
    cv::Mat source(photo.height, photo.width, CV_8UC3, const_cast<std::uint8_t*>(photo.pixels.data()));
    cv::Mat target(out.height, out.width, CV_8UC3, out.pixels.data());
    cv::filter2D(source, target, -1, kernel / cv::sum(kernel)[0], cv::Point(-1, -1), 0, cv::BORDER_REFLECT);
    return out;
}

// The same in linear light, as a lens or a shaken camera blurs (the bench's way).
core::Raster kernel_blur_linear(const core::Raster& photo, const cv::Mat& kernel) {
    cv::Mat source(photo.height, photo.width, CV_8UC3, const_cast<std::uint8_t*>(photo.pixels.data())), linear, blurred;
    source.convertTo(linear, CV_32FC3, 1.0 / 255.0);
    linear.forEach<cv::Vec3f>([](cv::Vec3f& v, const int*) {
        for (int c = 0; c < 3; ++c) v[c] = v[c] <= 0.04045f ? v[c] / 12.92f : std::pow((v[c] + 0.055f) / 1.055f, 2.4f);
    });
    cv::filter2D(linear, blurred, -1, kernel / cv::sum(kernel)[0], cv::Point(-1, -1), 0, cv::BORDER_REFLECT);
    blurred.forEach<cv::Vec3f>([](cv::Vec3f& v, const int*) {
        for (int c = 0; c < 3; ++c) {
            const float x = std::clamp(v[c], 0.0f, 1.0f);
            v[c] = x <= 0.0031308f ? 12.92f * x : 1.055f * std::pow(x, 1 / 2.4f) - 0.055f;
        }
    });
    core::Raster out = photo;
    cv::Mat target(out.height, out.width, CV_8UC3, out.pixels.data());
    blurred.convertTo(target, CV_8UC3, 255.0);
    return out;
}

cv::Mat disk(int radius) {
    cv::Mat kernel = cv::Mat::zeros(2 * radius + 1, 2 * radius + 1, CV_32F);
    cv::circle(kernel, {radius, radius}, radius, cv::Scalar(1.0), cv::FILLED, cv::LINE_AA);
    return kernel;
}

// How many of the real photos give exactly one photo.blur finding after `degrade`; checks
// each finding's code and details on the way.
int found_on(const std::function<core::Raster(const core::Raster&)>& degrade, const OptionSet& options = {}) {
    int found = 0;
    for (const auto& name : testing::real_photo_names()) {
        const auto frame = real_frame(name, degrade);
        PhotoPage page(frame.shown, frame.element);
        auto findings = page.run(checks::make_photo_blur_check(), options);
        if (findings.size() != 1) continue;
        ++found;
        const Finding& finding = findings[0];
        EXPECT_TRUE(finding.code == "out_of_focus" || finding.code == "motion") << finding.code;
        EXPECT_TRUE(finding.details.count("sharpness") && finding.details.count("limit")) << name;
        if (finding.code == "motion") {
            EXPECT_TRUE(finding.details.count("angle_deg")) << name;
        }
    }
    return found;
}

TEST(PhotoBlur, DefocusAndBoxSmearAreFoundWhateverTheirShape) {
    // Bench strengths a person calls about: disk radius 4 and 6 px, box 13 px (at 300 dpi).
    const int photos = int(testing::real_photo_names().size());
    EXPECT_EQ(found_on([](const core::Raster& r) { return kernel_blur(r, disk(6)); }), photos);
    EXPECT_GE(found_on([](const core::Raster& r) { return kernel_blur(r, disk(4)); }), photos - 1);
    EXPECT_GE(found_on([](const core::Raster& r) { return kernel_blur(r, cv::Mat::ones(13, 13, CV_32F)); }), photos - 2);
}

TEST(PhotoBlur, BoxSmearIsFoundThroughItsSidelobes) {
    // A box smear's sidelobes keep some fine detail (band ratio up to 0.04) while its blur
    // effect is plainly low: the second out-of-focus limit (session 6) finds what the first
    // leaves. Photographers' wallpapers (lomiri-wallpapers) the bench missed at 9 and 13 px.
    const OptionSet first_limit_only{{"soft_max_sharpness", 0.0}};
    int with = 0, without = 0, cases = 0;
    std::string missed;
    for (const char* name : {"Dragonfly_by_Bolly", "Picture_1A_by_freespace", "aitzgorri_by_Aitzol_Berasategi",
                             "sunset_by_Aitzol_Berasategi"})
        for (int side : {9, 13}) {
            const auto frame = real_frame(name, [side](const core::Raster& r) {
                return kernel_blur_linear(r, cv::Mat::ones(side, side, CV_32F));
            });
            PhotoPage page(frame.shown, frame.element);
            ++cases;
            const auto findings = page.run(checks::make_photo_blur_check());
            const bool found = !findings.empty();
            if (found) {
                EXPECT_LT(*findings[0].measured, *findings[0].limit) << name << " " << side;
            }
            with += found;
            without += !page.run(checks::make_photo_blur_check(), first_limit_only).empty();
            if (!found) missed += std::string(name) + " " + std::to_string(side) + " px; ";
        }
    std::printf("box 9 and 13 px found on %d of %d (first limit alone %d); missed: %s\n", with, cases, without,
                missed.c_str());
    EXPECT_GE(with, cases - 1) << missed;
    EXPECT_GE(with, without + 2);
}

TEST(PhotoBlur, ShakeAtAnyAngleIsFound) {
    // 25 px (2.1 mm) of shake at the angles between the measured directions too. A floor,
    // not the goal: the bench finds 78 .. 84 % of 15 .. 35 px shakes; these test photos are
    // mostly macro shots with little crisp detail, and 8 of 13 are found at 30 and 45 degrees.
    for (double angle : {30.0, 45.0, 135.0}) {
        const int found = found_on([angle](const core::Raster& r) { return testing::motion_blur(r, 25, angle); });
        EXPECT_GE(found, 8) << angle << " degrees";
    }
}

// A photo from another package at its own pixels in a 300 dpi frame (a genuine small
// upload, as the bench frames them), smeared `length_px` at `angle_deg` there.
std::vector<Finding> own_size_shake_findings(const std::string& path, int length_px, double angle_deg) {
    auto decoded = core::decode_raster(path, {});
    EXPECT_TRUE(decoded.error.empty()) << path << ": install the packages of scripts/setup.d/photo.list";
    if (!decoded.error.empty()) return {};
    const core::Raster& photo = decoded.raster;
    const BoxMm box{5.0, 5.0, photo.width * 25.4 / 300, photo.height * 25.4 / 300};
    PhotoPage page(testing::motion_blur(photo, length_px, angle_deg),
                   testing::photo_element(box, std::array<int, 2>{photo.width, photo.height}));
    return page.run(checks::make_photo_blur_check());
}

TEST(PhotoBlur, ShakeOnDetailedSmallPhotosIsFound) {
    // Session 3 judged motion by the band ratio along the weakest direction against the
    // crispest; on small, detailed photos (a rocket on its gantry, a street, fruit, a
    // baboon's fur) a 25 px shake kept enough of either to pass (bench: 47 ..
    // 94 % per angle, these photos among the misses). The spectral strip finds them.
    const char* const photos[] = {"/usr/lib/python3/dist-packages/skimage/data/rocket.jpg",
                                  "/usr/share/doc/opencv-doc/examples/data/leuvenA.jpg",
                                  "/usr/share/doc/opencv-doc/examples/data/fruits.jpg",
                                  "/usr/share/doc/opencv-doc/examples/data/baboon.jpg"};
    for (const char* path : photos)
        for (double angle : {0.0, 90.0}) {
            auto findings = own_size_shake_findings(path, 25, angle);
            ASSERT_EQ(findings.size(), 1u) << path << " at " << angle << " degrees";
            EXPECT_EQ(findings[0].code, "motion") << path << " at " << angle << " degrees";
        }
}

TEST(PhotoBlur, ShakeIsNamedWithItsDirection) {
    auto findings = blur_findings(real_frame("GreenMeadow", [](const core::Raster& r) {
        return testing::motion_blur(r, 31, 90);
    }));
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].code, "motion");
    EXPECT_NEAR(std::get<double>(findings[0].details.at("angle_deg")), 90.0, 1.0);
}

TEST(PhotoBlur, PlainFrameIsNotJudged) {
    // A photo of an overcast sky has no edges: nothing to judge, no finding.
    auto frame = real_frame("Wood");
    frame.shown = testing::solid_raster(frame.shown.width, frame.shown.height, 180, 190, 200);
    EXPECT_TRUE(blur_findings(frame).empty());
}

}  // namespace
}  // namespace preflight
