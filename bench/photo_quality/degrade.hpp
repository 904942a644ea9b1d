// The degradations and intentional looks of the photo-quality bench, applied to a frame's
// pixels at print resolution (8-bit sRGB in a cv::Mat, RGB order).
#pragma once

#include <opencv2/core.hpp>

#include <functional>
#include <string>
#include <vector>

namespace preflight::bench {

/// One variant of a frame: its family ("gauss", "warm", "bw", ...), strength label, what
/// the bench expects (the check that should fire, or "" when nothing should), and the
/// function that makes it from the clean frame.
struct Variant {
    std::string family;
    std::string strength;
    std::string expected_check;   // "" = clean or an intentional look: nothing should fire
    bool visible = true;          // false: a strength below what a person would call about
    std::function<cv::Mat(const cv::Mat&)> make;
    /// For upscales: the content's true resolution as a share of the frame's (1/k).
    double detail_share = 1.0;
};

/// Every variant of the bench, in the order the table lists them.
std::vector<Variant> all_variants();

}  // namespace preflight::bench
