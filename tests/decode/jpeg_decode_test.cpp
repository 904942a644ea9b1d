// The TurboJPEG decoder against libjpeg's plain API and the libvips path: baseline, progressive,
// 4:2:0 and 4:4:4, grey, several qualities and encoders; DCT-domain 1/2, 1/4, 1/8 against
// libjpeg's own scaling; and what it leaves to libvips (ICC, EXIF rotation, CMYK).
#include "decode/jpeg.hpp"

#include <gtest/gtest.h>
#include <vips/vips.h>

#include <fstream>
#include <string>
#include <vector>

#include "support/png_corpus.hpp"
#include "support/reference_decoders.hpp"
#include "support/test_support.hpp"

namespace preflight {
namespace {

using decode::FastStatus;

struct Jpeg {
    std::string name;
    std::vector<std::uint8_t> bytes;
};

VipsImage* vips_of(const core::Raster& page) {
    VipsImage* image = vips_image_new_from_memory_copy(page.pixels.data(), page.pixels.size(), page.width,
                                                       page.height, 3, VIPS_FORMAT_UCHAR);
    image->Type = VIPS_INTERPRETATION_sRGB;
    return image;
}

std::vector<std::uint8_t> jpeg_of(VipsImage* image, int quality, bool progressive, bool subsample) {
    void* buffer = nullptr;
    std::size_t length = 0;
    EXPECT_EQ(vips_jpegsave_buffer(image, &buffer, &length, "Q", quality, "interlace", progressive, "subsample_mode",
                                   subsample ? VIPS_FOREIGN_SUBSAMPLE_ON : VIPS_FOREIGN_SUBSAMPLE_OFF, nullptr),
              0)
        << vips_error_buffer();
    std::vector<std::uint8_t> bytes(static_cast<std::uint8_t*>(buffer), static_cast<std::uint8_t*>(buffer) + length);
    g_free(buffer);
    return bytes;
}

std::vector<Jpeg> jpeg_corpus(const core::Raster& page, const testing::TempDir& dir) {
    core::ensure_vips();
    std::vector<Jpeg> corpus;
    VipsImage* rgb = vips_of(page);
    corpus.push_back({"libvips q90 4:2:0", jpeg_of(rgb, 90, false, true)});
    corpus.push_back({"libvips q50 4:2:0 progressive", jpeg_of(rgb, 50, true, true)});
    corpus.push_back({"libvips q95 4:4:4", jpeg_of(rgb, 95, false, false)});
    VipsImage* grey = nullptr;
    EXPECT_EQ(vips_colourspace(rgb, &grey, VIPS_INTERPRETATION_B_W, nullptr), 0);
    corpus.push_back({"libvips grey", jpeg_of(grey, 85, false, true)});
    g_object_unref(grey);
    g_object_unref(rgb);
    const auto ppm = dir / "page.ppm";
    {
        std::ofstream out(ppm, std::ios::binary);
        out << "P6\n" << page.width << ' ' << page.height << "\n255\n";
        out.write(reinterpret_cast<const char*>(page.pixels.data()), std::streamsize(page.pixels.size()));
    }
    const auto magick = dir / "magick.jpg", pillow = dir / "pillow.jpg";
    auto made = testing::run_command("convert '" + ppm.string() + "' -quality 80 -sampling-factor 2x1 '" +
                                     magick.string() + "' 2>&1");
    EXPECT_EQ(made.exit_code, 0) << made.out;
    corpus.push_back({"imagemagick q80 4:2:2", testing::read_file_bytes(magick)});
    made = testing::run_command("/usr/bin/python3 -c \"from PIL import Image; Image.open('" + ppm.string() + "').save('" +
                                pillow.string() + "', quality=75, progressive=True)\" 2>&1");
    EXPECT_EQ(made.exit_code, 0) << made.out;
    corpus.push_back({"pillow q75 progressive", testing::read_file_bytes(pillow)});
    return corpus;
}

TEST(JpegDecode, FullSizeMatchesLibjpegAndTheLibvipsPath) {
    testing::TempDir dir;
    const auto page = testing::card_page(301, 213);
    for (const auto& jpeg : jpeg_corpus(page, dir)) {
        ASSERT_FALSE(jpeg.bytes.empty()) << jpeg.name;
        const auto expected = reference::jpeg_rgb8(jpeg.bytes);
        ASSERT_TRUE(expected.ok) << jpeg.name << ": " << expected.error;
        core::Raster ours;
        const auto result = decode::decode_jpeg_rgb8(jpeg.bytes, 150, ours);
        ASSERT_EQ(result.status, FastStatus::ok) << jpeg.name << ": " << result.error;
        ASSERT_EQ(std::vector<std::uint8_t>(ours.pixels.begin(), ours.pixels.end()), expected.pixels) << jpeg.name;
        const auto file = dir / "page.jpg";
        std::ofstream(file, std::ios::binary)
            .write(reinterpret_cast<const char*>(jpeg.bytes.data()), std::streamsize(jpeg.bytes.size()));
        const auto vips = core::decode_raster(file.string(), {});
        ASSERT_TRUE(vips.error.empty()) << vips.error;
        EXPECT_EQ(ours.pixels, vips.raster.pixels) << jpeg.name;
    }
}

TEST(JpegDecode, DctScalingMatchesLibjpegsOwnScaling) {
    testing::TempDir dir;
    const auto page = testing::card_page(301, 213);
    for (const auto& jpeg : jpeg_corpus(page, dir)) {
        for (int denominator : {2, 4, 8}) {
            const auto expected = reference::jpeg_rgb8(jpeg.bytes, denominator);
            ASSERT_TRUE(expected.ok) << jpeg.name;
            core::Raster ours;
            ASSERT_EQ(decode::decode_jpeg_rgb8(jpeg.bytes, 150, ours, denominator).status, FastStatus::ok);
            EXPECT_EQ(ours.width, (301 + denominator - 1) / denominator);
            EXPECT_EQ(ours.height, (213 + denominator - 1) / denominator);
            EXPECT_EQ(std::vector<std::uint8_t>(ours.pixels.begin(), ours.pixels.end()), expected.pixels)
                << jpeg.name << " 1/" << denominator;
        }
    }
}

TEST(JpegDecode, LeavesColourManagedRotatedAndCmykFilesToLibvips) {
    core::ensure_vips();
    // The same image is saved again after its metadata changed: libvips' operation cache
    // (on in a test process; the library itself never touches it) would hand back the first save.
    vips_cache_set_max(0);
    const auto page = testing::card_page(64, 48);
    core::Raster ours;
    VipsImage* rgb = vips_of(page);
    VipsBlob* profile = nullptr;   // libvips' own sRGB profile: a real one, or jpegsave drops it
    ASSERT_EQ(vips_profile_load("srgb", &profile, nullptr), 0);
    std::size_t profile_length = 0;
    const void* profile_data = vips_blob_get(profile, &profile_length);
    vips_image_set_blob_copy(rgb, VIPS_META_ICC_NAME, profile_data, profile_length);
    vips_area_unref(VIPS_AREA(profile));
    EXPECT_EQ(decode::decode_jpeg_rgb8(jpeg_of(rgb, 90, false, true), 150, ours).status, FastStatus::unsupported);
    vips_image_remove(rgb, VIPS_META_ICC_NAME);
    vips_image_set_int(rgb, VIPS_META_ORIENTATION, 6);
    EXPECT_EQ(decode::decode_jpeg_rgb8(jpeg_of(rgb, 90, false, true), 150, ours).status, FastStatus::unsupported);
    vips_image_set_int(rgb, VIPS_META_ORIENTATION, 1);
    EXPECT_EQ(decode::decode_jpeg_rgb8(jpeg_of(rgb, 90, false, true), 150, ours).status, FastStatus::ok);
    VipsImage* bands[4] = {rgb, rgb, rgb, rgb};
    VipsImage *joined = nullptr, *cmyk = nullptr;
    ASSERT_EQ(vips_bandjoin(bands, &joined, 4, nullptr), 0);
    ASSERT_EQ(vips_extract_band(joined, &cmyk, 0, "n", 4, nullptr), 0);
    cmyk->Type = VIPS_INTERPRETATION_CMYK;
    EXPECT_EQ(decode::decode_jpeg_rgb8(jpeg_of(cmyk, 90, false, false), 150, ours).status, FastStatus::unsupported);
    for (VipsImage* image : {cmyk, joined, rgb}) g_object_unref(image);
}

TEST(JpegDecode, BrokenBytesAreInvalidAndTheLimitHolds) {
    core::ensure_vips();
    VipsImage* rgb = vips_of(testing::card_page(64, 48));
    const auto jpeg = jpeg_of(rgb, 90, false, true);
    g_object_unref(rgb);
    core::Raster ours;
    for (std::size_t length = 3; length < jpeg.size() - 2; length += 13) {
        std::vector<std::uint8_t> cut(jpeg.begin(), jpeg.begin() + std::ptrdiff_t(length));
        ASSERT_EQ(decode::decode_jpeg_rgb8(cut, 150, ours).status, FastStatus::invalid) << "cut at " << length;
    }
    const auto result = decode::decode_jpeg_rgb8(jpeg, 0.001, ours);
    EXPECT_EQ(result.status, FastStatus::invalid);
    EXPECT_EQ(result.error, "64 x 48 pixels (0 megapixels) is over the limit of 0 megapixels");
}

}  // namespace
}  // namespace preflight
