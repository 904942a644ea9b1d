// address.house_number: no house number, or one without a digit ("Heeft het adres een
// huisnummer?").
#include <string>

#include "checks/address/address_checks.hpp"
#include "checks/content/card_texts.hpp"

namespace preflight::checks {

namespace {

bool has_digit(std::string_view s) {
    for (char c : s)
        if (c >= '0' && c <= '9') return true;
    return false;
}

void run(const core::CheckContext& ctx, const core::CheckOptions&, core::Findings& out) {
    if (!ctx.order || !ctx.order->shipping_address) return;
    const auto& address = *ctx.order->shipping_address;
    std::string_view number = trimmed(address.house_number);
    if (has_digit(number)) return;
    std::string message;
    const char* code = number.empty() ? (has_digit(address.street) ? "in_street" : "missing") : "no_digit";
    if (number.empty()) {
        message = has_digit(address.street) ? "The house number field is empty; the street '" + address.street +
                                                  "' seems to hold it."
                                            : "The shipping address has no house number.";
    } else {
        message = "House number '" + std::string(number) + "' has no digit.";
    }
    Finding finding = make_finding("address.house_number", Severity::error, FixBy::service, "", "", message,
                                   "Put the house number in its own field, asking the customer if needed.");
    finding.code = code;
    finding.details = {{"street", address.street}, {"house_number", std::string(number)}};
    out.push_back(std::move(finding));
}

}  // namespace

core::CheckSpec make_address_house_number_check() {
    core::CheckSpec spec;
    spec.id = "address.house_number";
    spec.summary = "No house number, or a house number without a digit.";
    spec.scope = core::Scope::order;
    spec.run = run;
    return spec;
}

}  // namespace preflight::checks
