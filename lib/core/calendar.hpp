// Dates and working hours: parsing placed_at, Dutch public holidays, and respond_by
// (8 working hours, Mon-Fri 09:00-17:00 Europe/Amsterdam, holidays excluded).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/context.hpp"

namespace preflight::core {

/// A moment written in ISO 8601 with an offset, and the local date it names.
struct Timestamp {
    std::chrono::sys_seconds utc;
    CivilDate local_date;        // the date as written (in the writer's own offset)
};

/// Parses "2026-11-20T14:03:00+01:00" (also "Z", fractional seconds, a space for 'T').
/// Requires an offset: a time without one is ambiguous.
std::optional<Timestamp> parse_timestamp(std::string_view text);

/// True on the Dutch public holidays of the Algemene termijnenwet: New Year's Day, Easter
/// Sunday and Monday, King's Day (27 April, or 26 April when the 27th is a Sunday),
/// Liberation Day (5 May), Ascension Day, Whit Sunday and Monday, Christmas (25 and 26 Dec).
bool is_dutch_public_holiday(int year, unsigned month, unsigned day);

/// `hours` working hours after `start`, in Europe/Amsterdam working time.
std::chrono::sys_seconds add_working_hours(std::chrono::sys_seconds start, int hours);

/// "2026-11-25T11:00:00+01:00": the moment in Europe/Amsterdam local time with its offset.
std::string format_amsterdam(std::chrono::sys_seconds moment);

/// The local date in Europe/Amsterdam of a moment (for lint runs without an order).
CivilDate amsterdam_date(std::chrono::sys_seconds moment);

}  // namespace preflight::core
