// The service report opened in a real browser (Debian's headless Chromium), on the sample
// export in Dutch and in English with --fix-dir: the worklist order, who to contact and how,
// honest fix status, pictures inside the folder, no overflow at 1400 and 390 px, no serious
// or critical axe-core violation, and a reused folder keeping only this run's files.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "core/raster.hpp"
#include "cli/report_support.hpp"
#include "support/test_support.hpp"

namespace preflight {
namespace {

namespace fs = std::filesystem;
using testing::chromium;
using testing::capture;

// The two runs the tests read (Dutch and English, with --fix-dir), made once per build of the
// programs: ctest runs every test in its own process, and each run takes seconds. Kept in the
// build folder under the programs' modification times; made in a private folder and renamed
// into place, so two tests starting at once never see half of it.
fs::path shared_runs() {
    const fs::path cli(PREFLIGHT_CLI_PATH), samples(PREFLIGHT_MAKE_SAMPLES_PATH);
    const auto stamp = [](const fs::path& file) { return std::to_string(fs::last_write_time(file).time_since_epoch().count()); };
    const fs::path root = cli.parent_path() / "report-test-runs";
    const fs::path ready = root / (stamp(cli) + "-" + stamp(samples));
    if (fs::exists(ready / "done")) return ready;
    fs::create_directories(root);
    std::string pattern = (root / "tmp-XXXXXX").string();
    const fs::path work = mkdtemp(pattern.data());
    const fs::path exported = work / "export";
    capture(std::string(PREFLIGHT_MAKE_SAMPLES_PATH) + " " + exported.string());
    for (const std::string lang : {"nl", "en"})
        capture(std::string(PREFLIGHT_CLI_PATH) + " check " + (exported / "orders.jsonl").string() + " --policy " +
                (exported / "policy.json").string() + " --now 2026-11-25T10:00:00+01:00 --lang " + lang + " --report " +
                (work / ("report-" + lang)).string() + " --fix-dir " + (work / ("fixed-" + lang)).string() + " -o " +
                (work / (lang + ".jsonl")).string());
    testing::write_text(work / "done", "");
    std::error_code ec;
    fs::rename(work, ready, ec);
    if (ec) fs::remove_all(work, ec);   // another test made it first
    for (const auto& entry : fs::directory_iterator(root, ec))   // runs of older builds
        if (entry.path() != ready && entry.path().filename().string().rfind("tmp-", 0) != 0) fs::remove_all(entry.path(), ec);
    return ready;
}

class Report : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        runs_ = new fs::path(shared_runs());
        dir_ = new testing::TempDir();   // this process's browser profiles, screenshots, folders
    }
    static void TearDownTestSuite() {
        delete dir_;
        delete runs_;
    }
    static fs::path report(const std::string& lang) { return *runs_ / ("report-" + lang); }
    static std::string url(const std::string& lang, const std::string& page = "index.html", const std::string& hash = "") {
        return "file://" + (report(lang) / page).string() + hash;
    }
    static std::string dom(const std::string& lang, const std::string& hash = "") {
        static int profile = 0;
        return capture(chromium(dir_->path() / ("profile" + std::to_string(++profile)), "--dump-dom '" + url(lang, "index.html", hash) + "'"));
    }
    static testing::TempDir* dir_;
    static fs::path* runs_;
};
testing::TempDir* Report::dir_ = nullptr;
fs::path* Report::runs_ = nullptr;

