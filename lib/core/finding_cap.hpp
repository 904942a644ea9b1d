// A bound on the findings of one check in one verdict: a text with 20 000 dates must not make
// an 11 MB verdict line. The surplus is counted in a finding of its own, never dropped silently.
#pragma once

#include <cstddef>
#include <vector>

#include "preflight/finding.hpp"

namespace preflight::core {

/// Keeps at most `max_per_check` findings of each check (0: all): the most severe ones, in
/// their order. The rest of a check are replaced by one `info` finding of that check with code
/// "more" and details {"more": how many were left out, "listed": how many are kept, and
/// "more_errors", "more_warnings", "more_info": the left-out ones by severity}, placed
/// right after the last one kept. Run after the verdict is decided: it changes no verdict.
void cap_findings(std::vector<Finding>& findings, std::size_t max_per_check);

}  // namespace preflight::core
