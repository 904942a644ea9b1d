// The content family: checks that read what the card's texts say (years, dates, weights,
// phone numbers, capitals).
#pragma once

#include "core/check.hpp"

namespace preflight::checks {

core::CheckSpec make_content_year_check();
core::CheckSpec make_content_date_check();
core::CheckSpec make_content_measure_check();
core::CheckSpec make_content_phone_check();
core::CheckSpec make_content_capitalisation_check();

}  // namespace preflight::checks
