// preflight::fix_design on whole cards written to disk (real fonts, real PNGs): the corrected
// design re-checks clean of bleed.coverage, text.overflow and safe_zone.text; the raster
// changes only in the bleed strips (photo edges mirrored, flat edges stretched); a text that
// cannot be fixed safely stays unfixed with its reason; unknown keys survive.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstring>
#include <fstream>

#include "core/raster.hpp"
#include "fix/bleed_fill.hpp"
#include "preflight/fix.hpp"
#include "preflight/preflight.hpp"
#include "fix/fix_card.hpp"
#include "support/page_painter.hpp"
#include "support/test_support.hpp"

namespace preflight {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

constexpr double bleed = testing::fix_card_bleed;

// The card of fix_card.hpp in a fresh root per test.
class FixDesign : public ::testing::Test {
protected:
    void write_card(bool blocked, testing::PageEncoding encoding = testing::PageEncoding::png8) {
        const testing::FixCard card = testing::write_fix_card(dir_.path(), blocked, encoding);
        geometry_ = card.geometry;
        original_ = card.original;
    }

    Result<FixResult> fix() {
        return fix_design(checker_, dir_ / "card" / "design.json", dir_.path(), dir_ / "card-fixed");
    }
    std::vector<Finding> recheck() const { return checker_.lint_design(dir_ / "card-fixed" / "design.json", dir_.path()); }

    static std::vector<Finding> of(const std::vector<Finding>& findings, const std::string& check) {
        std::vector<Finding> out;
        for (const auto& f : findings)
            if (f.check == check && f.severity == Severity::error) out.push_back(f);
        return out;
    }
    static const FixChange* change_for(const FixResult& result, const std::string& check, const std::string& key) {
        for (const auto& c : result.changes)
            if (c.check == check && (c.element == key || c.edge == key)) return &c;
        return nullptr;
    }

