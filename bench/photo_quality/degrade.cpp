// Degradations (blur, motion, casts, exposure, upscales) and intentional looks for the bench.
#include "degrade.hpp"

#include <turbojpeg.h>
#include <opencv2/imgproc.hpp>

#include <cmath>

namespace preflight::bench {

namespace {

constexpr double pi = 3.14159265358979323846;

cv::Mat to_linear(const cv::Mat& srgb) {
    static const std::vector<float> table = [] {
        std::vector<float> t(256);
        for (int i = 0; i < 256; ++i) {
            const double v = i / 255.0;
            t[i] = float(v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4));
        }
        return t;
    }();
    cv::Mat f(srgb.size(), CV_32FC3);
    for (int y = 0; y < srgb.rows; ++y) {
        const std::uint8_t* in = srgb.ptr<std::uint8_t>(y);
        float* out = f.ptr<float>(y);
        for (int i = 0; i < srgb.cols * 3; ++i) out[i] = table[in[i]];
    }
    return f;
}

cv::Mat from_linear(const cv::Mat& linear) {
    constexpr int steps = 16384;
    static const std::vector<std::uint8_t> table = [] {
        std::vector<std::uint8_t> t(steps + 1);
        for (int i = 0; i <= steps; ++i) {
            const double v = double(i) / steps;
            const double e = v <= 0.0031308 ? v * 12.92 : 1.055 * std::pow(v, 1.0 / 2.4) - 0.055;
            t[i] = cv::saturate_cast<std::uint8_t>(e * 255.0);
        }
        return t;
    }();
    cv::Mat out(linear.size(), CV_8UC3);
    for (int y = 0; y < linear.rows; ++y) {
        const float* in = linear.ptr<float>(y);
        std::uint8_t* o = out.ptr<std::uint8_t>(y);
        for (int i = 0; i < linear.cols * 3; ++i)
            o[i] = table[std::size_t(std::clamp(in[i], 0.0f, 1.0f) * steps + 0.5f)];
    }
    return out;
}

// Blur in linear light (as a lens does) with a kernel.
cv::Mat convolve(const cv::Mat& srgb, const cv::Mat& kernel) {
    cv::Mat linear = to_linear(srgb), out;
    cv::filter2D(linear, out, -1, kernel, cv::Point(-1, -1), 0, cv::BORDER_REFLECT);
    return from_linear(out);
}

cv::Mat gaussian(const cv::Mat& srgb, double sigma) {
    cv::Mat linear = to_linear(srgb), out;
    cv::GaussianBlur(linear, out, cv::Size(0, 0), sigma, sigma, cv::BORDER_REFLECT);
    return from_linear(out);
}

cv::Mat disk_kernel(double radius) {
    const int r = int(std::ceil(radius)), size = 2 * r + 1;
    cv::Mat k(size, size, CV_32F);
    // Anti-aliased disk: 4x4 supersampling per cell.
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) {
            int inside = 0;
            for (int sy = 0; sy < 4; ++sy)
                for (int sx = 0; sx < 4; ++sx) {
                    const double dx = x - r + (sx + 0.5) / 4 - 0.5, dy = y - r + (sy + 0.5) / 4 - 0.5;
                    inside += dx * dx + dy * dy <= radius * radius;
                }
            k.at<float>(y, x) = float(inside);
        }
    return k / cv::sum(k)[0];
}

cv::Mat motion_kernel(double length, double angle_deg) {
    const int size = (int(std::ceil(length)) | 1) + 2;
    cv::Mat k = cv::Mat::zeros(size, size, CV_32F);
    const double c = (size - 1) / 2.0, a = angle_deg * pi / 180.0;
    // Sample the segment densely and splat bilinearly: an anti-aliased line of `length` px.
    const int samples = int(length * 8);
    for (int i = 0; i <= samples; ++i) {
        const double t = (double(i) / samples - 0.5) * (length - 1);
        const double x = c + t * std::cos(a), y = c - t * std::sin(a);   // angle counter-clockwise, y down
        const int x0 = int(std::floor(x)), y0 = int(std::floor(y));
        const double fx = x - x0, fy = y - y0;
        k.at<float>(y0, x0) += float((1 - fx) * (1 - fy));
        k.at<float>(y0, x0 + 1) += float(fx * (1 - fy));
        k.at<float>(y0 + 1, x0) += float((1 - fx) * fy);
        k.at<float>(y0 + 1, x0 + 1) += float(fx * fy);
    }
    return k / cv::sum(k)[0];
}

