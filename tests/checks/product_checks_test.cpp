// product.*: foil finishes against the paper catalogue, the foil layer of the design,
// envelopes against cards, and texts that belong to another product.
#include <gtest/gtest.h>

#include <memory>

#include "checks/content_support.hpp"

namespace preflight::testing {
namespace {

Policy catalogue() {
    Policy policy;
    policy.has_paper_catalogue = true;
    policy.papers["linen-350"].finishes = {"gold-foil", "silver-foil", "rose-foil"};
    policy.papers["cotton-600"].finishes = {"gold-foil", "silver-foil", "rose-foil", "spot-uv"};
    policy.papers["recycled-300"].finishes = {};
    return policy;
}

OrderItem card_item(const std::string& paper, std::vector<std::string> finishes, const std::string& product = "wedding") {
    OrderItem item;
    item.type = "card";
    item.product = product;
    item.quantity = 60;
    item.paper = paper;
    item.finishes = std::move(finishes);
    return item;
}

core::Findings run_item_check(const std::string& id, const OrderItem* item, const Design& design, const Policy& policy,
                              std::vector<core::PageView> pages = {}) {
    core::CheckContext ctx;
    ctx.design = &design;
    ctx.item = item;
    ctx.product = design.product;
    ctx.reference_date = {2026, 3, 1};
    ctx.pages = std::move(pages);
    return run_check(id, ctx, policy);
}

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

core::Findings envelope_findings(long cards, std::vector<long> envelopes) {
    Order order;
    order.items.push_back(card_item("linen-350", {}));
    order.items.back().quantity = cards;
    for (long n : envelopes) {
        OrderItem envelope;
        envelope.type = "envelope";
        envelope.quantity = n;
        order.items.push_back(envelope);
    }
    core::CheckContext ctx;
    ctx.order = &order;
    return run_check("product.envelopes", ctx);
}

TEST(ProductEnvelopes, Counts) {
    EXPECT_TRUE(envelope_findings(60, {60}).empty());
    EXPECT_TRUE(envelope_findings(60, {40, 25}).empty());
    EXPECT_TRUE(envelope_findings(60, {}).empty());   // no envelopes ordered at all: a choice
    auto findings = envelope_findings(60, {50});
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].severity, Severity::warning);
    EXPECT_EQ(findings[0].message, "The order has 50 envelopes for 60 cards, so 10 cards would go without one.");
}

struct CategoryCase {
    const char* ordered;
    std::vector<PageTexts> pages;
    const char* expect_quote;   // nullptr: no finding
};

TEST(ProductCategory, TextsAgainstTheOrderedProduct) {
    const CategoryCase cases[] = {
        {"birth_announcement", {{"front", {"Wij gaan trouwen!", "Anna & Tom\n12 juni 2026"}}}, "trouwen"},
        {"birth_announcement", {{"front", {"Uitnodiging", "voor de verjaardag van opa"}}}, "Uitnodiging"},
        {"wedding", {{"front", {"Sophie is geboren", "12 maart 2026\n3250 gram"}}}, "geboren"},
        {"invitation", {{"front", {"Hoera! Daan is geboren op 2 januari 2026"}}}, "geboren"},
        {"wedding", {{"front", {"Opa is jarig!", "Kom je ook?"}}}, "jarig"},
        // Clean cards of each kind.
        {"birth_announcement", {{"front", {"Sophie", "Geboren 12 maart 2026\n3250 gram, 51 cm"}}}, nullptr},
        {"birth_announcement", {{"front", {"Hoera, Sophie is er!", "Uitnodiging voor de kraamvisite"}}}, nullptr},
        {"birth_announcement", {{"front", {"Sophie", "12.03.2026\n3.250 gram"}}}, nullptr},
        {"wedding", {{"front", {"Anna & Tom", "Wij gaan trouwen", "Uitnodiging voor het feest"}}}, nullptr},
        {"wedding", {{"front", {"Bedankt!", "voor de geboren vriendschap en jullie komst"}}}, nullptr},
        {"invitation", {{"front", {"Uitnodiging babyshower", "de baby wordt geboren in mei"}}}, nullptr},
        {"invitation", {{"front", {"Wij gaan trouwen en nodigen je uit"}}}, nullptr},
        {"christmas", {{"front", {"Wij gaan trouwen"}}}, nullptr},
    };
    for (const auto& c : cases) {
        Design design = card_design(c.ordered, c.pages);
        SCOPED_TRACE(std::string(c.ordered) + ": " + design.pages[0].elements[0].text);
        OrderItem item = card_item("linen-350", {}, c.ordered);
        auto findings = run_item_check("product.category", &item, design, catalogue());
        if (!c.expect_quote) {
            EXPECT_TRUE(findings.empty()) << all_messages(findings);
            continue;
        }
        ASSERT_EQ(findings.size(), 1u);
        EXPECT_EQ(findings[0].severity, Severity::warning);
        EXPECT_NE(findings[0].message.find(std::string("'") + c.expect_quote + "'"), std::string::npos) << findings[0].message;
    }
}

TEST(ProductCategory, LintHasNoItem) {
    Design design = card_design("birth_announcement", {{"front", {"Wij gaan trouwen!"}}});
    EXPECT_TRUE(run_item_check("product.category", nullptr, design, catalogue()).empty());
}

}  // namespace
}  // namespace preflight::testing
