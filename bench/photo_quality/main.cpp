// bench/photo_quality: detection and false-alarm rates of the photo checks on real photographs
// degraded in code at print resolution (300 dpi, inside the frame), per family and strength,
// on a tuning half and a held-out half of the photos.
//
//   build/bench/preflight_photo_quality [--csv measures.csv] [--only FAMILY] [--probe exposure.csv]
//                                       [--photos LIST] [--set CHECK.OPTION=NUMBER ...]
//
// Photos: Debian packages mate-backgrounds, python-matplotlib-data, python3-skimage,
// opencv-doc (scripts/setup.d/photo.list). Even-numbered photos tune, odd ones are held out.
// --photos LIST: the photos named in LIST (one path a line, # comments) instead, every one of
// them unseen (counted in the held-out column; no threshold was chosen on them), e.g.
// bench/photo_quality/unseen.list.
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/check.hpp"
#include "core/context.hpp"
#include "core/raster.hpp"
#include "degrade.hpp"
#include "photo/colour_cast.hpp"
#include "photo/exposure.hpp"
#include "photo/sharpness.hpp"
#include "photo/spectrum.hpp"
#include "photo/upscale.hpp"

namespace preflight::bench {
namespace {

const char* const photo_paths[] = {
    "/usr/share/backgrounds/mate/nature/Aqua.jpg",
    "/usr/share/backgrounds/mate/nature/Blinds.jpg",
    "/usr/share/backgrounds/mate/nature/Dune.jpg",
    "/usr/share/backgrounds/mate/nature/FreshFlower.jpg",
    "/usr/share/backgrounds/mate/nature/Garden.jpg",
    "/usr/share/backgrounds/mate/nature/GreenMeadow.jpg",
    "/usr/share/backgrounds/mate/nature/LadyBird.jpg",
    "/usr/share/backgrounds/mate/nature/RainDrops.jpg",
    "/usr/share/backgrounds/mate/nature/Storm.jpg",
    "/usr/share/backgrounds/mate/nature/TwoWings.jpg",
    "/usr/share/backgrounds/mate/nature/Wood.jpg",
    "/usr/share/backgrounds/mate/nature/YellowFlower.jpg",
    "/usr/share/backgrounds/mate/abstract/Elephants.jpg",
    "/usr/share/matplotlib/mpl-data/sample_data/grace_hopper.jpg",
    "/usr/lib/python3/dist-packages/skimage/data/astronaut.png",
    "/usr/lib/python3/dist-packages/skimage/data/chelsea.png",
    "/usr/lib/python3/dist-packages/skimage/data/coffee.png",
    "/usr/lib/python3/dist-packages/skimage/data/motorcycle_left.png",
    "/usr/lib/python3/dist-packages/skimage/data/rocket.jpg",
    "/usr/lib/python3/dist-packages/skimage/data/camera.png",
    "/usr/share/doc/opencv-doc/examples/data/aloeL.jpg",
    "/usr/share/doc/opencv-doc/examples/data/baboon.jpg",
    "/usr/share/doc/opencv-doc/examples/data/building.jpg",
    "/usr/share/doc/opencv-doc/examples/data/butterfly.jpg",
    "/usr/share/doc/opencv-doc/examples/data/fruits.jpg",
    "/usr/share/doc/opencv-doc/examples/data/home.jpg",
    "/usr/share/doc/opencv-doc/examples/data/leuvenA.jpg",
    "/usr/share/doc/opencv-doc/examples/data/messi5.jpg",
    "/usr/share/doc/opencv-doc/examples/data/orange.jpg",
    "/usr/share/doc/opencv-doc/examples/data/squirrel_cls.jpg",
    "/usr/share/doc/opencv-doc/examples/data/ela_original.jpg",
    "/usr/share/doc/opencv-doc/examples/data/aero1.jpg",
    "/usr/share/doc/opencv-doc/examples/alphamat/input_images/plant.jpg",
    "/usr/share/doc/opencv-doc/examples/data/apple.jpg",
};

const char* const checked[] = {"photo.blur", "photo.colour_cast", "photo.exposure", "photo.upscaled"};
constexpr int check_count = 4;

// The photo as a print frame at 300 dpi: 10:7 (landscape) or 7:10, at most 100 x 70 mm
// (1181 x 827 px); a smaller photo fills a smaller frame at its own pixels (a genuine upload).
cv::Mat frame_of(const std::string& path) {
    auto decoded = core::decode_raster(path, {});
    if (!decoded.error.empty()) return {};
    cv::Mat photo(decoded.raster.height, decoded.raster.width, CV_8UC3, decoded.raster.pixels.data());
    const bool landscape = photo.cols >= photo.rows;
    const double aspect = landscape ? 10.0 / 7.0 : 7.0 / 10.0;
    int crop_w = photo.cols, crop_h = int(std::lround(photo.cols / aspect));
    if (crop_h > photo.rows) crop_h = photo.rows, crop_w = int(std::lround(photo.rows * aspect));
    cv::Mat crop = photo(cv::Rect((photo.cols - crop_w) / 2, (photo.rows - crop_h) / 2, crop_w, crop_h));
    const int max_long = 1181;
    const int long_side = std::max(crop_w, crop_h);
    cv::Mat frame;
    if (long_side > max_long) {
        const double s = double(max_long) / long_side;
        cv::resize(crop, frame, cv::Size(int(std::lround(crop_w * s)), int(std::lround(crop_h * s))), 0, 0,
                   cv::INTER_AREA);
    } else {
        frame = crop.clone();
    }
    return frame;
}

// Runs the four checks on a page that is exactly the frame (300 dpi, no bleed).
std::array<bool, check_count> run_checks(const cv::Mat& frame, const Policy& policy) {
    Design design;
    const double mm_w = frame.cols * 25.4 / 300.0, mm_h = frame.rows * 25.4 / 300.0;
    design.trim_width_mm = mm_w;
    design.trim_height_mm = mm_h;
    Page page;
    page.name = "front";
    Element photo;
    photo.id = "p1";
    photo.type = ElementType::photo;
    photo.box_mm = {0, 0, mm_w, mm_h};
    photo.source_px = std::array<int, 2>{frame.cols, frame.rows};
    page.elements.push_back(photo);
    design.pages.push_back(page);
    auto raster = std::make_shared<core::Raster>();
    raster->width = frame.cols;
    raster->height = frame.rows;
    raster->pixels.assign(frame.data, frame.data + std::size_t(frame.cols) * frame.rows * 3);
    core::CheckContext context;
    context.policy = &policy;
    context.design = &design;
    core::PageView view;
    view.page = &design.pages[0];
    view.geometry = core::PageGeometry{300, 0, mm_w, mm_h};
    view.raster = raster;
    view.text_layouts.resize(1);
    view.fonts.resize(1);
    view.photo_sources.resize(1);
    context.pages.push_back(view);
    std::array<bool, check_count> fired{};
    const auto& registry = core::builtin_registry();
    for (int c = 0; c < check_count; ++c) {
        const core::CheckSpec* spec = registry.find(checked[c]);
        if (!spec || !spec->run) continue;
        core::Findings findings;
        spec->run(context, registry.options_for(checked[c], "", policy), findings);
        fired[c] = !findings.empty();
    }
    return fired;
}

void dump_measures(std::FILE* csv, const std::string& photo, int half, const Variant& variant, const cv::Mat& m,
                   const std::array<bool, check_count>& fired) {
    photo::RgbView view{m.data, m.cols, m.rows, m.step[0]};
    const auto s = photo::measure_sharpness(view);
    const auto c = photo::measure_colour_cast(view);
    const auto e = photo::measure_exposure(view);
    const auto u = photo::measure_upscale(view);
    std::fprintf(csv, "%s,%d,%s,%s,%s,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.2f,%.2f,%.2f,%.2f,%.3f,%.2f,%s,%.1f,%.1f,%.1f,%.4f,%.4f,%.1f,%.1f,%.3f,%.4f,%s,%.2f,%.2f,%.2f,%.2f,%.2f,%.4f,%.4f,%.4f",
                 photo.c_str(), half, variant.family.c_str(), variant.strength.c_str(), variant.expected_check.c_str(),
                 s.sharpness, s.by_direction[0], s.by_direction[1], s.by_direction[2], s.by_direction[3], s.anisotropy,
                 c.a, c.b, c.chroma, c.hue_deg, c.neutral_fraction, c.mean_chroma, c.look.c_str(), e.median,
                 e.dark_percentile, e.bright_percentile, e.clipped_shadows, e.clipped_highlights, e.black_point,
                 e.white_point, u.detail_share, u.residual_ratio, e.scene.c_str(), c.lit_a, c.lit_b, c.shade_a, c.shade_b,
                 c.spread_minor, u.cliffs[0], u.cliffs[1], u.cliffs[2]);
    for (const auto& e : c.estimates) std::fprintf(csv, ",%.2f,%.2f", e[0], e[1]);
    std::fprintf(csv, ",%.3f", c.neutral_share);
    std::fprintf(csv, ",%.3f", c.cast_support);
    std::fprintf(csv, ",%.0f,%.0f,%.4f,%.4f,%.0f,%.0f", e.channel_black_point, e.channel_white_point, e.clipped_channel,
                 e.clip_spike, e.saturation_p99, e.rest_median);
    std::fprintf(csv, ",%.2f,%.2f,%.3f,%.2f,%.4f", c.gs_displacement, c.gs_spread, c.gs_ratio, c.near_neutral_shift,
                 c.near_neutral_share);
    std::fprintf(csv, ",%.5f,%.5f,%.5f,%.5f,%.5f", s.band_ratio, s.band_by_direction[0], s.band_by_direction[1],
                 s.band_by_direction[2], s.band_by_direction[3]);
    // Spectral measures: smear share at three strip widths, high share, direction; upscale profile.
    for (double strip : {0.05, 0.08, 0.12}) {
        const auto smear = photo::smear_direction(s.spectrum, strip);
        std::fprintf(csv, ",%.5f,%d,%.5f", smear.outside_share, smear.direction_deg, smear.high_share);
    }
    for (double p : u.profile) std::fprintf(csv, ",%.5f", p);
    const auto sp = photo::whitened_profile(s.spectrum);
    for (double p : sp) std::fprintf(csv, ",%.5f", p);
    std::fprintf(csv, ",%.4f", e.blue_excess);
    for (bool f : fired) std::fprintf(csv, ",%d", f ? 1 : 0);   // blur, colour_cast, exposure, upscaled fired
    std::fprintf(csv, "\n");
}

// A photo's name: its file's stem, or for a KDE wallpaper (Name/contents/images/WxH.jpg) its
// folder's name.
std::string photo_name(const std::filesystem::path& path) {
    const std::string stem = path.stem().string();
    if (stem.find_first_not_of("0123456789x") == std::string::npos && path.parent_path().filename() == "images")
        return path.parent_path().parent_path().parent_path().filename().string();
    return stem;
}

// The photo paths of a list file: one a line; blank lines and lines starting with # skipped.
bool read_list(const std::string& list_path, std::vector<std::string>& paths) {
    std::ifstream in(list_path);
    if (!in) {
        std::fprintf(stderr, "cannot read the photo list %s\n", list_path.c_str());
        return false;
    }
    paths.clear();
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] != '#') paths.push_back(line);
    return !paths.empty();
}

