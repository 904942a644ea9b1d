// Bounded per order (issue 14): a file named by many pages is decoded once; the order's
// pixel budget is checked on each header before decoding; the font cache stays within its
// bytes; photo originals are shrunk on load.
#include <gtest/gtest.h>

#include "hostile/hostile_support.hpp"
#include "input/decode.hpp"
#include "input/prepare.hpp"
#include "preflight/checker.hpp"
#include "preflight/formats.hpp"
#include "text/font.hpp"

namespace preflight {
namespace {

namespace fs = std::filesystem;

// A design of `pages` pages that all print the same raster file.
void write_many_pages(const hostile::OneCardExport& order, int pages, const std::string& raster) {
    std::string json = R"({"design_id": "many", "product": "christmas", "trim_mm": [20, 10], "bleed_mm": 1, "safe_mm": 1, "pages": [)";
    for (int p = 0; p < pages; ++p)
        json += (p ? "," : "") + std::string(R"({"name": "p)") + std::to_string(p) + R"(", "raster": ")" + raster +
                R"(", "dpi": 254, "elements": []})";
    order.write_design_text(json + "]}");
}

TEST(OrderInputs, EightPagesOfOneFileDecodeOnce) {
    hostile::OneCardExport order;
    testing::write_raster(testing::solid_raster(hostile::page_width_px, hostile::page_height_px, 200, 200, 200),
                          order / "page.png");
    write_many_pages(order, 8, "page.png");
    const text::FontCache fonts;
    const AssetSource assets = AssetSource::files(order.root());
    input::OrderInputs inputs(assets, input::InputLimits{}, fonts);
    auto prepared = inputs.prepare("", "design.json", "design");
    ASSERT_TRUE(prepared.ok()) << (prepared.problems.empty() ? "" : prepared.problems[0].message);
    ASSERT_EQ(prepared.pages.size(), 8u);
    for (const auto& page : prepared.pages) EXPECT_EQ(page.raster.get(), prepared.pages[0].raster.get());
    EXPECT_NEAR(inputs.megapixels_used(), hostile::page_width_px * hostile::page_height_px / 1e6, 1e-9);
}

TEST(OrderInputs, PixelBudgetIsCheckedOnTheHeaderBeforeDecoding) {
    hostile::OneCardExport order;
    // 5000 x 3000 px, one colour (a small file): 15 megapixels that would be 45 MB decoded.
    testing::write_raster(testing::solid_raster(5000, 3000, 30, 30, 30), order / "huge.png");
    write_many_pages(order, 8, "huge.png");
    Policy policy;
    policy.checks["input.unreadable"]["max_order_megapixels"] = 10.0;
    const Checker checker(policy);
    auto findings = checker.check_design("design.json", AssetSource::files(order.root()));
    int budget = 0;
    for (const auto& finding : findings)
        if (finding.check == "input.unreadable" && finding.code == "order_budget") {
            ++budget;
            EXPECT_NEAR(std::get<double>(finding.details.at("order_mp")), 15.0, 1e-6);
            EXPECT_EQ(std::get<double>(finding.details.at("limit_mp")), 10.0);
        }
    EXPECT_EQ(budget, 8) << "each page names the file over the budget";
    // Within the budget the same file is decoded once and judged on its size.
    policy.checks["input.unreadable"]["max_order_megapixels"] = 20.0;
    const Checker roomy(policy);
    auto roomy_findings = roomy.check_design("design.json", AssetSource::files(order.root()));
    for (const auto& finding : roomy_findings) EXPECT_NE(finding.code, "order_budget");
}

TEST(FontCache, SixHundredFontsStayWithinTheCachesBytes) {
    const std::string bytes = hostile::read_bytes(testing::system_font("DejaVuSans.ttf"));
    const std::size_t budget = 16u * 1024 * 1024;
    const text::FontCache fonts(budget);
    std::size_t largest = 0;
    for (int i = 0; i < 600; ++i) {
        std::string check, error;
        auto font = fonts.get("order-" + std::to_string(i), "font.ttf",
                              [&] { return text::FontCache::FileBytes{bytes, {}, {}}; }, check, error);
        ASSERT_NE(font, nullptr) << error;
        largest = std::max(largest, fonts.stats().bytes);
    }
    auto stats = fonts.stats();
    EXPECT_LE(largest, budget);
    EXPECT_EQ(stats.loads, 600u);
    EXPECT_GT(stats.evictions, 500u);
    EXPECT_GT(stats.fonts, 0u);
    // A font still in the cache is not read again.
    std::string check, error;
    bool read_again = false;
    fonts.get("order-599", "font.ttf", [&] { read_again = true; return text::FontCache::FileBytes{bytes, {}, {}}; },
              check, error);
    EXPECT_FALSE(read_again);
}

