// Working-hours arithmetic on Howard Hinnant's date/tz (GCC 12 has no std::chrono zones).
#include "core/calendar.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <cstdio>

namespace preflight::core {

using namespace std::chrono;

namespace {

bool read_digits(std::string_view text, std::size_t& pos, int count, int& out) {
    out = 0;
    for (int i = 0; i < count; ++i, ++pos) {
        if (pos >= text.size() || text[pos] < '0' || text[pos] > '9') return false;
        out = out * 10 + (text[pos] - '0');
    }
    return true;
}

bool expect(std::string_view text, std::size_t& pos, char c) {
    if (pos < text.size() && text[pos] == c) {
        ++pos;
        return true;
    }
    return false;
}

date::year_month_day easter_sunday(int year) {
    // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
    int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return date::year{year} / month / day;
}

const date::time_zone* amsterdam() {
    static const date::time_zone* zone = date::locate_zone("Europe/Amsterdam");
    return zone;
}

}  // namespace

std::optional<Timestamp> parse_timestamp(std::string_view text) {
    std::size_t pos = 0;
    int year, month, day, hour, minute, second = 0;
    if (!read_digits(text, pos, 4, year) || !expect(text, pos, '-') || !read_digits(text, pos, 2, month) ||
        !expect(text, pos, '-') || !read_digits(text, pos, 2, day))
        return std::nullopt;
    if (!(expect(text, pos, 'T') || expect(text, pos, 't') || expect(text, pos, ' '))) return std::nullopt;
    if (!read_digits(text, pos, 2, hour) || !expect(text, pos, ':') || !read_digits(text, pos, 2, minute))
        return std::nullopt;
    if (expect(text, pos, ':')) {
        if (!read_digits(text, pos, 2, second)) return std::nullopt;
        if (expect(text, pos, '.') || expect(text, pos, ','))
            while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    }
    int offset_minutes = 0;
    if (expect(text, pos, 'Z') || expect(text, pos, 'z')) {
        offset_minutes = 0;
    } else {
        int sign = 0;
        if (expect(text, pos, '+')) sign = 1;
        else if (expect(text, pos, '-')) sign = -1;
        else return std::nullopt;
        int oh, om = 0;
        if (!read_digits(text, pos, 2, oh)) return std::nullopt;
        expect(text, pos, ':');
        if (pos < text.size() && !read_digits(text, pos, 2, om)) return std::nullopt;
        if (oh > 18 || om > 59) return std::nullopt;
        offset_minutes = sign * (oh * 60 + om);
    }
    if (pos != text.size()) return std::nullopt;
    date::year_month_day ymd{date::year{year}, date::month(unsigned(month)), date::day(unsigned(day))};
    if (!ymd.ok() || hour > 23 || minute > 59 || second > 60) return std::nullopt;
    auto local = date::sys_days(ymd) + hours(hour) + minutes(minute) + seconds(second);
    Timestamp stamp;
    stamp.utc = time_point_cast<seconds>(local - minutes(offset_minutes));
    stamp.local_date = {year, unsigned(month), unsigned(day)};
    return stamp;
}

bool is_dutch_public_holiday(int year, unsigned month, unsigned day) {
    using date::year_month_day;
    year_month_day ymd{date::year{year}, date::month{month}, date::day{day}};
    if ((month == 1 && day == 1) || (month == 5 && day == 5) || (month == 12 && (day == 25 || day == 26))) return true;
    // King's Day: 27 April, moved to the 26th when the 27th falls on a Sunday.
    date::year_month_day kings{date::year{year}, date::April, date::day{27}};
    if (date::weekday{date::sys_days(kings)} == date::Sunday) kings = {date::year{year}, date::April, date::day{26}};
    if (ymd == kings) return true;
    date::sys_days easter = date::sys_days(easter_sunday(year));
    date::sys_days today = date::sys_days(ymd);
    for (int offset : {0, 1, 39, 49, 50})   // Easter Sunday, Easter Monday, Ascension, Whitsun, Whit Monday
        if (today == easter + date::days(offset)) return true;
    return false;
}

sys_seconds add_working_hours(sys_seconds start, int hours_to_add) {
    const auto* zone = amsterdam();
    auto remaining = seconds(hours(hours_to_add));
    // Work in local time; convert back through the zone so summer time is respected.
    auto local = zone->to_local(start);
    for (int guard = 0; guard < 4000 && remaining > seconds(0); ++guard) {
        auto day = date::floor<date::days>(local);
        date::year_month_day ymd{day};
        date::weekday weekday{day};
        bool working_day = weekday != date::Saturday && weekday != date::Sunday &&
                           !is_dutch_public_holiday(int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
        auto open = day + hours(9);
        auto close = day + hours(17);
        if (!working_day || local >= close) {
            local = day + date::days(1) + hours(9);
            continue;
        }
        if (local < open) local = open;
        auto available = close - local;
        if (available >= remaining) {
            local += remaining;
            remaining = seconds(0);
        } else {
            remaining -= duration_cast<seconds>(available);
            local = day + date::days(1) + hours(9);
        }
    }
    // 09:00-17:00 never falls in a DST gap or overlap (those are at 02:00-03:00).
    return time_point_cast<seconds>(zone->to_sys(local, date::choose::earliest));
}

std::string format_amsterdam(sys_seconds moment) {
    const auto* zone = amsterdam();
    auto info = zone->get_info(moment);
    auto local = zone->to_local(moment);
    auto day = date::floor<date::days>(local);
    date::year_month_day ymd{day};
    date::hh_mm_ss<seconds> time{local - day};
    long offset = long(info.offset.count());
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02dZ", int(ymd.year()) % 10000, unsigned(ymd.month()) % 100,
                  unsigned(ymd.day()) % 100, int(time.hours().count()) % 100, int(time.minutes().count()) % 100,
                  int(time.seconds().count()) % 100);
    std::string text(buffer);
    text.pop_back();
    char sign = offset < 0 ? '-' : '+';
    offset = offset < 0 ? -offset : offset;
    std::snprintf(buffer, sizeof buffer, "%c%02d:%02d", sign, int(offset / 3600) % 100, int((offset % 3600) / 60));
    return text + buffer;
}

CivilDate amsterdam_date(sys_seconds moment) {
    auto local = amsterdam()->to_local(moment);
    date::year_month_day ymd{date::floor<date::days>(local)};
    return {int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day())};
}

}  // namespace preflight::core
