// The photo family as the pipeline runs it: every photo check from the registry, on pages
// that went through a lossy JPEG round trip as many editors' exports do.
#include "checks/photo/photo_checks.hpp"

#include <gtest/gtest.h>

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
        for (const auto& finding : all_photo_findings(page))
            ADD_FAILURE() << name << ": " << finding.check << ": " << finding.message;
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

TEST(PhotoFamily, FrameOutsideThePageIsSkipped) {
    auto frame = real_frame("Garden");
    frame.element.box_mm = {200.0, 200.0, 50.0, 40.0};
    PhotoPage page(frame.shown, frame.element);
    EXPECT_TRUE(all_photo_findings(page).empty());
}

}  // namespace
}  // namespace preflight
