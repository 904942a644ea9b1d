// input::read_image_header reads a plain PNG's size from its chunks without libvips: the size it
// gives must be libvips' (after EXIF orientation) for every PNG form, and anything libvips
// would read differently (EXIF rotation, a broken chunk) still goes through libvips.
#include "input/decode.hpp"

#include <gtest/gtest.h>
#include <vips/vips.h>

#include <string>
#include <vector>

#include "support/photos.hpp"
#include "support/png_forms.hpp"

namespace preflight {
namespace {

struct Size {
    int width = 0, height = 0;
    bool ok = false;
};

// What libvips says: the PNG loader's header, then autorot.
Size libvips_size(const std::vector<std::uint8_t>& bytes) {
    core::ensure_vips();
    Size size;
    VipsImage* image = vips_image_new_from_buffer(bytes.data(), bytes.size(), "", "access", VIPS_ACCESS_SEQUENTIAL, nullptr);
    if (!image) {
        vips_error_clear();
        return size;
    }
    VipsImage* rotated = nullptr;
    if (vips_autorot(image, &rotated, nullptr) == 0) {
        size = {vips_image_get_width(rotated), vips_image_get_height(rotated), true};
        g_object_unref(rotated);
    }
    vips_error_clear();
    g_object_unref(image);
    return size;
}

const core::Raster& crop() {
    static const core::Raster raster = testing::resample(testing::load_real_photo("LadyBird"), 53, 21);
    return raster;
}

TEST(ImageHeader, PlainPngOfEveryFormHasLibvipsSize) {
    for (const auto& form : testing::every_png_form()) {
        const auto png = testing::encode_png_form(crop(), form);
        const Size expected = libvips_size(png);
        ASSERT_TRUE(expected.ok) << form.name();
        const auto header = input::read_image_header(png);
        EXPECT_TRUE(header.error_check.empty()) << form.name() << ": " << header.error;
        EXPECT_EQ(header.width, expected.width) << form.name();
        EXPECT_EQ(header.height, expected.height) << form.name();
    }
}

TEST(ImageHeader, ExifOrientationStillTurnsThePngsSize) {
    const auto plain = testing::encode_png_form(crop(), {});
    // EXIF (big-endian TIFF): one IFD entry, Orientation (0x0112) SHORT = 6, "rotate 90° clockwise".
    const std::vector<std::uint8_t> exif = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0};
    const auto rotated = testing::with_chunk(plain, "eXIf", exif);
    const Size expected = libvips_size(rotated);
    ASSERT_TRUE(expected.ok);
    ASSERT_EQ(expected.width, crop().height) << "libvips no longer rotates this EXIF: the test needs another sample";
    const auto header = input::read_image_header(rotated);
    EXPECT_TRUE(header.error_check.empty()) << header.error;
    EXPECT_EQ(header.width, expected.width);
    EXPECT_EQ(header.height, expected.height);
}

TEST(ImageHeader, BrokenChunkBeforeTheImageDataIsLibvipsError) {
    auto broken = testing::with_chunk(testing::encode_png_form(crop(), {}), "PLTE", {1, 2, 3});
    broken[33 + 8] ^= 0xFF;   // the PLTE chunk's data no longer matches its CRC
    const auto header = input::read_image_header(broken);
    EXPECT_EQ(header.error_check, "input.unreadable");
    EXPECT_FALSE(header.error.empty());
    EXPECT_FALSE(libvips_size(broken).ok);
}

}  // namespace
}  // namespace preflight
