// Which orders get which checks, and the verdict rules (checks.md, "Which orders get which checks").
#pragma once

#include <string>
#include <vector>

#include "preflight/finding.hpp"
#include "preflight/model.hpp"

namespace preflight::core {

struct Gate {
    Checked checked = Checked::none;
    bool skip = false;
    std::string reason;          // why skipped, or why the status is not understood
    bool unknown_status = false; // a schema problem of the input
};

/// Decides from status, check_service and proof what the order gets.
Gate decide_gate(const Order& order);

/// True for checks whose findings keep their severity in a production check
/// (CheckSpec::counts_in_production); design findings there are at most warnings.
bool counts_in_production(const std::string& check_id);

/// True for the input problems (CheckSpec::reports_input): the order itself is broken.
bool reports_input(const std::string& check_id);

/// Verdict from findings: input error -> error; an error of a check that cancels the order
/// (CheckSpec::cancels_order) -> cancel; any other error -> hold; else release.
VerdictKind decide_verdict(const std::vector<Finding>& findings);

}  // namespace preflight::core
