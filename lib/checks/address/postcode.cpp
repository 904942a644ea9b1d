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

// Why a Dutch postcode is wrong, or empty when it is right. Spacing and case do not matter:
// "3511AB", "3511 ab" and "3511  AB" all reach the right door.
std::string dutch_problem(std::string_view code) {
    std::string compact;
    for (char c : code)
        if (c != ' ' && c != '\t') compact.push_back(c);
    std::size_t digits = 0;
    while (digits < compact.size() && std::isdigit(static_cast<unsigned char>(compact[digits]))) ++digits;
    std::size_t letters = 0;
    while (digits + letters < compact.size() && std::isalpha(static_cast<unsigned char>(compact[digits + letters]))) ++letters;
    if (digits != 4 || letters != 2 || compact.size() != 6)
        return "a Dutch postcode has 4 digits and 2 letters (e.g. 3512 JC), this one has " + std::to_string(digits) +
               " digit" + (digits == 1 ? "" : "s") + " and " + std::to_string(compact.size() - digits) + " other character" +
               (compact.size() - digits == 1 ? "" : "s");
    if (compact[0] == '0') return "a Dutch postcode does not start with 0";
    std::string pair{static_cast<char>(std::toupper(static_cast<unsigned char>(compact[4]))),
                     static_cast<char>(std::toupper(static_cast<unsigned char>(compact[5])))};
    if (pair == "SA" || pair == "SD" || pair == "SS") return "the letters " + pair + " are not used in Dutch postcodes";
    return {};
}

void run(const core::CheckContext& ctx, const core::CheckOptions&, core::Findings& out) {
    if (!ctx.order || !ctx.order->shipping_address) return;
    const auto& address = *ctx.order->shipping_address;
    std::string_view code = trimmed(address.postcode);
    if (code.empty()) return;   // address.incomplete reports it
    const std::string country = country_code(address.country);
    std::string problem;
    const char* code_kind = country == "NL" ? "dutch" : country == "BE" ? "belgian" : "german";   // Finding::code
    if (country == "NL") problem = dutch_problem(code);
    else if (country == "BE" && !(code.size() == 4 && all_digits(code))) problem = "a Belgian postcode has 4 digits";
    else if (country == "DE" && !(code.size() == 5 && all_digits(code))) problem = "a German postcode has 5 digits";
    if (problem.empty()) return;
    Finding finding = make_finding("address.postcode", Severity::error, FixBy::service, "", "",
                                   "Postcode '" + std::string(code) + "' (country " + country + ") is malformed: " + problem + ".",
                                   "Correct the postcode in the order, asking the customer if needed.");
    finding.code = code_kind;
    finding.details = {{"postcode", std::string(code)}, {"country", country}};
    out.push_back(std::move(finding));
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