    testing::TempDir dir_;
    Checker checker_{Policy{}};
    core::PageGeometry geometry_;
    core::Raster original_;
};

TEST_F(FixDesign, CorrectedDesignRechecksClean) {
    write_card(false);
    const auto before = checker_.lint_design(dir_ / "card" / "design.json", dir_.path());
    ASSERT_EQ(of(before, "bleed.coverage").size(), 4u);
    ASSERT_EQ(of(before, "text.overflow").size(), 1u);
    ASSERT_EQ(of(before, "safe_zone.text").size(), 1u);

    const Result<FixResult> fixed = fix();
    ASSERT_TRUE(fixed.ok()) << fixed.error().message;
    const FixResult& result = *fixed;
    ASSERT_EQ(result.changes.size(), result.findings.size());
    for (const char* check : {"bleed.coverage", "text.overflow", "safe_zone.text"})
        for (const auto& c : result.changes)
            if (c.check == check) {
                EXPECT_EQ(c.status, FixStatus::applied) << c.check << " " << c.action << " " << c.reason;
            }

    const auto after = recheck();
    for (const char* check : {"bleed.coverage", "text.overflow", "safe_zone.text"})
        EXPECT_TRUE(of(after, check).empty()) << check << ": " << (of(after, check).empty() ? "" : of(after, check)[0].message);
    for (const auto& f : after) EXPECT_NE(f.check.rfind("input.", 0), 0u) << f.message;

    // The overflowing text got a larger box, same size; the date moved left, same box size.
    const FixChange* t1 = change_for(result, "text.overflow", "t1");
    ASSERT_TRUE(t1 && t1->box_after && t1->box_before);
    EXPECT_GT(t1->box_after->width, 30.0);
    EXPECT_DOUBLE_EQ(t1->box_after->x, 70.0);
    EXPECT_FALSE(t1->size_pt_after);
    const FixChange* t2 = change_for(result, "safe_zone.text", "t2");
    ASSERT_TRUE(t2 && t2->box_after);
    EXPECT_LT(t2->box_after->x, 100.0);
    EXPECT_DOUBLE_EQ(t2->box_after->width, 46.0);
    ASSERT_EQ(result.pages.size(), 1u);
    EXPECT_TRUE(result.pages[0].raster_changed);
    EXPECT_TRUE(result.pages[0].needs_rerender);

    // The before/after picture: both pages side by side, the old box red, the new one green.
    ASSERT_EQ(result.pages[0].preview, "front-before-after.png");
    auto preview = core::decode_raster((dir_ / "card-fixed" / "front-before-after.png").string(), {});
    ASSERT_TRUE(preview.error_check.empty()) << preview.error;
    EXPECT_LE(preview.raster.width, 1600);
    const int factor = original_.width / ((preview.raster.width - 12) / 2);   // reduced by a whole factor
    EXPECT_EQ(preview.raster.width, 2 * (original_.width / factor) + 12);
    EXPECT_EQ(preview.raster.height, original_.height / factor);
    long red = 0, green = 0;
    for (int y = 0; y < preview.raster.height; ++y)
        for (int x = 0; x < preview.raster.width; ++x) {
            const std::uint8_t* p = preview.raster.row(y) + 3 * x;
            red += p[0] == 220 && p[1] == 30 && p[2] == 30 && x < preview.raster.width / 2;
            green += p[0] == 20 && p[1] == 170 && p[2] == 60 && x > preview.raster.width / 2;
        }
    EXPECT_GT(red, 100);
    EXPECT_GT(green, 100);
}

TEST_F(FixDesign, RasterChangesOnlyInTheBleedStripsPhotoMirroredFlatStretched) {
    write_card(false);
    const Result<FixResult> fixed = fix();
    ASSERT_TRUE(fixed.ok()) << fixed.error().message;
    const FixResult& result = *fixed;
    auto decoded = core::decode_raster((dir_ / "card-fixed" / "front.png").string(), {});
    ASSERT_TRUE(decoded.error_check.empty()) << decoded.error;
    const core::Raster& r = decoded.raster;
    ASSERT_EQ(r.width, original_.width);
    ASSERT_EQ(r.height, original_.height);
    const auto left = fix::strip_bounds(r, geometry_, fix::Edge::left), right = fix::strip_bounds(r, geometry_, fix::Edge::right);
    const auto top = fix::strip_bounds(r, geometry_, fix::Edge::top), bottom = fix::strip_bounds(r, geometry_, fix::Edge::bottom);
    long changed_in_strips = 0;
    for (int y = 0; y < r.height; ++y)
        for (int x = 0; x < r.width; ++x) {
            const bool in_strip = x < left.inner || x > right.inner || y < top.inner || y > bottom.inner;
            const bool same = std::memcmp(r.row(y) + 3 * x, original_.row(y) + 3 * x, 3) == 0;
            if (!in_strip) ASSERT_TRUE(same) << "pixel " << x << "," << y << " inside the trim changed";
            else changed_in_strips += !same;
        }
    EXPECT_GT(changed_in_strips, long(left.depth) * (bottom.inner - top.inner));

    // Left edge runs along the photo: mirrored about the trim. Right edge is flat cream: stretched.
    const FixChange* l = change_for(result, "bleed.coverage", "left");
    const FixChange* rt = change_for(result, "bleed.coverage", "right");
    ASSERT_TRUE(l && rt);
    EXPECT_EQ(l->method, "mirror");
    EXPECT_EQ(rt->method, "stretch");
    for (int y = top.inner; y <= bottom.inner; ++y) {
        for (int k = 0; k < left.depth; ++k)
            ASSERT_EQ(std::memcmp(r.row(y) + 3 * (left.inner - 1 - k), r.row(y) + 3 * (left.inner + k), 3), 0) << y << " " << k;
        for (int x = right.inner + 1; x < r.width; ++x)
            ASSERT_EQ(std::memcmp(r.row(y) + 3 * x, r.row(y) + 3 * right.inner, 3), 0) << x << " " << y;
    }
    // The mirrored strip is the photo, not one repeated colour.
    EXPECT_NE(std::memcmp(r.row(300) + 3 * 0, r.row(300) + 3 * (left.inner - 1), 3), 0);
    ASSERT_TRUE(l->reach_after_mm);
    EXPECT_NEAR(*l->reach_after_mm, bleed, 0.2);
}

// Orders arrive as JPEG (and CMYK JPEG) too: ringing at the trim must not turn a flat edge
// into "texture", and the corrected raster is a lossless PNG of the decoded page.
TEST_F(FixDesign, JpegPagesAreFixedTheSameWay) {
    for (auto encoding : {testing::PageEncoding::jpeg, testing::PageEncoding::cmyk_jpeg}) {
        SCOPED_TRACE(testing::extension(encoding));
        fs::remove_all(dir_.path());
        fs::create_directories(dir_.path());
        write_card(false, encoding);
        const Result<FixResult> fixed = fix();
        ASSERT_TRUE(fixed.ok()) << fixed.error().message;
        const FixResult& result = *fixed;
        const FixChange* l = change_for(result, "bleed.coverage", "left");
        const FixChange* rt = change_for(result, "bleed.coverage", "right");
        ASSERT_TRUE(l && rt);
        EXPECT_EQ(l->method, "mirror") << *l->texture_levels;
        EXPECT_EQ(rt->method, "stretch") << *rt->texture_levels;
        for (const char* check : {"bleed.coverage", "text.overflow", "safe_zone.text"})
            EXPECT_TRUE(of(recheck(), check).empty()) << check;
        auto decoded = core::decode_raster((dir_ / "card-fixed" / "front.png").string(), {});
        ASSERT_TRUE(decoded.error_check.empty()) << decoded.error;
        const core::Raster& r = decoded.raster;
        const auto left = fix::strip_bounds(r, geometry_, fix::Edge::left), right = fix::strip_bounds(r, geometry_, fix::Edge::right);
        const auto top = fix::strip_bounds(r, geometry_, fix::Edge::top), bottom = fix::strip_bounds(r, geometry_, fix::Edge::bottom);
        for (int y = top.inner; y <= bottom.inner; ++y)
            ASSERT_EQ(std::memcmp(r.row(y) + 3 * left.inner, original_.row(y) + 3 * left.inner, std::size_t(right.inner - left.inner + 1) * 3), 0) << y;
    }
}

TEST_F(FixDesign, NoSafeFixStaysUnfixedWithTheReason) {
    write_card(true);
    const Result<FixResult> fixed = fix();
    ASSERT_TRUE(fixed.ok()) << fixed.error().message;
    const FixResult& result = *fixed;
    const FixChange* t3 = change_for(result, "text.overflow", "t3");
    ASSERT_TRUE(t3);
    EXPECT_EQ(t3->status, FixStatus::unfixed);
    EXPECT_NE(t3->reason.find("overlap element 'g1'"), std::string::npos) << t3->reason;
    EXPECT_NE(t3->reason.find("below 6 pt"), std::string::npos) << t3->reason;
    EXPECT_FALSE(t3->box_after);
    // t4 cannot grow either (g2), but fits at a smaller size that is still at least 6 pt.
    const FixChange* t4 = change_for(result, "text.overflow", "t4");
    ASSERT_TRUE(t4);
    EXPECT_EQ(t4->status, FixStatus::applied) << t4->reason;
    ASSERT_TRUE(t4->size_pt_after);
    EXPECT_LT(*t4->size_pt_after, 20.0);
    EXPECT_GE(*t4->size_pt_after, 6.0);
    EXPECT_FALSE(t4->box_after);

    const auto after = recheck();
    const auto overflow = of(after, "text.overflow");
    ASSERT_EQ(overflow.size(), 1u);
    EXPECT_EQ(overflow[0].element, "t3");

    // The corrected document keeps t3 as the customer wrote it, and changes.json says why.
    std::ifstream in(dir_ / "card-fixed" / "changes.json");
    const Json changes = Json::parse(in);
    bool listed = false;
    for (const auto& c : changes["changes"])
        if (c["element"] == "t3" && c["check"] == "text.overflow") {
            listed = true;
            EXPECT_EQ(c["status"], "unfixed");
            EXPECT_TRUE(c.contains("reason"));
        }
    EXPECT_TRUE(listed);
}

TEST_F(FixDesign, PolicyMinimumSizeBoundsTheShrinking) {
    write_card(true);
    Policy policy;
    policy.checks["text.too_small"]["min_pt"] = 12.0;
    const Checker strict(policy);
    const Result<FixResult> fixed = fix_design(strict, dir_ / "card" / "design.json", dir_.path(), dir_ / "card-fixed");
    ASSERT_TRUE(fixed.ok()) << fixed.error().message;
    const FixResult& result = *fixed;
    const FixChange* t4 = change_for(result, "text.overflow", "t4");
    ASSERT_TRUE(t4);
    EXPECT_EQ(t4->status, FixStatus::unfixed);
    EXPECT_NE(t4->reason.find("below 12 pt"), std::string::npos) << t4->reason;
}

TEST_F(FixDesign, DocumentKeepsUnknownKeysAndPathsStillResolve) {
    write_card(false);
    const Result<FixResult> fixed = fix();
    ASSERT_TRUE(fixed.ok()) << fixed.error().message;
    std::ifstream in(dir_ / "card-fixed" / "design.json");
    const Json design = Json::parse(in);
    EXPECT_EQ(design["editor_version"], "3.2");
    EXPECT_EQ(design["pages"][0]["raster"], "front.png");
    const auto& elements = design["pages"][0]["elements"];
    EXPECT_EQ(elements[1]["locked"], true);
    EXPECT_EQ(elements[1]["text"], "Sophie van Dijk");
    EXPECT_EQ(elements[1]["font_file"], "../fonts/DejaVuSans.ttf");
    EXPECT_EQ(elements[1]["size_pt"], 20);
    // The original is untouched.
    EXPECT_TRUE(fs::exists(dir_ / "card" / "front.png"));
    EXPECT_FALSE(fs::equivalent(dir_ / "card" / "front.png", dir_ / "card-fixed" / "front.png"));
}

TEST_F(FixDesign, RefusesToWriteOverTheOriginal) {
    write_card(false);
    const Result<FixResult> result = fix_design(checker_, dir_ / "card" / "design.json", dir_.path(), dir_ / "card");
    EXPECT_FALSE(result.ok());
    EXPECT_EQ(result.code(), ErrorCode::invalid_argument);
    EXPECT_FALSE(result.error().message.empty());
}

TEST_F(FixDesign, ADesignThatCannotBeCheckedIsAnErrorWithItsInputProblems) {
    write_card(false);
    fs::remove(dir_ / "card" / "front.png");
    const Result<FixResult> result = fix();
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.code(), ErrorCode::invalid_document);
    ASSERT_FALSE(result.error().problems.empty());
    EXPECT_EQ(result.error().problems[0].check, "input.missing_file");
    EXPECT_FALSE(fs::exists(dir_ / "card-fixed" / "design.json"));
}

}  // namespace
}  // namespace preflight
