// The entry points: check one order, or lint one design with no order around it.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "preflight/assets.hpp"
#include "preflight/finding.hpp"
#include "preflight/model.hpp"
#include "preflight/policy.hpp"
#include "preflight/result.hpp"

namespace preflight {

namespace core { struct CheckerAccess; }

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
    /// At most this many findings of one check per order (per design for check_design and
    /// lint_design); 0: no limit. The rest are counted, not listed: one `info` finding of that
    /// check with code "more" and details {"more": count, "listed": kept, "more_errors",
    /// "more_warnings", "more_info": the left-out ones by severity} takes their place, so
    /// 20 000 dates in one text give a verdict line of ~30 kB, not 11 MB. The most
    /// severe findings are the ones kept, in their order; the verdict is decided on all of them.
    /// 50: far more than a real card has of one kind (a check writes at most one finding per
    /// edge, element or mention; the sample export has at most 1 per check), few enough that
    /// a line stays ~30 kB.
    std::size_t max_findings_per_check = 50;
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

    /// Checks one order whose files come from `assets` (the order's paths are relative to
    /// its root). Never throws: bad input becomes input.* findings and an `error` verdict, a
    /// bug an internal error finding. Each distinct file is decoded once per order, within
    /// the order's pixel budget and time limit (policy: input.unreadable, input.time_limit).
    Verdict check_order(const Order& order, const AssetSource& assets) const;
    /// The same with the files beneath `export_root` (AssetSource::files).
    Verdict check_order(const Order& order, const std::filesystem::path& export_root) const;

    /// Design checks of one design document, named by its path in `assets` (e.g.
    /// "design.json"); its own paths are relative to its folder. Without `item`: lint rules
    /// (no order around it); with `item`: checked as that order item's card. Never throws.
    std::vector<Finding> check_design(const std::string& design_path, const AssetSource& assets,
                                      const OrderItem* item = nullptr) const;
    /// The same for a design already parsed (parse_design), whose paths are relative to
    /// `design_dir` beneath the root of `assets` ("" = the root itself).
    std::vector<Finding> check_design(const Design& design, const AssetSource& assets,
                                      const std::string& design_dir = {}, const OrderItem* item = nullptr) const;

    /// Design checks of a design file, for collection templates (as `preflight lint`): its
    /// paths are relative to its own folder and must stay beneath `root` (default: the
    /// current folder, or the design's folder when the design lies outside it). Never throws.
    std::vector<Finding> lint_design(const std::filesystem::path& design_file,
                                     const std::filesystem::path& root = {}) const;

    const Policy& policy() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    friend struct core::CheckerAccess;   // inside the library: fix reuses the prepared design
};

}  // namespace preflight
