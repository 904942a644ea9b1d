// content.phone: a Dutch phone number with digits missing or too many ("getallen missen
// bij het telefoonnummer"): 10 digits, or +31/0031 and 9.
#include <string>

#include "checks/address/address_checks.hpp"
#include "checks/content/card_texts.hpp"
#include "checks/content/content_checks.hpp"

namespace preflight::checks {

namespace {

// Service numbers (0800, 0900, 0906, 0909) have 8 or 11 digits.
bool is_service_number(const std::string& digits) {
    return digits.rfind("0800", 0) == 0 || digits.rfind("0900", 0) == 0 || digits.rfind("0906", 0) == 0 ||
           digits.rfind("0909", 0) == 0;
}

void run(const core::CheckContext& ctx, const core::CheckOptions&, core::Findings& out) {
    if (!ctx.design) return;
    // A customer abroad writes domestic numbers of their own country (Belgian landlines
    // have 9 digits): only numbers with +31/0031 are judged then.
    const bool dutch_customer = !ctx.order || !ctx.order->shipping_address ||
                                country_code(ctx.order->shipping_address->country) == "NL";
    for (const auto& read : read_design_texts(*ctx.design)) {
        for (const auto& phone : read.card.phones) {
            std::size_t have = 0, want = 0;
            std::string form;
            if (phone.international) {
                if (phone.country_code != "31") continue;   // foreign numbers: other rules
                // "+31 06..." keeps the trunk 0 by mistake; the count is still 10 then.
                bool trunk = !phone.national.empty() && phone.national[0] == '0';
                have = phone.national.size();
                want = trunk ? 10 : 9;
                form = "+31 and " + std::to_string(want);
            } else {
                if (!dutch_customer) continue;
                have = phone.digits.size();
                if (is_service_number(phone.digits)) {
                    if (have == 8 || have == 11) continue;
                    want = have < 8 ? 8 : 11;
                } else {
                    want = 10;
                }
                form = std::to_string(want);
            }
            if (have == want) continue;
            std::string what = have < want ? std::to_string(want - have) + " digit" + (want - have > 1 ? "s" : "") + " missing"
                                           : std::to_string(have - want) + " digit" + (have - want > 1 ? "s" : "") + " too many";
            Finding finding = make_finding(
                "content.phone", Severity::error, FixBy::customer, read.page->name, read.element->id,
                "Phone number '" + phone.text + "' has " + std::to_string(have) + " digits where a Dutch number has " +
                    form + ": " + what + ".",
                "Ask the customer for the complete phone number and correct it in the editor.");
            finding.measured = static_cast<double>(have);
            finding.limit = static_cast<double>(want);
            finding.unit = "digits";
            finding.code = have < want ? "digits_missing" : "digits_extra";
            finding.details = {{"phone", phone.text}, {"digits", double(have)}, {"expected_digits", double(want)},
                               {"difference", double(have < want ? want - have : have - want)}};
            out.push_back(std::move(finding));
        }
    }
}

}  // namespace

core::CheckSpec make_content_phone_check() {
    core::CheckSpec spec;
    spec.id = "content.phone";
    spec.summary = "A Dutch phone number with digits missing or too many (10 digits, or +31 and 9).";
    spec.scope = core::Scope::design;
    spec.run = run;
    return spec;
}

}  // namespace preflight::checks
