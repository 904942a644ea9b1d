// lib/photo's luma planes against OpenCV: the serial luma and resamples must give the very
// bytes cv::cvtColor and cv::resize give (the photo measures were tuned on those).
#include "photo/pixels.hpp"

#include <gtest/gtest.h>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <random>
#include <string>

#include "support/photos.hpp"

namespace preflight {
namespace {

cv::Mat mat_of(const photo::GreyPlane& plane) {
    return cv::Mat(plane.height, plane.width, CV_8UC1, const_cast<std::uint8_t*>(plane.row(0)));
}

std::size_t differing(const cv::Mat& a, const cv::Mat& b) {
    if (a.size() != b.size()) return std::size_t(-1);
    return std::size_t(cv::countNonZero(a != b));
}

// OpenCV's way: the luma of the region, then resized to round(side * scale).
cv::Mat opencv_luma(const photo::RgbView& view, double scale, photo::Resample how) {
    cv::Mat rgb(view.height, view.width, CV_8UC3, const_cast<std::uint8_t*>(view.data), view.stride_bytes);
    cv::Mat gray;
    cv::cvtColor(rgb, gray, cv::COLOR_RGB2GRAY);
    if (how == photo::Resample::none) return gray;
    cv::Mat out;
    cv::resize(gray, out, cv::Size(std::max(1, int(std::lround(view.width * scale))),
                                   std::max(1, int(std::lround(view.height * scale)))),
               0, 0, how == photo::Resample::bilinear ? cv::INTER_LINEAR : cv::INTER_AREA);
    return out;
}

void expect_same_as_opencv(const photo::RgbView& view, const std::string& what) {
    const photo::GreyPlane full = photo::luma_plane(view);
    EXPECT_EQ(differing(mat_of(full), opencv_luma(view, 1, photo::Resample::none)), 0u) << what;
    for (double scale : {0.94, 0.88, 0.8, 0.751, 0.75, 0.74, 0.6, 0.5, 1.0 / 3.0, 0.3, 0.21, 0.05}) {
        for (auto how : {photo::Resample::bilinear, photo::Resample::area}) {
            const photo::GreyPlane ours = photo::resampled_luma(full, scale, how);
            EXPECT_EQ(differing(mat_of(ours), opencv_luma(view, scale, how)), 0u)
                << what << " scale " << scale << (how == photo::Resample::area ? " area" : " bilinear");
        }
    }
}

TEST(PhotoResample, LumaAndResamplesMatchOpenCVOnRealPhotos) {
    for (const char* name : {"LadyBird", "grace_hopper"}) {
        const core::Raster photo = testing::cover(testing::load_real_photo(name), 1181, 827);
        // A region with a row stride wider than it (a frame inside a page), odd sizes.
        expect_same_as_opencv(photo::view_of(photo, {13, 7, 13 + 977, 7 + 613}), name);
    }
}

TEST(PhotoResample, LumaAndResamplesMatchOpenCVOnNoiseAndTinyImages) {
    std::mt19937 random(5);
    for (auto [width, height] : {std::pair{1, 1}, {2, 3}, {17, 5}, {64, 64}, {333, 201}}) {
        core::Raster raster;
        raster.width = width;
        raster.height = height;
        raster.pixels.resize(std::size_t(width) * height * 3);
        for (auto& value : raster.pixels) value = std::uint8_t(random());
        expect_same_as_opencv(photo::view_of(raster, {0, 0, width, height}),
                              std::to_string(width) + " x " + std::to_string(height));
    }
}

}  // namespace
}  // namespace preflight
