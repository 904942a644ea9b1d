// respond_by: 8 working hours, Mon-Fri 09:00-17:00 Europe/Amsterdam, Dutch holidays excluded.
#include "core/calendar.hpp"

#include <gtest/gtest.h>

#include "preflight/formats.hpp"

namespace preflight {
namespace {

std::string respond_by(const std::string& now) {
    auto stamp = core::parse_timestamp(now);
    EXPECT_TRUE(stamp) << now;
    return core::format_amsterdam(core::add_working_hours(stamp->utc, 8));
}

TEST(Calendar, ParsesIsoTimestampsWithOffsets) {
    auto stamp = core::parse_timestamp("2026-11-20T14:03:00+01:00");
    ASSERT_TRUE(stamp);
    EXPECT_EQ(stamp->local_date.year, 2026);
    EXPECT_EQ(stamp->local_date.day, 20u);
    EXPECT_EQ(core::format_amsterdam(stamp->utc), "2026-11-20T14:03:00+01:00");
    EXPECT_TRUE(core::parse_timestamp("2026-11-20T13:03:00Z"));
    EXPECT_TRUE(core::parse_timestamp("2026-11-20T13:03:00.123+0100"));
    EXPECT_FALSE(core::parse_timestamp("2026-11-20T13:03:00"));    // no offset: ambiguous
    EXPECT_FALSE(core::parse_timestamp("2026-02-30T10:00:00+01:00"));
    EXPECT_FALSE(core::parse_timestamp("gisteren"));
}

TEST(Calendar, WithinOneWorkingDay) {
    EXPECT_EQ(respond_by("2026-11-25T09:00:00+01:00"), "2026-11-25T17:00:00+01:00");
    // Monday 16:00 -> Tuesday 16:00 (the seeds' own example).
    EXPECT_EQ(respond_by("2026-11-23T16:00:00+01:00"), "2026-11-24T16:00:00+01:00");
    // Before opening: the clock starts at 09:00.
    EXPECT_EQ(respond_by("2026-11-25T06:30:00+01:00"), "2026-11-25T17:00:00+01:00");
}

TEST(Calendar, SkipsTheWeekend) {
    EXPECT_EQ(respond_by("2026-11-27T15:00:00+01:00"), "2026-11-30T15:00:00+01:00");   // Friday -> Monday
    EXPECT_EQ(respond_by("2026-11-28T11:00:00+01:00"), "2026-11-30T17:00:00+01:00");   // Saturday -> Monday
}

TEST(Calendar, SkipsDutchHolidays) {
    // Easter 2027 is 28 March: Good Friday is a working day, Easter Monday is not.
    EXPECT_TRUE(core::is_dutch_public_holiday(2027, 3, 29));
    EXPECT_FALSE(core::is_dutch_public_holiday(2027, 3, 26));
    EXPECT_EQ(respond_by("2027-03-26T13:00:00+01:00"), "2027-03-30T13:00:00+02:00");   // Fri -> Tue, over DST too
    // King's Day 2027 is Tuesday 27 April; in 2025 the 27th was a Sunday, so the 26th.
    EXPECT_TRUE(core::is_dutch_public_holiday(2027, 4, 27));
    EXPECT_TRUE(core::is_dutch_public_holiday(2025, 4, 26));
    EXPECT_FALSE(core::is_dutch_public_holiday(2025, 4, 27 - 2));
    EXPECT_EQ(respond_by("2027-04-26T12:00:00+02:00"), "2027-04-28T12:00:00+02:00");
    // Ascension (Easter + 39) and Whit Monday (Easter + 50) 2027: 6 May and 17 May.
    EXPECT_TRUE(core::is_dutch_public_holiday(2027, 5, 6));
    EXPECT_TRUE(core::is_dutch_public_holiday(2027, 5, 17));
    // Christmas and New Year.
    EXPECT_EQ(respond_by("2026-12-24T14:00:00+01:00"), "2026-12-28T14:00:00+01:00");
    EXPECT_EQ(respond_by("2026-12-31T10:00:00+01:00"), "2027-01-04T10:00:00+01:00");
}

TEST(Calendar, SummerTimeChangesTheOffsetNotTheWorkingHours) {
    // Summer time ends on Sunday 25 October 2026: Friday 15:00 (+02:00) -> Monday 15:00 (+01:00).
    EXPECT_EQ(respond_by("2026-10-23T15:00:00+02:00"), "2026-10-26T15:00:00+01:00");
    // The same moment written in UTC.
    EXPECT_EQ(respond_by("2026-10-23T13:00:00Z"), "2026-10-26T15:00:00+01:00");
}

}  // namespace
}  // namespace preflight
