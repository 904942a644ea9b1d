// address.incomplete: empty fields and missing addresses; every address check quiet on clean addresses.
#include <gtest/gtest.h>

#include "checks/content_support.hpp"

namespace preflight::testing {
namespace {

core::Findings all_address_checks(const Address& address) {
    core::Findings all;
    for (const char* id : {"address.incomplete", "address.postcode", "address.house_number", "address.duplicated"}) {
        auto f = run_on_address(id, address);
        all.insert(all.end(), f.begin(), f.end());
    }
    return all;
}

TEST(AddressIncomplete, CleanAddressHasNoFindings) {
    EXPECT_TRUE(all_address_checks(good_address()).empty()) << all_messages(all_address_checks(good_address()));
    // Real streets with numbers and city names in them, and names that are street names.
    Address tricky{"Jan", "2e Hugo de Grootstraat", "2", "", "1052 LA", "Amsterdam", ""};
    EXPECT_TRUE(all_address_checks(tricky).empty()) << all_messages(all_address_checks(tricky));
    Address city_like{"Jan van Galen", "Jan van Galenstraat", "10", "", "1051 KM", "Amsterdam", "Nederland"};
    EXPECT_TRUE(all_address_checks(city_like).empty()) << all_messages(all_address_checks(city_like));
    Address road{"Piet Jansen", "Utrechtseweg", "1", "bis", "3818 EA", "Amersfoort", "nl"};
    EXPECT_TRUE(all_address_checks(road).empty()) << all_messages(all_address_checks(road));
}

TEST(AddressIncomplete, MissingShippingAddress) {
    auto findings = run_on_address("address.incomplete", std::nullopt);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].severity, Severity::error);
    EXPECT_EQ(findings[0].fix.by, FixBy::service);
}

TEST(AddressIncomplete, EmptyFieldsAreNamed) {
    Address address = good_address();
    address.city = std::string("  ");
    address.postcode = std::string("");
    auto findings = run_on_address("address.incomplete", address);
    ASSERT_EQ(findings.size(), 2u);
    EXPECT_NE(findings[0].message.find("postcode"), std::string::npos);
    EXPECT_NE(findings[1].message.find("city"), std::string::npos);
}

TEST(AddressIncomplete, NoOrderNoFindings) {
    core::CheckContext ctx;
    for (const char* id : {"address.incomplete", "address.postcode", "address.house_number", "address.duplicated"})
        EXPECT_TRUE(run_check(id, ctx).empty()) << id;
}

}  // namespace
}  // namespace preflight::testing
