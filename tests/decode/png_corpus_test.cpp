// The fast PNG decoder on a card page as four encoders write it (libvips, ImageMagick, Pillow,
// Chromium's screenshot) with their filter, compression, palette, grey, alpha and 16-bit
// choices: byte-identical to libpng and to the libvips path, and none left to the fallback.
#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "decode/png.hpp"
#include "support/png_corpus.hpp"
#include "support/reference_decoders.hpp"
#include "support/test_support.hpp"

namespace preflight {
namespace {

TEST(PngCorpus, EveryEncodersFilesDecodeIdenticallyToLibpngAndLibvips) {
    testing::TempDir dir;
    const auto page = testing::card_page(389, 271);
    const auto corpus = testing::encoder_corpus(page, dir.path());
    std::map<std::string, int> decoded;
    for (const auto& png : corpus) {
        const std::string name = png.encoder + " " + png.setting;
        ASSERT_TRUE(png.error.empty()) << name << ": " << png.error;
        const auto expected = reference::png_rgb8(png.bytes);
        ASSERT_TRUE(expected.ok) << name << ": " << expected.error;
        core::Raster ours;
        const auto result = decode::decode_png_rgb8(png.bytes, 150, ours);
        ASSERT_EQ(result.status, decode::FastStatus::ok) << name << ": " << result.error;
        ASSERT_EQ(std::vector<std::uint8_t>(ours.pixels.begin(), ours.pixels.end()), expected.pixels) << name;
        const auto file = dir / "corpus.png";
        std::ofstream(file, std::ios::binary)
            .write(reinterpret_cast<const char*>(png.bytes.data()), std::streamsize(png.bytes.size()));
        const auto vips = core::decode_raster(file.string(), {});
        ASSERT_TRUE(vips.error.empty()) << name << ": " << vips.error;
        ASSERT_EQ(ours.pixels, vips.raster.pixels) << name;
        ++decoded[png.encoder];
    }
    EXPECT_GE(decoded["libvips"], 10);
    EXPECT_GE(decoded["imagemagick"], 10);
    EXPECT_GE(decoded["pillow"], 7);
    EXPECT_EQ(decoded["chromium"], 1);
}

}  // namespace
}  // namespace preflight
