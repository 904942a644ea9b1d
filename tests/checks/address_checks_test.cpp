// address.*: incomplete addresses, postcodes of NL/BE/DE, house numbers and autofill doubles.
#include <gtest/gtest.h>

#include "checks/content_support.hpp"

namespace preflight::testing {
namespace {

Address good_address() {
    return Address{"Anna de Vries", "Kerkstraat", "12", "A", "3511 AB", "Utrecht", "NL"};
}

core::Findings run_on_address(const std::string& id, const std::optional<Address>& address) {
    Order order;
    order.order_id = "SP-1";
    order.shipping_address = address;
    core::CheckContext ctx;
    ctx.order = &order;
    return run_check(id, ctx);
}

core::Findings all_address_checks(const Address& address) {
    core::Findings all;
    for (const char* id : {"address.incomplete", "address.postcode", "address.house_number", "address.duplicated"}) {
        auto f = run_on_address(id, address);
        all.insert(all.end(), f.begin(), f.end());
    }
    return all;
}

TEST(AddressChecks, CleanAddressHasNoFindings) {
    EXPECT_TRUE(all_address_checks(good_address()).empty()) << all_messages(all_address_checks(good_address()));
    // Real streets with numbers and city names in them, and names that are street names.
    Address tricky{"Jan", "2e Hugo de Grootstraat", "2", "", "1052 LA", "Amsterdam", ""};
    EXPECT_TRUE(all_address_checks(tricky).empty()) << all_messages(all_address_checks(tricky));
    Address city_like{"Jan van Galen", "Jan van Galenstraat", "10", "", "1051 KM", "Amsterdam", "Nederland"};
    EXPECT_TRUE(all_address_checks(city_like).empty()) << all_messages(all_address_checks(city_like));
    Address road{"Piet Jansen", "Utrechtseweg", "1", "bis", "3818 EA", "Amersfoort", "nl"};
    EXPECT_TRUE(all_address_checks(road).empty()) << all_messages(all_address_checks(road));
}

TEST(AddressChecks, MissingShippingAddress) {
    auto findings = run_on_address("address.incomplete", std::nullopt);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].severity, Severity::error);
    EXPECT_EQ(findings[0].fix.by, FixBy::service);
}

TEST(AddressChecks, EmptyFieldsAreNamed) {
    Address address = good_address();
    address.city = "  ";
    address.postcode = "";
    auto findings = run_on_address("address.incomplete", address);
    ASSERT_EQ(findings.size(), 2u);
    EXPECT_NE(findings[0].message.find("postcode"), std::string::npos);
    EXPECT_NE(findings[1].message.find("city"), std::string::npos);
}

struct PostcodeCase {
    const char* postcode;
    const char* country;
    bool valid;
};

const PostcodeCase postcodes[] = {
    {"3512 JC", "NL", true},  {"1071XX", "NL", true},   {"1071 xx", "", true},    {"9999 ZZ", "Nederland", true},
    {"1000 AA", "nl", true},  {"3511AB", "Netherlands", true}, {"351 AB", "NL", false}, {"0511 AB", "NL", false},
    {"3511 SS", "NL", false}, {"3511 SA", "NL", false}, {"3511 sd", "NL", false}, {"3511 A1", "NL", false},
    {"35112 AB", "NL", false}, {"3511-AB", "NL", false}, {"3511", "NL", false},   {"AB 3511", "NL", false},
    {"1000", "BE", true},     {"10000", "BE", false},   {"België", "BE", false},  {"10115", "DE", true},
    {"01067", "Deutschland", true}, {"1011", "DE", false}, {"SW1A 1AA", "GB", true}, {"75001", "FR", true},
};

TEST(AddressChecks, Postcodes) {
    ASSERT_GE(std::size(postcodes), 20u);
    for (const auto& c : postcodes) {
        SCOPED_TRACE(std::string(c.postcode) + " / " + c.country);
        Address address = good_address();
        address.postcode = c.postcode;
        address.country = c.country;
        auto findings = run_on_address("address.postcode", address);
        ASSERT_EQ(findings.size(), c.valid ? 0u : 1u) << all_messages(findings);
        if (!c.valid) {
            EXPECT_NE(findings[0].message.find(std::string("'") + c.postcode + "'"), std::string::npos);
            EXPECT_EQ(findings[0].severity, Severity::error);
        }
    }
}

