// The photo quality checks judge the decoded upload (PageView::photo_sources) when the input
// layer supplies it, cropped as the element says and scaled as it was decoded; the printed
// raster is the fallback.
#include "checks/photo/photo_checks.hpp"

#include <gtest/gtest.h>

#include "core/check.hpp"
#include "support/photos.hpp"

namespace preflight {
namespace {

std::vector<Finding> run_with_source(const testing::PhotoPage& page, const core::CheckSpec& spec,
                                     std::shared_ptr<const core::PhotoSource> source) {
    core::CheckContext context = page.context();
    context.pages[0].photo_sources = {std::move(source)};
    core::Findings findings;
    spec.run(context, core::builtin_registry().options_for(spec.id, context.product, *context.policy), findings);
    return findings;
}

std::shared_ptr<const core::PhotoSource> source_of(const core::Raster& pixels, double scale, int width, int height) {
    auto source = std::make_shared<core::PhotoSource>();
    source->pixels = std::make_shared<const core::Raster>(pixels);
    source->scale = scale;
    source->original_width = width;
    source->original_height = height;
    return source;
}

TEST(PhotoUpload, BlurInTheUploadIsFoundThoughThePrintLooksSharp) {
    const auto upload = testing::load_real_photo("LadyBird");   // 2560 x 1600
    const auto frame = testing::real_frame("LadyBird");
    testing::PhotoPage page(frame.shown, frame.element);
    ASSERT_TRUE(page.run(checks::make_photo_blur_check()).empty());
    // Decoded at half size (scale 0.5), blurred by 4 px there: 8 px of the upload.
    const auto half = testing::resample(upload, upload.width / 2, upload.height / 2);
    auto findings = run_with_source(page, checks::make_photo_blur_check(),
                                    source_of(testing::gaussian_blur(half, 4), 0.5, upload.width, upload.height));
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].code, "out_of_focus");
    // And a sharp upload wins over a soft print (the print is the fallback only).
    testing::PhotoPage soft(testing::gaussian_blur(frame.shown, 5), frame.element);
    ASSERT_EQ(soft.run(checks::make_photo_blur_check()).size(), 1u);
    EXPECT_TRUE(run_with_source(soft, checks::make_photo_blur_check(), source_of(half, 0.5, upload.width, upload.height))
                    .empty());
}

TEST(PhotoUpload, TheElementsCropOfTheUploadIsJudged) {
    const auto upload = testing::load_real_photo("Wood");   // 2560 x 1920
    const int w = upload.width, h = upload.height;
    // Left half blurred, right half sharp.
    core::Raster mixed = upload;
    const auto blurred = testing::gaussian_blur(upload, 8);
    for (int y = 0; y < h; ++y) std::copy_n(blurred.row(y), std::size_t(w / 2) * 3, mixed.row(y));
    auto source = source_of(testing::resample(mixed, w / 2, h / 2), 0.5, w, h);
    for (bool left : {true, false}) {
        auto frame = testing::real_frame("Wood");
        // A crop of 1100 x 770 original pixels (the frame's 10:7), in the blurred or the sharp half.
        frame.element.crop_px = std::array<int, 4>{left ? 100 : w / 2 + 100, 400, 1100, 770};
        testing::PhotoPage page(frame.shown, frame.element);
        auto findings = run_with_source(page, checks::make_photo_blur_check(), source);
        EXPECT_EQ(findings.size(), left ? 1u : 0u) << (left ? "blurred crop" : "sharp crop");
    }
}

TEST(PhotoUpload, CastAndExposureAreJudgedOnTheUpload) {
    const auto upload = testing::load_real_photo("grace_hopper");
    const auto frame = testing::real_frame("grace_hopper");
    testing::PhotoPage page(frame.shown, frame.element);
    auto source = source_of(testing::exposure_shift(upload, -2.5), 1.0, upload.width, upload.height);
    auto findings = run_with_source(page, checks::make_photo_exposure_check(), source);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].code, "under");
    EXPECT_TRUE(page.run(checks::make_photo_exposure_check()).empty());
}

}  // namespace
}  // namespace preflight
