// The address family: checks on the order's shipping address ("algemene orderinformatie").
#pragma once

#include <string>
#include <string_view>

#include "core/check.hpp"

namespace preflight::checks {

core::CheckSpec make_address_incomplete_check();
core::CheckSpec make_address_postcode_check();
core::CheckSpec make_address_house_number_check();
core::CheckSpec make_address_duplicated_check();

/// The field without leading and trailing white space.
std::string_view trimmed(std::string_view field);

/// The country as an ISO code: "NL" for "", "nl", "Nederland", "Netherlands"; "BE", "DE"
/// likewise; anything else upper-cased as written.
std::string country_code(std::string_view country);

}  // namespace preflight::checks