TEST(AddressChecks, PostcodeMessages) {
    Address address = good_address();
    address.postcode = "351 AB";
    auto findings = run_on_address("address.postcode", address);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].message, "Postcode '351 AB' (country NL) is malformed: a Dutch postcode has 4 digits and 2 letters (e.g. 3512 JC).");
    address.postcode = "3511S S";
    findings = run_on_address("address.postcode", address);
    ASSERT_EQ(findings.size(), 1u);
    address.postcode = "35 11AB";
    findings = run_on_address("address.postcode", address);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_NE(findings[0].message.find("the space belongs"), std::string::npos);
}

TEST(AddressChecks, HouseNumbers) {
    Address address = good_address();
    address.house_number = "";
    EXPECT_EQ(run_on_address("address.house_number", address).size(), 1u);
    address.house_number = "a";
    auto findings = run_on_address("address.house_number", address);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].message, "House number 'a' has no digit.");
    address.house_number = "";
    address.street = "Kerkstraat 12";
    findings = run_on_address("address.house_number", address);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_NE(findings[0].message.find("'Kerkstraat 12'"), std::string::npos);
    for (const char* ok : {"12", "12a", "1-3", "12 bis", "II-3"}) {
        address.house_number = ok;
        EXPECT_TRUE(run_on_address("address.house_number", address).empty()) << ok;
    }
}

struct DoubleCase {
    Address address;
    const char* expect_in_message;   // nullptr: no finding
};

const DoubleCase doubles[] = {
    {{"Anna de Vries", "Kerkstraat 12", "12", "", "3511 AB", "Utrecht", "NL"}, "Street 'Kerkstraat 12' also holds the house number '12'"},
    {{"Anna de Vries", "Kerkstraat 12A", "12A", "", "3511 AB", "Utrecht", "NL"}, "house number '12A'"},
    {{"Anna de Vries", "Kerkstraat 12 Utrecht", "12", "", "3511 AB", "Utrecht", "NL"}, "also holds the city 'Utrecht'"},
    {{"Anna de Vries", "Anna de Vries Kerkstraat", "12", "", "3511 AB", "Utrecht", "NL"}, "also holds the name 'Anna de Vries'"},
    {{"Anna de Vries", "Kerkstraat", "12", "", "3511 AB", "3511 AB Utrecht", "NL"}, "City '3511 AB Utrecht' also holds the postcode '3511 AB'"},
    {{"Anna de Vries", "Kerkstraat", "12", "12", "3511 AB", "Utrecht", "NL"}, "House number addition '12' repeats the house number '12'"},
    {{"Anna de Vries", "Kerkstraat", "12A", "A", "3511 AB", "Utrecht", "NL"}, "House number '12A' already holds the house number addition 'A'"},
    {{"Anna de Vries", "Utrecht", "12", "", "3511 AB", "Utrecht", "NL"}, "City 'Utrecht' repeats the street 'Utrecht'"},
    {{"Anna de Vries", "Anna de Vries", "12", "", "3511 AB", "Utrecht", "NL"}, "Street 'Anna de Vries' repeats the name 'Anna de Vries'"},
    {{"Anna de Vries", "Kerkstraat", "12", "", "3511 AB", "Utrecht", "NL"}, nullptr},
    {{"Anna de Vries", "Kerkstraat", "12", "", "1212 AB", "Utrecht", "NL"}, nullptr},
    {{"Anna de Vries", "Plein 1944", "12", "", "6511 AB", "Nijmegen", "NL"}, nullptr},
    {{"Tom Utrecht", "Utrechtsestraat", "3", "", "6811 LV", "Arnhem", "NL"}, nullptr},
};

TEST(AddressChecks, AutofillDoubles) {
    for (const auto& c : doubles) {
        SCOPED_TRACE(c.address.street + " / " + c.address.house_number + " / " + c.address.city);
        auto findings = run_on_address("address.duplicated", c.address);
        if (!c.expect_in_message) {
            EXPECT_TRUE(findings.empty()) << all_messages(findings);
            continue;
        }
        ASSERT_FALSE(findings.empty());
        EXPECT_NE(all_messages(findings).find(c.expect_in_message), std::string::npos) << all_messages(findings);
        EXPECT_EQ(findings[0].severity, Severity::warning);
        EXPECT_EQ(findings[0].fix.by, FixBy::service);
    }
}

TEST(AddressChecks, NoOrderNoFindings) {
    core::CheckContext ctx;
    for (const char* id : {"address.incomplete", "address.postcode", "address.house_number", "address.duplicated"})
        EXPECT_TRUE(run_check(id, ctx).empty()) << id;
}

}  // namespace
}  // namespace preflight::testing
