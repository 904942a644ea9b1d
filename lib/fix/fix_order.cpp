// `check --fix-dir`: fixing the held orders whose every error is one fix repairs by itself,
// so that service only has to look at the result and release it.
#include <algorithm>
#include <cctype>
#include <set>

#include "core/check.hpp"
#include "preflight/fix.hpp"

namespace preflight {

namespace {
std::string folder_name(const std::string& text) {
    std::string out;
    for (unsigned char c : text) out += std::isalnum(c) || c == '-' || c == '_' || c == '.' ? char(c) : '_';
    if (out.empty() || out == "." || out == "..") out = "_";
    return out.substr(0, 100);
}
}  // namespace

bool all_errors_fixable(const Verdict& verdict) {
    if (verdict.verdict != VerdictKind::hold) return false;
    bool any = false;
    for (const auto& finding : verdict.findings) {
        if (finding.severity != Severity::error) continue;
        if (core::repair_of(finding.check) == core::Repair::none) return false;
        any = true;
    }
    return any;
}

std::vector<FixResult> fix_held_order(const Checker& checker, const Verdict& verdict,
                                      const std::filesystem::path& export_root, const std::filesystem::path& dir,
                                      const FixOptions& options) {
    std::vector<FixResult> results;
    if (!all_errors_fixable(verdict)) return results;
    std::vector<std::string> designs;
    for (const auto& page : verdict.pages)
        if (std::find(designs.begin(), designs.end(), page.design_file) == designs.end()) designs.push_back(page.design_file);
    std::string order = folder_name(verdict.order_id.value_or("line-" + std::to_string(verdict.line)));
    for (std::size_t i = 0; i < designs.size(); ++i) {
        std::filesystem::path out = dir / order / std::to_string(i + 1);
        results.push_back(fix_design(checker, designs[i], export_root, out, options));
    }
    return results;
}

}  // namespace preflight
