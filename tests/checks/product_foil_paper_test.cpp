// product.foil_paper: finishes against the policy paper catalogue.
#include <gtest/gtest.h>

#include "checks/content_support.hpp"

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

TEST(ProductFoilPaper, UnknownPaperAndNoCatalogueWarn) {
    OrderItem item = card_item("glitter-999", {"gold-foil"});
    auto findings = run_item_check("product.foil_paper", &item, plain_design, catalogue());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].severity, Severity::warning);
    OrderItem known = card_item("linen-350", {"gold-foil"});
    findings = run_item_check("product.foil_paper", &known, plain_design, Policy{});
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].severity, Severity::warning);
    EXPECT_NE(findings[0].message.find("cannot be judged"), std::string::npos);
}

TEST(ProductFoilPaper, LintHasNoItem) {
    EXPECT_TRUE(run_item_check("product.foil_paper", nullptr, plain_design, catalogue()).empty());
}

}  // namespace
}  // namespace preflight::testing
