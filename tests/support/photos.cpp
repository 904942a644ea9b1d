// Real test photos, their degradations, and a one-frame page (see photos.hpp).
#include "support/photos.hpp"

#include <gtest/gtest.h>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <map>

#include "support/test_support.hpp"

namespace preflight::testing {

namespace {

cv::Mat as_mat(const core::Raster& raster) {
    return cv::Mat(raster.height, raster.width, CV_8UC3, const_cast<std::uint8_t*>(raster.pixels.data()));
}

core::Raster from_mat(const cv::Mat& mat) {
    core::Raster raster;
    raster.width = mat.cols;
    raster.height = mat.rows;
    raster.pixels.resize(std::size_t(mat.cols) * mat.rows * 3);
    cv::Mat target(mat.rows, mat.cols, CV_8UC3, raster.pixels.data());
    mat.copyTo(target);
    return raster;
}

// sRGB <-> linear light, on 0..1 floats.
cv::Mat to_linear(const core::Raster& raster) {
    cv::Mat lut(1, 256, CV_32F);
    for (int i = 0; i < 256; ++i) {
        double v = i / 255.0;
        lut.at<float>(i) = float(v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4));
    }
    cv::Mat linear(raster.height, raster.width, CV_32FC3);
    const cv::Mat source = as_mat(raster);
    for (int y = 0; y < raster.height; ++y) {
        const auto* in = source.ptr<cv::Vec3b>(y);
        auto* out = linear.ptr<cv::Vec3f>(y);
        for (int x = 0; x < raster.width; ++x)
            for (int c = 0; c < 3; ++c) out[x][c] = lut.at<float>(in[x][c]);
    }
    return linear;
}

core::Raster from_linear(const cv::Mat& linear) {
    cv::Mat encoded(linear.rows, linear.cols, CV_8UC3);
    for (int y = 0; y < linear.rows; ++y) {
        const auto* in = linear.ptr<cv::Vec3f>(y);
        auto* out = encoded.ptr<cv::Vec3b>(y);
        for (int x = 0; x < linear.cols; ++x)
            for (int c = 0; c < 3; ++c) {
                double v = std::clamp(double(in[x][c]), 0.0, 1.0);
                v = v <= 0.0031308 ? v * 12.92 : 1.055 * std::pow(v, 1 / 2.4) - 0.055;
                out[x][c] = cv::saturate_cast<std::uint8_t>(v * 255.0 + 0.5);
            }
    }
    return from_mat(encoded);
}

}  // namespace

const std::vector<std::string>& real_photo_names() {
    static const std::vector<std::string> names{
        "grace_hopper", "Aqua", "Blinds", "Dune", "FreshFlower", "Garden", "GreenMeadow",
        "LadyBird", "RainDrops", "Storm", "TwoWings", "Wood", "YellowFlower"};
    return names;
}

std::filesystem::path real_photo_path(const std::string& name) {
    // Photographers' wallpapers are named "<title>_by_<photographer>" (lomiri-wallpapers-*),
    // KDE's by their folder (plasma-workspace-wallpapers).
    const std::filesystem::path kde = std::filesystem::path("/usr/share/wallpapers") / name / "contents/images/2560x1600.jpg";
    std::filesystem::path path = name == "grace_hopper"
        ? std::filesystem::path("/usr/share/matplotlib/mpl-data/sample_data/grace_hopper.jpg")
        : std::filesystem::exists(kde) ? kde
        : name.find("_by_") != std::string::npos
        ? std::filesystem::path("/usr/share/backgrounds") / (name + ".jpg")
        : std::filesystem::path("/usr/share/backgrounds/mate/nature") / (name + ".jpg");
    if (!std::filesystem::exists(path))
        ADD_FAILURE() << "test photo " << path << " is missing: install the packages of "
                      << "scripts/setup.d/photo.list (mate-backgrounds, python-matplotlib-data, "
                      << "lomiri-wallpapers-16.04, lomiri-wallpapers-20.04, plasma-workspace-wallpapers) with scripts/setup";
    return path;
}

core::Raster load_real_photo(const std::string& name) {
    // Decoded once per test program: the same dozen photos serve every photo test.
    static std::map<std::string, core::Raster> decoded_photos;
    if (auto it = decoded_photos.find(name); it != decoded_photos.end()) return it->second;
    auto decoded = core::decode_raster(real_photo_path(name).string(), {});
    if (!decoded.error.empty()) {
        ADD_FAILURE() << "cannot decode test photo " << name << ": " << decoded.error;
        return {};
    }
    return decoded_photos.emplace(name, std::move(decoded.raster)).first->second;
}

core::Raster resample(const core::Raster& photo, int width, int height) {
    if (photo.pixels.empty()) return photo;
    cv::Mat out;
    bool shrinking = width <= photo.width && height <= photo.height;
    cv::resize(as_mat(photo), out, cv::Size(width, height), 0, 0, shrinking ? cv::INTER_AREA : cv::INTER_CUBIC);
    return from_mat(out);
}

core::Raster cover(const core::Raster& photo, int width, int height) {
    if (photo.pixels.empty()) return photo;
    double scale = std::max(double(width) / photo.width, double(height) / photo.height);
    int crop_w = std::min(photo.width, int(std::lround(width / scale)));
    int crop_h = std::min(photo.height, int(std::lround(height / scale)));
    cv::Rect crop((photo.width - crop_w) / 2, (photo.height - crop_h) / 2, crop_w, crop_h);
    return resample(from_mat(as_mat(photo)(crop)), width, height);
}

core::Raster gaussian_blur(const core::Raster& photo, double sigma_px) {
    cv::Mat out;
    cv::GaussianBlur(as_mat(photo), out, cv::Size(0, 0), sigma_px);
    return from_mat(out);
}

