// The photo family as the pipeline runs it: every photo check from the registry, on pages
// that went through a lossy JPEG round trip as many editors' exports do.
#include "checks/photo/photo_checks.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "support/photos.hpp"
#include "support/test_support.hpp"

namespace preflight {
namespace {

using testing::PhotoPage;
using testing::real_frame;

const std::vector<std::string> photo_check_ids{"photo.resolution", "photo.blur", "photo.colour_cast",
                                               "photo.exposure", "photo.frame_fill"};

std::vector<Finding> all_photo_findings(const PhotoPage& page) {
    std::vector<Finding> findings;
    for (const auto& id : photo_check_ids) {
        const auto* spec = core::builtin_registry().find(id);
        EXPECT_NE(spec, nullptr) << id;
        if (!spec) continue;
        auto found = page.run(*spec);
        findings.insert(findings.end(), found.begin(), found.end());
    }
    return findings;
}

// The page written as a JPEG of `quality` and decoded again, as the pipeline would read it.
void jpeg_round_trip(PhotoPage& page, int quality) {
    testing::TempDir dir;
    const auto file = dir / ("page.jpg[Q=" + std::to_string(quality) + "]");
    testing::write_raster(page.raster(), file);
    auto decoded = core::decode_raster((dir / "page.jpg").string(), {});
    ASSERT_TRUE(decoded.error.empty()) << decoded.error;
    page.raster() = decoded.raster;
}

TEST(PhotoFamily, CleanPhotosOnJpegPagesGiveNoFinding) {
    for (const auto& name : testing::real_photo_names()) {
        auto frame = real_frame(name);
        PhotoPage page(frame.shown, frame.element);
        jpeg_round_trip(page, 80);
        for (const auto& finding : all_photo_findings(page)) {
            // Storm is a panned shot from a car: smeared along the road on purpose. Its only
            // crisp detail across the pan is sensor grain, which a JPEG of quality 80 removes;
            // from then on its pixels are those of a shaken photo (see bench/README.md).
            if (name == "Storm" && finding.check == "photo.blur") continue;
            ADD_FAILURE() << name << ": " << finding.check << ": " << finding.message;
        }
    }
}

TEST(PhotoFamily, FaultsSurviveAJpegPage) {
    auto blurred = real_frame("LadyBird", [](const core::Raster& r) { return testing::gaussian_blur(r, 5); });
    PhotoPage blurred_page(blurred.shown, blurred.element);
    jpeg_round_trip(blurred_page, 80);
    auto findings = all_photo_findings(blurred_page);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].check, "photo.blur");

    auto frame = real_frame("Dune");
    PhotoPage sliver_page(frame.shown, frame.element);
    core::PixelRect rect = sliver_page.frame_px();
    testing::fill_rect(sliver_page.raster(), {rect.x0, rect.y0, rect.x1, rect.y0 + 30}, 255, 255, 255);
    jpeg_round_trip(sliver_page, 80);
    findings = all_photo_findings(sliver_page);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].check, "photo.frame_fill");
    EXPECT_NE(findings[0].message.find("top"), std::string::npos) << findings[0].message;
}

TEST(PhotoFamily, FullBleedPhotoIsJudgedOnWhatIsPrinted) {
    // A photo over the whole bleed box: the pixels judged are those inside the trim.
    auto photo = testing::load_real_photo("TwoWings");
    auto element = testing::photo_element({-3.0, -3.0, 154.0, 111.0}, std::array<int, 2>{photo.width, photo.height});
    PhotoPage page(testing::cover(photo, 1819, 1311), element);
    EXPECT_TRUE(all_photo_findings(page).empty());
}