TEST_F(Report, DutchWorklistPutsCallsFirstWithWhoHowAndBy) {
    const std::string page = dom("nl");
    ASSERT_NE(page.find("<html lang=\"nl\">"), std::string::npos) << "chromium did not render the report";
    const auto ids = testing::visible_orders(page);
    ASSERT_GE(ids.size(), 6u);
    EXPECT_EQ(ids.front(), "SP-1005");   // the cancellation first
    const auto position = [&](const std::string& id) { return std::find(ids.begin(), ids.end(), id) - ids.begin(); };
    // SP-1007 needs the customer (a year); SP-1006 and SP-1002 the team fixes itself; errors last.
    EXPECT_LT(position("SP-1007"), position("SP-1006"));
    EXPECT_LT(position("SP-1006"), position("SP-1023"));
    const std::string cancel = testing::section_of(page, "SP-1005");
    EXPECT_NE(cancel.find("herstelorder"), std::string::npos);
    const std::string call = testing::section_of(page, "SP-1007");
    EXPECT_NE(call.find("Reageren vóór do 26 nov, 10:00"), std::string::npos) << call;
    EXPECT_NE(call.find("nog 8 werkuren"), std::string::npos) << call;
    EXPECT_NE(call.find("href=\"tel:0612345678\""), std::string::npos) << call;
    EXPECT_NE(call.find("Wat u de klant vertelt"), std::string::npos);
    // The mail is pre-filled in Dutch with that order's customer sentence.
    std::smatch mail;
    ASSERT_TRUE(std::regex_search(call, mail, std::regex("href=\"mailto:([^\"]+)\"")));
    const std::string decoded = testing::percent_decode(mail[1]);
    EXPECT_NE(decoded.find("klant@example.nl?subject=Uw bestelling SP-1007"), std::string::npos) << decoded;
    EXPECT_NE(decoded.find("Op de kaart staat 2021"), std::string::npos) << decoded;
    EXPECT_NE(decoded.find("Met vriendelijke groet"), std::string::npos) << decoded;
    // What the team fixes itself has no deadline.
    const std::string self = testing::section_of(page, "SP-1006");
    EXPECT_NE(self.find("zelf oplossen"), std::string::npos);
    EXPECT_EQ(self.find("Reageren"), std::string::npos);
}

TEST_F(Report, FixStatusSaysExactlyWhatHappened) {
    for (const std::string lang : {"nl", "en"}) {
        const std::string page = dom(lang);
        const std::string box = testing::section_of(page, "SP-1006"), bleed = testing::section_of(page, "SP-1002");
        const bool nl = lang == "nl";
        // A text box was enlarged in the design: the page is not re-rendered, so never "ready".
        EXPECT_NE(box.find(nl ? "opnieuw te laten opbouwen" : "re-render the page"), std::string::npos) << box;
        EXPECT_EQ(box.find(nl ? "klaar om te drukken na" : "ready to print after"), std::string::npos) << box;
        EXPECT_EQ(box.find(nl ? "vrijgeven" : "release"), std::string::npos);
        EXPECT_NE(bleed.find(nl ? "klaar om te drukken na een blik" : "ready to print after a look"), std::string::npos) << bleed;
        // Every picture is inside the report folder and exists.
        std::regex img("<img src=\"([^\"]+)\"");
        int pictures = 0;
        for (std::sregex_iterator it(page.begin(), page.end(), img), end; it != end; ++it, ++pictures) {
            const std::string src = (*it)[1];
            EXPECT_EQ(src.find(".."), std::string::npos) << src;
            EXPECT_NE(src.front(), '/') << src;
            EXPECT_EQ(src.find(':'), std::string::npos) << src;
            EXPECT_TRUE(fs::exists(report(lang) / src)) << src;
        }
        EXPECT_GE(pictures, 6);   // two pages outlined, two edge zooms, two whole pages
        EXPECT_NE(bleed.find("src=\"fix/"), std::string::npos);
        EXPECT_NE(box.find("src=\"fix/"), std::string::npos);
    }
}

TEST_F(Report, FiltersFromTheAddressBar) {
    auto ids = testing::visible_orders(dom("en", "#verdict=error"));
    EXPECT_EQ(std::find(ids.begin(), ids.end(), "SP-1006"), ids.end());   // the hold is filtered out
    EXPECT_NE(std::find(ids.begin(), ids.end(), "SP-1021"), ids.end());
    const std::string by_check = dom("en", "#check=text.overflow");
    EXPECT_EQ(testing::visible_orders(by_check), std::vector<std::string>{"SP-1006"});
    EXPECT_NE(by_check.find("<span id=\"shown\">1</span>"), std::string::npos);
}

TEST_F(Report, OverlayOutlinesTheFindingInRed) {
    fs::path image = report("en") / "img" / "SP-1006-6-front.jpg";
    ASSERT_TRUE(fs::exists(image));
    auto decoded = core::decode_raster(image.string(), {});
    ASSERT_TRUE(decoded.error.empty());
    EXPECT_EQ(decoded.raster.width, 900);
    EXPECT_GT(testing::count_pixels(decoded.raster, [](const unsigned char* p) { return p[0] > 180 && p[1] < 90 && p[2] < 90; }), 1000);
}

