// address.duplicated: autofill doubles, and real addresses that only look doubled.
#include <gtest/gtest.h>

#include "checks/content_support.hpp"

namespace preflight::testing {
namespace {

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

TEST(AddressDuplicated, AutofillDoubles) {
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

}  // namespace
}  // namespace preflight::testing
