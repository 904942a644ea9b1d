// photo.exposure on real photos: -2 EV and +2 EV are found; a black background, a white
// backdrop or a dark scene with bright points is not by itself.
#include "checks/photo/photo_checks.hpp"

#include <gtest/gtest.h>

#include "photo/exposure.hpp"
#include "photo/pixels.hpp"
#include "support/photos.hpp"
#include "support/test_support.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace preflight {
namespace {

using testing::real_frame;

std::vector<Finding> exposure_findings(const testing::RealFrame& frame) {
    testing::PhotoPage page(frame.shown, frame.element);
    return page.run(checks::make_photo_exposure_check());
}

// The photo shrunk into the middle of a frame of one colour (a studio backdrop, a night).
core::Raster on_backdrop(const core::Raster& photo, unsigned char level, double share) {
    core::Raster result = testing::solid_raster(photo.width, photo.height, level, level, level);
    const int width = int(photo.width * share), height = int(photo.height * share);
    core::Raster small = testing::resample(photo, width, height);
    const int x0 = (photo.width - width) / 2, y0 = (photo.height - height) / 2;
    for (int y = 0; y < height; ++y)
        std::copy_n(small.row(y), std::size_t(width) * 3, result.row(y0 + y) + std::size_t(x0) * 3);
    return result;
}

TEST(PhotoExposure, WellExposedPhotosPass) {
    // Includes YellowFlower (a flower on a black background) and Wood (a bright, pale scene).
    for (const auto& name : testing::real_photo_names()) {
        auto findings = exposure_findings(real_frame(name));
        EXPECT_TRUE(findings.empty()) << name << ": " << (findings.empty() ? "" : findings[0].message);
    }
}

TEST(PhotoExposure, TwoStopsUnderIsFound) {
    for (const auto& name : testing::real_photo_names()) {
        auto findings = exposure_findings(real_frame(name, [](const core::Raster& r) {
            return testing::exposure_shift(r, -2);
        }));
        ASSERT_EQ(findings.size(), 1u) << name;
        EXPECT_EQ(findings[0].check, "photo.exposure");
        EXPECT_EQ(findings[0].severity, Severity::warning);
        EXPECT_EQ(findings[0].fix.by, FixBy::customer);
        EXPECT_NE(findings[0].message.find("too dark"), std::string::npos) << findings[0].message;
        EXPECT_TRUE(findings[0].where_mm.has_value());
    }
}

TEST(PhotoExposure, OneStopUnderIsFoundOnMostPhotos) {
    // -1 EV: every channel stops at 188 at most. The luma rule (brightest 0.2 % <= 165) finds
    // it only where the photo had no white to begin with; the dim rule (no channel above 190,
    // a colour photo with real blacks, median in the lower half) finds most of the rest.
    int found = 0, found_by_luma_alone = 0;
    std::string missed;
    for (const auto& name : testing::real_photo_names()) {
        const auto frame = real_frame(name, [](const core::Raster& r) { return testing::exposure_shift(r, -1); });
        testing::PhotoPage page(frame.shown, frame.element);
        const auto findings = page.run(checks::make_photo_exposure_check());
        if (!findings.empty() && findings[0].code == "under") {
            ++found;
            // What decided is what is reported: never a measure above its own limit.
            EXPECT_LE(*findings[0].measured, *findings[0].limit) << name;
        } else {
            missed += name + " ";
        }
        found_by_luma_alone += !page.run(checks::make_photo_exposure_check(), {{"dim_channel_white_max", 0.0}}).empty();
    }
    std::printf("-1 EV found on %d of %zu (luma rule alone %d); missed: %s\n", found,
                testing::real_photo_names().size(), found_by_luma_alone, missed.c_str());
    EXPECT_GE(found, 10) << "missed: " << missed;
    EXPECT_GT(found, found_by_luma_alone + 3);
}

TEST(PhotoExposure, TwoStopsOverWithLargeBurntAreasIsFound) {
    for (const char* name : {"Aqua", "Dune", "Wood"}) {
        auto findings = exposure_findings(real_frame(name, [](const core::Raster& r) {
            return testing::exposure_shift(r, 2);
        }));
        ASSERT_EQ(findings.size(), 1u) << name;
        EXPECT_NE(findings[0].message.find("overexposed"), std::string::npos) << findings[0].message;
        EXPECT_GE(*findings[0].measured, 25.0);
    }
}

TEST(PhotoExposure, WhiteBackdropIsNotOverexposure) {
    // A portrait or a product on a burnt-out white studio backdrop (64 % of the frame), at
    // white or lit just below it (252): the white frames the photo and leaves its middle,
    // whatever the subject's tones (bright Wood and Aqua included).
    for (const auto& name : testing::real_photo_names())
        for (unsigned char level : {255, 252}) {
            auto findings =
                exposure_findings(real_frame(name, [level](const core::Raster& r) { return on_backdrop(r, level, 0.6); }));
            EXPECT_TRUE(findings.empty()) << name << " on " << int(level) << ": "
                                          << (findings.empty() ? "" : findings[0].message);
        }
}

TEST(PhotoExposure, PortraitBlownToWhiteIsFound) {
    // +1 EV and x1.4 (a brightness slider) in Grace Hopper's portrait on a dark background:
    // her face burns to white in all three channels (4.5 % of the frame; every look on the
    // bench stays below 1.5 % but one) while the median stays dark, which session 4 missed.
    auto pushed = [](const core::Raster& r) {
        core::Raster out = r;
        for (auto& v : out.pixels) v = std::uint8_t(std::min(255L, std::lround(1.4 * v)));
        return out;
    };
    for (int variant = 0; variant < 2; ++variant) {
        auto findings = exposure_findings(real_frame("grace_hopper", [&](const core::Raster& r) {
            return variant == 0 ? testing::exposure_shift(r, 1) : pushed(r);
        }));
        ASSERT_EQ(findings.size(), 1u) << variant;
        EXPECT_EQ(findings[0].code, "over") << variant;
        EXPECT_GE(*findings[0].measured, 4.0) << variant;
    }
}

TEST(PhotoExposure, BurntWhiteWithoutDeepShadowsReadsAsHighKey) {
    // LadyBird +1 EV burns as much to white (> 4 %), but it has no deep shadow left (0.5th
    // percentile luma >= 30), as a high-key scene: the white rule needs 10 % then. A known
    // miss, kept for the high-key looks of unseen photos (bench/README.md, session 5).
    auto frame = real_frame("LadyBird", [](const core::Raster& r) { return testing::exposure_shift(r, 1); });
    const auto report = photo::measure_exposure(photo::view_of(frame.shown, {0, 0, frame.shown.width, frame.shown.height}));
    EXPECT_GE(report.clipped_white, 0.04);
    EXPECT_LT(report.clipped_white, 0.10);
    EXPECT_GE(report.black_point, 30.0);
    EXPECT_TRUE(exposure_findings(frame).empty());
}

TEST(PhotoExposure, DarkSceneBacklitBySkyAtItsEdgeIsNotOverexposure) {
    // A dark photo with a burnt-out sky or sun along its top edge (6 % of the frame white in
    // every channel, fading into the scene over 30 px): backlight, as an evening shot into the
    // sun. The white rule alone (>= 4 % white, deep shadows kept) would call it; the mid-tones
    // stay low and the middle has no white (session 6, bench/photo_quality/unseen.list).
    auto backlit = [](const core::Raster& r) {
        core::Raster out = r;
        const int band = r.height * 6 / 100, fade = 30;
        for (int y = 0; y < band + fade; ++y) {
            const double w = y < band ? 1.0 : 1.0 - double(y - band) / fade;
            for (int i = 0; i < r.width * 3; ++i)
                out.row(y)[i] = std::uint8_t(std::lround(255.0 * w + out.row(y)[i] * (1.0 - w)));
        }
        return out;
    };
    for (const char* name : {"grace_hopper", "Storm"}) {
        auto frame = real_frame(name, backlit);
        const auto report = photo::measure_exposure(photo::view_of(frame.shown, {0, 0, frame.shown.width, frame.shown.height}));
        ASSERT_GE(report.clipped_white, 0.04) << name;   // the white rule's share is there
        ASSERT_LT(report.black_point, 30.0) << name;     // ... and the deep shadows
        ASSERT_LT(report.median, 80.0) << name;
        auto findings = exposure_findings(frame);
        EXPECT_TRUE(findings.empty()) << name << ": " << (findings.empty() ? "" : findings[0].message);
    }
}

// A real photo that passes with the defaults, and gives one finding of `code` with the
// condition that guards it turned off (`unguarded`).
void expect_guarded(const char* name, const OptionSet& unguarded, const char* code) {
    const auto frame = real_frame(name);
    testing::PhotoPage page(frame.shown, frame.element);
    const auto findings = page.run(checks::make_photo_exposure_check());
    EXPECT_TRUE(findings.empty()) << name << ": " << findings[0].message;
    const auto without = page.run(checks::make_photo_exposure_check(), unguarded);
    ASSERT_EQ(without.size(), 1u) << name;
    EXPECT_EQ(without[0].code, code) << name;
}

TEST(PhotoExposure, PaleBackgroundIsNotBurnt) {
    // A photographer's nuthatch on a trunk before a pale, bright background (Kleiber,
    // lomiri-wallpapers): 11 % at luma white, but only 1.6 % white in every channel. It
    // fires without the session-6 condition that a burnt area is white in every channel.
    expect_guarded("Kleiber_by_Lukas_Baubkus", {{"burnt_white_share_min", 0.0}}, "over");
}

TEST(PhotoExposure, MistyLakeAtDuskIsNotTooDarkButOneStopLessIs) {
    // KDE's DarkestHour: a misty lake in blue dusk, dark on purpose (its brightest 0.2 % at 52 %
    // of white, every rule of "too dark" met but the blue scene's lower limit). One stop less
    // (-1 EV) is still found.
    expect_guarded("DarkestHour", {{"blue_scene_excess_min", 1.0}}, "under");
    const auto darker = exposure_findings(real_frame("DarkestHour", [](const core::Raster& r) {
        return testing::exposure_shift(r, -1);
    }));
    ASSERT_EQ(darker.size(), 1u);
    EXPECT_EQ(darker[0].code, "under");
}

TEST(PhotoExposure, NightSceneWithBrightPartsIsNotUnderexposure) {
    // A black night around a lit subject (70 % of the frame plain black).
    for (const char* name : {"YellowFlower", "RainDrops"}) {
        auto findings = exposure_findings(real_frame(name, [](const core::Raster& r) { return on_backdrop(r, 0, 0.55); }));
        EXPECT_TRUE(findings.empty()) << name << ": " << (findings.empty() ? "" : findings[0].message);
    }
}

// A tone curve applied to every channel (sRGB 0..1 in, 0..1 out).
template <class Curve>
core::Raster tone_curve(const core::Raster& photo, Curve curve) {
    core::Raster out = photo;
    for (auto& v : out.pixels) v = std::uint8_t(std::clamp(std::lround(255.0 * curve(v / 255.0)), 0L, 255L));
    return out;
}

// Washed out as a bad scan or a haze filter does it: black lifted to `lift`, white lowered.
core::Raster washed_out(const core::Raster& photo, double lift) {
    return tone_curve(photo, [lift](double x) { return lift + x * (1.0 - 1.5 * lift); });
}

TEST(PhotoExposure, WashedOutColourPhotosAreFound) {
    // Black lifted to 18 % and to 28 %: no channel near black anywhere, none near white
    // (bench: 94 % of the tuning half, 91 % held out). Wood, a pale photo (its luma spans
    // 47 levels clean, fewer once washed out: as few as a plain sky, washed_range_min), is
    // a known miss and left out.
    for (const auto& name : testing::real_photo_names())
        for (double lift : {0.18, 0.28}) {
            if (name == "Wood") continue;
            auto findings = exposure_findings(real_frame(name, [lift](const core::Raster& r) { return washed_out(r, lift); }));
            ASSERT_EQ(findings.size(), 1u) << name << " lift " << lift;
            EXPECT_EQ(findings[0].code, "washed_out") << name;
            EXPECT_GE(std::get<double>(findings[0].details.at("black_percent")), 0.0);
        }
}

TEST(PhotoExposure, FadedColourPhotosAreFound) {
    // Black lifted to 18 % and 28 % with white kept (a fade slider, a matte filter): the
    // scene's blacks pile up on one grey (bench "faded": 82 % of the tuning half found,
    // was 24 %). Photos without real blacks (Aqua, Wood, a hazy aerial) are not: their
    // darkest tones taper, as haze does, and are left out here.
    for (const char* name : {"FreshFlower", "Garden", "YellowFlower", "RainDrops", "TwoWings", "Dune"})
        for (double lift : {0.18, 0.28}) {
            auto findings = exposure_findings(real_frame(name, [lift](const core::Raster& r) {
                return tone_curve(r, [lift](double x) { return lift + x * (1.0 - lift); });
            }));
            ASSERT_EQ(findings.size(), 1u) << name << " lift " << lift;
            EXPECT_EQ(findings[0].code, "washed_out") << name;
        }
}

TEST(PhotoExposure, FlatMonochromeAndHighKeyAreNotWashedOut) {
    // A black-and-white conversion of a green meadow or a dune is as flat as a washed-out
    // photo, but meant; a high-key curve lifts the blacks but keeps white.
    auto grey = [](const core::Raster& r) {
        core::Raster out = r;
        for (std::size_t i = 0; i + 2 < out.pixels.size(); i += 3)
            out.pixels[i] = out.pixels[i + 1] = out.pixels[i + 2] = std::uint8_t(photo::luma_of(&r.pixels[i]));
        return out;
    };
    auto high_key = [](const core::Raster& r) {
        return tone_curve(r, [](double x) { return 1.0 - 0.92 * std::pow(1.0 - x, 1.9); });
    };
    for (const char* name : {"GreenMeadow", "Blinds", "Dune"}) {
        EXPECT_TRUE(exposure_findings(real_frame(name, grey)).empty()) << name;
        EXPECT_TRUE(exposure_findings(real_frame(name, high_key)).empty()) << name << " high key";
    }
}

TEST(PhotoExposure, PlainBlueSkyIsNotWashedOut) {
    // The top fifth of Dune (a clear blue sky) enlarged to the frame: no channel near black
    // and none at white, but a single tone (26 luma levels), not a washed-out photo.
    auto findings = exposure_findings(real_frame("Dune", [](const core::Raster& r) {
        core::Raster top = r;
        top.height = r.height / 5;
        top.pixels.resize(std::size_t(top.width) * top.height * 3);
        return testing::resample(top, r.width, r.height);
    }));
    EXPECT_TRUE(findings.empty()) << (findings.empty() ? "" : findings[0].message);
}

TEST(PhotoExposure, BlownHighlightsAreFound) {
    // Every channel x1.7 in sRGB (a brightness slider pushed too far): a quarter or more of
    // the photo has a channel pinned at white, and the bright parts end in a wall there.
    // (Bench: 71 % / 82 % of the photos at x1.7; Storm and LadyBird are among the misses.)
    for (const char* name : {"Aqua", "Dune", "Garden"}) {
        auto findings = exposure_findings(real_frame(name, [](const core::Raster& r) {
            return tone_curve(r, [](double x) { return 1.7 * x; });
        }));
        ASSERT_EQ(findings.size(), 1u) << name;
        EXPECT_EQ(findings[0].code, "over") << name;
    }
}

}  // namespace
}  // namespace preflight
