// The public ISO 8601 reader (the CLI's --now) over the core calendar.
#include "core/calendar.hpp"
#include "preflight/formats.hpp"

namespace preflight {

std::optional<std::chrono::system_clock::time_point> parse_time(std::string_view text) {
    auto stamp = core::parse_timestamp(text);
    if (!stamp) return std::nullopt;
    return std::chrono::system_clock::time_point(stamp->utc);
}

}  // namespace preflight
