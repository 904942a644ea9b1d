// Inside lib/core: what a Checker holds and how it runs one order or one design.
#pragma once

#include <chrono>
#include <functional>
#include <memory>

#include "core/calendar.hpp"
#include "core/check.hpp"
#include "core/gating.hpp"
#include "input/prepare.hpp"
#include "preflight/checker.hpp"

namespace preflight {

/// An error finding for a bug (a check or the pipeline threw): the order is not lost.
Finding internal_error(const std::string& check_id, const std::string& what);

struct PREFLIGHT_NO_EXPORT Checker::Impl {
    Policy policy;
    CheckerOptions options;
    const core::Registry& registry = core::builtin_registry();
    std::unique_ptr<text::FontCache> fonts = std::make_unique<text::FontCache>();
    input::InputLimits limits;
    double max_order_seconds = 60;

    using Clock = std::chrono::steady_clock;
    struct RunOutcome {
        bool internal = false;
        bool timed_out = false;
    };

    std::chrono::sys_seconds now() const;
    /// The input limits of one order, with its deadline.
    input::InputLimits limits_until(Clock::time_point deadline) const;
    /// Runs every enabled check of `scope` until `deadline` (checked between checks: one
    /// check, once started, runs to its end; so does one file's decode strip and one font).
    RunOutcome run_checks(core::Scope scope, const core::CheckContext& context, std::vector<Finding>& findings,
                          Clock::time_point deadline) const;
    core::CheckContext context_for(const input::PreparedDesign& prepared, const Order* order, const OrderItem* item,
                                   core::CivilDate reference) const;
    Finding time_limit_finding() const;

    Verdict check_order(const Order& order, const AssetSource& assets) const;
    Verdict failed_order(const Order& order, const std::string& what) const;
    std::vector<Finding> check_design(const AssetSource& assets, const OrderItem* item,
                                      const std::function<input::PreparedDesign(input::OrderInputs&)>& prepare,
                                      input::PreparedDesign* keep = nullptr) const;
};

namespace core {
/// Inside the library: lint rules on the design `design_path` of `assets`, handing back the
/// prepared design too (fix works on the same decoded pages: nothing is decoded twice).
struct CheckerAccess {
    /// The largest file the checker reads (policy: the unreadable-input check's max_file_mb), in bytes.
    static std::uint64_t max_file_bytes(const Checker& checker);
    static std::vector<Finding> lint_prepared(const Checker& checker, const AssetSource& assets,
                                              const std::string& design_path, input::PreparedDesign& prepared);
};
}  // namespace core

}  // namespace preflight
