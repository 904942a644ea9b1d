// safe_zone.element on element lists: slivers across the trim and elements in the safe zone are
// warned about; full-bleed photos, bleeding decorations, bleed fillers and clear elements are not.
#include "checks/safe_zone/safe_zone_checks.hpp"

#include <gtest/gtest.h>

namespace preflight {
namespace {

using core::Findings;

Element element(const std::string& id, ElementType type, BoxMm box) {
    Element e;
    e.id = id;
    e.type = type;
    e.type_name = type == ElementType::photo ? "photo" : type == ElementType::graphic ? "graphic" : "text";
    e.box_mm = box;
    return e;
}

Element photo(const std::string& id, BoxMm box) { return element(id, ElementType::photo, box); }
Element graphic(const std::string& id, BoxMm box) { return element(id, ElementType::graphic, box); }

// A 148 x 105 mm card, bleed 3, safe 4, with the elements on its front.
Findings check(std::vector<Element> elements, const OptionSet& policy_options = {}) {
    Design design;
    design.design_id = "test";
    design.product = "wedding";
    design.trim_width_mm = 148;
    design.trim_height_mm = 105;
    design.bleed_mm = 3;
    design.safe_mm = 4;
    Page page;
    page.name = "front";
    page.elements = std::move(elements);
    design.pages.push_back(page);
    core::Registry registry;
    registry.add(checks::make_safe_zone_element_check());
    Policy policy;
    policy.checks["safe_zone.element"] = policy_options;
    core::CheckContext context;
    context.design = &design;
    Findings findings;
    registry.find("safe_zone.element")->run(context, registry.options_for("safe_zone.element", "wedding", policy), findings);
    return findings;
}

TEST(SafeZoneElement, FullBleedAndWellInsideElementsAreFine) {
    EXPECT_TRUE(check({photo("p1", {-3, -3, 154, 55}),            // full-bleed banner photo
                       photo("p2", {20, 60, 50, 35}),             // a framed photo well inside
                       graphic("bg", {-3, -3, 154, 111}),         // background
                       graphic("g1", {60, 88, 28, 10})})          // an ornament 7 mm from the bottom
                    .empty());
}

TEST(SafeZoneElement, EditorRoundingAtTheBleedAndSafeLinesIsFine) {
    EXPECT_TRUE(check({photo("p1", {-2.95, -3.02, 80, 50}), graphic("g1", {3.95, 50, 20, 20})}).empty());
}

TEST(SafeZoneElement, PhotoCrossingTheTrimByASliverIsWarned) {
    auto findings = check({photo("p1", {-1.2, 30, 60, 40})});
    ASSERT_EQ(findings.size(), 1u);
    const Finding& f = findings[0];
    EXPECT_EQ(f.check, "safe_zone.element");
    EXPECT_EQ(f.severity, Severity::warning);
    EXPECT_EQ(f.fix.by, FixBy::service);
    EXPECT_EQ(f.page, "front");
    EXPECT_EQ(f.element, "p1");
    EXPECT_DOUBLE_EQ(*f.measured, 1.2);
    EXPECT_DOUBLE_EQ(*f.limit, 3.0);
    EXPECT_EQ(f.unit, "mm");
    EXPECT_EQ(*f.where_mm, (std::array<double, 4>{-1.2, 30, 60, 40}));
    EXPECT_EQ(f.message,
              "Photo 'p1' crosses the trim by 1.2 mm on the left edge, less than the 3.0 mm bleed, so the cut runs "
              "through it; extend it to the outer edge of the bleed or keep it 4.0 mm inside the trim.");
}

TEST(SafeZoneElement, GraphicInsideTheSafeZoneIsWarned) {
    auto findings = check({graphic("g1", {100, 50, 46, 30}), graphic("g2", {50, 102, 20, 3})});
    ASSERT_EQ(findings.size(), 2u);
    EXPECT_EQ(findings[0].element, "g1");
    EXPECT_DOUBLE_EQ(*findings[0].measured, 2.0);
    EXPECT_DOUBLE_EQ(*findings[0].limit, 4.0);
    EXPECT_EQ(findings[0].message,
              "Graphic 'g1' is 2.0 mm from the trim on the right edge, inside the 4.0 mm safe zone; move it at least "
              "4.0 mm in from the trim, or extend it to the outer edge of the bleed if it is meant to run off the card.");
    // g2 ends exactly on the trim.
    EXPECT_DOUBLE_EQ(*findings[1].measured, 0.0);
    EXPECT_NE(findings[1].message.find("touches the trim on the bottom edge"), std::string::npos) << findings[1].message;
}

TEST(SafeZoneElement, BackgroundPlacedOnTheTrimInsteadOfTheBleedIsWarned) {
    auto findings = check({graphic("bg", {0, 0, 148, 105})});
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_NE(findings[0].message.find("touches the trim on the left, top, right and bottom edges"), std::string::npos)
        << findings[0].message;
}

TEST(SafeZoneElement, DecorationsThatBleedFullyMayTouchOtherEdges) {
    EXPECT_TRUE(check({graphic("corner", {-3, -3, 30, 30}),          // corner ornament off the top-left
                       graphic("band", {-3, 2, 154, 3}),             // a stripe off both sides, 2 mm below the top
                       graphic("side", {140, -3, 11, 40})})          // a tab off the top and right
                    .empty());
}

TEST(SafeZoneElement, BleedingElementWithASliverElsewhereIsWarned) {
    auto findings = check({photo("p1", {-3, -1, 80, 50})});   // bleeds left, only 1 mm past the top trim
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_NE(findings[0].message.find("crosses the trim by 1.0 mm on the top edge"), std::string::npos)
        << findings[0].message;
}

TEST(SafeZoneElement, ElementsOnlyInTheBleedAndTextAreLeftAlone) {
    Element text = element("t1", ElementType::text, {1, 1, 50, 10});
    EXPECT_TRUE(check({graphic("filler", {-3, -3, 3, 111}), text}).empty());
}

TEST(SafeZoneElement, SeveralSlivers) {
    auto findings = check({photo("p1", {-0.5, -2, 60, 40})});
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_DOUBLE_EQ(*findings[0].measured, 2.0);
    EXPECT_NE(findings[0].message.find("on the left and top edges"), std::string::npos) << findings[0].message;
}

TEST(SafeZoneElement, TypesOptionChoosesWhatIsChecked) {
    std::vector<Element> elements = {photo("p1", {-1, 30, 60, 40}), graphic("g1", {100, 50, 46, 30})};
    EXPECT_EQ(check(elements).size(), 2u);
    auto only_graphics = check(elements, {{"types", std::vector<std::string>{"graphic"}}});
    ASSERT_EQ(only_graphics.size(), 1u);
    EXPECT_EQ(only_graphics[0].element, "g1");
}

TEST(SafeZoneElement, IsRegistered) {
    EXPECT_NE(core::builtin_registry().find("safe_zone.element"), nullptr);
}

}  // namespace
}  // namespace preflight