TEST_F(Report, FixPicturesMarkWhatChanged) {
    // The bleed fix of SP-1002 (left edge): the edge enlarged, the generated band outlined in
    // blue, and the band itself changed from paper to artwork between before and after.
    const fs::path fix = report("nl") / "fix";
    auto before = core::decode_raster((fix / "SP-1002-2-1-front-edge1-before.jpg").string(), {});
    auto after = core::decode_raster((fix / "SP-1002-2-1-front-edge1-after.jpg").string(), {});
    ASSERT_TRUE(before.error.empty() && after.error.empty()) << before.error << after.error;
    ASSERT_EQ(before.raster.width, after.raster.width);
    const auto blue = [](const unsigned char* p) { return p[2] > 170 && p[0] < 90 && p[1] < 140; };
    EXPECT_GT(testing::count_pixels(before.raster, blue), 200);
    EXPECT_GT(testing::count_pixels(after.raster, blue), 200);
    // The crop is the 3 mm bleed and 8 mm of the card: the band is its left ~2/11.
    const int band_px = before.raster.width * 2 / 11;
    EXPECT_GT(testing::mean_difference(before.raster, after.raster, 2, band_px - 2), 8.0) << "the generated bleed does not show";
    EXPECT_LT(testing::mean_difference(before.raster, after.raster, band_px * 2, before.raster.width), 3.0) << "the card itself changed";
    // The enlarged box of SP-1006: green (the new box) after, none before.
    auto page_before = core::decode_raster((fix / "SP-1006-6-1-front-page-before.jpg").string(), {});
    auto page_after = core::decode_raster((fix / "SP-1006-6-1-front-page-after.jpg").string(), {});
    ASSERT_TRUE(page_before.error.empty() && page_after.error.empty());
    const auto green = [](const unsigned char* p) { return p[1] > 130 && p[0] < 80 && p[2] < 120; };
    const auto red = [](const unsigned char* p) { return p[0] > 180 && p[1] < 80 && p[2] < 80; };
    EXPECT_GT(testing::count_pixels(page_after.raster, green), 300);
    EXPECT_LT(testing::count_pixels(page_before.raster, green), 30);
    EXPECT_GT(testing::count_pixels(page_before.raster, red), 300);
}

TEST_F(Report, NoHorizontalOverflowAt1400And390) {
    for (const std::string lang : {"nl", "en"})
        for (int width : {1400, 390}) {
            const auto layout = testing::measure_layout(dir_->path(), report(lang), width);
            ASSERT_TRUE(layout.measured) << lang << " " << width << ": the measuring script did not run";
            EXPECT_EQ(layout.inner_width, width);
            EXPECT_LE(layout.scroll_width, width) << lang << " " << width << " px: " << layout.widest;
            EXPECT_EQ(layout.wrapped_ids, 0) << lang << " " << width << " px: order ids wrapped: " << layout.widest;
            const fs::path shot = dir_->path() / ("shot-" + lang + "-" + std::to_string(width) + ".png");
            capture(chromium(dir_->path() / ("shot-profile-" + lang + std::to_string(width)),
                             "--hide-scrollbars --window-size=" + std::to_string(width) + ",1600 --screenshot=" + shot.string() +
                                 " '" + url(lang) + "'"));
            auto decoded = core::decode_raster(shot.string(), {});
            ASSERT_TRUE(decoded.error.empty()) << shot;
            EXPECT_EQ(decoded.raster.width, width);
            // The header's dark band spans the whole width: nothing pushed the page wider.
            EXPECT_LT(decoded.raster.row(8)[(width - 4) * 3], 80);
        }
}

TEST_F(Report, PrintsWithThePrintStylesheet) {
    // Printed to PDF by Chromium and read back by libvips (poppler). The print stylesheet
    // closes the header with a black rule across the page (the screen's dark band is not
    // printed) and hides the filter bar.
    const fs::path pdf = dir_->path() / "report.pdf", first = dir_->path() / "page1.png";
    capture(chromium(dir_->path() / "print-profile", "--no-pdf-header-footer --print-to-pdf=" + pdf.string() + " '" + url("nl") + "'"));
    ASSERT_TRUE(fs::exists(pdf));
    capture("vips copy '" + pdf.string() + "[page=0,dpi=50]' '" + first.string() + "'");
    auto page = core::decode_raster(first.string(), {});
    ASSERT_TRUE(page.error.empty()) << page.error;
    const core::Raster& raster = page.raster;
    int rule_row = -1;
    for (int y = 0; y < std::min(raster.height, 200) && rule_row < 0; ++y) {
        int dark = 0;
        for (int x = 0; x < raster.width; ++x) dark += raster.row(y)[x * 3] < 90;
        if (dark > raster.width * 6 / 10) rule_row = y;
    }
    EXPECT_GT(rule_row, 10) << "no black rule under the printed header";
    core::Raster top = raster;
    top.height = std::max(0, rule_row);
    const long dark = testing::count_pixels(top, [](const unsigned char* p) { return p[0] < 80 && p[1] < 80 && p[2] < 90; });
    EXPECT_LT(dark, long(top.width) * top.height / 8) << "the header prints as a dark band";
    EXPECT_GT(dark, 30) << "the header printed blank";
}

