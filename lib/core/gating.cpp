// Gating and verdict rules (see gating.hpp).
#include "core/gating.hpp"

#include "core/check.hpp"

namespace preflight::core {

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
    const CheckSpec* spec = builtin_spec(check_id);
    return spec && spec->counts_in_production;
}

bool reports_input(const std::string& check_id) {
    const CheckSpec* spec = builtin_spec(check_id);
    return spec && spec->reports_input;
}

VerdictKind decide_verdict(const std::vector<Finding>& findings) {
    bool input_error = false, cancel = false, error = false;
    for (const auto& finding : findings) {
        if (finding.severity != Severity::error) continue;
        error = true;
        const CheckSpec* spec = builtin_spec(finding.check);
        if (!spec) continue;
        if (spec->reports_input) input_error = true;
        // A paper the catalogue does not know holds the order for a check by hand; only a
        // finish the paper is known to refuse cancels it.
        if (spec->cancels_order && finding.code != "paper_unknown") cancel = true;
    }
    if (input_error) return VerdictKind::error;
    if (cancel) return VerdictKind::cancel;
    if (error) return VerdictKind::hold;
    return VerdictKind::release;
}

}  // namespace preflight::core
