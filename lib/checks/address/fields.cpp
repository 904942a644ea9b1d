// Small helpers the address checks share: trimming and country names.
#include <string>

#include "checks/address/address_checks.hpp"
#include "content/fold.hpp"

namespace preflight::checks {

std::string_view trimmed(std::string_view field) {
    auto is_blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!field.empty() && is_blank(field.front())) field.remove_prefix(1);
    while (!field.empty() && is_blank(field.back())) field.remove_suffix(1);
    return field;
}

std::string country_code(std::string_view country) {
    std::string folded = content::fold(trimmed(country));
    if (folded.empty() || folded == "nl" || folded == "nld" || folded == "nederland" || folded == "netherlands" ||
        folded == "the netherlands" || folded == "holland")
        return "NL";
    if (folded == "be" || folded == "bel" || folded == "belgie" || folded == "belgium" || folded == "belgique")
        return "BE";
    if (folded == "de" || folded == "deu" || folded == "duitsland" || folded == "germany" || folded == "deutschland")
        return "DE";
    std::string upper(trimmed(country));
    for (char& c : upper)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return upper;
}

}  // namespace preflight::checks
