// Number readers: clock times (never dates or weights), weights and lengths with their
// units, and phone numbers.
#include <string>
#include <string_view>

#include "content/scan.hpp"

namespace preflight::content::detail {

namespace {

struct Unit {
    std::string_view name;
    MeasureKind kind;
    double factor;        // to grams or centimetres
    bool grams;           // "3.250 gram": a 3-digit group after the separator is thousands
};

constexpr Unit units[] = {
    {"g", MeasureKind::weight, 1, true},          {"gr", MeasureKind::weight, 1, true},
    {"gram", MeasureKind::weight, 1, true},       {"grams", MeasureKind::weight, 1, true},
    {"gramm", MeasureKind::weight, 1, true},      {"gramme", MeasureKind::weight, 1, true},
    {"grammes", MeasureKind::weight, 1, true},    {"kg", MeasureKind::weight, 1000, false},
    {"kilo", MeasureKind::weight, 1000, false},   {"kilos", MeasureKind::weight, 1000, false},
    {"kilogram", MeasureKind::weight, 1000, false}, {"kilograms", MeasureKind::weight, 1000, false},
    {"kilogramme", MeasureKind::weight, 1000, false}, {"pond", MeasureKind::weight, 500, false},
    {"lb", MeasureKind::weight, 453.59237, false}, {"lbs", MeasureKind::weight, 453.59237, false},
    {"pound", MeasureKind::weight, 453.59237, false}, {"pounds", MeasureKind::weight, 453.59237, false},
    {"cm", MeasureKind::length, 1, false},        {"centimeter", MeasureKind::length, 1, false},
    {"centimeters", MeasureKind::length, 1, false}, {"centimetre", MeasureKind::length, 1, false},
    {"centimetres", MeasureKind::length, 1, false}, {"inch", MeasureKind::length, 2.54, false},
    {"inches", MeasureKind::length, 2.54, false},
};

const Unit* find_unit(std::string_view word) {
    for (const auto& unit : units)
        if (unit.name == word) return &unit;
    return nullptr;
}

bool is_clock_suffix(std::string_view w) {
    return w == "uur" || w == "u" || w == "h" || w == "hrs" || w == "hr" || w == "am" || w == "pm";
}

// A number with an optional decimal or thousands part: "3", "3,25", "3.250". Returns the
// index after it; `whole` and `fraction` keep the digits as written.
bool read_decimal(const Scan& scan, std::size_t i, std::string_view& whole, std::string_view& fraction,
                  std::size_t& after) {
    if (!scan.is_number(i) || scan.tokens[i].text.size() > 6) return false;
    whole = scan.tokens[i].text;
    fraction = {};
    after = i + 1;
    if ((scan.is_punct(i + 1, ',') || scan.is_punct(i + 1, '.')) && scan.adjacent(i + 1) &&
        scan.is_number(i + 2) && scan.adjacent(i + 2) && scan.tokens[i + 2].text.size() <= 3) {
        fraction = scan.tokens[i + 2].text;
        after = i + 3;
    }
    return true;
}

double decimal_value(std::string_view whole, std::string_view fraction) {
    double value = static_cast<double>(number_value(whole));
    double scale = 0.1;
    for (char c : fraction) {
        value += (c - '0') * scale;
        scale /= 10;
    }
    return value;
}

}  // namespace

bool is_measure_unit(std::string_view folded_word) { return find_unit(folded_word) != nullptr; }

bool read_time(const Scan& scan, std::size_t i, TimeMention& out, Match& match) {
    if (!scan.is_number(i) || scan.tokens[i].text.size() > 2) return false;
    auto hour = number_value(scan.tokens[i].text);
    if (hour > 24) return false;
    // "14:30", "14.30", "14u30", "14h30"
    bool colon = scan.is_punct(i + 1, ':');
    bool dot = scan.is_punct(i + 1, '.');
    bool letter = scan.is_word(i + 1) && (scan.tokens[i + 1].is("u") || scan.tokens[i + 1].is("h"));
    if ((colon || dot || letter) && scan.adjacent(i + 1) && scan.is_number(i + 2) && scan.adjacent(i + 2) &&
        scan.tokens[i + 2].text.size() == 2) {
        auto minute = number_value(scan.tokens[i + 2].text);
        if (minute > 59 || (dot && hour > 23)) return false;
        std::size_t after = i + 3;
        std::size_t k = scan.skip_space(after);
        if (scan.is_word(k) && is_measure_unit(scan.tokens[k].text)) return false;  // "3.25 kg"
        if (scan.is_word(k) && is_clock_suffix(scan.tokens[k].text)) after = k + 1;
        out.hour = static_cast<unsigned>(hour);
        out.minute = static_cast<unsigned>(minute);
        match = Match{i, after};
        return true;
    }
    // "14 uur", "2 pm"
    std::size_t k = scan.skip_space(i + 1);
    if (scan.is_word(k) && (scan.tokens[k].is("uur") || scan.tokens[k].is("am") || scan.tokens[k].is("pm"))) {
        out.hour = static_cast<unsigned>(hour);
        out.minute = 0;
        match = Match{i, k + 1};
        return true;
    }
    return false;
}

bool read_measure(const Scan& scan, std::size_t i, MeasureMention& out, Match& match) {
    std::string_view whole, fraction;
    std::size_t after = 0;
    if (!read_decimal(scan, i, whole, fraction, after)) return false;
    std::size_t k = scan.skip_space(after);
    if (k > after + 1 || !scan.is_word(k)) return false;
    const Unit* unit = find_unit(scan.tokens[k].text);
    if (!unit) return false;
    std::size_t end = k + 1;
    if (unit->name == "gr" && scan.is_punct(end, '.')) ++end;
    double value;
    if (unit->grams && fraction.size() == 3)
        value = static_cast<double>(number_value(whole)) * 1000 + static_cast<double>(number_value(fraction));
    else
        value = decimal_value(whole, fraction) * unit->factor;
    // "7 lbs 8 oz", "6 pond 4 ons": add the smaller unit that follows.
    std::size_t m = scan.skip_space(end);
    if (unit->kind == MeasureKind::weight && !unit->grams && unit->factor < 1000 && scan.is_number(m)) {
        std::size_t n = scan.skip_space(m + 1);
        if (scan.is_word(n)) {
            auto extra = static_cast<double>(number_value(scan.tokens[m].text));
            if (scan.tokens[n].is("oz") || scan.tokens[n].is("ounces")) {
                value += extra * 28.349523125;
                end = n + 1;
            } else if (scan.tokens[n].is("ons")) {
                value += extra * 100;
                end = n + 1;
            }
        }
    }
    out.kind = unit->kind;
    out.value = value;
    out.unit = std::string(unit->name);
    match = Match{i, end};
    return true;
}

// The index after an inch mark written straight after a number ("20.5\"", "20''"; folding
// made "20″" and "20”" those), or 0 when there is none.
std::size_t after_inch_mark(const Scan& scan, std::size_t i) {
    if (i >= scan.tokens.size() || !scan.adjacent(i)) return 0;
    if (scan.is_punct(i, '"')) return i + 1;
    if (scan.is_punct(i, '\'') && scan.is_punct(i + 1, '\'') && scan.adjacent(i + 1)) return i + 2;
    return 0;
}

bool read_labelled_measure(const Scan& scan, std::size_t i, MeasureMention& out, Match& match) {
    // "Gewicht: 3250", "lengte 51": a number without unit right after its label.
    if (!scan.is_word(i)) return false;
    const auto& label = scan.tokens[i];
    MeasureKind kind;
    if (label.is("gewicht") || label.is("weight") || label.is("geboortegewicht")) kind = MeasureKind::weight;
    else if (label.is("lengte") || label.is("length") || label.is("geboortelengte")) kind = MeasureKind::length;
    else return false;
    std::size_t j = scan.skip_space(i + 1);
    if (scan.is_punct(j, ':') || scan.is_punct(j, '-')) j = scan.skip_space(j + 1);
    std::string_view whole, fraction;
    std::size_t after = 0;
    if (!read_decimal(scan, j, whole, fraction, after)) return false;
    std::size_t k = scan.skip_space(after);
    if (scan.is_word(k) && is_measure_unit(scan.tokens[k].text)) return false;  // read with its unit
    if (scan.is_punct(after, '-') || scan.is_punct(after, '/') || scan.is_punct(after, ':')) return false;
    double value;
    // "Length: 20.5\"": inches, as English birth cards give the length.
    if (std::size_t inch_end = kind == MeasureKind::length ? after_inch_mark(scan, after) : 0) {
        out.kind = kind;
        out.value = decimal_value(whole, fraction) * 2.54;
        out.unit = "inch";
        match = Match{i, inch_end};
        return true;
    }
    if (kind == MeasureKind::length) value = decimal_value(whole, fraction);
    else if (fraction.size() == 3) value = static_cast<double>(number_value(whole)) * 1000 + static_cast<double>(number_value(fraction));
    else if (!fraction.empty() || number_value(whole) < 10) value = decimal_value(whole, fraction) * 1000;  // kilograms
    else value = static_cast<double>(number_value(whole));
    out.kind = kind;
    out.value = value;
    out.unit.clear();
    match = Match{i, after};
    return true;
}

bool read_phone(const Scan& scan, std::size_t i, PhoneMention& out, Match& match) {
    std::size_t first = i;
    bool plus = false;
    if (scan.is_punct(i, '+') && scan.is_number(i + 1) && scan.adjacent(i + 1)) {
        plus = true;
        ++i;
    } else if (!scan.is_number(i) || scan.tokens[i].text[0] != '0') {
        return false;
    }
    // Not the tail of something longer ("12-0612..." or "3.06").
    if (first > 0 && scan.adjacent(first)) {
        const Token& before = scan.tokens[first - 1];
        if (before.is_number() || before.is_punct('-') || before.is_punct('.') || before.is_punct(',') ||
            before.is_punct('/') || before.is_word())
            return false;
    }
    // The digits of a bank account ("NL12 ABCD 0123 4567 89") look like a phone number.
    for (std::size_t back = first; back > 0;) {
        --back;
        const Token& token = scan.tokens[back];
        if (token.kind == TokenKind::newline) break;
        if (token.is("iban")) return false;
        if (token.is_number() && back > 0 && scan.tokens[back - 1].is_word() && scan.tokens[back - 1].text.size() == 2 &&
            scan.tokens[back - 1].end == token.begin && token.text.size() == 2 && first - back <= 4)
            return false;
    }
    std::string digits;
    std::size_t end = i;
    std::size_t k = i;
    while (true) {
        const Token& group = scan.tokens[k];
        digits.append(group.text);
        end = k + 1;
        if (digits.size() >= 15) break;
        // A complete Dutch number ends here, so a following group (a postcode, a year) is
        // not swallowed; an incomplete or overlong one keeps its groups to be judged whole.
        bool international = plus || digits.rfind("00", 0) == 0;
        std::size_t prefix = plus ? 0 : (international ? 2 : 0);
        if (!international && digits.size() == 10) break;
        if (international && digits.size() == prefix + 2 + 9 && digits.compare(prefix, 2, "31") == 0) break;
        // Separators inside a number: one space, "-", " - ", "/", and "(0)".
        std::size_t j = end;
        std::size_t paren = (scan.is_space(j) && scan.tokens[j].text.size() == 1) ? j + 1 : j;
        if (scan.is_punct(paren, '(') && scan.is_number(paren + 1) && scan.tokens[paren + 1].is("0") &&
            scan.is_punct(paren + 2, ')')) {
            j = paren + 3;
            std::size_t next = scan.skip_space(j);
            if (!scan.is_number(next) || next > j + 1) break;
            end = j;
            k = next;
            continue;
        }
        std::size_t next = j;
        if (scan.is_space(next) && scan.tokens[next].text.size() == 1) ++next;
        if (scan.is_punct(next, '-') || scan.is_punct(next, '/')) next = next + 1;
        if (scan.is_space(next) && scan.tokens[next].text.size() == 1 && next != j) ++next;
        if (next == j || !scan.is_number(next)) break;
        // The next group belongs to something else: a measure, a time, a date, a postcode.
        std::size_t after = scan.skip_space(next + 1);
        if (scan.is_word(after) && (is_measure_unit(scan.tokens[after].text) || is_clock_suffix(scan.tokens[after].text)))
            break;
        if (scan.is_punct(next + 1, ':') || scan.is_punct(next + 1, '.') || scan.is_punct(next + 1, ','))
            if (scan.at(next + 2) && scan.tokens[next + 2].is_number()) break;
        if (scan.is_word(next + 1) && scan.adjacent(next + 1)) break;
        k = next;
    }
    // "06" alone or "0,5" are not phone numbers: at least seven digits.
    if (digits.size() < 7) return false;
    if (scan.is_word(end) && scan.adjacent(end)) return false;   // "0612345g"
    out.digits = digits;
    out.international = plus || digits.rfind("00", 0) == 0;
    if (out.international) {
        std::string rest = plus ? digits : digits.substr(2);
        if (rest.rfind("31", 0) == 0) out.country_code = "31";
        else out.country_code = rest.substr(0, 2);
        out.national = rest.substr(out.country_code.size());
    } else {
        out.national = digits;
    }
    match = Match{first, end};
    return true;
}

}  // namespace preflight::content::detail
