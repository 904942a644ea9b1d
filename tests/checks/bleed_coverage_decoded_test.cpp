// bleed.coverage on pages written as PNG (8 and 16 bit), JPEG, TIFF and CMYK JPEG and decoded
// through core::decode_raster: compression noise, ringing and colour conversion must neither
// hide a short bleed nor invent one.
#include <gtest/gtest.h>
#include <vips/vips.h>

#include "checks/bleed_coverage_fixture.hpp"

namespace preflight {
namespace {

using namespace bleed_fixture;

// The files really are what the tests below claim: 16-bit RGB, 4-band CMYK with a profile.
TEST(BleedCoverageFiles, PainterWritesTheEncodingsItNames) {
    PagePainter painter(trim_w, trim_h, bleed, 150);
    painter.fill(painter.bleed_box(), testing::cream);
    testing::TempDir dir;
    const auto header = [&](PageEncoding encoding, const char* name) {
        testing::write_page(painter.raster(), dir / name, encoding);
        VipsImage* image = vips_image_new_from_file((dir / name).c_str(), nullptr);
        EXPECT_NE(image, nullptr);
        return image;
    };
    VipsImage* png16 = header(PageEncoding::png16, "a.png");
    EXPECT_EQ(vips_image_get_format(png16), VIPS_FORMAT_USHORT);
    EXPECT_EQ(vips_image_get_bands(png16), 3);
    g_object_unref(png16);
    VipsImage* cmyk = header(PageEncoding::cmyk_jpeg, "a.jpg");
    EXPECT_EQ(vips_image_get_bands(cmyk), 4);
    EXPECT_EQ(vips_image_guess_interpretation(cmyk), VIPS_INTERPRETATION_CMYK);
    EXPECT_TRUE(vips_image_get_typeof(cmyk, VIPS_META_ICC_NAME) != 0);
    g_object_unref(cmyk);
    VipsImage* tiff = header(PageEncoding::tiff, "a.tif");
    EXPECT_EQ(vips_image_get_format(tiff), VIPS_FORMAT_UCHAR);
    g_object_unref(tiff);
}

class BleedCoverageEncodings : public ::testing::TestWithParam<PageEncoding> {};

TEST_P(BleedCoverageEncodings, CleanPagesHaveNoFindingAfterDecoding) {
    PagePainter designed(trim_w, trim_h, bleed, 300);
    paint_designed_card(designed, 12);
    auto findings = check(round_trip(designed, GetParam()), designed.geometry());
    EXPECT_TRUE(findings.empty()) << describe(findings);

    PagePainter cream(trim_w, trim_h, bleed, 200);
    cream.fill(cream.bleed_box(), testing::cream);
    cream.fill({30, 40, 88, 2}, {60, 40, 30});
    findings = check(round_trip(cream, GetParam()), cream.geometry());
    EXPECT_TRUE(findings.empty()) << describe(findings);

    PagePainter framed(trim_w, trim_h, bleed, 150);
    framed.texture({6, 6, trim_w - 12, trim_h - 12}, 4);
    findings = check(round_trip(framed, GetParam()), framed.geometry());
    EXPECT_TRUE(findings.empty()) << describe(findings);

    PagePainter white(trim_w, trim_h, bleed, 300);
    white.fill({20, 40, 108, 2}, {0, 0, 0});
    findings = check(round_trip(white, GetParam()), white.geometry());
    EXPECT_TRUE(findings.empty()) << describe(findings);
}

TEST_P(BleedCoverageEncodings, NarrowWhiteFrameNextToDarkArtworkIsNotAStop) {
    // Compression ringing from a dark photo 1.5 mm inside the trim reaches the trim at 150 dpi;
    // it must not read as artwork touching the trim.
    for (double dpi : {150.0, 300.0}) {
        for (double frame_mm : {1.0, 1.5, 2.5}) {
            PagePainter painter(trim_w, trim_h, bleed, dpi);
            painter.fill({frame_mm, frame_mm, trim_w - 2 * frame_mm, trim_h - 2 * frame_mm}, {20, 25, 40});
            painter.texture({frame_mm + 5, frame_mm + 5, 60, 40}, 2);
            auto findings = check(round_trip(painter, GetParam()), painter.geometry());
            EXPECT_TRUE(findings.empty()) << dpi << " dpi, frame " << frame_mm << " mm:\n" << describe(findings);
        }
    }
}

TEST_P(BleedCoverageEncodings, ShortBleedIsFoundAfterDecoding) {
    PagePainter painter(trim_w, trim_h, bleed, 300);
    // A cream background 2 mm short on the left and 0.5 mm at the bottom; a photo panel over the
    // right half that bleeds at the top and right but also stops 0.5 mm short at the bottom.
    painter.fill(painter.bleed_box_inset(2.0, 0, 0, 0.5), testing::cream);
    painter.texture({74, -bleed, trim_w - 74 + bleed, trim_h + 2 * bleed - 0.5}, 9);
    auto findings = check(round_trip(painter, GetParam()), painter.geometry());
    ASSERT_EQ(findings.size(), 2u) << describe(findings);
    EXPECT_TRUE(about(findings[0], "left")) << findings[0].message;
    EXPECT_NEAR(*findings[0].measured, 1.0, 0.25) << findings[0].message;
    EXPECT_TRUE(about(findings[1], "bottom")) << findings[1].message;
    EXPECT_NEAR(*findings[1].measured, 2.5, 0.25) << findings[1].message;
    EXPECT_NEAR(stated_length_mm(findings[1]), trim_w, 0.2) << findings[1].message;
}

TEST_P(BleedCoverageEncodings, WhiteSliverOnOneEdgeIsFoundAndAWideBandIsNotAfterDecoding) {
    // A cream background placed 0.6 mm too far right: a white line along the left edge.
    PagePainter sliver(trim_w, trim_h, bleed, 300);
    sliver.fill(sliver.bleed_box_inset(bleed + 0.6, 0, 0, 0), testing::cream);
    sliver.texture({40, 20, 60, 40}, 12);
    auto findings = check(round_trip(sliver, GetParam()), sliver.geometry());
    ASSERT_EQ(findings.size(), 1u) << describe(findings);
    EXPECT_TRUE(about(findings[0], "left")) << findings[0].message;
    EXPECT_NEAR(*findings[0].measured, -0.6, 0.25) << findings[0].message;
    // A full-bleed photo with a 6 mm white band at the bottom for the names: a design choice.
    PagePainter band(trim_w, trim_h, bleed, 300);
    band.texture(band.bleed_box_inset(0, 0, 0, bleed + 6), 13);
    findings = check(round_trip(band, GetParam()), band.geometry());
    EXPECT_TRUE(findings.empty()) << describe(findings);
}

INSTANTIATE_TEST_SUITE_P(Decoded, BleedCoverageEncodings,
                         ::testing::Values(PageEncoding::png8, PageEncoding::png16, PageEncoding::jpeg,
                                           PageEncoding::tiff, PageEncoding::cmyk_jpeg),
                         [](const ::testing::TestParamInfo<PageEncoding>& info) {
                             switch (info.param) {
                                 case PageEncoding::png8: return std::string("Png8");
                                 case PageEncoding::png16: return std::string("Png16");
                                 case PageEncoding::jpeg: return std::string("Jpeg");
                                 case PageEncoding::tiff: return std::string("Tiff");
                                 case PageEncoding::cmyk_jpeg: return std::string("CmykJpeg");
                             }
                             return std::string("Other");
                         });

}  // namespace
}  // namespace preflight
