// product.foil_layer: foil finishes against foil elements and foil masks of the design.
#include <gtest/gtest.h>

#include <memory>

#include "checks/content_support.hpp"

namespace preflight::testing {
namespace {

const Design plain_design = card_design("wedding", {{"front", {"Anna & Tom gaan trouwen"}}});

core::PageView page_with_mask(const Design& design, std::size_t index, bool ink) {
    core::PageView view;
    view.page = &design.pages[index];
    view.index = index;
    auto mask = std::make_shared<core::Mask>();
    mask->width = 40;
    mask->height = 30;
    mask->values.assign(40 * 30, 0);
    if (ink) mask->values[17 * 40 + 23] = 255;
    view.foil_mask = mask;
    return view;
}

TEST(ProductFoilLayer, FoilOrderedAndPresent) {
    Design design = card_design("wedding", {{"front", {"Anna & Tom"}}});
    design.pages[0].elements[0].foil = true;
    OrderItem item = card_item("linen-350", {"gold-foil"});
    EXPECT_TRUE(run_item_check("product.foil_layer", &item, design, catalogue()).empty());
    // A mask with one foil pixel is enough too.
    Design masked = card_design("wedding", {{"front", {"Anna & Tom"}}});
    EXPECT_TRUE(run_item_check("product.foil_layer", &item, masked, catalogue(), {page_with_mask(masked, 0, true)}).empty());
}

TEST(ProductFoilLayer, FoilOrderedButNothingToPrint) {
    Design design = card_design("wedding", {{"front", {"Anna & Tom"}}});
    OrderItem item = card_item("linen-350", {"gold-foil"});
    auto findings = run_item_check("product.foil_layer", &item, design, catalogue(), {page_with_mask(design, 0, false)});
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].severity, Severity::error);
    EXPECT_NE(findings[0].message.find("no foil elements and no foil mask"), std::string::npos);
}

TEST(ProductFoilLayer, FoilElementsWithoutFinish) {
    Design design = card_design("wedding", {{"front", {"Anna & Tom"}}, {"inside", {"Wij trouwen"}}});
    design.pages[1].elements[0].foil = true;
    OrderItem item = card_item("linen-350", {});
    auto findings = run_item_check("product.foil_layer", &item, design, catalogue());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].page, "inside");
    EXPECT_EQ(findings[0].element, "t2");
    ASSERT_TRUE(findings[0].where_mm.has_value());
    Design masked = card_design("wedding", {{"front", {"Anna & Tom"}}});
    findings = run_item_check("product.foil_layer", &item, masked, catalogue(), {page_with_mask(masked, 0, true)});
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].page, "front");
    // No foil anywhere and none ordered: nothing to say.
    EXPECT_TRUE(run_item_check("product.foil_layer", &item, plain_design, catalogue()).empty());
}

TEST(ProductFoilLayer, LintHasNoItem) {
    Design design = card_design("wedding", {{"front", {"Anna & Tom"}}});
    design.pages[0].elements[0].foil = true;
    EXPECT_TRUE(run_item_check("product.foil_layer", nullptr, design, catalogue()).empty());
}

TEST(ProductFoilLayer, LayerFinishesFromThePolicy) {
    // A shop whose spot UV is printed from a separate file: spot-uv alone needs no foil layer.
    Policy policy = catalogue();
    policy.checks["product.foil_layer"]["layer_finishes"] = std::vector<std::string>{"gold-foil", "silver-foil", "rose-foil"};
    OrderItem item = card_item("cotton-600", {"spot-uv"});
    EXPECT_TRUE(run_item_check("product.foil_layer", &item, plain_design, policy).empty());
    EXPECT_EQ(run_item_check("product.foil_layer", &item, plain_design, catalogue()).size(), 1u);
}

}  // namespace
}  // namespace preflight::testing
