// cap_findings(): at most N findings of one check in one verdict (see finding_cap.hpp).
#include "core/finding_cap.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <string>

namespace preflight::core {

namespace {

// The one finding that stands for the `more` findings of a check left out.
// `left_out_by_severity`: how many of them are info, warning, error (a CI counting warnings
// reads them from the details).
Finding more_finding(const Finding& first_left_out, std::size_t more, std::size_t listed,
                     const std::array<std::size_t, 3>& left_out_by_severity) {
    Finding finding;
    finding.check = first_left_out.check;
    finding.severity = Severity::info;
    finding.code = "more";
    finding.details = {{"more", double(more)}, {"listed", double(listed)},
                       {"more_errors", double(left_out_by_severity[2])},
                       {"more_warnings", double(left_out_by_severity[1])},
                       {"more_info", double(left_out_by_severity[0])}};
    finding.message = "... and " + std::to_string(more) + " more findings of " + finding.check +
                      " like those above (only the first " + std::to_string(listed) + " are listed).";
    finding.fix = {first_left_out.fix.by, "Handle them as the ones listed; the design has them all."};
    return finding;
}

}  // namespace

void cap_findings(std::vector<Finding>& findings, std::size_t max_per_check) {
    if (max_per_check == 0) return;
    std::map<std::string, std::vector<std::size_t>> by_check;   // positions, in order
    for (std::size_t i = 0; i < findings.size(); ++i) by_check[findings[i].check].push_back(i);
    std::vector<bool> keep(findings.size(), true);
    std::map<std::size_t, Finding> after;   // position of the last kept finding -> its "more" finding
    for (auto& [check, positions] : by_check) {
        if (positions.size() <= max_per_check) continue;
        // The most severe first, each severity in its order: an error after 20 000 warnings is kept.
        std::vector<std::size_t> ranked = positions;
        std::stable_sort(ranked.begin(), ranked.end(),
                         [&](std::size_t a, std::size_t b) { return findings[a].severity > findings[b].severity; });
        for (std::size_t r = max_per_check; r < ranked.size(); ++r) keep[ranked[r]] = false;
        std::size_t last_kept = 0, first_left_out = findings.size();
        std::array<std::size_t, 3> left_out{};
        for (std::size_t position : positions) {
            if (keep[position]) {
                last_kept = position;
                continue;
            }
            first_left_out = std::min(first_left_out, position);
            const Severity severity = findings[position].severity;
            ++left_out[severity == Severity::error ? 2 : severity == Severity::warning ? 1 : 0];
        }
        after.emplace(last_kept, more_finding(findings[first_left_out], positions.size() - max_per_check, max_per_check,
                                              left_out));
    }
    if (after.empty()) return;
    std::vector<Finding> capped;
    capped.reserve(findings.size());
    for (std::size_t i = 0; i < findings.size(); ++i) {
        if (keep[i]) capped.push_back(std::move(findings[i]));
        if (auto more = after.find(i); more != after.end()) capped.push_back(std::move(more->second));
    }
    findings = std::move(capped);
}

}  // namespace preflight::core
