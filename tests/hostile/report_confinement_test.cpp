// The report's pictures are confined like the checker (issue 14): a page raster swapped after
// checking for a link out of the export, an SVG pointing outside, or a FIFO never opens the
// outside decoy (watched with inotify) and draws no picture; a normal page still shows its
// real pixels.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include "core/raster.hpp"
#include "hostile/hostile_support.hpp"
#include "preflight/report.hpp"

namespace preflight::hostile {
namespace {

namespace fs = std::filesystem;

// The one-card order, checked; then held with one finding outlined on its page (the report
// draws overlays for held orders only).
Verdict checked_and_held(const OneCardExport& order) {
    Verdict verdict = order.check();
    EXPECT_EQ(verdict.pages.size(), 1u) << finding_ids(verdict);
    verdict.verdict = VerdictKind::hold;
    Finding finding;
    finding.check = "bleed.coverage";
    finding.severity = Severity::error;
    finding.page = "front";
    finding.message = "outlined";
    finding.where_mm = std::array<double, 4>{2, 2, 6, 4};
    verdict.findings = {finding};
    return verdict;
}

// The pictures a report folder holds.
std::vector<fs::path> pictures(const fs::path& report) {
    std::vector<fs::path> found;
    std::error_code ec;
    for (const auto& entry : fs::recursive_directory_iterator(report, ec))
        if (entry.path().extension() == ".jpg") found.push_back(entry.path());
    return found;
}

// Writes the report of one verdict; `root` as the CLI passes it (the export folder), or empty.
void write_report(const fs::path& dir, const Verdict& verdict, const fs::path& root) {
    HtmlReportOptions options;
    options.root = root;
    HtmlReport report(dir, options);
    report.add(verdict);
    const Result<void> written = report.finish();
    ASSERT_TRUE(written.ok()) << written.error().message;
    ASSERT_TRUE(fs::exists(dir / "index.html"));
}

fs::path write_decoy(const testing::TempDir& outside) {
    fs::path decoy = outside / "outside.png";
    testing::write_raster(testing::solid_raster(page_width_px, page_height_px, 200, 30, 160), decoy);
    return decoy;
}

TEST(ReportConfinement, NormalPageShowsItsOwnPixels) {
    for (const bool export_root : {true, false}) {
        OneCardExport order;
        testing::write_raster(testing::solid_raster(page_width_px, page_height_px, 30, 120, 200), order / "front.png");
        order.write_design("front.png");
        const Verdict verdict = checked_and_held(order);
        testing::TempDir report;
        write_report(report.path(), verdict, export_root ? order.root() : fs::path());
        const auto found = pictures(report.path());
        ASSERT_EQ(found.size(), 1u) << (export_root ? "root given" : "design folder");
        auto picture = core::decode_raster(found[0].string(), {});
        ASSERT_TRUE(picture.error.empty()) << picture.error;
        EXPECT_EQ(picture.raster.width, page_width_px);
        long page_blue = 0;
        for (int y = 0; y < picture.raster.height; ++y)
            for (int x = 0; x < picture.raster.width; ++x) {
                const unsigned char* p = picture.raster.row(y) + 3 * x;
                page_blue += std::abs(p[0] - 30) < 20 && std::abs(p[1] - 120) < 20 && std::abs(p[2] - 200) < 20;
            }
        EXPECT_GT(page_blue, long(page_width_px) * page_height_px / 2) << "the page's own pixels are not in the picture";
    }
}

TEST(ReportConfinement, RasterSwappedForLinkOutAfterCheckingIsNeverOpened) {
    OneCardExport order;
    testing::TempDir outside;
    const fs::path decoy = write_decoy(outside);
    testing::write_raster(testing::solid_raster(page_width_px, page_height_px, 30, 120, 200), order / "front.png");
    order.write_design("front.png");
    const Verdict verdict = checked_and_held(order);
    fs::remove(order / "front.png");
    fs::create_symlink(decoy, order / "front.png");
    for (const bool export_root : {true, false}) {
        AccessWatch watch(decoy);
        testing::TempDir report;
        write_report(report.path(), verdict, export_root ? order.root() : fs::path());
        EXPECT_EQ(watch.events(), 0) << "the report opened the outside file";
        EXPECT_TRUE(pictures(report.path()).empty()) << "a picture was drawn from outside the export";
    }
    // The watch itself works: reading the decoy through the link is seen.
    AccessWatch watch(decoy);
    EXPECT_FALSE(read_bytes(order / "front.png").empty());
    EXPECT_GT(watch.events(), 0);
}

TEST(ReportConfinement, RasterSwappedForSvgOrFifoDrawsNothing) {
    OneCardExport order;
    testing::TempDir outside;
    const fs::path decoy = write_decoy(outside);
    testing::write_raster(testing::solid_raster(page_width_px, page_height_px, 30, 120, 200), order / "front.png");
    order.write_design("front.png");
    const Verdict verdict = checked_and_held(order);
    write_bytes(order / "front.png", "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                "xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"220\" height=\"120\"><image xlink:href=\"" +
                decoy.string() + "\" href=\"" + decoy.string() + "\" width=\"220\" height=\"120\"/></svg>\n");
    {
        AccessWatch watch(decoy);
        testing::TempDir report;
        write_report(report.path(), verdict, order.root());
        EXPECT_EQ(watch.events(), 0) << "the SVG's outside image was opened";
        EXPECT_TRUE(pictures(report.path()).empty());
    }
    fs::remove(order / "front.png");
    ASSERT_EQ(::mkfifo((order / "front.png").c_str(), 0600), 0);
    const auto start = std::chrono::steady_clock::now();
    testing::TempDir report;
    write_report(report.path(), verdict, order.root());
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10)) << "the FIFO blocked the report";
    EXPECT_TRUE(pictures(report.path()).empty());
}

// A raster swapped after checking for a valid but far larger image inside the export: the
// report reads the header and refuses it instead of decoding what the checker never accepted.
TEST(ReportConfinement, RasterSwappedForALargerImageDrawsNothing) {
    OneCardExport order;
    testing::write_raster(testing::solid_raster(page_width_px, page_height_px, 30, 120, 200), order / "front.png");
    order.write_design("front.png");
    const Verdict verdict = checked_and_held(order);
    testing::write_raster(testing::solid_raster(page_width_px * 8, page_height_px * 8, 30, 120, 200), order / "front.png");
    testing::TempDir report;
    write_report(report.path(), verdict, order.root());
    EXPECT_TRUE(pictures(report.path()).empty()) << "an image 64 times the page was decoded for the report";
}

}  // namespace
}  // namespace preflight::hostile
