// product.foil_paper: finishes against the policy paper catalogue.
#include <gtest/gtest.h>

#include "checks/content_support.hpp"
#include "core/gating.hpp"

namespace preflight::testing {
namespace {

const Design plain_design = card_design("wedding", {{"front", {"Anna & Tom gaan trouwen"}}});

TEST(ProductFoilPaper, FinishThePaperTakes) {
    OrderItem item = card_item("linen-350", {"gold-foil"});
    EXPECT_TRUE(run_item_check("product.foil_paper", &item, plain_design, catalogue()).empty());
    OrderItem uv = card_item("cotton-600", {"spot-uv", "rose-foil"});
    EXPECT_TRUE(run_item_check("product.foil_paper", &uv, plain_design, catalogue()).empty());
    OrderItem none = card_item("recycled-300", {});
    EXPECT_TRUE(run_item_check("product.foil_paper", &none, plain_design, catalogue()).empty());
}

TEST(ProductFoilPaper, FinishThePaperDoesNotTake) {
    OrderItem item = card_item("recycled-300", {"gold-foil"});
    auto findings = run_item_check("product.foil_paper", &item, plain_design, catalogue());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].severity, Severity::error);
    EXPECT_EQ(findings[0].fix.by, FixBy::service);
    EXPECT_EQ(findings[0].message, "Paper 'recycled-300' does not take gold-foil (it takes no finishes), so the card cannot be printed as ordered.");
    EXPECT_NE(findings[0].fix.action.find("cotton-600, linen-350"), std::string::npos) << findings[0].fix.action;
    OrderItem uv = card_item("linen-350", {"spot-uv"});
    findings = run_item_check("product.foil_paper", &uv, plain_design, catalogue());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_NE(findings[0].message.find("spot-uv"), std::string::npos);
}

// Nobody can say whether an unknown paper takes foil: an error that holds the order for a
// check by hand (never a release, and not the cancel of a known refusal).
TEST(ProductFoilPaper, UnknownPaperAndNoCatalogueHoldForACheckByHand) {
    OrderItem item = card_item("glitter-999", {"gold-foil", "spot-uv"});
    auto findings = run_item_check("product.foil_paper", &item, plain_design, catalogue());
    ASSERT_EQ(findings.size(), 2u);
    for (const auto& finding : findings) {
        EXPECT_EQ(finding.severity, Severity::error);
        EXPECT_EQ(finding.code, "paper_unknown");
        EXPECT_EQ(std::get<std::string>(finding.details.at("paper")), "glitter-999");
        EXPECT_NE(finding.message.find("check by hand"), std::string::npos) << finding.message;
    }
    EXPECT_EQ(std::get<std::string>(findings[0].details.at("finish")), "gold-foil");
    EXPECT_EQ(std::get<std::string>(findings[1].details.at("finish")), "spot-uv");
    EXPECT_EQ(core::decide_verdict(findings), VerdictKind::hold);

    OrderItem known = card_item("linen-350", {"gold-foil"});
    findings = run_item_check("product.foil_paper", &known, plain_design, Policy{});
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].severity, Severity::error);
    EXPECT_EQ(findings[0].code, "paper_unknown");
    EXPECT_NE(findings[0].message.find("no paper catalogue"), std::string::npos) << findings[0].message;
    EXPECT_EQ(core::decide_verdict(findings), VerdictKind::hold);
}

TEST(ProductFoilPaper, KnownRefusalCancels) {
    OrderItem item = card_item("recycled-300", {"gold-foil"});
    auto findings = run_item_check("product.foil_paper", &item, plain_design, catalogue());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].code, "paper_refuses_finish");
    EXPECT_EQ(std::get<std::string>(findings[0].details.at("papers_that_take_it")), "cotton-600, linen-350");
    EXPECT_EQ(core::decide_verdict(findings), VerdictKind::cancel);
}

TEST(ProductFoilPaper, LintHasNoItem) {
    EXPECT_TRUE(run_item_check("product.foil_paper", nullptr, plain_design, catalogue()).empty());
}

}  // namespace
}  // namespace preflight::testing
