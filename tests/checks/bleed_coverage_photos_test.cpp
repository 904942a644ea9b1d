// bleed.coverage on real photographs (Debian's mate-backgrounds): dunes, storm clouds, flowers,
// water. Photos bring what synthetic pages lack: bright skies, soft edges, fine texture and
// their own JPEG history. A full-bleed photo must pass; the same photo cut short must not.
#include <gtest/gtest.h>

#include "checks/bleed_coverage_fixture.hpp"

namespace preflight {
namespace {

using namespace bleed_fixture;

class BleedCoveragePhotos : public ::testing::TestWithParam<const char*> {};

TEST_P(BleedCoveragePhotos, FullBleedPhotoPassesAsPngAndJpeg) {
    for (double dpi : {150.0, 300.0}) {
        PagePainter painter(trim_w, trim_h, bleed, dpi);
        painter.photo(painter.bleed_box(), testing::sample_photo(GetParam()));
        auto findings = check(painter);
        EXPECT_TRUE(findings.empty()) << dpi << " dpi:\n" << describe(findings);
        findings = check(round_trip(painter, PageEncoding::jpeg), painter.geometry());
        EXPECT_TRUE(findings.empty()) << dpi << " dpi, JPEG:\n" << describe(findings);
    }
}

TEST_P(BleedCoveragePhotos, PhotoPanelOnAWhiteCardPasses) {
    // The photo bleeds off the left, top and bottom; the right half is a white card.
    PagePainter painter(trim_w, trim_h, bleed, 300);
    painter.photo({-bleed, -bleed, 70 + bleed, trim_h + 2 * bleed}, testing::sample_photo(GetParam()));
    painter.fill({85, 45, 50, 1.5}, {50, 50, 50});
    auto findings = check(round_trip(painter, PageEncoding::jpeg), painter.geometry());
    EXPECT_TRUE(findings.empty()) << describe(findings);
}

TEST_P(BleedCoveragePhotos, PhotoStoppingShortIsFound) {
    PagePainter at_trim(trim_w, trim_h, bleed, 300);
    at_trim.photo({0, 0, trim_w, trim_h}, testing::sample_photo(GetParam()));
    auto findings = check(round_trip(at_trim, PageEncoding::jpeg), at_trim.geometry());
    EXPECT_EQ(findings.size(), 4u) << describe(findings);
    for (const auto& f : findings) EXPECT_LE(*f.measured, 0.6) << f.message;

    PagePainter short_left(trim_w, trim_h, bleed, 300);
    short_left.photo(short_left.bleed_box_inset(1.0, 0, 0, 0), testing::sample_photo(GetParam()));
    findings = check(short_left);
    ASSERT_EQ(findings.size(), 1u) << describe(findings);
    EXPECT_TRUE(about(findings[0], "left"));
    EXPECT_NEAR(*findings[0].measured, 2.0, 0.2) << findings[0].message;
}

INSTANTIATE_TEST_SUITE_P(Mate, BleedCoveragePhotos,
                         ::testing::Values("nature/Storm.jpg", "nature/Dune.jpg", "nature/Aqua.jpg",
                                           "nature/YellowFlower.jpg", "nature/FreshFlower.jpg", "nature/Garden.jpg",
                                           "nature/LadyBird.jpg", "nature/RainDrops.jpg", "nature/TwoWings.jpg",
                                           "nature/Wood.jpg", "nature/GreenMeadow.jpg", "nature/Blinds.jpg"),
                         [](const ::testing::TestParamInfo<const char*>& info) {
                             std::string name = info.param;
                             name = name.substr(name.find('/') + 1);
                             return name.substr(0, name.find('.'));
                         });

}  // namespace
}  // namespace preflight
