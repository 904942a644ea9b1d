// address.incomplete: a required field of the shipping address is empty ("Is het adres
// volledig?"), or the order has no shipping address at all.
#include <string>
#include <vector>

#include "checks/address/address_checks.hpp"
#include "checks/content/card_texts.hpp"

namespace preflight::checks {

namespace {

void run(const core::CheckContext& ctx, const core::CheckOptions&, core::Findings& out) {
    if (!ctx.order) return;
    const auto& address = ctx.order->shipping_address;
    if (!address) {
        Finding finding = make_finding("address.incomplete", Severity::error, FixBy::service, "", "",
                                       "The order has no shipping address.",
                                       "Ask the customer for the shipping address and add it to the order.");
        finding.code = "no_address";
        out.push_back(std::move(finding));
        return;
    }
    const std::pair<const char*, const std::string*> fields[] = {
        {"name", &address->name},         {"street", &address->street}, {"house number", &address->house_number},
        {"postcode", &address->postcode}, {"city", &address->city},
    };
    for (const auto& [label, value] : fields) {
        if (!trimmed(*value).empty()) continue;
        Finding finding = make_finding("address.incomplete", Severity::error, FixBy::service, "", "",
                                       std::string("The shipping address has no ") + label + " (the field '" + label +
                                           "' is empty).",
                                       std::string("Complete the ") + label + " in the order, asking the customer if needed.");
        finding.code = "field_empty";
        std::string field = label;
        for (char& c : field) c = c == ' ' ? '_' : c;
        finding.details["field"] = field;   // name, street, house_number, postcode, city
        out.push_back(std::move(finding));
    }
}

}  // namespace

core::CheckSpec make_address_incomplete_check() {
    core::CheckSpec spec;
    spec.id = "address.incomplete";
    spec.summary = "A required shipping address field (name, street, house number, postcode, city) is empty.";
    spec.scope = core::Scope::order;
    spec.run = run;
    return spec;
}

}  // namespace preflight::checks