TEST_F(Report, AxeFindsNoSeriousOrCriticalViolation) {
    const fs::path axe = testing::axe_script();
    ASSERT_TRUE(fs::exists(axe)) << "axe-core could not be installed with npm ci (tests/browser/package-lock.json)";
    for (const std::string lang : {"nl", "en"})
        for (int width : {1400, 390}) {
            const auto result = testing::run_axe(dir_->path(), report(lang), axe, width);
            ASSERT_TRUE(result.ran) << lang << " " << width << ": axe did not run";
            EXPECT_GT(result.rules_passed, 10) << lang;
            EXPECT_EQ(result.serious, 0) << lang << " " << width << " px: " << result.summary;
        }
}

TEST_F(Report, DutchOutputHasNoEnglishSentence) {
    std::ifstream in(*runs_ / "nl.jsonl");
    int texts = 0;
    for (std::string line; std::getline(in, line);) {
        const auto verdict = nlohmann::json::parse(line, nullptr, false);
        if (verdict.is_discarded()) continue;
        for (const auto& finding : verdict["findings"]) {
            std::vector<nlohmann::json> found{finding["message"], finding["customer_message"]};
            if (finding["fix"].is_object()) found.push_back(finding["fix"]["action"]);
            for (const auto& text : found) {
                if (!text.is_string()) continue;
                ++texts;
                EXPECT_EQ(testing::english_words(text.get<std::string>()), "") << text;
            }
        }
    }
    EXPECT_GE(texts, 30);
    const std::string visible = testing::visible_text(dom("nl"));
    EXPECT_EQ(testing::english_words(visible), "") << visible.substr(0, 3000);
    EXPECT_NE(testing::english_words(testing::visible_text(dom("en"))), "");   // the detector does find English
}

TEST_F(Report, ReusedFolderKeepsOnlyThisRunsFiles) {
    const fs::path folder = dir_->path() / "reused";
    fs::create_directories(folder / "img");
    testing::write_text(folder / "notes.txt", "the team's own notes");
    testing::write_text(folder / "img" / "team-photo.jpg", "not the report's");
    const fs::path exported = *runs_ / "export";
    const std::string base = std::string(PREFLIGHT_CLI_PATH) + " check " + (exported / "orders.jsonl").string() + " --policy " +
                             (exported / "policy.json").string() + " --now 2026-11-25T10:00:00+01:00 -o " + (dir_->path() / "reused.jsonl").string() +
                             " --report " + folder.string();
    capture(base + " --fix-dir " + (dir_->path() / "fixed-reused").string());
    ASSERT_TRUE(fs::exists(folder / "fix"));
    capture(base);   // the second run fixes nothing: its pictures of fixes must be gone
    EXPECT_FALSE(fs::exists(folder / "fix"));
    EXPECT_TRUE(fs::exists(folder / "notes.txt"));
    EXPECT_TRUE(fs::exists(folder / "img" / "team-photo.jpg"));
    // The manifest lists exactly this run's files, all present.
    std::ifstream manifest(folder / "preflight-report.manifest");
    std::set<std::string> listed;
    for (std::string line; std::getline(manifest, line);)
        if (!line.empty() && line[0] != '#') listed.insert(line);
    EXPECT_TRUE(listed.count("index.html"));
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
        if (!entry.is_regular_file()) continue;
        const std::string relative = fs::relative(entry.path(), folder).generic_string();
        if (relative == "notes.txt" || relative == "img/team-photo.jpg" || relative == "preflight-report.manifest") continue;
        EXPECT_TRUE(listed.count(relative)) << relative << " is in the folder but not in the manifest";
    }
    for (const auto& file : listed) EXPECT_TRUE(fs::exists(folder / file)) << file;
}

}  // namespace
}  // namespace preflight
