// lib/photo sharpness on real photos: ordering by blur, the smeared direction, source scale.
#include "photo/sharpness.hpp"

#include <gtest/gtest.h>

#include "support/photos.hpp"

namespace preflight {
namespace {

photo::SharpnessReport sharpness_of(const core::Raster& raster, double scale = 1.0) {
    photo::SharpnessOptions options;
    options.analysis_scale = scale;
    return photo::measure_sharpness(photo::view_of(raster, {0, 0, raster.width, raster.height}), options);
}

core::Raster frame_of(const char* name) { return testing::cover(testing::load_real_photo(name), 1181, 827); }

TEST(PhotoSharpness, MoreBlurMeansLessSharpness) {
    for (const char* name : {"LadyBird", "Dune", "grace_hopper"}) {
        auto frame = frame_of(name);
        double previous = sharpness_of(frame).sharpness;
        EXPECT_GT(previous, 0.6) << name;
        for (double sigma : {1.5, 3.0, 6.0}) {
            double value = sharpness_of(testing::gaussian_blur(frame, sigma)).sharpness;
            EXPECT_LT(value, previous) << name << " sigma " << sigma;
            previous = value;
        }
    }
}

TEST(PhotoSharpness, FindsTheSmearedDirection) {
    auto frame = frame_of("RainDrops");
    for (int angle : photo::sharpness_directions_deg) {
        auto report = sharpness_of(testing::motion_blur(frame, 31, angle));
        EXPECT_EQ(report.weakest_direction_deg, angle);
        EXPECT_LT(report.anisotropy, 0.7) << angle;
    }
    EXPECT_GT(sharpness_of(frame).anisotropy, 0.85);
}

TEST(PhotoSharpness, AnalysesAtSourceScale) {
    auto frame = frame_of("Wood");
    auto enlarged = testing::resample(testing::resample(frame, 394, 276), 1181, 827);
    auto at_print = sharpness_of(enlarged);
    auto at_source = sharpness_of(enlarged, 1.0 / 3.0);
    EXPECT_EQ(at_source.analysed_width, 394);
    EXPECT_EQ(at_source.analysed_height, 276);
    EXPECT_GT(at_source.sharpness, at_print.sharpness + 0.1);
}

TEST(PhotoSharpness, NothingToJudgeOnPlainOrEmptyRegions) {
    core::Raster plain;
    plain.width = 300;
    plain.height = 200;
    plain.pixels.assign(300 * 200 * 3, 128);
    EXPECT_FALSE(sharpness_of(plain).judged());
    EXPECT_FALSE(photo::measure_sharpness(photo::RgbView{}).judged());
    auto tiny = testing::resample(frame_of("Garden"), 20, 14);
    EXPECT_FALSE(sharpness_of(tiny).judged());
}

}  // namespace
}  // namespace preflight