cv::Mat gains(const cv::Mat& srgb, cv::Vec3f g, double strength) {
    cv::Mat linear = to_linear(srgb);
    const cv::Vec3f p{float(std::pow(g[0], strength)), float(std::pow(g[1], strength)), float(std::pow(g[2], strength))};
    linear.forEach<cv::Vec3f>([&](cv::Vec3f& v, const int*) {
        for (int c = 0; c < 3; ++c) v[c] *= p[c];
    });
    return from_linear(linear);
}

// A white-balance shift made in Lab: every colour moved by (da, db), as a wrong
// temperature/tint slider does in an editor.
cv::Mat lab_shift(const cv::Mat& srgb, double da, double db) {
    cv::Mat f, lab;
    srgb.convertTo(f, CV_32FC3, 1.0 / 255.0);
    cv::cvtColor(f, lab, cv::COLOR_RGB2Lab);
    lab.forEach<cv::Vec3f>([&](cv::Vec3f& v, const int*) {
        v[1] += float(da);
        v[2] += float(db);
    });
    cv::cvtColor(lab, f, cv::COLOR_Lab2RGB);
    cv::Mat out;
    f.convertTo(out, CV_8UC3, 255.0);
    return out;
}

cv::Mat exposure(const cv::Mat& srgb, double ev) {
    cv::Mat linear = to_linear(srgb);
    linear *= std::pow(2.0, ev);
    return from_linear(linear);
}

// Per pixel in sRGB 0..1.
cv::Mat curve(const cv::Mat& srgb, const std::function<float(float)>& f) {
    cv::Mat lut(1, 256, CV_8U);
    for (int i = 0; i < 256; ++i) lut.at<std::uint8_t>(i) = cv::saturate_cast<std::uint8_t>(255.0f * f(i / 255.0f));
    cv::Mat out;
    cv::LUT(srgb, lut, out);
    return out;
}

cv::Mat mono(const cv::Mat& srgb, cv::Vec3f tone) {
    cv::Mat gray, out(srgb.size(), CV_8UC3);
    cv::cvtColor(srgb, gray, cv::COLOR_RGB2GRAY);
    out.forEach<cv::Vec3b>([&](cv::Vec3b& v, const int* pos) {
        // Toned like a print: the tint is strongest in the mid-tones, paper white stays white.
        const float l = gray.at<std::uint8_t>(pos[0], pos[1]) / 255.0f;
        for (int c = 0; c < 3; ++c) v[c] = cv::saturate_cast<std::uint8_t>(255.0f * l * (tone[c] + (1 - tone[c]) * l));
    });
    return out;
}

// Two illuminants: lit parts take `light` gains, shadows `shade` gains (linear light),
// blended by luma; then an exposure change.
cv::Mat split_light(const cv::Mat& srgb, cv::Vec3f shade, cv::Vec3f light, double ev) {
    cv::Mat linear = to_linear(srgb);
    const float k = float(std::pow(2.0, ev));
    linear.forEach<cv::Vec3f>([&](cv::Vec3f& v, const int*) {
        const float y = std::clamp(0.2126f * v[0] + 0.7152f * v[1] + 0.0722f * v[2], 0.0f, 1.0f);
        const float w = std::sqrt(y);
        for (int c = 0; c < 3; ++c) v[c] *= k * (shade[c] * (1 - w) + light[c] * w);
    });
    return from_linear(linear);
}

