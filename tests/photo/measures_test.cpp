// lib/photo colour cast, exposure, empty bands and effective resolution, each on its own.
#include <gtest/gtest.h>

#include "photo/colour_cast.hpp"
#include "photo/exposure.hpp"
#include "photo/frame_fill.hpp"
#include "photo/resolution.hpp"
#include "support/photos.hpp"
#include "support/test_support.hpp"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace preflight {
namespace {

photo::RgbView whole(const core::Raster& raster) { return photo::view_of(raster, {0, 0, raster.width, raster.height}); }

core::Raster frame_of(const char* name) { return testing::cover(testing::load_real_photo(name), 1181, 827); }

TEST(PhotoMeasures, ViewOfClipsToTheRaster) {
    auto raster = testing::solid_raster(100, 50, 1, 2, 3);
    auto view = photo::view_of(raster, {90, 40, 120, 80});
    EXPECT_EQ(view.width, 10);
    EXPECT_EQ(view.height, 10);
    EXPECT_EQ(view.stride_bytes, 300u);
    EXPECT_EQ(view.row(0)[2], 3);
    EXPECT_TRUE(photo::view_of(raster, {200, 0, 300, 10}).empty());
}

TEST(PhotoMeasures, CastHasTheHueOfTheTint) {
    auto wood = frame_of("Wood");
    auto blue = photo::measure_colour_cast(whole(testing::colour_gains(wood, 0.5, 0.75, 1.8)));
    EXPECT_GT(blue.chroma, 12);
    EXPECT_GT(blue.hue_deg, 240);
    EXPECT_LT(blue.hue_deg, 300);
    auto green = photo::measure_colour_cast(whole(testing::colour_gains(wood, 0.8, 1.25, 0.8)));
    EXPECT_GT(green.chroma, 20);
    EXPECT_GT(green.hue_deg, 110);
    EXPECT_LT(green.hue_deg, 200);
    EXPECT_TRUE(photo::is_warm_hue(60));
    EXPECT_FALSE(photo::is_warm_hue(270));
    EXPECT_FALSE(photo::is_warm_hue(150));
}

TEST(PhotoMeasures, GreyPhotoHasNoCast) {
    // A real photo in black and white: judged, no cast, recognised as monochrome; a flat grey
    // has no edges to judge by.
    auto wood = frame_of("Wood");
    for (std::size_t i = 0; i + 2 < wood.pixels.size(); i += 3) {
        const auto luma = std::uint8_t((wood.pixels[i] * 299 + wood.pixels[i + 1] * 587 + wood.pixels[i + 2] * 114) / 1000);
        wood.pixels[i] = wood.pixels[i + 1] = wood.pixels[i + 2] = luma;
    }
    auto report = photo::measure_colour_cast(whole(wood));
    EXPECT_TRUE(report.judged());
    EXPECT_LT(report.chroma, 1.0);
    EXPECT_LT(report.mean_chroma, 1.0);
    EXPECT_EQ(report.look, "mono");
    EXPECT_FALSE(photo::measure_colour_cast(whole(testing::solid_raster(400, 300, 128, 128, 128))).judged());
}

TEST(PhotoMeasures, ExposurePercentilesAndClipping) {
    // 30 % black, 20 % white, the rest mid grey.
    auto raster = testing::solid_raster(100, 100, 128, 128, 128);
    testing::fill_rect(raster, {0, 0, 100, 30}, 0, 0, 0);
    testing::fill_rect(raster, {0, 80, 100, 100}, 255, 255, 255);
    auto report = photo::measure_exposure(whole(raster));
    ASSERT_TRUE(report.judged);
    EXPECT_NEAR(report.clipped_shadows, 0.30, 1e-9);
    EXPECT_NEAR(report.clipped_highlights, 0.20, 1e-9);
    EXPECT_EQ(report.median, 128);
    EXPECT_EQ(report.rest_median, 128);
    EXPECT_EQ(report.dark_percentile, 0);
    EXPECT_EQ(report.bright_percentile, 255);
}

TEST(PhotoMeasures, ExposureOfARealPhotoDropsWithEv) {
    auto frame = frame_of("Garden");
    auto normal = photo::measure_exposure(whole(frame));
    auto dark = photo::measure_exposure(whole(testing::exposure_shift(frame, -2)));
    EXPECT_LT(dark.median, normal.median * 0.7);
    EXPECT_LT(dark.bright_percentile, 140);
    EXPECT_GT(normal.bright_percentile, 200);
}

TEST(PhotoMeasures, EmptyBandsOnEachSide) {
    auto frame = frame_of("LadyBird");
    EXPECT_EQ(photo::find_empty_bands(whole(frame))[0].width_px, 0);
    // The photo moved down and left: paper shows along the top and the right.
    testing::fill_rect(frame, {0, 0, 1181, 7}, 255, 255, 255);
    testing::fill_rect(frame, {1181 - 15, 0, 1181, 827}, 255, 255, 255);
    auto bands = photo::find_empty_bands(whole(frame));
    EXPECT_EQ(bands[0].side, photo::Side::top);
    EXPECT_EQ(bands[0].width_px, 7);
    EXPECT_EQ(bands[1].side, photo::Side::right);
    EXPECT_EQ(bands[1].width_px, 15);
    EXPECT_EQ(bands[2].width_px, 0);
    EXPECT_EQ(bands[3].width_px, 0);
    // A band of flat colour keeps its colour.
    testing::fill_rect(frame, {0, 827 - 9, 1181, 827}, 20, 30, 40);
    bands = photo::find_empty_bands(whole(frame));
    EXPECT_EQ(bands[2].width_px, 9);
    EXPECT_EQ(bands[2].colour_rgb[2], 40);
    // A quarter of the region or more is not a band but the photo's own plain part.
    testing::fill_rect(frame, {0, 0, 300, 827}, 255, 255, 255);
    EXPECT_EQ(photo::find_empty_bands(whole(frame))[3].width_px, 0);
}

TEST(PhotoMeasures, EffectiveResolution) {
    // Cover: 4000 x 3000 in 100 x 50 mm shows 4000 x 2000 (the height overflows).
    auto cover = photo::shown_source({4000, 3000}, std::nullopt, {100.0, 50.0});
    ASSERT_TRUE(cover.has_value());
    EXPECT_NEAR(cover->width_px, 4000, 1e-9);
    EXPECT_NEAR(cover->height_px, 2000, 1e-9);
    EXPECT_NEAR(cover->ppi(), 1016, 1e-9);
    // A crop: its own size over the frame.
    auto crop = photo::shown_source({4000, 3000}, std::array<int, 4>{0, 0, 508, 254}, {100.0, 50.0});
    ASSERT_TRUE(crop.has_value());
    EXPECT_NEAR(crop->ppi_x, 129.032, 1e-3);
    EXPECT_NEAR(crop->ppi_y, 129.032, 1e-3);
    EXPECT_FALSE(photo::shown_source({0, 0}, std::nullopt, {100.0, 50.0}).has_value());
    EXPECT_FALSE(photo::shown_source({100, 100}, std::nullopt, {0.0, 50.0}).has_value());
}

}  // namespace
}  // namespace preflight

