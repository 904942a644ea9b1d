// address.postcode: a malformed postcode ("Heeft een postcode 4 cijfers en twee letters?"):
// NL 4 digits (first not 0) and 2 letters, not SA/SD/SS; BE 4 digits; DE 5 digits.
#include <cctype>
#include <string>

#include "checks/address/address_checks.hpp"
#include "checks/content/card_texts.hpp"

namespace preflight::checks {

namespace {

bool all_digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return !s.empty();
}

// Why a Dutch postcode is wrong, or empty when it is right.
std::string dutch_problem(std::string_view code) {
    std::string compact;
    for (char c : code)
        if (c != ' ') compact.push_back(c);
    if (compact.size() != 6 || !all_digits(std::string_view(compact).substr(0, 4)) ||
        !std::isalpha(static_cast<unsigned char>(compact[4])) || !std::isalpha(static_cast<unsigned char>(compact[5])))
        return "a Dutch postcode has 4 digits and 2 letters (e.g. 3512 JC)";
    bool spaced = code.size() == 7 && code[4] == ' ';
    if (compact.size() != code.size() && !spaced) return "the space belongs between the digits and the letters (e.g. 3512 JC)";
    if (compact[0] == '0') return "a Dutch postcode does not start with 0";
    std::string letters{static_cast<char>(std::toupper(static_cast<unsigned char>(compact[4]))),
                        static_cast<char>(std::toupper(static_cast<unsigned char>(compact[5])))};
    if (letters == "SA" || letters == "SD" || letters == "SS") return "the letters " + letters + " are not used in Dutch postcodes";
    return {};
}

void run(const core::CheckContext& ctx, const core::CheckOptions&, core::Findings& out) {
    if (!ctx.order || !ctx.order->shipping_address) return;
    const auto& address = *ctx.order->shipping_address;
    std::string_view code = trimmed(address.postcode);
    if (code.empty()) return;   // address.incomplete reports it
    const std::string country = country_code(address.country);
    std::string problem;
    if (country == "NL") problem = dutch_problem(code);
    else if (country == "BE" && !(code.size() == 4 && all_digits(code))) problem = "a Belgian postcode has 4 digits";
    else if (country == "DE" && !(code.size() == 5 && all_digits(code))) problem = "a German postcode has 5 digits";
    if (problem.empty()) return;
    out.push_back(make_finding("address.postcode", Severity::error, FixBy::service, "", "",
                               "Postcode '" + std::string(code) + "' (country " + country + ") is malformed: " + problem + ".",
                               "Correct the postcode in the order, asking the customer if needed."));
}

}  // namespace

core::CheckSpec make_address_postcode_check() {
    core::CheckSpec spec;
    spec.id = "address.postcode";
    spec.summary = "Malformed postcode: NL 4 digits (not starting with 0) and 2 letters (not SA/SD/SS), BE 4 digits, DE 5 digits.";
    spec.scope = core::Scope::order;
    spec.run = run;
    return spec;
}

}  // namespace preflight::checks
