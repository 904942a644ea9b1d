// Hostile and odd page rasters through the real pipeline (Checker::check_order): truncated
// files, headers that claim absurd sizes, decompression bombs, and the odd-but-valid encodings
// shops send (CMYK JPEG, 16-bit PNG with alpha, grey, palette, EXIF-rotated, lying extension).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <vips/vips.h>

#include <cstdint>

#include "hostile/hostile_support.hpp"

namespace preflight::hostile {
namespace {

namespace fs = std::filesystem;

// A page with some detail, so its encoded file is large enough to cut in half meaningfully.
core::Raster busy_page() {
    core::Raster raster = testing::solid_raster(page_width_px, page_height_px, 240, 235, 220);
    for (int y = 0; y < raster.height; ++y)
        for (int x = 0; x < raster.width; ++x) {
            auto* pixel = raster.row(y) + x * 3;
            pixel[0] = std::uint8_t((x * 7 + y * 13) % 251);
            pixel[1] = std::uint8_t((x * x + y) % 241);
            pixel[2] = std::uint8_t((x ^ y) * 3);
        }
    return raster;
}

// Writes an image from raw interleaved samples with libvips (options in the file name).
void save_with_vips(const std::vector<std::uint8_t>& samples, int width, int height, int bands,
                    VipsInterpretation interpretation, const std::string& file_and_options, int orientation = 0) {
    core::ensure_vips();
    VipsImage* image = vips_image_new_from_memory_copy(samples.data(), samples.size(), width, height, bands, VIPS_FORMAT_UCHAR);
    ASSERT_NE(image, nullptr);
    image->Type = interpretation;
    if (orientation) vips_image_set_int(image, VIPS_META_ORIENTATION, orientation);
    int status = vips_image_write_to_file(image, file_and_options.c_str(), nullptr);
    g_object_unref(image);
    ASSERT_EQ(status, 0) << vips_error_buffer();
}

// The decoded page the pipeline would see (same decoder, the default limits).
core::Raster decode(const fs::path& file) {
    auto decoded = core::decode_raster(file.string(), core::DecodeLimits{});
    EXPECT_EQ(decoded.error_check, "") << decoded.error;
    return decoded.raster;
}

void expect_pixel(const core::Raster& raster, int x, int y, int r, int g, int b, int tolerance) {
    ASSERT_LT(x, raster.width);
    ASSERT_LT(y, raster.height);
    const auto* pixel = raster.row(y) + x * 3;
    EXPECT_NEAR(pixel[0], r, tolerance) << "at " << x << "," << y;
    EXPECT_NEAR(pixel[1], g, tolerance) << "at " << x << "," << y;
    EXPECT_NEAR(pixel[2], b, tolerance) << "at " << x << "," << y;
}

// An error verdict that names input.unreadable for the page.
void expect_unreadable(const Verdict& verdict) {
    EXPECT_EQ(verdict.verdict, VerdictKind::error) << finding_ids(verdict);
    EXPECT_TRUE(has_finding(verdict, "input.unreadable")) << finding_ids(verdict);
}

// A clean page: decoded, the right size, nothing wrong with the input.
void expect_clean(const Verdict& verdict) {
    EXPECT_EQ(verdict.verdict, VerdictKind::release) << finding_ids(verdict);
    for (const auto& finding : verdict.findings) EXPECT_NE(finding.check.rfind("input.", 0), 0u) << finding.message;
}

class TruncatedRaster : public ::testing::TestWithParam<const char*> {};

TEST_P(TruncatedRaster, WholeFileReleasesCutFileIsUnreadable) {
    OneCardExport order;
    std::string name = std::string("page.") + GetParam();
    testing::write_raster(busy_page(), order / name);
    order.write_design(name);
    expect_clean(order.check());   // the same file whole: the cut is what makes it fail

    std::string bytes = read_bytes(order / name);
    ASSERT_GT(bytes.size(), 2000u);
    write_bytes(order / name, bytes.substr(0, bytes.size() * 6 / 10));
    expect_unreadable(order.check());
    write_bytes(order / name, bytes.substr(0, 40));   // the header alone
    expect_unreadable(order.check());
}

INSTANTIATE_TEST_SUITE_P(Formats, TruncatedRaster, ::testing::Values("png", "jpg", "tif"));

TEST(HostileRaster, EmptyAndGarbageFilesAreUnreadable) {
    OneCardExport order;
    order.write_design("page.png");
    write_bytes(order / "page.png", "");
    expect_unreadable(order.check());
    write_bytes(order / "page.png", std::string(5000, '\x5a'));
    expect_unreadable(order.check());
}

// The CLI's verdict for the one order of an export, with the run's time and memory.
struct MeasuredVerdict {
    nlohmann::json verdict;
    CliRun run;
};
MeasuredVerdict check_with_cli(const OneCardExport& order) {
    MeasuredVerdict result;
    result.run = run_check(order / "orders.jsonl");
    auto line = result.run.out.substr(0, result.run.out.find('\n'));
    result.verdict = nlohmann::json::parse(line, nullptr, false);
    return result;
}

constexpr long memory_scale = testing::sanitizer_memory_scale;

TEST(HostileRaster, HeaderClaimingTenGigapixelsIsRefusedBeforeDecoding) {
    OneCardExport order;
    // A valid PNG header for 100 000 x 100 000 RGB pixels over one tiny IDAT: decoding it
    // would need 30 GB.
    write_bytes(order / "page.png", png_bytes(100000, 100000, 8, 2, std::string(16, '\0')));
    order.write_design("page.png");
    auto measured = check_with_cli(order);
    ASSERT_TRUE(measured.verdict.is_object()) << measured.run.out;
    EXPECT_EQ(measured.verdict["verdict"], "error");
    EXPECT_EQ(measured.verdict["findings"][0]["check"], "input.unreadable");
    EXPECT_NE(measured.verdict["findings"][0]["message"].get<std::string>().find("megapixels"), std::string::npos);
    EXPECT_LT(measured.run.peak_rss_mb, 200 * memory_scale);
    EXPECT_LT(measured.run.seconds, 10);
}

TEST(HostileRaster, DecompressionBombIsRefusedBeforeDecoding) {
    OneCardExport order;
    // 13 000 x 13 000 pixels of one colour (1-bit grey, every byte zero): 21 MB of raw rows
    // that deflate to a few kilobytes, and 507 MB once decoded to RGB.
    constexpr unsigned side = 13000;
    std::string raw(std::size_t(side) * (1 + (side + 7) / 8), '\0');
    std::string file = png_bytes(side, side, 1, 0, raw);
    EXPECT_LT(file.size(), 100u * 1024);
    write_bytes(order / "page.png", file);
    order.write_design("page.png");
    auto measured = check_with_cli(order);
    ASSERT_TRUE(measured.verdict.is_object()) << measured.run.out;
    EXPECT_EQ(measured.verdict["verdict"], "error");
    EXPECT_EQ(measured.verdict["findings"][0]["check"], "input.unreadable");
    EXPECT_LT(measured.run.peak_rss_mb, 200 * memory_scale);
    EXPECT_LT(measured.run.seconds, 10);
}

TEST(HostileRaster, CmykJpegBecomesSrgb) {
    OneCardExport order;
    // Left half paper white (no ink), right half pure cyan.
    std::vector<std::uint8_t> cmyk(std::size_t(page_width_px) * page_height_px * 4, 0);
    for (int y = 0; y < page_height_px; ++y)
        for (int x = page_width_px / 2; x < page_width_px; ++x) cmyk[(std::size_t(y) * page_width_px + x) * 4] = 255;
    save_with_vips(cmyk, page_width_px, page_height_px, 4, VIPS_INTERPRETATION_CMYK, (order / "page.jpg").string() + "[Q=95]");
    order.write_design("page.jpg");
    expect_clean(order.check());
    core::Raster raster = decode(order / "page.jpg");
    expect_pixel(raster, 30, 60, 255, 255, 255, 8);
    const auto* cyan = raster.row(60) + 190 * 3;
    EXPECT_LT(cyan[0], 90);    // cyan ink absorbs red
    EXPECT_GT(cyan[1], 130);
    EXPECT_GT(cyan[2], 190);
}

// 16-bit RGBA rows: left half opaque red, right half fully transparent black.
std::string rgba16_rows() {
    std::string raw;
    for (int y = 0; y < page_height_px; ++y) {
        raw.push_back('\0');
        for (int x = 0; x < page_width_px; ++x) {
            bool opaque = x < page_width_px / 2;
            std::uint16_t samples[4] = {std::uint16_t(opaque ? 65535 : 0), 0, 0, std::uint16_t(opaque ? 65535 : 0)};
            for (auto sample : samples) raw += {char(sample >> 8), char(sample & 0xff)};
        }
    }
    return raw;
}

TEST(HostileRaster, SixteenBitPngWithAlphaIsFlattenedOnWhite) {
    OneCardExport order;
    write_bytes(order / "page.png", png_bytes(page_width_px, page_height_px, 16, 6, rgba16_rows()));
    order.write_design("page.png");
    expect_clean(order.check());
    core::Raster raster = decode(order / "page.png");
    expect_pixel(raster, 20, 60, 255, 0, 0, 1);
    expect_pixel(raster, 200, 60, 255, 255, 255, 1);
}

TEST(HostileRaster, GreyPngBecomesNeutralRgb) {
    OneCardExport order;
    std::string raw;
    for (int y = 0; y < page_height_px; ++y) {
        raw.push_back('\0');
        raw.append(page_width_px, char(y < page_height_px / 2 ? 128 : 30));
    }
    write_bytes(order / "page.png", png_bytes(page_width_px, page_height_px, 8, 0, raw));
    order.write_design("page.png");
    expect_clean(order.check());
    core::Raster raster = decode(order / "page.png");
    expect_pixel(raster, 100, 10, 128, 128, 128, 1);
    expect_pixel(raster, 100, 110, 30, 30, 30, 1);
}

TEST(HostileRaster, PalettePngKeepsItsColours) {
    OneCardExport order;
    std::string raw;
    for (int y = 0; y < page_height_px; ++y) {
        raw.push_back('\0');
        for (int x = 0; x < page_width_px; ++x) raw.push_back(char(x < page_width_px / 2 ? 0 : 1));
    }
    std::string palette = {char(10), char(120), char(200), char(250), char(240), char(20)};
    write_bytes(order / "page.png", png_bytes(page_width_px, page_height_px, 8, 3, raw, palette));
    order.write_design("page.png");
    expect_clean(order.check());
    core::Raster raster = decode(order / "page.png");
    expect_pixel(raster, 20, 60, 10, 120, 200, 0);
    expect_pixel(raster, 200, 60, 250, 240, 20, 0);
}

TEST(HostileRaster, ExifOrientationIsHonoured) {
    OneCardExport order;
    // Stored portrait (120 x 220): top half red, bottom half blue, EXIF orientation 6
    // ("rotate 90 degrees clockwise to view"): shown landscape, 220 x 120 as the design wants,
    // red on the right, blue on the left.
    int stored_width = page_height_px, stored_height = page_width_px;
    std::vector<std::uint8_t> rgb(std::size_t(stored_width) * stored_height * 3, 0);
    for (int y = 0; y < stored_height; ++y)
        for (int x = 0; x < stored_width; ++x) {
            auto* pixel = &rgb[(std::size_t(y) * stored_width + x) * 3];
            if (y < stored_height / 2) pixel[0] = 220;
            else pixel[2] = 220;
        }
    save_with_vips(rgb, stored_width, stored_height, 3, VIPS_INTERPRETATION_sRGB, (order / "page.jpg").string() + "[Q=95]", 6);
    order.write_design("page.jpg");
    expect_clean(order.check());
    core::Raster raster = decode(order / "page.jpg");
    ASSERT_EQ(raster.width, page_width_px);
    ASSERT_EQ(raster.height, page_height_px);
    expect_pixel(raster, 200, 60, 220, 0, 0, 12);
    expect_pixel(raster, 20, 60, 0, 0, 220, 12);
}

TEST(HostileRaster, JpegNamedPngIsDecodedByItsContent) {
    OneCardExport order;
    testing::write_raster(testing::solid_raster(page_width_px, page_height_px, 30, 140, 90), order / "real.jpg");
    fs::rename(order / "real.jpg", order / "page.png");
    ASSERT_EQ(read_bytes(order / "page.png").substr(0, 3), "\xff\xd8\xff");
    order.write_design("page.png");
    expect_clean(order.check());
    expect_pixel(decode(order / "page.png"), 110, 60, 30, 140, 90, 4);
}

}  // namespace
}  // namespace preflight::hostile
