// address.postcode: NL, BE and DE postcodes, valid and malformed.
#include <gtest/gtest.h>

#include "checks/content_support.hpp"

namespace preflight::testing {
namespace {

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

TEST(AddressPostcode, Postcodes) {
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

TEST(AddressPostcode, PostcodeMessages) {
    Address address = good_address();
    address.postcode = std::string("351 AB");
    auto findings = run_on_address("address.postcode", address);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].message, "Postcode '351 AB' (country NL) is malformed: a Dutch postcode has 4 digits and 2 letters "
                                   "(e.g. 3512 JC), this one has 3 digits and 2 other characters.");
    address.postcode = std::string("3511S S");
    findings = run_on_address("address.postcode", address);
    ASSERT_EQ(findings.size(), 1u);
    // Odd spacing still reaches the right door: not a reason to hold the order.
    for (const char* spaced : {"35 11AB", "3511  AB", " 3511 ab "}) {
        address.postcode = std::string(spaced);
        EXPECT_TRUE(run_on_address("address.postcode", address).empty()) << spaced;
    }
}

}  // namespace
}  // namespace preflight::testing
