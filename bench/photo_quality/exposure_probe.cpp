// Exposure measures at full resolution for the bench's --probe dump (one CSV row per photo and
// variant, no header): what photo.exposure's thresholds were chosen from (bench/README.md).
// Columns: photo, half, family, strength, counted, expected check, exposure fired; luma
// percentiles 0.5 1 2 5 10 25 50 75 90 95 99 99.5 99.8 99.9; darkest channel 0.5 1 5;
// brightest channel 50 90 99 99.5 99.9; shares: luma >= 250, any channel >= 254, all
// channels >= 254, R, G, B >= 254, luma <= 6, brightest <= 6; pile-up at 255 (brightest,
// luma) against 230..249; largest and interior clipped areas (any, all channels); highlight
// texture and flatness of the brightest tenth; white share of the outer band and the middle;
// the ring 2 px outside clipped areas (luma, brightest: median, share >= 220, per clipped px).
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdio>
#include <string>
#include <vector>

namespace preflight::bench {

void exposure_probe(std::FILE* out, const std::string& name, int half, const std::string& family,
                    const std::string& strength, bool visible, const std::string& expected, const cv::Mat& m, int fired) {
    cv::Mat gray;
    cv::cvtColor(m, gray, cv::COLOR_RGB2GRAY);
    const double n = double(m.total());
    std::vector<double> hl(256), hmax(256), hmin(256), hr(256), hg(256), hb(256);
    cv::Mat maxc(m.size(), CV_8U), clipall(m.size(), CV_8U), clipany(m.size(), CV_8U);
    for (int y = 0; y < m.rows; ++y) {
        const cv::Vec3b* p = m.ptr<cv::Vec3b>(y);
        const std::uint8_t* g = gray.ptr<std::uint8_t>(y);
        for (int x = 0; x < m.cols; ++x) {
            const int r = p[x][0], gg = p[x][1], b = p[x][2];
            const int hi = std::max({r, gg, b}), lo = std::min({r, gg, b});
            hl[g[x]]++, hmax[hi]++, hmin[lo]++, hr[r]++, hg[gg]++, hb[b]++;
            maxc.at<std::uint8_t>(y, x) = std::uint8_t(hi);
            clipall.at<std::uint8_t>(y, x) = lo >= 254 ? 255 : 0;
            clipany.at<std::uint8_t>(y, x) = hi >= 254 ? 255 : 0;
        }
    }
    auto pct = [&](const std::vector<double>& h, double s) {
        double run = 0;
        for (int v = 0; v < 256; ++v) {
            run += h[v];
            if (run >= s * n) return v;
        }
        return 255;
    };
    auto share_ge = [&](const std::vector<double>& h, int t) {
        double c = 0;
        for (int v = t; v < 256; ++v) c += h[v];
        return c / n;
    };
    auto share_le = [&](const std::vector<double>& h, int t) {
        double c = 0;
        for (int v = 0; v <= t; ++v) c += h[v];
        return c / n;
    };
    // Pile-up: mass at 254..255 of max channel vs mean per level over 230..249.
    double below = 0;
    for (int v = 230; v < 250; ++v) below += hmax[v];
    below /= 20.0;
    const double pile = (hmax[254] + hmax[255]) / 2.0 / std::max(1.0, below);
    double below_l = 0;
    for (int v = 230; v < 250; ++v) below_l += hl[v];
    below_l /= 20.0;
    const double pile_l = (hl[254] + hl[255]) / 2.0 / std::max(1.0, below_l);
    // Connected clipped areas (max channel >= 254), on a 1/2 mask.
    auto blobs = [&](const cv::Mat& mask, double& largest, double& interior) {
        cv::Mat labels, stats, centroids;
        const int k = cv::connectedComponentsWithStats(mask, labels, stats, centroids, 8);
        largest = 0, interior = 0;
        for (int i = 1; i < k; ++i) {
            const int a = stats.at<int>(i, cv::CC_STAT_AREA);
            largest = std::max(largest, a / n);
            const int x = stats.at<int>(i, cv::CC_STAT_LEFT), y = stats.at<int>(i, cv::CC_STAT_TOP);
            const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
            const bool border = x == 0 || y == 0 || x + w == m.cols || y + h == m.rows;
            if (!border) interior += a / n;
        }
    };
    double any_largest, any_interior, all_largest, all_interior;
    blobs(clipany, any_largest, any_interior);
    blobs(clipall, all_largest, all_interior);
    // Highlight texture: brightest tenth of luma; mean |laplacian| there vs whole frame; flat share.
    const int p90 = pct(hl, 0.90);
    cv::Mat lap;
    cv::Laplacian(gray, lap, CV_16S, 1);
    double top_lap = 0, all_lap = 0, top_n = 0, top_flat = 0;
    for (int y = 0; y < m.rows; ++y) {
        const std::int16_t* l = lap.ptr<std::int16_t>(y);
        const std::uint8_t* g = gray.ptr<std::uint8_t>(y);
        for (int x = 0; x < m.cols; ++x) {
            all_lap += std::abs(l[x]);
            if (g[x] >= p90) top_lap += std::abs(l[x]), top_n++, top_flat += l[x] == 0;
        }
    }
    const double top_texture = top_n > 0 ? (top_lap / top_n) / std::max(1e-6, all_lap / n) : 0;
    const double flat_share = top_n > 0 ? top_flat / top_n : 0;
    // Ring around clipped areas: the value 2 px outside a clipped pixel (right, down, left, up).
    auto ring = [&](const cv::Mat& plane, int clip, double& median, double& soft, double& perimeter) {
        std::vector<double> h(256);
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
    };
    double lr_med, lr_soft, lr_per, mr_med, mr_soft, mr_per;
    ring(gray, 250, lr_med, lr_soft, lr_per);
    ring(maxc, 254, mr_med, mr_soft, mr_per);
    // White (all channels >= 254) share of the border band (outer 8 % of each side).
    double band_n = 0, band_white = 0;
    const int bx = m.cols * 8 / 100, by = m.rows * 8 / 100;
    for (int y = 0; y < m.rows; ++y)
        for (int x = 0; x < m.cols; ++x) {
            if (x >= bx && x < m.cols - bx && y >= by && y < m.rows - by) continue;
            band_n++;
            band_white += clipall.at<std::uint8_t>(y, x) != 0;
        }
    std::fprintf(out, "%s,%d,%s,%s,%d,%s,%d", name.c_str(), half, family.c_str(), strength.c_str(), visible ? 1 : 0,
                 expected.c_str(), fired);
    for (double s : {0.005, 0.01, 0.02, 0.05, 0.10, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.995, 0.998, 0.999})
        std::fprintf(out, ",%d", pct(hl, s));
    for (double s : {0.005, 0.01, 0.05}) std::fprintf(out, ",%d", pct(hmin, s));
    for (double s : {0.5, 0.9, 0.99, 0.995, 0.999}) std::fprintf(out, ",%d", pct(hmax, s));
    std::fprintf(out, ",%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f", share_ge(hl, 250), share_ge(hmax, 254),
                 share_ge(hmin, 254), share_ge(hr, 254), share_ge(hg, 254), share_ge(hb, 254), share_le(hl, 6),
                 share_le(hmax, 6));
    std::fprintf(out, ",%.3f,%.3f,%.4f,%.4f,%.4f,%.4f,%.3f,%.3f", pile, pile_l, any_largest, any_interior,
                 all_largest, all_interior, top_texture, flat_share);
    double centre_n = 0, centre_white = 0;
    for (int y = m.rows / 4; y < m.rows * 3 / 4; ++y)
        for (int x = m.cols / 4; x < m.cols * 3 / 4; ++x) centre_n++, centre_white += clipall.at<std::uint8_t>(y, x) != 0;
    std::fprintf(out, ",%.4f,%.4f", band_white / band_n, centre_white / centre_n);
    // The floor: share of pixels whose darkest channel is within 4 levels above its 0.5th
    // percentile (a lifted black point piles the scene's blacks there; haze tapers).
    const int floor_level = pct(hmin, 0.005);
    double floor_pile = 0;
    for (int v = 0; v <= std::min(255, floor_level + 4); ++v) floor_pile += hmin[v];
    std::fprintf(out, ",%.4f", floor_pile / n);
    std::fprintf(out, ",%.0f,%.3f,%.3f,%.0f,%.3f,%.3f\n", lr_med, lr_soft, lr_per, mr_med, mr_soft, mr_per);
}

}  // namespace preflight::bench