core::Raster motion_blur(const core::Raster& photo, int length_px, double angle_deg) {
    int size = length_px | 1;
    cv::Mat kernel = cv::Mat::zeros(size, size, CV_32F);
    double radians = angle_deg * 3.14159265358979323846 / 180.0;
    double half = (length_px - 1) / 2.0;
    cv::Point2d centre(size / 2.0 - 0.5, size / 2.0 - 0.5);
    cv::Point2d reach(std::cos(radians) * half, std::sin(radians) * half);
    cv::line(kernel, cv::Point(cvRound(centre.x - reach.x), cvRound(centre.y - reach.y)),
             cv::Point(cvRound(centre.x + reach.x), cvRound(centre.y + reach.y)), cv::Scalar(1.0), 1, cv::LINE_8);
    kernel /= cv::sum(kernel)[0];
    cv::Mat linear = to_linear(photo), out;
    cv::filter2D(linear, out, -1, kernel, cv::Point(-1, -1), 0, cv::BORDER_REFLECT);
    return from_linear(out);
}

core::Raster colour_gains(const core::Raster& photo, double red, double green, double blue) {
    cv::Mat linear = to_linear(photo);
    cv::multiply(linear, cv::Scalar(red, green, blue), linear);
    return from_linear(linear);
}

core::Raster exposure_shift(const core::Raster& photo, double ev) {
    double gain = std::pow(2.0, ev);
    return colour_gains(photo, gain, gain, gain);
}

core::Raster soft_background(const core::Raster& photo, core::PixelRect sharp, double sigma_px) {
    core::Raster result = gaussian_blur(photo, sigma_px);
    cv::Rect rect(sharp.x0, sharp.y0, sharp.width(), sharp.height());
    rect &= cv::Rect(0, 0, photo.width, photo.height);
    cv::Mat target = as_mat(result);
    as_mat(photo)(rect).copyTo(target(rect));
    return result;
}

Element photo_element(BoxMm box_mm, std::optional<std::array<int, 2>> source_px,
                      std::optional<std::array<int, 4>> crop_px) {
    Element element;
    element.id = "p1";
    element.type = ElementType::photo;
    element.type_name = "photo";
    element.box_mm = box_mm;
    element.source_px = source_px;
    element.crop_px = crop_px;
    return element;
}

RealFrame real_frame(const std::string& name, const std::function<core::Raster(const core::Raster&)>& degrade) {
    RealFrame frame;
    core::Raster photo = load_real_photo(name);
    const bool portrait = photo.height > photo.width;
    const BoxMm box = portrait ? BoxMm{54.0, 29.0, 40.0, 47.0} : BoxMm{24.0, 17.5, 100.0, 70.0};
    const int width_px = int(std::lround(box.width * 300 / 25.4));
    const int height_px = int(std::lround(box.height * 300 / 25.4));
    frame.shown = cover(photo, width_px, height_px);
    if (degrade) frame.shown = degrade(frame.shown);
    frame.element = photo_element(box, std::array<int, 2>{photo.width, photo.height});
    return frame;
}

PhotoPage::PhotoPage(const core::Raster& shown, Element photo, double dpi) {
    design_.design_id = "photo-test";
    design_.product = "birth_announcement";
    design_.trim_width_mm = 148;
    design_.trim_height_mm = 105;
    design_.bleed_mm = 3;
    Page page;
    page.name = "front";
    page.dpi = dpi;
    page.elements.push_back(std::move(photo));
    design_.pages.push_back(std::move(page));

    core::PageGeometry geometry{dpi, design_.bleed_mm, design_.trim_width_mm, design_.trim_height_mm};
    raster_ = std::make_shared<core::Raster>(
        solid_raster(geometry.expected_width_px(), geometry.expected_height_px(), 255, 255, 255));
    // The photo covers its whole frame (rounded to pixels), cut by the raster's edge.
    const BoxMm& box = design_.pages[0].elements[0].box_mm;
    int x0 = int(std::lround(geometry.x_px(box.x))), y0 = int(std::lround(geometry.y_px(box.y)));
    int x1 = int(std::lround(geometry.x_px(box.right()))), y1 = int(std::lround(geometry.y_px(box.bottom())));
    if (!shown.pixels.empty() && x1 > x0 && y1 > y0) {
        core::Raster frame = resample(shown, x1 - x0, y1 - y0);
        cv::Rect inside = cv::Rect(x0, y0, x1 - x0, y1 - y0) & cv::Rect(0, 0, raster_->width, raster_->height);
        cv::Mat page_mat = as_mat(*raster_);
        if (!inside.empty()) as_mat(frame)(inside - cv::Point(x0, y0)).copyTo(page_mat(inside));
    }

    context_.policy = &policy_;
    context_.design = &design_;
    context_.product = design_.product;
    core::PageView view;
    view.page = &design_.pages[0];
    view.geometry = geometry;
    view.raster = raster_;
    view.text_layouts.resize(1);
    view.fonts.resize(1);
    context_.pages.push_back(std::move(view));
}

core::PixelRect PhotoPage::frame_px() const {
    return context_.pages[0].geometry.to_px(design_.pages[0].elements[0].box_mm, raster_->width, raster_->height);
}

std::vector<Finding> PhotoPage::run(const core::CheckSpec& spec, const OptionSet& options) const {
    OptionSet values;
    values["enabled"] = true;
    for (const auto& option : spec.options) values[option.name] = option.default_value;
    for (const auto& [name, value] : options) values[name] = value;
    std::vector<Finding> findings;
    spec.run(context_, core::CheckOptions(std::move(values)), findings);
    return findings;
}

}  // namespace preflight::testing