// Warm lamps in frame: small glowing discs, clipped at their core.
cv::Mat lamps(const cv::Mat& srgb) {
    cv::Mat linear = to_linear(srgb);
    const double r = std::max(4.0, std::min(srgb.cols, srgb.rows) / 60.0);
    const cv::Point2d at[4] = {{0.2, 0.25}, {0.75, 0.2}, {0.4, 0.6}, {0.85, 0.7}};
    linear.forEach<cv::Vec3f>([&](cv::Vec3f& v, const int* pos) {
        for (const auto& p : at) {
            const double dx = pos[1] - p.x * srgb.cols, dy = pos[0] - p.y * srgb.rows;
            const float glow = float(4.0 * std::exp(-(dx * dx + dy * dy) / (2 * r * r)));
            v[0] += glow * 1.0f;
            v[1] += glow * 0.7f;
            v[2] += glow * 0.35f;
        }
    });
    return from_linear(linear);
}

cv::Mat shallow_depth(const cv::Mat& srgb) {
    cv::Mat soft = gaussian(srgb, 6.0);
    cv::Mat mask(srgb.size(), CV_32F);
    mask.forEach<float>([&](float& m, const int* pos) {
        const double dx = (pos[1] - 0.5 * srgb.cols) / (0.22 * srgb.cols);
        const double dy = (pos[0] - 0.5 * srgb.rows) / (0.28 * srgb.rows);
        m = float(std::clamp(1.5 - std::sqrt(dx * dx + dy * dy), 0.0, 1.0));   // sharp centre, feathered
    });
    cv::Mat out(srgb.size(), CV_8UC3);
    out.forEach<cv::Vec3b>([&](cv::Vec3b& v, const int* pos) {
        const float m = mask.at<float>(pos[0], pos[1]);
        const cv::Vec3b a = srgb.at<cv::Vec3b>(pos[0], pos[1]), b = soft.at<cv::Vec3b>(pos[0], pos[1]);
        for (int c = 0; c < 3; ++c) v[c] = cv::saturate_cast<std::uint8_t>(a[c] * m + b[c] * (1 - m));
    });
    return out;
}

// A subject on a white studio sweep or a product on white: the photo shrunk to 60 % of the
// frame, in the middle of pure white (a backdrop lit to clip is how such shots are made).
cv::Mat white_backdrop(const cv::Mat& srgb) {
    cv::Mat out(srgb.size(), CV_8UC3, cv::Scalar(255, 255, 255)), small;
    const int w = int(std::lround(srgb.cols * 0.6)), h = int(std::lround(srgb.rows * 0.6));
    cv::resize(srgb, small, cv::Size(w, h), 0, 0, cv::INTER_AREA);
    small.copyTo(out(cv::Rect((srgb.cols - w) / 2, (srgb.rows - h) / 2, w, h)));
    return out;
}

cv::Mat upscale(const cv::Mat& srgb, double k, int interpolation) {
    cv::Mat small, out;
    cv::resize(srgb, small, cv::Size(int(std::lround(srgb.cols / k)), int(std::lround(srgb.rows / k))), 0, 0,
               cv::INTER_AREA);
    cv::resize(small, out, srgb.size(), 0, 0, interpolation);
    return out;
}

cv::Mat jpeg(const cv::Mat& srgb, int quality) {
    tjhandle encoder = tjInitCompress(), decoder = tjInitDecompress();
    unsigned char* bytes = nullptr;
    unsigned long size = 0;
    cv::Mat out(srgb.size(), CV_8UC3);
    tjCompress2(encoder, srgb.data, srgb.cols, int(srgb.step), srgb.rows, TJPF_RGB, &bytes, &size, TJSAMP_420,
                quality, 0);
    tjDecompress2(decoder, bytes, size, out.data, out.cols, int(out.step), out.rows, TJPF_RGB, 0);
    tjFree(bytes);
    tjDestroy(encoder);
    tjDestroy(decoder);
    return out;
}

