// address.house_number: missing house numbers and house numbers without a digit.
#include <gtest/gtest.h>

#include "checks/content_support.hpp"

namespace preflight::testing {
namespace {

TEST(AddressHouseNumber, HouseNumbers) {
    Address address = good_address();
    address.house_number = std::string("");
    EXPECT_EQ(run_on_address("address.house_number", address).size(), 1u);
    address.house_number = std::string("a");
    auto findings = run_on_address("address.house_number", address);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].message, "House number 'a' has no digit.");
    address.house_number = std::string("");
    address.street = std::string("Kerkstraat 12");
    findings = run_on_address("address.house_number", address);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_NE(findings[0].message.find("'Kerkstraat 12'"), std::string::npos);
    for (const char* ok : {"12", "12a", "1-3", "12 bis", "II-3"}) {
        address.house_number = ok;
        EXPECT_TRUE(run_on_address("address.house_number", address).empty()) << ok;
    }
}

}  // namespace
}  // namespace preflight::testing
