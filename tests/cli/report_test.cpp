// The service report opened in a real browser (Debian's headless Chromium): what it shows,
// the filters (driven by the URL, as a bookmark would), and the overlay pictures' pixels.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>

#include "core/raster.hpp"
#include "support/test_support.hpp"

namespace preflight {
namespace {

namespace fs = std::filesystem;

std::string capture(const std::string& command) { return testing::run_command(command + " 2>/dev/null").out; }

std::string chromium(const fs::path& profile, const std::string& args) {
    return "chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking "
           "--disable-component-update --disable-sync --user-data-dir=" + profile.string() + " " + args;
}

class Report : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new testing::TempDir();
        fs::path exported = dir_->path() / "export";
        capture(std::string(PREFLIGHT_MAKE_SAMPLES_PATH) + " " + exported.string());
        capture(std::string(PREFLIGHT_CLI_PATH) + " check " + (exported / "orders.jsonl").string() + " --policy " +
                (exported / "policy.json").string() + " --now 2026-11-25T10:00:00+01:00 --report " +
                (dir_->path() / "report").string());
    }
    static void TearDownTestSuite() { delete dir_; }
    static std::string page_url(const std::string& hash = "") {
        return "file://" + (dir_->path() / "report/index.html").string() + hash;
    }
    static testing::TempDir* dir_;
};
testing::TempDir* Report::dir_ = nullptr;

// The sections the browser shows after the page's script ran (hidden ones excluded).
std::vector<std::string> visible_orders(const std::string& dom) {
    std::vector<std::string> ids;
    std::regex section(R"re(<section class="order( hidden)?" data-verdict="[a-z]+" data-checks="[^"]*" id="order-([^"]+)")re");
    for (std::sregex_iterator it(dom.begin(), dom.end(), section), end; it != end; ++it)
        if (!(*it)[1].matched) ids.push_back((*it)[2]);
    return ids;
}

TEST_F(Report, BrowserShowsTheOrdersThatNeedSomeoneFirst) {
    ASSERT_TRUE(fs::exists(dir_->path() / "report/index.html"));
    std::string dom = capture(chromium(dir_->path() / "profile1", "--dump-dom '" + page_url() + "'"));
    ASSERT_NE(dom.find("preflight: orders checked"), std::string::npos) << "chromium did not render the report";
    auto ids = visible_orders(dom);
    ASSERT_GE(ids.size(), 6u);
    // The cancellation first, then the holds, then the errors.
    EXPECT_EQ(ids.front(), "SP-1005");
    auto position = [&](const std::string& id) { return std::find(ids.begin(), ids.end(), id) - ids.begin(); };
    EXPECT_LT(position("SP-1006"), position("SP-1020"));
    EXPECT_LT(position("SP-1002"), position("SP-1023"));
    EXPECT_NE(std::find(ids.begin(), ids.end(), "SP-1023"), ids.end());
    std::smatch count;
    ASSERT_TRUE(std::regex_search(dom, count, std::regex(R"(id="count-error"><b>(\d+)</b>)")));
    EXPECT_EQ(count[1], "6");
    EXPECT_NE(dom.find("contact the customer by 2026-11-26T10:00:00+01:00"), std::string::npos);
}

TEST_F(Report, FiltersFromTheAddressBar) {
    std::string dom = capture(chromium(dir_->path() / "profile2", "--dump-dom '" + page_url("#verdict=error") + "'"));
    auto ids = visible_orders(dom);
    EXPECT_EQ(std::find(ids.begin(), ids.end(), "SP-1006"), ids.end());   // the hold is filtered out
    EXPECT_NE(std::find(ids.begin(), ids.end(), "SP-1021"), ids.end());
    std::string by_check = capture(chromium(dir_->path() / "profile3", "--dump-dom '" + page_url("#check=text.overflow") + "'"));
    EXPECT_EQ(visible_orders(by_check), std::vector<std::string>{"SP-1006"});
    EXPECT_NE(by_check.find("<span id=\"shown\">1</span>"), std::string::npos);
}

TEST_F(Report, OverlayOutlinesTheFindingInRed) {
    fs::path image;
    for (const auto& entry : fs::directory_iterator(dir_->path() / "report/img"))
        if (entry.path().filename().string().rfind("SP-1006", 0) == 0) image = entry.path();
    ASSERT_FALSE(image.empty());
    auto decoded = core::decode_raster(image.string(), {});
    ASSERT_TRUE(decoded.error.empty());
    EXPECT_EQ(decoded.raster.width, 900);
    long red = 0;
    for (int y = 0; y < decoded.raster.height; ++y)
        for (int x = 0; x < decoded.raster.width; ++x) {
            const auto* p = decoded.raster.row(y) + x * 3;
            if (p[0] > 180 && p[1] < 90 && p[2] < 90) ++red;
        }
    EXPECT_GT(red, 1000);   // the 3 px frame around the text box and its label
}

TEST_F(Report, ScreenshotIsTaken) {
    fs::path shot = dir_->path() / "report.png";
    capture(chromium(dir_->path() / "profile4", "--window-size=1280,1600 --screenshot=" + shot.string() + " '" + page_url() + "'"));
    ASSERT_TRUE(fs::exists(shot));
    auto decoded = core::decode_raster(shot.string(), {});
    ASSERT_TRUE(decoded.error.empty());
    EXPECT_EQ(decoded.raster.width, 1280);
    // The dark header band is there (the page rendered, not a blank window).
    const auto* header = decoded.raster.row(20) + 640 * 3;
    EXPECT_LT(header[0], 80);
}

}  // namespace
}  // namespace preflight