// --set CHECK.OPTION=NUMBER: a threshold other than its default, to explore a rule's limits
// (the check id is everything before the last dot).
bool set_option(Policy& policy, const std::string& text) {
    const std::size_t equals = text.find('='), dot = text.rfind('.', equals);
    if (equals == std::string::npos || dot == std::string::npos) {
        std::fprintf(stderr, "--set %s: write CHECK.OPTION=NUMBER\n", text.c_str());
        return false;
    }
    policy.checks[text.substr(0, dot)][text.substr(dot + 1, equals - dot - 1)] = std::stod(text.substr(equals + 1));
    return true;
}

// --only: comma-separated family prefixes; "looks" = clean and every intentional look.
bool selected(const std::string& only, const Variant& variant) {
    std::size_t start = 0;
    while (start <= only.size()) {
        const std::size_t end = std::min(only.find(',', start), only.size());
        const std::string prefix = only.substr(start, end - start);
        if (prefix == "looks" && variant.expected_check.empty()) return true;
        if (!prefix.empty() && variant.family.rfind(prefix, 0) == 0) return true;
        start = end + 1;
    }
    return false;
}

}  // namespace
void exposure_probe(std::FILE* out, const std::string& name, int half, const std::string& family,
                    const std::string& strength, bool visible, const std::string& expected, const cv::Mat& m, int fired);
