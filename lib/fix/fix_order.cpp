// `check --fix-dir`: fixing the held orders whose every error is one fix repairs by itself,
// so that service only has to look at the result and release it.
#include <algorithm>
#include <cctype>
#include <set>

#include "fix/output_folder.hpp"
#include "core/check.hpp"
#include "preflight/fix.hpp"

namespace preflight {

namespace {
// An injective folder name for an order id: every byte outside [A-Za-z0-9-] percent-encoded
// ("A/1" -> "A%2F1", "A_1" -> "A%5F1"), so two ids never share a folder and none is "." or
// "..". Long names are cut into 200-byte folders (the cut is at a fixed width: still injective).
std::string folder_name(const std::string& order_id) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string encoded;
    for (unsigned char c : order_id) {
        if (std::isalnum(c) || c == '-') {
            encoded += char(c);
        } else {
            encoded += '%';
            encoded += hex[c >> 4];
            encoded += hex[c & 15];
        }
    }
    if (encoded.empty()) return "_empty";   // '_' never appears in an encoded id
    std::string name;
    for (std::size_t at = 0; at < encoded.size(); at += 200) name += (at ? "/" : "") + encoded.substr(at, 200);
    return name;
}
}  // namespace

std::string fix_dir_problem(const std::filesystem::path& dir, const std::filesystem::path& export_root) {
    std::string error;
    return fix::OutputFolder::acceptable(dir, {export_root}, true, error) ? std::string() : error;
}

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

std::vector<Result<FixResult>> fix_held_order(const Checker& checker, const Verdict& verdict,
                                              const std::filesystem::path& export_root, const std::filesystem::path& dir,
                                              const FixOptions& options) {
    std::vector<Result<FixResult>> results;
    if (!all_errors_fixable(verdict)) return results;
    std::vector<std::string> designs;
    for (const auto& page : verdict.pages)
        if (std::find(designs.begin(), designs.end(), page.design_file) == designs.end()) designs.push_back(page.design_file);
    // Without an id: "_line-N", which no encoded id can be.
    std::string order = verdict.order_id ? folder_name(*verdict.order_id) : "_line-" + std::to_string(verdict.line);
    FixOptions confined = options;
    confined.keep_out.push_back(export_root);
    for (std::size_t i = 0; i < designs.size(); ++i) {
        std::filesystem::path out = dir / order / std::to_string(i + 1);
        results.push_back(fix_design(checker, designs[i], export_root, out, confined));
    }
    return results;
}

}  // namespace preflight
