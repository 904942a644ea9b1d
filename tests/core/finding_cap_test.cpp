// A bound on the findings of one check per verdict (CheckerOptions::max_findings_per_check):
// a text with hundreds of dates gives a bounded verdict line, the surplus counted in a finding
// of its own ("more", details {"more", "listed"}), the most severe findings kept, the verdict
// decided on all of them.
#include "core/finding_cap.hpp"

#include <gtest/gtest.h>

#include <string>

#include "hostile/hostile_support.hpp"
#include "preflight/checker.hpp"
#include "preflight/formats.hpp"

namespace preflight {
namespace {

Finding finding_of(const std::string& check, Severity severity, const std::string& element) {
    Finding finding;
    finding.check = check;
    finding.severity = severity;
    finding.element = element;
    finding.fix.by = FixBy::customer;
    return finding;
}

std::size_t count_of(const std::vector<Finding>& findings, const std::string& check, const std::string& code) {
    std::size_t n = 0;
    for (const auto& finding : findings) n += finding.check == check && finding.code == code;
    return n;
}

TEST(FindingCap, KeepsTheMostSevereInTheirOrderAndCountsTheRest) {
    std::vector<Finding> findings;
    for (int i = 0; i < 120; ++i) findings.push_back(finding_of("a.many", i == 110 ? Severity::error : Severity::warning, std::to_string(i)));
    findings.insert(findings.begin() + 5, finding_of("b.few", Severity::error, "b"));
    core::cap_findings(findings, 50);
    ASSERT_EQ(findings.size(), 50u + 1u + 1u);
    EXPECT_EQ(count_of(findings, "a.many", ""), 50u);
    EXPECT_EQ(count_of(findings, "b.few", ""), 1u);
    // The error far down the list is kept; the first 49 warnings with it, in their order.
    EXPECT_EQ(findings[0].element, "0");
    EXPECT_EQ(findings[5].check, "b.few");
    EXPECT_EQ(findings[49].element, "48");
    EXPECT_EQ(findings[50].element, "110");
    EXPECT_EQ(findings[50].severity, Severity::error);
    const Finding& more = findings[51];
    EXPECT_EQ(more.check, "a.many");
    EXPECT_EQ(more.code, "more");
    EXPECT_EQ(more.severity, Severity::info);
    EXPECT_EQ(std::get<double>(more.details.at("more")), 70.0);
    EXPECT_EQ(std::get<double>(more.details.at("listed")), 50.0);
    // What was left out, by severity (lint --max-warnings counts them): 70 warnings.
    EXPECT_EQ(std::get<double>(more.details.at("more_warnings")), 70.0);
    EXPECT_EQ(std::get<double>(more.details.at("more_errors")), 0.0);
    EXPECT_EQ(std::get<double>(more.details.at("more_info")), 0.0);
    EXPECT_NE(more.message.find("and 70 more"), std::string::npos) << more.message;
}

TEST(FindingCap, AtOrUnderTheLimitAndZeroChangeNothing) {
    std::vector<Finding> findings(50, finding_of("a.many", Severity::error, "x"));
    core::cap_findings(findings, 50);
    EXPECT_EQ(findings.size(), 50u);
    findings.resize(500, finding_of("a.many", Severity::error, "y"));
    core::cap_findings(findings, 0);
    EXPECT_EQ(findings.size(), 500u);
}

// 200 times a weekday that does not match its date: 200 content.date findings in one text.
void write_many_dates(const hostile::OneCardExport& card) {
    core::Raster page = testing::solid_raster(hostile::page_width_px, hostile::page_height_px, 250, 245, 235);
    testing::write_raster(page, card / "front.png");
    std::filesystem::copy_file(testing::system_font("DejaVuSans.ttf"), card / "font.ttf");
    std::string text;
    for (int i = 0; i < 200; ++i) text += "zaterdag 12 maart 2026 ";
    card.write_design("front.png", R"({"id": "t1", "type": "text", "box_mm": [2, 2, 16, 6], "font_file": "font.ttf",
                                      "size_pt": 8, "wrap": false, "text": ")" + text + R"("})");
}

TEST(FindingCap, ManyDatesGiveABoundedVerdictLineThatCountsTheRest) {
    hostile::OneCardExport card;
    write_many_dates(card);
    const Verdict verdict = card.check();
    EXPECT_EQ(verdict.verdict, VerdictKind::hold) << hostile::finding_ids(verdict);
    std::size_t listed = 0, more = 0;
    for (const auto& finding : verdict.findings) {
        if (finding.check != "content.date") continue;
        if (finding.code == "more") {
            ++more;
            EXPECT_EQ(std::get<double>(finding.details.at("more")), 150.0);
            EXPECT_EQ(finding.message,
                      "... and 150 more findings of content.date like those above (only the first 50 are listed).");
        } else {
            ++listed;
        }
    }
    EXPECT_EQ(listed, 50u);
    EXPECT_EQ(more, 1u);
    const std::string line = to_json_line(verdict);
    EXPECT_LT(line.size(), 60'000u);
    EXPECT_NE(line.find(R"("code":"more")"), std::string::npos);
    EXPECT_NE(line.find(R"("more":150.0)"), std::string::npos) << line.substr(0, 400);
}

TEST(FindingCap, TheLimitIsARunOptionAndZeroListsEverything) {
    hostile::OneCardExport card;
    write_many_dates(card);
    auto order = parse_order(hostile::OneCardExport::order_line());
    ASSERT_TRUE(order.ok());
    CheckerOptions options;
    options.now = parse_time("2026-11-25T10:00:00+01:00");
    options.max_findings_per_check = 0;
    const Checker all(Policy{}, options);
    const Verdict verdict = all.check_order(*order, card.root());
    std::size_t dates = 0;
    for (const auto& finding : verdict.findings) dates += finding.check == "content.date";
    EXPECT_EQ(dates, 200u);
    EXPECT_EQ(count_of(verdict.findings, "content.date", "more"), 0u);
    // Lint (check_design) is bounded the same way.
    options.max_findings_per_check = 10;
    const Checker ten(Policy{}, options);
    auto findings = ten.check_design("design.json", AssetSource::files(card.root()));
    std::size_t design_dates = 0;
    for (const auto& finding : findings) design_dates += finding.check == "content.date";
    EXPECT_EQ(design_dates, 11u);
    EXPECT_EQ(count_of(findings, "content.date", "more"), 1u);
}

}  // namespace
}  // namespace preflight
