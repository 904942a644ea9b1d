// What a check is: an id from checks.md, a summary, its options with defaults, a scope,
// and a function from the shared context to findings. Every check is one such unit.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "core/context.hpp"
#include "preflight/finding.hpp"
#include "preflight/policy.hpp"

namespace preflight::core {

/// An option a check accepts in the policy (`checks.<id>.<name>`), with its default.
struct OptionSpec {
    std::string name;
    OptionValue default_value;
    std::string help;
    double min = -std::numeric_limits<double>::infinity();   // numbers only
    double max = std::numeric_limits<double>::infinity();
};

/// The options of one check, resolved for one product: defaults < policy.checks < products.
class CheckOptions {
public:
    CheckOptions() = default;
    explicit CheckOptions(OptionSet values) : values_(std::move(values)) {}
    double number(const std::string& name) const;
    bool flag(const std::string& name) const;
    const std::string& word(const std::string& name) const;
    const std::vector<std::string>& list(const std::string& name) const;
    bool enabled() const;
private:
    OptionSet values_;
};

/// Where a check runs: once per design (per card item of an order, or per linted template)
/// or once per order (address, envelopes: no design needed; never run by lint).
enum class Scope { design, order };

/// How `preflight fix` repairs a check's errors (lib/fix): generate the missing bleed, fit
/// the text in its box, or move the text into the safe zone.
enum class Repair { none, generate_bleed, fit_text, move_into_safe_zone };

/// What the checks' options tell the parts around them, resolved for one product: the input
/// layer's limits, the order's time, and what fix keeps to. Each check fills in its own part
/// from its own options (CheckSpec::settings), so core and fix read typed fields and never
/// name a check or an option.
struct OptionSettings {
    struct Input {                              // the input checks: unreadable, raster size, time limit
        double max_megapixels = 150;
        double max_file_mb = 200;
        double max_order_megapixels = 60;
        double font_cache_mb = 96;
        double raster_size_tolerance_px = 1;
        double max_order_seconds = 60;
    } input;
    struct Fix {
        double min_text_pt = 6;                 // the text-size check: never shrink text below it
        double text_overflow_tolerance_mm = 0.2;   // the text-overflow check
        double safe_zone_tolerance_mm = 0.1;    // the safe-zone text check
        double bleed_inside_mm = 0.25;          // the bleed coverage check: what counts as touching the trim
        std::array<std::uint8_t, 3> paper_rgb{255, 255, 255};
        double paper_tolerance_levels = 8;
    } fix;
};

using Findings = std::vector<Finding>;
using SettingsFn = std::function<void(const CheckOptions&, OptionSettings&)>;
using CheckFn = std::function<void(const CheckContext&, const CheckOptions&, Findings&)>;

struct CheckSpec {
    std::string id;           // as checks.md names it: family, a dot, the check
    std::string summary;      // one line, for `preflight checks`
    Scope scope = Scope::design;
    std::vector<OptionSpec> options;
    CheckFn run;              // null for the input.* ids the pipeline itself reports
    bool enabled_by_default = true;
    // What the check's findings do to the verdict (checks.md, verdict rules): core, fix and
    // the report read these, never the id.
    /// An input problem: the order itself cannot be checked, its errors make the verdict `error`.
    bool reports_input = false;
    /// Its errors keep their severity in a production check (input, product, address rules);
    /// other design findings become warnings there.
    bool counts_in_production = false;
    /// An error cancels the order: production cannot print it as ordered (a foil finish on a paper that cannot take it).
    bool cancels_order = false;
    /// How `preflight fix` repairs its errors by itself; none: it does not.
    Repair repair = Repair::none;
    /// Fills in the part of OptionSettings its options decide (null: they matter to no one else).
    SettingsFn settings;
    bool fixable() const { return repair != Repair::none; }
};

/// All checks, in the order they run and are listed.
class Registry {
public:
    void add(CheckSpec spec);
    const CheckSpec* find(const std::string& id) const;
    const std::vector<CheckSpec>& all() const { return specs_; }
    /// Options of `id` for `product`, resolved against `policy`.
    CheckOptions options_for(const std::string& id, const std::string& product,
                             const Policy& policy) const;
    /// Every check's settings for `product` under `policy` (defaults < policy.checks < products).
    OptionSettings settings_for(const std::string& product, const Policy& policy) const;
private:
    std::vector<CheckSpec> specs_;
};

/// The spec of a finding's check in the built-in registry; null for an id it does not know.
const CheckSpec* builtin_spec(const std::string& check_id);

/// How fix repairs `check_id`'s errors (Repair::none for unknown ids).
Repair repair_of(const std::string& check_id);

/// The registry with every built-in check (built once, on first use).
const Registry& builtin_registry();

/// Adds every built-in check, family by family (no static initialisers: they get dropped
/// from static libraries). Each family lists its checks in lib/checks/<family>/family.cpp.
void register_builtin_checks(Registry& registry);
void register_input_checks(Registry& registry);
void register_bleed_checks(Registry& registry);
void register_safe_zone_checks(Registry& registry);
void register_text_checks(Registry& registry);
void register_photo_checks(Registry& registry);
void register_content_checks(Registry& registry);
void register_address_checks(Registry& registry);
void register_product_checks(Registry& registry);

}  // namespace preflight::core