namespace {

struct Tally {
    std::array<std::array<int, check_count>, 2> fired{};
    std::array<int, 2> photos{};
};

}  // namespace
}  // namespace preflight::bench

int main(int argc, char** argv) {
    using namespace preflight::bench;
    cv::setNumThreads(1);
    std::string only, csv_path, dump_dir, probe_path, list_path;
    preflight::Policy policy;   // the checks' defaults, but for --set
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::string(argv[i]) == "--only") only = argv[i + 1];
        if (std::string(argv[i]) == "--csv") csv_path = argv[i + 1];
        if (std::string(argv[i]) == "--dump") dump_dir = argv[i + 1];
        if (std::string(argv[i]) == "--probe") probe_path = argv[i + 1];
        if (std::string(argv[i]) == "--photos") list_path = argv[i + 1];
        if (std::string(argv[i]) == "--set" && !set_option(policy, argv[i + 1])) return 1;
    }
    std::vector<std::string> paths(std::begin(photo_paths), std::end(photo_paths));
    const bool unseen = !list_path.empty();
    if (unseen && !read_list(list_path, paths)) return 1;
    std::vector<std::pair<std::string, cv::Mat>> frames;
    for (const std::string& path : paths) {
        cv::Mat frame = frame_of(path);
        if (frame.empty()) {
            std::fprintf(stderr, "missing photo %s: install %s\n", path.c_str(),
                         unseen ? "the packages the list names" : "scripts/setup.d/photo.list");
            return 1;
        }
        frames.emplace_back(photo_name(path), frame);
    }
    std::FILE* csv = csv_path.empty() ? nullptr : std::fopen(csv_path.c_str(), "w");
    std::FILE* probe = probe_path.empty() ? nullptr : std::fopen(probe_path.c_str(), "w");
    const auto variants = all_variants();
    std::vector<Tally> tallies(variants.size());
    for (std::size_t v = 0; v < variants.size(); ++v) {
        const Variant& variant = variants[v];
        if (!only.empty() && !selected(only, variant)) continue;
        for (std::size_t p = 0; p < frames.size(); ++p) {
            const int half = unseen ? 1 : int(p % 2);
            const cv::Mat degraded = variant.make(frames[p].second);
            const auto fired = run_checks(degraded, policy);
            ++tallies[v].photos[half];
            for (int c = 0; c < check_count; ++c) tallies[v].fired[half][c] += fired[c];
            if (csv) dump_measures(csv, frames[p].first, half, variant, degraded, fired);
            if (probe)
                exposure_probe(probe, frames[p].first, half, variant.family, variant.strength, variant.visible,
                               variant.expected_check, degraded, fired[2]);
            if (!dump_dir.empty()) {
                cv::Mat small;
                cv::resize(degraded, small, cv::Size(degraded.cols / 2, degraded.rows / 2), 0, 0, cv::INTER_AREA);
                std::string name = dump_dir + "/" + variant.family + "|" + variant.strength + "|" + frames[p].first + "|" +
                                   std::to_string(half) + "|" + (variant.visible ? "1" : "0") + ".ppm";
                std::FILE* f = std::fopen(name.c_str(), "wb");
                if (!f) continue;
                std::fprintf(f, "P6\n%d %d\n255\n", small.cols, small.rows);
                for (int y = 0; y < small.rows; ++y) std::fwrite(small.ptr(y), 1, std::size_t(small.cols) * 3, f);
                std::fclose(f);
            }
        }
    }
    if (csv) std::fclose(csv);
    if (probe) std::fclose(probe);
    if (unseen)
        std::printf("%zu unseen photos (%s); %% of photos on which each check fires, shown as - / unseen\n",
                    frames.size(), list_path.c_str());
    else
        std::printf("%zu photos (%zu tuning, %zu held out); %% of photos on which each check fires, tuning / held-out\n",
                    frames.size(), (frames.size() + 1) / 2, frames.size() / 2);
    std::printf("| family | strength | expected | counted | blur | colour_cast | exposure | upscaled |\n");
    std::printf("|---|---|---|---|---|---|---|---|\n");
    for (std::size_t v = 0; v < variants.size(); ++v) {
        const Tally& t = tallies[v];
        if (t.photos[0] + t.photos[1] == 0) continue;
        const Variant& variant = variants[v];
        std::printf("| %s | %s | %s | %s |", variant.family.c_str(), variant.strength.c_str(),
                    variant.expected_check.empty() ? "none" : variant.expected_check.c_str() + 6,
                    variant.visible ? "yes" : "no");
        for (int c = 0; c < check_count; ++c) {
            const bool target = variant.expected_check == checked[c];
            char tuning[16] = "-";
            if (t.photos[0] > 0) std::snprintf(tuning, sizeof tuning, "%.0f", 100.0 * t.fired[0][c] / t.photos[0]);
            const double b = 100.0 * t.fired[1][c] / std::max(1, t.photos[1]);
            std::printf(target ? " **%s / %.0f** |" : " %s / %.0f |", tuning, b);
        }
        std::printf("\n");
    }
    return 0;
}
