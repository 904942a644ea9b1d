// The entry points: check one order, or lint one design with no order around it.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "preflight/finding.hpp"
#include "preflight/model.hpp"
#include "preflight/policy.hpp"
#include "preflight/result.hpp"

namespace preflight {

/// Description of one check option, for `preflight checks` and policy validation.
struct OptionInfo {
    std::string name;
    std::string type;         // "bool", "number", "string", "list"
    std::string default_text; // the default, printed
    std::string help;
};

/// Description of one registered check.
struct CheckInfo {
    std::string id;
    std::string summary;
    std::vector<OptionInfo> options;
};

/// Lists every check the library knows, in registry order.
PREFLIGHT_API std::vector<CheckInfo> list_checks();

/// Why a policy is not acceptable: the path of the offending key and what is wrong.
struct PolicyError {
    std::string key_path;
    std::string message;
};

/// Checks a policy against the registry: unknown check ids, unknown options and wrong
/// types are errors of the run (exit 2). Empty result: the policy is fine.
PREFLIGHT_API std::vector<PolicyError> validate_policy(const Policy& policy);

struct CheckerOptions {
    /// The time used for respond_by; default: the clock at each check.
    std::optional<std::chrono::system_clock::time_point> now;
};

/// Checks orders and designs. Thread-safe: one Checker may serve many threads at once.
/// Shares font faces and other read-only caches between the orders it checks.
class PREFLIGHT_API Checker {
public:
    /// A checker for `policy`: error invalid_policy, with every problem of validate_policy,
    /// when the policy names unknown checks or options or values out of range.
    static Result<std::unique_ptr<Checker>> create(Policy policy, CheckerOptions options = {});
    /// Prefer create(). The policy must be valid (validate_policy, read_policy); an invalid
    /// one is misuse and throws std::invalid_argument.
    explicit Checker(Policy policy, CheckerOptions options = {});
    ~Checker();
    Checker(const Checker&) = delete;
    Checker& operator=(const Checker&) = delete;

    /// Checks one order. `export_root` is the folder holding the export file: every path
    /// is resolved against it and refused if it escapes it. Never throws for bad input:
    /// that becomes input.* findings and an `error` verdict.
    Verdict check_order(const Order& order, const std::filesystem::path& export_root) const;

    /// Design checks only (no order, address or status rules), for collection templates.
    /// Paths must stay inside `root` (default: the design's own folder).
    std::vector<Finding> lint_design(const std::filesystem::path& design_file,
                                     const std::filesystem::path& root = {}) const;

    const Policy& policy() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace preflight
