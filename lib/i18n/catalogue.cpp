// Looking texts up in the compiled-in catalogue, and each language's forms of numbers,
// units and dates (see catalogue.hpp).
#include "i18n/catalogue.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>

namespace preflight::i18n {

namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Unit suffix of a detail key -> decimals and the unit written after the number.
struct UnitForm {
    std::string_view suffix;
    int decimals;
    std::string_view unit;
};
constexpr UnitForm unit_forms[] = {
    {"_mm", 1, " mm"}, {"_pt", 1, " pt"}, {"ppi", 0, " ppi"}, {"_dpi", 0, " dpi"},
    {"_percent", 0, " %"}, {"_px", 0, " px"}, {"_levels", 1, ""}, {"_g", 0, " g"}, {"_cm", 1, " cm"},
};

}  // namespace

Language language_from(std::string_view code) {
    if (code.size() >= 2 && (code[0] == 'n' || code[0] == 'N') && (code[1] == 'l' || code[1] == 'L') &&
        (code.size() == 2 || code[2] == '-' || code[2] == '_'))
        return Language::nl;
    return Language::en;
}

std::string_view language_code(Language language) { return language == Language::nl ? "nl" : "en"; }

std::span<const CatalogueEntry> all_entries() { return {catalogue_entries, catalogue_size}; }

const char* find_text(Language language, std::string_view context, std::string_view key) {
    const std::string_view code = language_code(language);
    auto tie = [](const CatalogueEntry& e) {
        return std::make_tuple(std::string_view(e.language), std::string_view(e.context), std::string_view(e.key));
    };
    const auto wanted = std::make_tuple(code, context, key);
    auto entries = all_entries();
    auto it = std::lower_bound(entries.begin(), entries.end(), wanted,
                               [&](const CatalogueEntry& e, const auto& w) { return tie(e) < w; });
    if (it == entries.end() || tie(*it) != wanted) return nullptr;
    return it->text;
}

std::string ui(Language language, std::string_view key) {
    const char* text = find_text(language, "report", key);
    return text ? std::string(text) : std::string(key);
}

std::vector<std::string> placeholders(std::string_view pattern) {
    std::vector<std::string> names;
    for (std::size_t open = pattern.find('{'); open != std::string_view::npos; open = pattern.find('{', open + 1)) {
        std::size_t close = pattern.find('}', open);
        if (close == std::string_view::npos) break;
        names.emplace_back(pattern.substr(open + 1, close - open - 1));
    }
    return names;
}

std::optional<std::string> fill(std::string_view pattern, const std::map<std::string, std::string>& values) {
    std::string out;
    std::size_t pos = 0;
    while (pos < pattern.size()) {
        std::size_t open = pattern.find('{', pos);
        std::size_t close = open == std::string_view::npos ? open : pattern.find('}', open);
        if (close == std::string_view::npos) {
            out.append(pattern.substr(pos));
            break;
        }
        out.append(pattern.substr(pos, open - pos));
        auto value = values.find(std::string(pattern.substr(open + 1, close - open - 1)));
        if (value == values.end()) return std::nullopt;
        out += value->second;
        pos = close + 1;
    }
    return out;
}

std::string format_number(double value, int decimals, Language language) {
    if (!std::isfinite(value)) return "?";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", std::clamp(decimals, 0, 6), value);
    std::string text(buffer);
    if (text.rfind("-0", 0) == 0 && text.find_first_not_of("-0.,") == std::string::npos) text.erase(0, 1);   // no "-0,0"
    if (language == Language::nl) std::replace(text.begin(), text.end(), '.', ',');
    return text;
}

std::string format_detail(std::string_view key, const DetailValue& value, Language language) {
    if (const auto* word = std::get_if<std::string>(&value)) return *word;
    const double number = std::get<double>(value);
    for (const auto& form : unit_forms)
        if (ends_with(key, form.suffix)) return format_number(number, form.decimals, language) + std::string(form.unit);
    // A number without a unit is often the customer's own ("3,45 gram" reads as 3.45 g): it keeps
    // every decimal it has, up to three, so the text never shows 3,4 for 3,45. A computed value
    // with more decimals (a contrast ratio) is written to one.
    for (int decimals = 0; decimals <= 3; ++decimals) {
        const double scale = std::pow(10.0, decimals);
        if (std::abs(number * scale - std::round(number * scale)) < 1e-6 * std::max(1.0, std::abs(number * scale)))
            return format_number(number, decimals, language);
    }
    return format_number(number, 1, language);
}

std::string format_moment(std::chrono::sys_seconds moment, Language language) {
    static const date::time_zone* zone = [] {
        try {
            return date::locate_zone("Europe/Amsterdam");
        } catch (const std::exception&) {
            return static_cast<const date::time_zone*>(nullptr);
        }
    }();
    auto local = zone ? zone->to_local(moment) : date::local_seconds(moment.time_since_epoch());
    auto day = date::floor<date::days>(local);
    date::year_month_day ymd{day};
    date::hh_mm_ss<std::chrono::seconds> time{local - day};
    const unsigned weekday = date::weekday{day}.c_encoding();   // 0 = Sunday
    static const char* days_nl[] = {"zo", "ma", "di", "wo", "do", "vr", "za"};
    static const char* days_en[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* months_nl[] = {"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"};
    static const char* months_en[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const unsigned month = (unsigned(ymd.month()) + 11) % 12;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s %u %s, %02d:%02d", (language == Language::nl ? days_nl : days_en)[weekday % 7],
                  unsigned(ymd.day()) % 100, (language == Language::nl ? months_nl : months_en)[month],
                  int(time.hours().count()) % 100, int(time.minutes().count()) % 100);
    return buffer;
}

}  // namespace preflight::i18n
