// Exposure measures at full resolution for the bench's --probe dump (one CSV row per photo and
// variant, no header): what photo.exposure's thresholds were chosen from (bench/README.md).
// Columns: photo, half, family, strength, counted, expected check, exposure fired; luma
// percentiles 0.5 1 2 5 10 25 50 75 90 95 99 99.5 99.8 99.9; darkest channel 0.5 1 5;
// brightest channel 50 90 99 99.5 99.9; shares: luma >= 250, any channel >= 254, all
// channels >= 254, R, G, B >= 254, luma <= 6, brightest <= 6; pile-up at 255 (brightest,
// luma) against 230..249; largest and interior clipped areas (any, all channels); highlight
// texture and flatness of the brightest tenth; white (all >= 254) share of the outer band and
// the middle; the black floor (share within 4 levels of the darkest channel's 0.5th
// percentile); the ring 2 px outside clipped areas (luma, brightest: median, share >= 220,
// ring samples per clipped pixel).
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdio>
#include <string>
#include <vector>

namespace preflight::bench {

namespace {

using Hist = std::vector<double>;

struct Planes {
    cv::Mat gray, maxc, clipall, clipany;
    Hist luma = Hist(256), high = Hist(256), low = Hist(256), red = Hist(256), green = Hist(256), blue = Hist(256);
    double n = 0;
};

Planes planes_of(const cv::Mat& m) {
    Planes s;
    cv::cvtColor(m, s.gray, cv::COLOR_RGB2GRAY);
    s.n = double(m.total());
    s.maxc.create(m.size(), CV_8U), s.clipall.create(m.size(), CV_8U), s.clipany.create(m.size(), CV_8U);
    for (int y = 0; y < m.rows; ++y) {
        const cv::Vec3b* p = m.ptr<cv::Vec3b>(y);
        const std::uint8_t* g = s.gray.ptr<std::uint8_t>(y);
        for (int x = 0; x < m.cols; ++x) {
            const int r = p[x][0], gg = p[x][1], b = p[x][2];
            const int hi = std::max({r, gg, b}), lo = std::min({r, gg, b});
            s.luma[g[x]]++, s.high[hi]++, s.low[lo]++, s.red[r]++, s.green[gg]++, s.blue[b]++;
            s.maxc.at<std::uint8_t>(y, x) = std::uint8_t(hi);
            s.clipall.at<std::uint8_t>(y, x) = lo >= 254 ? 255 : 0;
            s.clipany.at<std::uint8_t>(y, x) = hi >= 254 ? 255 : 0;
        }
    }
    return s;
}

int pct(const Hist& h, double n, double share) {
    double run = 0;
    for (int v = 0; v < 256; ++v) {
        run += h[v];
        if (run >= share * n) return v;
    }
    return 255;
}

double share_between(const Hist& h, double n, int from, int to) {
    double c = 0;
    for (int v = from; v <= to; ++v) c += h[v];
    return c / n;
}

// Mass at 254..255 against the mean per level over 230..249.
double pile_up(const Hist& h) {
    double below = 0;
    for (int v = 230; v < 250; ++v) below += h[v];
    return (h[254] + h[255]) / 2.0 / std::max(1.0, below / 20.0);
}

// Connected clipped areas: the largest, and those not touching the frame's edge, as shares.
void blobs(const cv::Mat& mask, double n, double& largest, double& interior) {
    cv::Mat labels, stats, centroids;
    const int k = cv::connectedComponentsWithStats(mask, labels, stats, centroids, 8);
    largest = 0, interior = 0;
    for (int i = 1; i < k; ++i) {
        const int a = stats.at<int>(i, cv::CC_STAT_AREA);
        largest = std::max(largest, a / n);
        const int x = stats.at<int>(i, cv::CC_STAT_LEFT), y = stats.at<int>(i, cv::CC_STAT_TOP);
        const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
        if (!(x == 0 || y == 0 || x + w == mask.cols || y + h == mask.rows)) interior += a / n;
    }
}

// Brightest tenth of luma: mean |Laplacian| there against the whole frame, and its flat share.
void highlight_texture(const Planes& s, double& texture, double& flat) {
    const int p90 = pct(s.luma, s.n, 0.90);
    cv::Mat lap;
    cv::Laplacian(s.gray, lap, CV_16S, 1);
    double top_lap = 0, all_lap = 0, top_n = 0, top_flat = 0;
    for (int y = 0; y < lap.rows; ++y) {
        const std::int16_t* l = lap.ptr<std::int16_t>(y);
        const std::uint8_t* g = s.gray.ptr<std::uint8_t>(y);
        for (int x = 0; x < lap.cols; ++x) {
            all_lap += std::abs(l[x]);
            if (g[x] >= p90) top_lap += std::abs(l[x]), top_n++, top_flat += l[x] == 0;
        }
    }
    texture = top_n > 0 ? (top_lap / top_n) / std::max(1e-6, all_lap / s.n) : 0;
    flat = top_n > 0 ? top_flat / top_n : 0;
}

// The value 2 px outside a clipped pixel (right, left, down, up): median, share >= 220, and
// ring samples per clipped pixel.
void ring(const cv::Mat& plane, int clip, double& median, double& soft, double& perimeter) {
    Hist h(256);
    double rn = 0, cn = 0;
    const int d = 2;
    for (int y = d; y + d < plane.rows; ++y) {
        const std::uint8_t* row = plane.ptr<std::uint8_t>(y);
        for (int x = d; x + d < plane.cols; ++x) {
            if (row[x] < clip) continue;
            cn++;
            const int nb[4] = {row[x + d], row[x - d], plane.ptr<std::uint8_t>(y + d)[x], plane.ptr<std::uint8_t>(y - d)[x]};
            for (int v : nb)
                if (v < clip) h[v]++, rn++;
        }
    }
    median = 0, soft = 0, perimeter = cn > 0 ? rn / cn : 0;
    double run = 0;
    for (int v = 0; v < 256; ++v) {
        run += h[v];
        if (v >= 220) soft += h[v];
        if (median == 0 && run >= rn / 2 && rn > 0) median = v;
    }
    soft = rn > 0 ? soft / rn : 0;
}

// White share of the outer band (8 % of each side) and of the middle half.
void white_by_place(const cv::Mat& clipall, double& band, double& centre) {
    double band_n = 0, band_white = 0, centre_n = 0, centre_white = 0;
    const int bx = clipall.cols * 8 / 100, by = clipall.rows * 8 / 100;
    for (int y = 0; y < clipall.rows; ++y)
        for (int x = 0; x < clipall.cols; ++x) {
            const bool white = clipall.at<std::uint8_t>(y, x) != 0;
            if (x < bx || x >= clipall.cols - bx || y < by || y >= clipall.rows - by) band_n++, band_white += white;
            if (y >= clipall.rows / 4 && y < clipall.rows * 3 / 4 && x >= clipall.cols / 4 && x < clipall.cols * 3 / 4)
                centre_n++, centre_white += white;
        }
    band = band_white / band_n, centre = centre_white / centre_n;
}

}  // namespace

void exposure_probe(std::FILE* out, const std::string& name, int half, const std::string& family,
                    const std::string& strength, bool visible, const std::string& expected, const cv::Mat& m, int fired) {
    const Planes s = planes_of(m);
    const double n = s.n;
    std::fprintf(out, "%s,%d,%s,%s,%d,%s,%d", name.c_str(), half, family.c_str(), strength.c_str(), visible ? 1 : 0,
                 expected.c_str(), fired);
    for (double p : {0.005, 0.01, 0.02, 0.05, 0.10, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.995, 0.998, 0.999})
        std::fprintf(out, ",%d", pct(s.luma, n, p));
    for (double p : {0.005, 0.01, 0.05}) std::fprintf(out, ",%d", pct(s.low, n, p));
    for (double p : {0.5, 0.9, 0.99, 0.995, 0.999}) std::fprintf(out, ",%d", pct(s.high, n, p));
    std::fprintf(out, ",%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f", share_between(s.luma, n, 250, 255),
                 share_between(s.high, n, 254, 255), share_between(s.low, n, 254, 255),
                 share_between(s.red, n, 254, 255), share_between(s.green, n, 254, 255),
                 share_between(s.blue, n, 254, 255), share_between(s.luma, n, 0, 6), share_between(s.high, n, 0, 6));
    double any_largest, any_interior, all_largest, all_interior, texture, flat;
    blobs(s.clipany, n, any_largest, any_interior);
    blobs(s.clipall, n, all_largest, all_interior);
    highlight_texture(s, texture, flat);
    std::fprintf(out, ",%.3f,%.3f,%.4f,%.4f,%.4f,%.4f,%.3f,%.3f", pile_up(s.high), pile_up(s.luma), any_largest,
                 any_interior, all_largest, all_interior, texture, flat);
    double band, centre;
    white_by_place(s.clipall, band, centre);
    const int floor_level = pct(s.low, n, 0.005);
    std::fprintf(out, ",%.4f,%.4f,%.4f", band, centre, share_between(s.low, n, 0, std::min(255, floor_level + 4)));
    double lr_med, lr_soft, lr_per, mr_med, mr_soft, mr_per;
    ring(s.gray, 250, lr_med, lr_soft, lr_per);
    ring(s.maxc, 254, mr_med, mr_soft, mr_per);
    std::fprintf(out, ",%.0f,%.3f,%.3f,%.0f,%.3f,%.3f\n", lr_med, lr_soft, lr_per, mr_med, mr_soft, mr_per);
}

}  // namespace preflight::bench
