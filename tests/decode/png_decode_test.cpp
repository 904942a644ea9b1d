// The fast PNG decoder against libpng (set up as libvips sets it up) and against the libvips
// path itself (core::decode_raster / decode_mask): every colour type, bit depth, tRNS, every
// filter forced, odd widths, 1 x 1; and what it leaves to libvips.
#include "decode/png.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "decode/png_rows.hpp"
#include "support/photos.hpp"
#include "support/png_forms.hpp"
#include "support/reference_decoders.hpp"
#include "support/test_support.hpp"

namespace preflight {
namespace {

using decode::FastStatus;

std::vector<std::uint8_t> pixels_of(const core::PixelBuffer& buffer) { return {buffer.begin(), buffer.end()}; }

const core::Raster& photo_crop() {
    static const core::Raster crop = testing::resample(testing::load_real_photo("LadyBird"), 131, 29);
    return crop;
}

core::Raster crop_to(const core::Raster& source, int width, int height) {
    core::Raster out;
    out.width = width;
    out.height = height;
    out.pixels.resize(std::size_t(width) * std::size_t(height) * 3);
    for (int y = 0; y < height; ++y)
        std::copy_n(source.row(y % source.height), std::size_t(width) * 3, out.row(y));
    return out;
}

void write_bytes(const std::filesystem::path& file, const std::vector<std::uint8_t>& bytes) {
    std::ofstream(file, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
}

// vips_flatten divides by 255 in double and truncates; our shift form must agree everywhere.
TEST(PngDecode, FlattenOnWhiteIsVipsFlattenForEveryValueAndAlpha) {
    for (unsigned value = 0; value < 256; ++value)
        for (unsigned alpha = 0; alpha < 256; ++alpha)
            ASSERT_EQ(decode::flatten_on_white(value, alpha),
                      std::uint8_t(double(value * alpha + 255 * (255 - alpha)) / 255.0))
                << value << " " << alpha;
}

TEST(PngDecode, EveryFormFilterAndOddSizeMatchesLibpng) {
    const std::pair<int, int> sizes[] = {{1, 1}, {2, 3}, {5, 2}, {17, 7}, {33, 5}, {131, 29}};
    int compared = 0;
    for (auto form : testing::every_png_form()) {
        for (int filters : testing::every_png_filter()) {
            form.filters = filters;
            for (auto [width, height] : sizes) {
                const auto png = testing::encode_png_form(crop_to(photo_crop(), width, height), form);
                const auto expected = reference::png_rgb8(png);
                ASSERT_TRUE(expected.ok) << form.name() << ": " << expected.error;
                core::Raster ours;
                const auto result = decode::decode_png_rgb8(png, 150, ours);
                ASSERT_EQ(result.status, FastStatus::ok) << form.name() << " " << width << "x" << height << ": " << result.error;
                ASSERT_EQ(ours.width, width);
                ASSERT_EQ(ours.height, height);
                ASSERT_EQ(pixels_of(ours.pixels), expected.pixels) << form.name() << " " << width << "x" << height;
                const auto expected_mask = reference::png_mask(png);
                core::Mask mask;
                ASSERT_EQ(decode::decode_png_mask(png, 150, mask).status, FastStatus::ok) << form.name();
                ASSERT_EQ(pixels_of(mask.values), expected_mask.pixels) << form.name() << " " << width << "x" << height;
                ++compared;
            }
        }
    }
    EXPECT_EQ(compared, 26 * 6 * 6);
}

TEST(PngDecode, EveryFormMatchesTheLibvipsPath) {
    testing::TempDir dir;
    for (auto form : testing::every_png_form()) {
        form.filters = 0xF8;
        const auto png = testing::encode_png_form(crop_to(photo_crop(), 61, 19), form);
        const auto file = dir / "form.png";
        write_bytes(file, png);
        const auto vips = core::decode_raster(file.string(), {});
        ASSERT_TRUE(vips.error.empty()) << form.name() << ": " << vips.error;
        core::Raster ours;
        ASSERT_EQ(decode::decode_png_rgb8(png, 150, ours).status, FastStatus::ok) << form.name();
        EXPECT_EQ(pixels_of(ours.pixels), pixels_of(vips.raster.pixels)) << form.name();
        const auto vips_mask = core::decode_mask(file.string(), {});
        ASSERT_TRUE(vips_mask.error.empty()) << form.name() << ": " << vips_mask.error;
        core::Mask mask;
        ASSERT_EQ(decode::decode_png_mask(png, 150, mask).status, FastStatus::ok) << form.name();
        EXPECT_EQ(pixels_of(mask.values), pixels_of(vips_mask.mask.values)) << form.name();
    }
}

TEST(PngDecode, LeavesInterlacedAndColourManagedFilesToLibvips) {
    testing::PngForm form;
    form.interlaced = true;
    const auto plain = testing::encode_png_form(photo_crop(), {});
    const auto interlaced = testing::encode_png_form(photo_crop(), form);
    ASSERT_TRUE(reference::png_rgb8(interlaced).ok);
    core::Raster ours;
    EXPECT_EQ(decode::decode_png_rgb8(interlaced, 150, ours).status, FastStatus::unsupported);
    EXPECT_EQ(decode::decode_png_rgb8(testing::with_chunk(plain, "iCCP", {'x', 0, 0, 0x78, 0x9c, 3, 0, 0, 0, 0, 1}), 150, ours).status,
              FastStatus::unsupported);
    EXPECT_EQ(decode::decode_png_rgb8(testing::with_chunk(plain, "gAMA", {0, 1, 0x86, 0xa0}), 150, ours).status,
              FastStatus::unsupported);   // gamma 1.0
    EXPECT_EQ(decode::decode_png_rgb8(testing::with_chunk(plain, "eXIf", {'M', 'M', 0, 42, 0, 0, 0, 8}), 150, ours).status,
              FastStatus::unsupported);
    // gAMA of 1/2.2, sRGB, text: libvips ignores them, so do we.
    auto usual = testing::with_chunk(testing::with_chunk(plain, "gAMA", {0, 0, 0xb1, 0x8f}), "sRGB", {0});
    usual = testing::with_chunk(usual, "tEXt", {'a', 0, 'b'});
    ASSERT_EQ(decode::decode_png_rgb8(usual, 150, ours).status, FastStatus::ok);
    EXPECT_EQ(pixels_of(ours.pixels), reference::png_rgb8(plain).pixels);
}

TEST(PngDecode, PixelLimitIsCheckedBeforeInflatingWithTheLibvipsMessage) {
    testing::TempDir dir;
    const auto png = testing::encode_png_form(photo_crop(), {});
    write_bytes(dir / "big.png", png);
    const double limit = 0.001;   // 1000 pixels; the crop has 131 x 29
    const auto vips = core::decode_raster((dir / "big.png").string(), {limit});
    core::Raster ours;
    const auto result = decode::decode_png_rgb8(png, limit, ours);
    EXPECT_EQ(result.status, FastStatus::invalid);
    EXPECT_EQ(result.error, vips.error);
    EXPECT_TRUE(ours.pixels.empty());
}

TEST(PngDecode, BrokenBytesAreInvalidNeverACrash) {
    const auto png = testing::encode_png_form(photo_crop(), {});
    core::Raster ours;
    // Truncated anywhere before the end of the image data.
    const std::size_t image_data_end = png.size() - 12;   // IEND is the last 12 bytes
    for (std::size_t length = 0; length < image_data_end; length += (length < 64 ? 1 : 7)) {
        std::vector<std::uint8_t> cut(png.begin(), png.begin() + std::ptrdiff_t(length));
        const auto result = decode::decode_png_rgb8(cut, 150, ours);
        ASSERT_NE(result.status, FastStatus::ok) << "cut at " << length;
        if (length >= 8) {
            ASSERT_EQ(result.status, FastStatus::invalid) << "cut at " << length << ": " << result.error;
        }
    }
    // Without IEND: libvips never reads past the image data, and neither do we.
    std::vector<std::uint8_t> no_end(png.begin(), png.begin() + std::ptrdiff_t(image_data_end));
    EXPECT_EQ(decode::decode_png_rgb8(no_end, 150, ours).status, FastStatus::ok);
    // A flipped bit in IDAT: the CRC catches it.
    auto flipped = png;
    flipped[png.size() - 30] ^= 0x10;
    const auto result = decode::decode_png_rgb8(flipped, 150, ours);
    EXPECT_EQ(result.status, FastStatus::invalid);
    EXPECT_NE(result.error.find("CRC"), std::string::npos) << result.error;
}

}  // namespace
}  // namespace preflight
