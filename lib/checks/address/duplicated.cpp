// address.duplicated: the same information twice because of browser autofill ("Dubbele
// veld informatie a.g.v. autofill"): house number or city in the street, the name in an
// address line, the postcode in the city, one field repeated in another.
#include <set>
#include <string>
#include <vector>

#include "checks/address/address_checks.hpp"
#include "checks/content/card_texts.hpp"
#include "content/fold.hpp"
#include "content/tokens.hpp"

namespace preflight::checks {

namespace {

struct Field {
    const char* label;
    std::string value;    // trimmed, as typed
    std::string folded;   // case and diacritics folded, spaces squeezed
};

std::string squeeze(const std::string& folded) {
    std::string out;
    for (char c : folded) {
        if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
        out.push_back(c);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string without_spaces(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != ' ' && c != '-') out.push_back(c);
    return out;
}

bool has_digit(const std::string& s) {
    for (char c : s)
        if (c >= '0' && c <= '9') return true;
    return false;
}

// Whether `haystack` holds the number as a separate token ("Kerkstraat 12" holds "12";
// "2e Hugo de Grootstraat" does not hold "2").
bool holds_number(const std::string& haystack, const std::string& number) {
    auto tokens = content::tokenize(haystack);
    std::string want = without_spaces(number);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!tokens[i].is_number()) continue;
        // Join a number with letters glued to it: "12a" for "12A".
        std::string candidate(tokens[i].text);
        bool glued_after = i + 1 < tokens.size() && tokens[i + 1].is_word() && tokens[i + 1].begin == tokens[i].end;
        if (glued_after) candidate += tokens[i + 1].text;
        bool glued_before = i > 0 && tokens[i - 1].is_word() && tokens[i - 1].end == tokens[i].begin;
        if (!glued_before && candidate == want) return true;
    }
    return false;
}

// The kinds of finding (Finding::code).
constexpr const char* code_repeated = "repeated";
constexpr const char* code_number_in_street = "number_in_street";
constexpr const char* code_addition_in_number = "addition_in_number";
constexpr const char* code_city_in_line = "city_in_line";
constexpr const char* code_postcode_in_line = "postcode_in_line";
constexpr const char* code_name_in_line = "name_in_line";

// A field name as a detail word: "house number" -> "house_number" (texts translate it).
std::string field_word(const char* label) {
    std::string word = label;
    for (char& c : word) c = c == ' ' ? '_' : c;
    return word;
}

// `code`: what is repeated where; `field` holds the value of `other_field` again.
void report(core::Findings& out, std::string message, std::string action, const char* code, const char* field,
            const char* other_field, const std::string& value) {
    Finding finding = make_finding("address.duplicated", Severity::warning, FixBy::service, "", "", std::move(message),
                                   std::move(action));
    finding.code = code;
    finding.details = {{"field", field_word(field)}, {"other_field", field_word(other_field)}, {"value", value}};
    out.push_back(std::move(finding));
}

void run(const core::CheckContext& ctx, const core::CheckOptions&, core::Findings& out) {
    if (!ctx.order || !ctx.order->shipping_address) return;
    const auto& a = *ctx.order->shipping_address;
    auto make = [](const char* label, const std::string& value) {
        std::string v(trimmed(value));
        return Field{label, v, squeeze(content::fold(v))};
    };
    Field name = make("name", a.name), street = make("street", a.street), number = make("house number", a.house_number),
          addition = make("house number addition", a.house_number_addition), postcode = make("postcode", a.postcode),
          city = make("city", a.city), country = make("country", a.country);
    std::set<std::pair<std::string, std::string>> reported;
    auto quote = [](const Field& f) { return std::string(f.label) + " '" + f.value + "'"; };
    auto upper_first = [](std::string s) {
        if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
        return s;
    };

    // A field repeated in another: "Utrecht" as street and city, "12" as number and addition.
    const std::vector<const Field*> ordered{&name, &street, &number, &addition, &postcode, &city, &country};
    for (std::size_t i = 0; i < ordered.size(); ++i) {
        for (std::size_t j = i + 1; j < ordered.size(); ++j) {
            const Field& x = *ordered[i];
            const Field& y = *ordered[j];
            if (x.folded.empty() || x.folded != y.folded) continue;
            // Short values ("NL", "12") may only repeat in the next field.
            if (j != i + 1 && x.folded.size() < 4) continue;
            reported.insert({x.label, y.label});
            report(out, upper_first(quote(y)) + " repeats the " + quote(x) + ".",
                   std::string("Remove the repeated value from the ") + y.label + ".", code_repeated, y.label, x.label, x.value);
        }
    }
    if (has_digit(number.value) && !street.folded.empty() && street.folded != number.folded &&
        holds_number(street.folded, number.folded))
        report(out, upper_first(quote(street)) + " also holds the " + quote(number) + ".",
               "Remove the house number from the street.", code_number_in_street, street.label, number.label, number.value);
    if (!addition.folded.empty() && addition.folded != number.folded && number.folded.size() > addition.folded.size() &&
        number.folded.compare(number.folded.size() - addition.folded.size(), addition.folded.size(), addition.folded) == 0 &&
        has_digit(number.folded.substr(0, number.folded.size() - addition.folded.size())))
        report(out, upper_first(quote(number)) + " already holds the " + quote(addition) + ".",
               "Remove the addition from the house number.", code_addition_in_number, number.label, addition.label,
               addition.value);
    for (const Field* line : {&street, &city}) {
        if (city.folded.size() >= 2 && line != &city && !reported.count({"street", "city"}) &&
            line->folded != city.folded && content::contains_phrase(line->folded, city.folded))
            report(out, upper_first(quote(*line)) + " also holds the " + quote(city) + ".",
                   std::string("Remove the city from the ") + line->label + ".", code_city_in_line, line->label, city.label,
                   city.value);
        std::string code = without_spaces(postcode.folded);
        if (code.size() >= 4 && line->folded != postcode.folded &&
            without_spaces(line->folded).find(code) != std::string::npos && has_digit(code))
            report(out, upper_first(quote(*line)) + " also holds the " + quote(postcode) + ".",
                   std::string("Remove the postcode from the ") + line->label + ".", code_postcode_in_line, line->label,
                   postcode.label, postcode.value);
        // Only a full name of two or more words: "Jan" may well live on the Jan van Galenstraat.
        if (name.folded.find(' ') != std::string::npos && line->folded != name.folded &&
            content::contains_phrase(line->folded, name.folded))
            report(out, upper_first(quote(*line)) + " also holds the " + quote(name) + ".",
                   std::string("Remove the name from the ") + line->label + ".", code_name_in_line, line->label, name.label,
                   name.value);
    }
}

}  // namespace

core::CheckSpec make_address_duplicated_check() {
    core::CheckSpec spec;
    spec.id = "address.duplicated";
    spec.summary = "The same address information twice (browser autofill): number or city in the street, name in an address line.";
    spec.scope = core::Scope::order;
    spec.run = run;
    return spec;
}

}  // namespace preflight::checks
