// Whole cards through every content and product.category check: clean real-world cards
// must pass untouched, a card full of typical mistakes must report each one once.
#include <gtest/gtest.h>

#include <map>

#include "checks/content_support.hpp"

namespace preflight::testing {
namespace {

const char* const design_checks[] = {"content.year", "content.date", "content.measure", "content.phone",
                                     "content.capitalisation", "product.category"};

std::map<std::string, int> run_all(const Design& design, core::CivilDate ordered) {
    OrderItem item;
    item.type = "card";
    item.product = design.product;
    item.quantity = 50;
    core::CheckContext ctx;
    ctx.design = &design;
    ctx.item = &item;
    ctx.product = design.product;
    ctx.reference_date = ordered;
    std::map<std::string, int> counts;
    for (const char* id : design_checks)
        for (const auto& f : run_check(id, ctx)) {
            ++counts[f.check];
            ADD_FAILURE_AT(__FILE__, __LINE__) << "unexpected? " << f.check << ": " << f.message;
        }
    return counts;
}

std::map<std::string, int> count_all(const Design& design, core::CivilDate ordered) {
    OrderItem item;
    item.type = "card";
    item.product = design.product;
    Order order;
    order.order_id = "SP-1";
    order.status = "paid";
    core::CheckContext ctx;
    ctx.order = &order;
    ctx.design = &design;
    ctx.item = &item;
    ctx.product = design.product;
    ctx.reference_date = ordered;
    std::map<std::string, int> counts;
    for (const char* id : design_checks)
        for (const auto& f : run_check(id, ctx)) ++counts[f.check];
    return counts;
}

TEST(ContentCards, CleanBirthCardBornThirtyDecemberOrderedSecondJanuary) {
    Design design = card_design("birth_announcement",
                                {{"front", {"Welkom lieve Daan", "30.12.2025"}},
                                 {"inside", {"Op dinsdag 30 december 2025 om 23.50 uur is geboren\nDaan Pieter",
                                             "3480 gram · 51,5 cm",
                                             "Zoon van Anna de Vries & Tom van Dijk\nBroertje van Lotte",
                                             "Kraamvisite graag na een belletje: 06-12345678\nof 010 - 123 45 67"}},
                                 {"back", {"Kerkstraat 12\n3512 JC Utrecht", "Daan slaapt tussen 12.00 en 14.00 uur"}}});
    EXPECT_TRUE(run_all(design, {2026, 1, 2}).empty());
}

TEST(ContentCards, CleanWeddingCardWithReplyDate) {
    Design design = card_design("wedding",
                                {{"front", {"Anna & Tom", "19 | 06 | 2026", "Save the date"}},
                                 {"inside", {"Na 8 jaar samen gaan wij trouwen!",
                                             "Vrijdag 19 juni 2026\nCeremonie om 14.00 uur, feest vanaf 20.30 uur",
                                             "Laat je ons voor 1 mei 2026 weten of je komt?\nAnna: 06-12345678 / Tom: +31 6 8765 4321"}},
                                 {"back", {"Kasteel de Haar\nKasteellaan 1\n3455 RR Haarzuilens"}}});
    EXPECT_TRUE(run_all(design, {2026, 1, 10}).empty());
}

TEST(ContentCards, CleanThankYouCardAfterTheWedding) {
    Design design = card_design("wedding",
                                {{"front", {"Bedankt!"}},
                                 {"inside", {"Lieve familie en vrienden,\nDank jullie wel voor jullie komst op 20 december 2025 "
                                             "en voor alle lieve kaarten en cadeaus.\nAnna & Tom"}}});
    EXPECT_TRUE(run_all(design, {2026, 1, 14}).empty());
}

TEST(ContentCards, CleanAnniversaryInvitation) {
    Design design = card_design("invitation",
                                {{"front", {"40 jaar getrouwd", "1986 - 2026"}},
                                 {"inside", {"Op 16 mei 1986 gaven wij elkaar het ja-woord.\nDat vieren wij op zaterdag 16 mei 2026 "
                                             "vanaf 15.00 uur in Zaal De Linde, Dorpsstraat 2031, Ede.\nBel ons: 0318-123456"}}});
    EXPECT_TRUE(run_all(design, {2026, 3, 1}).empty());
}

TEST(ContentCards, BirthCardWithTypicalMistakes) {
    Design design = card_design("birth_announcement",
                                {{"front", {"Welkom lieve Sophie", "12.03.2026"}},
                                 {"inside", {"Geboren op zaterdag 13 maart 2025", "325 gram en 51 cm",
                                             "Wij zijn zo blij met sophie!", "Bel ons: 06-1234567"}}});
    auto counts = count_all(design, {2026, 3, 20});
    EXPECT_EQ(counts["content.year"], 1);            // 2025 in March 2026
    EXPECT_EQ(counts["content.date"], 2);            // weekday, front vs inside
    EXPECT_EQ(counts["content.measure"], 1);         // 325 gram
    EXPECT_EQ(counts["content.phone"], 1);           // 9 digits
    EXPECT_EQ(counts["content.capitalisation"], 1);  // sophie
    EXPECT_EQ(counts["product.category"], 0);
}

TEST(ContentCards, RegisteredWithScopesAndOptions) {
    const auto& registry = core::builtin_registry();
    for (const char* id : {"content.year", "content.date", "content.measure", "content.phone", "content.capitalisation",
                           "product.foil_paper", "product.foil_layer", "product.category"}) {
        const auto* spec = registry.find(id);
        ASSERT_NE(spec, nullptr) << id;
        EXPECT_EQ(spec->scope, core::Scope::design) << id;
        EXPECT_TRUE(spec->run) << id;
        EXPECT_FALSE(spec->summary.empty()) << id;
    }
    for (const char* id : {"address.incomplete", "address.postcode", "address.house_number", "address.duplicated",
                           "product.envelopes"}) {
        const auto* spec = registry.find(id);
        ASSERT_NE(spec, nullptr) << id;
        EXPECT_EQ(spec->scope, core::Scope::order) << id;
    }
    auto options = registry.options_for("content.year", "wedding", Policy{});
    EXPECT_EQ(options.number("max_years_ahead"), 2.0);
    EXPECT_EQ(registry.options_for("content.measure", "birth_announcement", Policy{}).number("max_weight_g"), 6500.0);
}

}  // namespace
}  // namespace preflight::testing