// A phone camera's pipeline: noise reduction, sharpening, JPEG.
cv::Mat phone(const cv::Mat& srgb) {
    cv::Mat smooth, blurred, sharp;
    cv::bilateralFilter(srgb, smooth, 5, 20, 3);
    cv::GaussianBlur(smooth, blurred, cv::Size(), 1.5);
    cv::addWeighted(smooth, 1.6, blurred, -0.6, 0, sharp);
    return jpeg(sharp, 85);
}

std::string fmt(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", v);
    return buffer;
}

}  // namespace

std::vector<Variant> all_variants() {
    std::vector<Variant> v;
    auto add = [&](std::string family, std::string strength, std::string check, bool visible,
                   std::function<cv::Mat(const cv::Mat&)> make, double share = 1.0) {
        v.push_back({std::move(family), std::move(strength), std::move(check), visible, std::move(make), share});
    };
    add("clean", "-", "", true, [](const cv::Mat& m) { return m.clone(); });
    // Looks that are meant: nothing may fire.
    add("bw", "-", "", true, [](const cv::Mat& m) { return mono(m, {1, 1, 1}); });
    add("sepia", "-", "", true, [](const cv::Mat& m) { return mono(m, {1.0f, 0.86f, 0.66f}); });
    add("cold_tone", "-", "", true, [](const cv::Mat& m) { return mono(m, {0.78f, 0.9f, 1.0f}); });
    add("golden_hour", "-", "", true,
        [](const cv::Mat& m) { return split_light(m, {0.85f, 0.95f, 1.15f}, {1.3f, 1.0f, 0.62f}, 0.0); });
    add("blue_hour", "-", "", true,
        [](const cv::Mat& m) { return lamps(split_light(m, {0.7f, 0.85f, 1.45f}, {0.9f, 0.95f, 1.1f}, -1.3)); });
    add("high_key", "-", "", true, [](const cv::Mat& m) {
        return curve(m, [](float x) { return 1.0f - 0.92f * std::pow(1.0f - x, 1.9f); });
    });
    // Low key: dark tones, but the highlights (a rim light, a window) still reach white.
    add("low_key", "-", "", true, [](const cv::Mat& m) {
        cv::Mat gray;
        cv::cvtColor(m, gray, cv::COLOR_RGB2GRAY);
        double white = 0;
        cv::minMaxLoc(gray, nullptr, &white);
        const float k = float(250.0 / std::max(white, 64.0));
        return curve(m, [k](float x) { return std::pow(std::min(1.0f, x * k), 1.9f); });
    });
    add("lamps", "-", "", true, [](const cv::Mat& m) { return lamps(m); });
    add("white_backdrop", "-", "", true, [](const cv::Mat& m) { return white_backdrop(m); });
    add("shallow_dof", "-", "", true, [](const cv::Mat& m) { return shallow_depth(m); });
    for (int q : {60, 75, 90})
        add("jpeg", "q" + std::to_string(q), "", true, [q](const cv::Mat& m) { return jpeg(m, q); });
    add("phone", "-", "", true, [](const cv::Mat& m) { return phone(m); });

    for (double s : {1.5, 2.5, 4.0})
        add("gauss", "sigma " + fmt(s), "photo.blur", s >= 2.5, [s](const cv::Mat& m) { return gaussian(m, s); });
    for (double r : {3.0, 4.0, 6.0})
        add("disk", "r " + fmt(r), "photo.blur", r >= 4, [r](const cv::Mat& m) { return convolve(m, disk_kernel(r)); });
    for (int w : {5, 9, 13})
        add("box", fmt(w) + " px", "photo.blur", w >= 9,
            [w](const cv::Mat& m) { return convolve(m, cv::Mat::ones(w, w, CV_32F) / double(w * w)); });
    for (double length : {10.0, 15.0, 25.0, 35.0})
        for (double angle : {0.0, 30.0, 45.0, 90.0, 135.0})
            add("motion", fmt(length) + " px " + fmt(angle) + " deg", "photo.blur", length >= 15,
                [length, angle](const cv::Mat& m) { return convolve(m, motion_kernel(length, angle)); });

    struct Cast {
        const char* name;
        cv::Vec3f gains;
        double da, db;
    };
    const Cast casts[] = {{"warm", {1.3f, 1.0f, 0.6f}, 6, 22},      {"tungsten", {1.45f, 1.0f, 0.45f}, 12, 30},
                          {"blue", {0.72f, 0.92f, 1.45f}, 0, -22},  {"cyan", {0.65f, 1.08f, 1.15f}, -16, -14},
                          {"magenta", {1.25f, 0.72f, 1.2f}, 20, -6}, {"green", {0.8f, 1.28f, 0.8f}, -20, 8}};
    for (const auto& cast : casts) {
        for (double t : {0.35, 0.6, 1.0}) {
            const cv::Vec3f g = cast.gains;
            add(std::string("gain_") + cast.name, t == 1.0 ? "strong" : t == 0.6 ? "mild" : "weak", "photo.colour_cast",
                t >= 0.6, [g, t](const cv::Mat& m) { return gains(m, g, t); });
        }
        for (double t : {0.35, 0.6, 1.0}) {
            const double da = cast.da * t, db = cast.db * t;
            add(std::string("wb_") + cast.name, t == 1.0 ? "strong" : t == 0.6 ? "mild" : "weak", "photo.colour_cast",
                t >= 0.6, [da, db](const cv::Mat& m) { return lab_shift(m, da, db); });
        }
    }

    for (double ev : {-0.5, -1.0, -1.5, -2.0})
        add("under", fmt(ev) + " EV", "photo.exposure", ev <= -1, [ev](const cv::Mat& m) { return exposure(m, ev); });
    for (double ev : {0.5, 1.0, 1.5, 2.0})
        add("over", "+" + fmt(ev) + " EV", "photo.exposure", ev >= 1, [ev](const cv::Mat& m) { return exposure(m, ev); });
    for (double lift : {0.08, 0.18, 0.28}) {
        add("washed_out", "black " + fmt(lift), "photo.exposure", lift >= 0.18, [lift](const cv::Mat& m) {
            return curve(m, [lift](float x) { return float(lift + x * (1.0 - lift - lift * 0.5)); });
        });
    }
    // Faded (session 5): the black point lifted and white kept, as a "fade" slider or a
    // matte print filter does: the range shrinks from below only.
    for (double lift : {0.08, 0.18, 0.28}) {
        add("faded", "black " + fmt(lift), "photo.exposure", lift >= 0.18, [lift](const cv::Mat& m) {
            return curve(m, [lift](float x) { return float(lift + x * (1.0 - lift)); });
        });
    }
    // Low contrast (session 5): the tones pulled towards mid-grey, black and white together,
    // as a contrast slider turned down or a flat scan does (k = the contrast left).
    for (double k : {0.8, 0.65, 0.5}) {
        add("low_contrast", "x" + fmt(k), "photo.exposure", k <= 0.65, [k](const cv::Mat& m) {
            return curve(m, [k](float x) { return float(0.5 + k * (x - 0.5)); });
        });
    }
    for (double gain : {1.2, 1.4, 1.7})
        add("blown", "x" + fmt(gain), "photo.exposure", gain >= 1.4,
            [gain](const cv::Mat& m) { return curve(m, [gain](float x) { return float(x * gain); }); });

    for (double k : {1.5, 2.0, 3.0, 4.0}) {
        add("upscale_cubic", "x" + fmt(k), "photo.upscaled", k >= 2,
            [k](const cv::Mat& m) { return upscale(m, k, cv::INTER_CUBIC); }, 1.0 / k);
        add("upscale_lanczos", "x" + fmt(k), "photo.upscaled", k >= 2,
            [k](const cv::Mat& m) { return upscale(m, k, cv::INTER_LANCZOS4); }, 1.0 / k);
    }
    return v;
}

}  // namespace preflight::bench