TEST(PhotoFamily, BlurIsJudgedAlikeAt600Dpi) {
    // Pages above 300 dpi are judged at 300 dpi (what the eye resolves on a card): a photo
    // with 300 ppi of detail on a 600 dpi page is sharp, and a blurry one still blurry.
    for (const char* name : {"LadyBird", "Garden", "Dune"}) {
        auto photo = testing::load_real_photo(name);
        auto element = testing::photo_element({30.0, 20.0, 60.0, 45.0});
        auto sharp = testing::cover(photo, 709, 531);
        PhotoPage sharp_page(testing::resample(sharp, 1417, 1063), element, 600);
        EXPECT_TRUE(sharp_page.run(*core::builtin_registry().find("photo.blur")).empty()) << name;
        PhotoPage blurry_page(testing::resample(testing::gaussian_blur(sharp, 5), 1417, 1063), element, 600);
        EXPECT_EQ(blurry_page.run(*core::builtin_registry().find("photo.blur")).size(), 1u) << name;
    }
}

TEST(PhotoFamily, FrameOutsideThePageIsSkipped) {
    auto frame = real_frame("Garden");
    frame.element.box_mm = {200.0, 200.0, 50.0, 40.0};
    PhotoPage page(frame.shown, frame.element);
    EXPECT_TRUE(all_photo_findings(page).empty());
}

}  // namespace
}  // namespace preflight

namespace preflight {
namespace {

TEST(PhotoFamily, CleanPhotosPassAtOtherSizesAndResolutions) {
    struct Case { BoxMm box; double dpi; };
    const Case cases[] = {{{10.0, 10.0, 40.0, 30.0}, 300}, {{0.0, 0.0, 148.0, 105.0}, 300},
                          {{24.0, 17.5, 100.0, 70.0}, 150}, {{60.0, 40.0, 30.0, 45.0}, 200}, {{30.0, 20.0, 60.0, 45.0}, 600}};
    for (const auto& name : testing::real_photo_names()) {
        auto photo = testing::load_real_photo(name);
        for (const auto& c : cases) {
            auto element = testing::photo_element(c.box, std::array<int, 2>{photo.width, photo.height});
            const int width = int(std::lround(c.box.width * c.dpi / 25.4));
            const int height = int(std::lround(c.box.height * c.dpi / 25.4));
            PhotoPage page(testing::cover(photo, width, height), element, c.dpi);
            for (const auto& id : photo_check_ids) {
                if (id == "photo.resolution") continue;   // the small uploads are meant to be too small here
                for (const auto& finding : page.run(*core::builtin_registry().find(id))) {
                    // Storm, the panned shot (see above): shrunk into a small frame its grain
                    // is averaged away as a JPEG removes it, and its pixels are a smear's
                    // (spectral smear share 0.004 .. 0.014 at 40 x 30 mm and at 150 dpi).
                    if (name == "Storm" && finding.check == "photo.blur" && finding.code == "motion") continue;
                    ADD_FAILURE() << name << " in " << c.box.width << " x " << c.box.height << " mm at " << c.dpi
                                  << " dpi: " << finding.message;
                }
            }
        }
    }
}

}  // namespace
}  // namespace preflight

namespace preflight {
namespace {

TEST(PhotoFamily, BadInputNeverThrows) {
    // No raster, degenerate boxes and crops: nothing to judge, no exception, no false finding.
    auto frame = testing::real_frame("Wood");
    PhotoPage page(frame.shown, frame.element);
    core::CheckContext without_raster = page.context();
    without_raster.pages[0].raster = nullptr;
    Page odd_page = *page.context().pages[0].page;
    Element degenerate = odd_page.elements[0];
    degenerate.id = "p2";
    degenerate.box_mm = {10.0, 10.0, -5.0, 0.0};
    degenerate.source_px = std::array<int, 2>{0, 0};
    degenerate.crop_px = std::array<int, 4>{0, 0, 0, 0};
    odd_page.elements.push_back(degenerate);
    without_raster.pages[0].page = &odd_page;
    for (const auto& id : photo_check_ids) {
        const auto* spec = core::builtin_registry().find(id);
        ASSERT_NE(spec, nullptr);
        std::vector<Finding> findings;
        EXPECT_NO_THROW(spec->run(without_raster, core::builtin_registry().options_for(id, "", Policy{}), findings));
        EXPECT_TRUE(findings.empty()) << id << ": " << (findings.empty() ? "" : findings[0].message);
    }
}

}  // namespace
}  // namespace preflight