namespace preflight {
namespace {

// CIE L*a*b* (D65) in double precision, straight from the sRGB and CIE definitions.
std::array<double, 3> exact_lab(double r, double g, double b) {
    const auto linear = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    const auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116.0; };
    r = linear(r), g = linear(g), b = linear(b);
    const double x = (0.412453 * r + 0.357580 * g + 0.180423 * b) / 0.950456;
    const double y = 0.212671 * r + 0.715160 * g + 0.072169 * b;
    const double z = (0.019334 * r + 0.119193 * g + 0.950227 * b) / 1.088754;
    return {y > 0.008856 ? 116 * f(y) - 16 : 903.3 * y, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

TEST(PhotoMeasures, LabMatchesTheDefinitionAndOpenCv) {
    // A 17-step grid through the sRGB cube, the linear toe of the sRGB curve and near-white:
    // within 0.01 of the definition, and close to OpenCV's float conversion (itself off by up
    // to ~0.3 near white), which the cast thresholds were first calibrated with.
    std::vector<cv::Vec3f> colours;
    for (int r = 0; r <= 16; ++r)
        for (int g = 0; g <= 16; ++g)
            for (int b = 0; b <= 16; ++b) colours.push_back({r / 16.0f, g / 16.0f, b / 16.0f});
    colours.push_back({0.02f, 0.03f, 0.01f});
    colours.push_back({0.999f, 0.998f, 1.0f});
    colours.push_back({0.7f, 0.69f, 0.71f});
    cv::Mat rgb(1, int(colours.size()), CV_32FC3, colours.data()), lab;
    cv::cvtColor(rgb, lab, cv::COLOR_RGB2Lab);
    double worst_exact = 0, worst_opencv = 0;
    for (int i = 0; i < lab.cols; ++i) {
        const auto ours = photo::lab_of_srgb(colours[i][0], colours[i][1], colours[i][2]);
        const auto exact = exact_lab(colours[i][0], colours[i][1], colours[i][2]);
        const auto opencv = lab.at<cv::Vec3f>(0, i);
        for (int c = 0; c < 3; ++c) {
            worst_exact = std::max(worst_exact, std::fabs(double(ours[c]) - exact[c]));
            worst_opencv = std::max(worst_opencv, std::fabs(double(ours[c] - opencv[c])));
        }
    }
    EXPECT_LT(worst_exact, 0.01);
    EXPECT_LT(worst_opencv, 0.5);
    const auto white = photo::lab_of_srgb(1, 1, 1);
    EXPECT_NEAR(white[0], 100, 0.01);
    EXPECT_NEAR(white[1], 0, 0.01);
    EXPECT_NEAR(white[2], 0, 0.01);
}

}  // namespace
}  // namespace preflight
