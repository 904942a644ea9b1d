// Gating and verdict rules (see gating.hpp).
#include "core/gating.hpp"

namespace preflight::core {

namespace {
bool starts_with(const std::string& text, const char* prefix) { return text.rfind(prefix, 0) == 0; }
}  // namespace

Gate decide_gate(const Order& order) {
    Gate gate;
    const std::string& status = order.status;
    if (status == "new" || status == "notpaid") {
        gate.skip = true;
        gate.reason = "not paid (status '" + status + "')";
    } else if (status == "queued" || status == "completed" || status == "cancelled") {
        gate.skip = true;
        gate.reason = status == "queued" ? "already at the printer (status 'queued')"
                                         : "closed (status '" + status + "')";
    } else if (status == "paid" || status == "hold") {
        if (order.check_service) {
            gate.checked = Checked::full;
        } else if (order.proof) {
            gate.skip = true;
            gate.reason = "proof print without the design check: proofs are not checked unless paid for";
        } else {
            gate.checked = Checked::production;
        }
    } else {
        gate.unknown_status = true;
        gate.reason = "unknown status '" + status + "'; expected new, notpaid, paid, queued, completed, cancelled or hold";
    }
    return gate;
}

bool counts_in_production(const std::string& check_id) {
    return starts_with(check_id, "input.") || starts_with(check_id, "product.") || starts_with(check_id, "address.");
}

VerdictKind decide_verdict(const std::vector<Finding>& findings) {
    bool input_error = false, cancel = false, error = false;
    for (const auto& finding : findings) {
        if (finding.severity != Severity::error) continue;
        error = true;
        if (starts_with(finding.check, "input.")) input_error = true;
        // A paper the catalogue does not know holds the order for a check by hand; only a
        // finish the paper is known to refuse cancels it.
        if (finding.check == "product.foil_paper" && finding.code != "paper_unknown") cancel = true;
    }
    if (input_error) return VerdictKind::error;
    if (cancel) return VerdictKind::cancel;
    if (error) return VerdictKind::hold;
    return VerdictKind::release;
}

}  // namespace preflight::core