TEST(PhotoSources, OriginalsAreDecodedAtTheSizeTheirFrameNeedsAndMissingOnesStayNull) {
    hostile::OneCardExport order;
    testing::write_raster(testing::solid_raster(hostile::page_width_px, hostile::page_height_px, 200, 200, 200),
                          order / "page.png");
    testing::write_raster(testing::solid_raster(3000, 2000, 120, 90, 60), order / "photo.jpg");
    order.write_design("page.png", R"({"id": "p1", "type": "photo", "box_mm": [0, 0, 20, 10], "source_px": [3000, 2000],
        "crop_px": [0, 0, 3000, 1500], "file": "photo.jpg"},
        {"id": "p2", "type": "photo", "box_mm": [0, 0, 20, 10], "source_px": [3000, 2000], "crop_px": [0, 0, 3000, 1500],
         "file": "gone.jpg"},
        {"id": "p3", "type": "photo", "box_mm": [0, 0, 148, 105], "source_px": [3000, 2000], "crop_px": [0, 0, 1000, 700],
         "file": "photo.jpg"})");
    const text::FontCache fonts;
    const AssetSource assets = AssetSource::files(order.root());
    input::OrderInputs inputs(assets, input::InputLimits{}, fonts);
    auto prepared = inputs.prepare("", "design.json", "design");
    ASSERT_TRUE(prepared.ok()) << (prepared.problems.empty() ? "" : prepared.problems[0].message);
    const auto& sources = prepared.pages[0].photo_sources;
    ASSERT_EQ(sources.size(), 3u);
    ASSERT_NE(sources[0], nullptr);
    EXPECT_EQ(sources[0]->original_width, 3000);
    EXPECT_EQ(sources[0]->original_height, 2000);
    // 20 mm at 300 ppi is 236.2 px for the crop's 3000: the upload at 237 + 1 px (decoded at
    // 1/8 in the DCT, 375 px, then area-resampled), not at 2048 as before.
    EXPECT_EQ(std::max(sources[0]->pixels->width, sources[0]->pixels->height), 238);
    EXPECT_NEAR(sources[0]->scale, 238.0 / 3000.0, 1e-3);
    EXPECT_NEAR(sources[0]->pixels->row(10)[30 * 3], 120, 3);
    EXPECT_EQ(sources[1], nullptr);
    // The same file in a frame that needs more (148 mm from a 1000 px crop: 1748 px of it)
    // is decoded again, at most 2048 px (InputLimits::photo_max_side_px).
    ASSERT_NE(sources[2], nullptr);
    EXPECT_EQ(std::max(sources[2]->pixels->width, sources[2]->pixels->height), 2048);
    EXPECT_NEAR(sources[2]->scale, 2048.0 / 3000.0, 1e-3);
}

TEST(Decode, TheFormatIsChosenByMagicBytes) {
    EXPECT_EQ(input::sniff_image(std::vector<std::uint8_t>{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}).format,
              input::ImageFormat::png);
    std::string svg = "\xEF\xBB\xBF  <svg/>";
    auto sniffed = input::sniff_image(std::span(reinterpret_cast<const std::uint8_t*>(svg.data()), svg.size()));
    EXPECT_EQ(sniffed.format, input::ImageFormat::unknown);
    EXPECT_NE(sniffed.name.find("SVG"), std::string::npos);
    // A JPEG named .png decodes (content decides), an SVG named .jpg does not.
    hostile::OneCardExport order;
    testing::write_raster(testing::solid_raster(40, 30, 10, 200, 10), order / "page.jpg");
    std::string jpeg = hostile::read_bytes(order / "page.jpg");
    auto decoded = input::decode_raster_bytes(std::span(reinterpret_cast<const std::uint8_t*>(jpeg.data()), jpeg.size()), {});
    ASSERT_EQ(decoded.error_check, "") << decoded.error;
    EXPECT_EQ(decoded.raster.width, 40);
}

}  // namespace
}  // namespace preflight

namespace preflight {
namespace {

TEST(OrderInputs, PastTheDeadlineNothingMoreIsDecoded) {
    hostile::OneCardExport order;
    testing::write_raster(testing::solid_raster(hostile::page_width_px, hostile::page_height_px, 200, 200, 200),
                          order / "page.png");
    write_many_pages(order, 3, "page.png");
    const text::FontCache fonts;
    const AssetSource assets = AssetSource::files(order.root());
    input::InputLimits limits;
    limits.decode.deadline = std::chrono::steady_clock::now() - std::chrono::seconds(1);
    input::OrderInputs late(assets, limits, fonts);
    auto prepared = late.prepare("", "design.json", "design");
    EXPECT_TRUE(late.timed_out());
    EXPECT_TRUE(prepared.problems.empty()) << "a cut-short order gets input.time_limit from the checker, nothing else";
    EXPECT_EQ(late.megapixels_used(), 0);
    // A decode that runs into its deadline stops with an error instead of finishing.
    std::string png = hostile::read_bytes(order / "page.png");
    auto decoded = input::decode_raster_bytes(std::span(reinterpret_cast<const std::uint8_t*>(png.data()), png.size()),
                                              limits.decode);
    EXPECT_EQ(decoded.error_check, "input.unreadable");
    EXPECT_NE(decoded.error.find("time limit"), std::string::npos) << decoded.error;
}

}  // namespace
}  // namespace preflight
