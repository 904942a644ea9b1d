// Checking from memory (issue 16): a design whose files are bytes, or whose page is pixels
// already rendered, gets the same verdict as the same design read from a folder.
#include <gtest/gtest.h>

#include "core/raster.hpp"
#include "hostile/hostile_support.hpp"
#include "preflight/assets.hpp"
#include "preflight/checker.hpp"
#include "preflight/formats.hpp"

namespace preflight {
namespace {

namespace fs = std::filesystem;

std::vector<std::uint8_t> file_bytes(const fs::path& file) {
    std::string bytes = hostile::read_bytes(file);
    return {bytes.begin(), bytes.end()};
}

std::string ids(const std::vector<Finding>& findings) {
    std::string text;
    for (const auto& finding : findings) text += finding.check + (finding.code.empty() ? "" : "/" + finding.code) + " ";
    return text;
}

// A card with a page that has a dark band cut short of the left edge (a bleed finding) and
// a text at 4 pt (too small): findings from pixels and from the font both.
struct Card {
    hostile::OneCardExport order;
    Card() {
        core::Raster page = testing::solid_raster(hostile::page_width_px, hostile::page_height_px, 250, 245, 235);
        testing::fill_rect(page, {30, 0, hostile::page_width_px, 40}, 20, 40, 120);
        testing::write_raster(page, order / "front.png");
        fs::copy_file(testing::system_font("DejaVuSans.ttf"), order / "font.ttf");
        order.write_design("front.png", R"({"id": "t1", "type": "text", "box_mm": [2, 5, 16, 4], "font_file": "font.ttf",
                                          "size_pt": 4, "text": "Anna de Vries"})");
    }
};

const Checker& checker() {
    static const Checker instance{Policy{}};
    return instance;
}

TEST(AssetSource, OrderFromBytesGetsTheVerdictOfTheFolder) {
    Card card;
    auto order = parse_order(hostile::OneCardExport::order_line());
    ASSERT_TRUE(order.ok());
    Verdict from_folder = checker().check_order(*order, card.order.root());
    ASSERT_FALSE(from_folder.findings.empty()) << "the card must have findings for the comparison to mean something";
    AssetSource memory = AssetSource::memory();
    for (const char* name : {"design.json", "front.png", "font.ttf"}) memory.add_file(name, file_bytes(card.order / name));
    Verdict from_memory = checker().check_order(*order, memory);
    EXPECT_EQ(from_memory.verdict, from_folder.verdict);
    EXPECT_EQ(ids(from_memory.findings), ids(from_folder.findings));
}

TEST(AssetSource, RenderedPixelsGetTheVerdictOfTheDecodedFile) {
    Card card;
    auto folder_findings = checker().check_design("design.json", AssetSource::files(card.order.root()));
    ASSERT_FALSE(folder_findings.empty());
    auto decoded = core::decode_raster((card.order / "front.png").string(), {});
    ASSERT_EQ(decoded.error_check, "");
    // RGBA with a padded stride, as a renderer hands them over.
    RenderedPixels pixels;
    pixels.width = decoded.raster.width;
    pixels.height = decoded.raster.height;
    pixels.channels = 4;
    pixels.stride_bytes = std::size_t(pixels.width) * 4 + 12;
    pixels.dpi = 254;
    pixels.bytes.assign(pixels.stride_bytes * std::size_t(pixels.height), 0);
    for (int y = 0; y < pixels.height; ++y)
        for (int x = 0; x < pixels.width; ++x)
            for (int c = 0; c < 4; ++c)
                pixels.bytes[std::size_t(y) * pixels.stride_bytes + std::size_t(x) * 4 + std::size_t(c)] =
                    c == 3 ? 255 : decoded.raster.row(y)[x * 3 + c];
    AssetSource memory = AssetSource::memory();
    memory.add_file("design.json", file_bytes(card.order / "design.json"));
    memory.add_file("font.ttf", file_bytes(card.order / "font.ttf"));
    memory.add_rendered("front.png", std::move(pixels));
    EXPECT_EQ(ids(checker().check_design("design.json", memory)), ids(folder_findings));
    // A parsed design, with its files from memory, the same again.
    auto design = parse_design(hostile::read_bytes(card.order / "design.json"));
    ASSERT_TRUE(design.ok());
    EXPECT_EQ(ids(checker().check_design(*design, memory)), ids(folder_findings));
}

TEST(AssetSource, MissingMemoryFilesAndWrongRenderedSizesAreInputFindings) {
    Card card;
    AssetSource memory = AssetSource::memory();
    memory.add_file("design.json", file_bytes(card.order / "design.json"));
    auto findings = checker().check_design("design.json", memory);
    EXPECT_NE(ids(findings).find("input.missing_file"), std::string::npos) << ids(findings);
    RenderedPixels small;
    small.width = 10;
    small.height = 10;
    small.bytes.assign(300, 200);
    memory.add_file("font.ttf", file_bytes(card.order / "font.ttf")).add_rendered("front.png", small);
    EXPECT_NE(ids(checker().check_design("design.json", memory)).find("input.raster_size"), std::string::npos);
    RenderedPixels short_bytes = small;
    short_bytes.bytes.resize(100);
    memory.add_rendered("front.png", short_bytes);
    EXPECT_NE(ids(checker().check_design("design.json", memory)).find("input.unreadable"), std::string::npos);
}

TEST(AssetSource, LintResolvesFromTheDesignsFolderAndConfinesToTheRoot) {
    Card card;
    fs::create_directories(card.order / "templates/a");
    fs::rename(card.order / "design.json", card.order / "templates/a/design.json");
    // The design's paths are relative to its own folder: ../../front.png is the export's page.
    std::string text = hostile::read_bytes(card.order / "templates/a/design.json");
    for (const std::string name : {"front.png", "font.ttf"})
        text.replace(text.find("\"" + name + "\""), name.size() + 2, "\"../../" + name + "\"");
    hostile::write_bytes(card.order / "templates/a/design.json", text);
    auto inside = checker().lint_design(card.order / "templates/a/design.json", card.order.root());
    EXPECT_EQ(ids(inside).find("input."), std::string::npos) << ids(inside);
    auto confined = checker().lint_design(card.order / "templates/a/design.json", card.order / "templates");
    EXPECT_NE(ids(confined).find("input.path_outside"), std::string::npos) << ids(confined);
}

}  // namespace
}  // namespace preflight
