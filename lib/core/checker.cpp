// The Checker: one order (or one template) through loading, the registered checks and the
// verdict rules. Data flows one way: order -> designs -> pages decoded once -> checks -> verdict.
#include "preflight/checker.hpp"

#include <sstream>
#include <stdexcept>

#include <opencv2/core.hpp>

#include "core/calendar.hpp"
#include "core/check.hpp"
#include "core/design_loader.hpp"
#include "core/gating.hpp"
#include "preflight/version.hpp"

namespace preflight {

using namespace core;

namespace {

std::string describe(const OptionValue& value) {
    return std::visit(
        [](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, bool>) return v ? "true" : "false";
            else if constexpr (std::is_same_v<T, double>) {
                std::ostringstream out;
                out << v;
                return out.str();
            } else if constexpr (std::is_same_v<T, std::string>) return "\"" + v + "\"";
            else {
                std::string text = "[";
                for (std::size_t i = 0; i < v.size(); ++i) text += (i ? ", \"" : "\"") + v[i] + "\"";
                return text + "]";
            }
        },
        value);
}

const char* type_name(const OptionValue& value) {
    switch (value.index()) {
        case 0: return "bool";
        case 1: return "number";
        case 2: return "string";
        default: return "list";
    }
}

void validate_check_options(const Registry& registry, const std::map<std::string, OptionSet>& checks,
                            const std::string& prefix, std::vector<PolicyError>& errors) {
    for (const auto& [id, options] : checks) {
        std::string check_path = prefix + "[\"" + id + "\"]";
        const CheckSpec* spec = registry.find(id);
        if (!spec) {
            errors.push_back({check_path, "unknown check id '" + id + "' (see `preflight checks`)"});
            continue;
        }
        for (const auto& [name, value] : options) {
            std::string path = check_path + "." + name;
            if (name == "enabled") {
                if (!std::holds_alternative<bool>(value)) errors.push_back({path, "'enabled' must be true or false"});
                continue;
            }
            const OptionSpec* option = nullptr;
            for (const auto& candidate : spec->options)
                if (candidate.name == name) option = &candidate;
            if (!option) {
                std::string known = "enabled";
                for (const auto& candidate : spec->options) known += ", " + candidate.name;
                errors.push_back({path, "unknown option '" + name + "' of " + id + " (options: " + known + ")"});
                continue;
            }
            if (value.index() != option->default_value.index()) {
                errors.push_back({path, std::string("must be a ") + type_name(option->default_value) + ", not a " + type_name(value)});
                continue;
            }
            if (auto number = std::get_if<double>(&value); number && (*number < option->min || *number > option->max)) {
                std::ostringstream out;
                out << "is " << *number << "; it must lie between " << option->min << " and " << option->max;
                errors.push_back({path, out.str()});
            }
        }
    }
}

Finding internal_error(const std::string& check_id, const std::string& what) {
    Finding finding;
    finding.check = check_id;
    finding.severity = Severity::error;
    finding.message = "internal error in check " + check_id + ": " + what + "; please report this with the order.";
    finding.fix = {FixBy::shop, "Report the order to the preflight maintainers; check it by hand meanwhile."};
    return finding;
}

}  // namespace

std::vector<CheckInfo> list_checks() {
    std::vector<CheckInfo> result;
    for (const auto& spec : builtin_registry().all()) {
        CheckInfo info{spec.id, spec.summary, {}};
        info.options.push_back({"enabled", "bool", spec.enabled_by_default ? "true" : "false", "run this check"});
        for (const auto& option : spec.options)
            info.options.push_back({option.name, type_name(option.default_value), describe(option.default_value), option.help});
        result.push_back(std::move(info));
    }
    return result;
}

std::vector<PolicyError> validate_policy(const Policy& policy) {
    std::vector<PolicyError> errors;
    const Registry& registry = builtin_registry();
    validate_check_options(registry, policy.checks, "checks", errors);
    for (const auto& [product, checks] : policy.products)
        validate_check_options(registry, checks, "products[\"" + product + "\"].checks", errors);
    return errors;
}

struct Checker::Impl {
    Policy policy;
    CheckerOptions options;
    const Registry& registry = builtin_registry();
    text::FontCache fonts;
    LoadLimits limits;

    std::chrono::sys_seconds now() const {
        auto moment = options.now ? *options.now : std::chrono::system_clock::now();
        return std::chrono::time_point_cast<std::chrono::seconds>(moment);
    }

    // Runs every enabled check of `scope`; a check that throws is a bug: it becomes an
    // error finding (and an `error` verdict) instead of a lost order.
    bool run_checks(Scope scope, const CheckContext& context, std::vector<Finding>& findings) const {
        bool internal = false;
        for (const auto& spec : registry.all()) {
            if (spec.scope != scope || !spec.run) continue;
            CheckOptions check_options = registry.options_for(spec.id, context.product, policy);
            if (!check_options.enabled()) continue;
            try {
                spec.run(context, check_options, findings);
            } catch (const std::exception& e) {
                findings.push_back(internal_error(spec.id, e.what()));
                internal = true;
            }
        }
        return internal;
    }

    CheckContext context_for(const LoadedDesign& loaded, const Order* order, const OrderItem* item,
                             CivilDate reference) const {
        CheckContext context;
        context.policy = &policy;
        context.order = order;
        context.item = item;
        context.design = loaded.design.get();
        context.design_dir = loaded.design_dir;
        context.product = loaded.design->product.empty() && item ? item->product : loaded.design->product;
        context.pages = loaded.pages;
        context.reference_date = reference;
        context.fonts = &fonts;
        return context;
    }
};

Checker::Checker(Policy policy, CheckerOptions options) : impl_(std::make_unique<Impl>()) {
    // Parallelism comes from checking several orders at once; OpenCV's own pool on top of
    // that only adds contention (libvips is held to one thread per call likewise).
    cv::setNumThreads(1);
    ensure_vips();
    auto errors = validate_policy(policy);
    if (!errors.empty()) throw std::invalid_argument("invalid policy: " + errors.front().key_path + ": " + errors.front().message);
    impl_->policy = std::move(policy);
    impl_->options = options;
    const Registry& registry = impl_->registry;
    auto unreadable = registry.options_for("input.unreadable", "", impl_->policy);
    impl_->limits.decode.max_megapixels = unreadable.number("max_megapixels");
    impl_->limits.max_file_mb = unreadable.number("max_file_mb");
    impl_->limits.raster_size_tolerance_px = registry.options_for("input.raster_size", "", impl_->policy).number("tolerance_px");
}

Result<std::unique_ptr<Checker>> Checker::create(Policy policy, CheckerOptions options) {
    try {
        auto errors = validate_policy(policy);
        if (!errors.empty()) {
            Error error{ErrorCode::invalid_policy, errors.front().key_path + ": " + errors.front().message, {}};
            for (auto& problem : errors) error.problems.push_back({{}, problem.key_path, problem.message});
            return error;
        }
        return std::make_unique<Checker>(std::move(policy), options);
    } catch (const std::exception& e) {
        return Error{ErrorCode::internal, std::string("cannot create the checker: ") + e.what(), {}};
    }
}

Checker::~Checker() = default;

const Policy& Checker::policy() const { return impl_->policy; }

Verdict Checker::check_order(const Order& order, const std::filesystem::path& export_root) const {
    Verdict verdict;
    verdict.order_id = order.order_id;
    Gate gate = decide_gate(order);
    std::vector<Finding> findings;
    auto input_problem = [&](const std::string& check, const std::string& message) {
        Finding finding;
        finding.check = check;
        finding.severity = Severity::error;
        finding.message = message;
        finding.fix = {FixBy::shop, "Correct the order in the export; it does not follow the documented format."};
        findings.push_back(std::move(finding));
    };
    if (gate.unknown_status) {
        input_problem("input.schema", "status: " + gate.reason);
        verdict.verdict = VerdictKind::error;
        verdict.reason = gate.reason;
        verdict.findings = std::move(findings);
        return verdict;
    }
    if (gate.skip) {
        verdict.verdict = VerdictKind::skip;
        verdict.checked = Checked::none;
        verdict.reason = gate.reason;
        return verdict;
    }
    verdict.checked = gate.checked;

    CivilDate reference = amsterdam_date(impl_->now());
    if (order.placed_at.empty()) {
        input_problem("input.schema", "required key 'placed_at' is missing (the reference date for year and date checks)");
    } else if (auto stamp = parse_timestamp(order.placed_at)) {
        reference = stamp->local_date;
    } else {
        input_problem("input.schema", "placed_at: '" + order.placed_at + "' is not an ISO 8601 date-time with an offset");
    }

    bool internal = false;
    std::vector<LoadedDesign> designs;
    for (std::size_t i = 0; i < order.items.size(); ++i) {
        const OrderItem& item = order.items[i];
        if (item.type != "card") continue;
        std::string key = "items[" + std::to_string(i) + "].design";
        LoadedDesign loaded = load_design(export_root, export_root, item.design, key, impl_->limits, impl_->fonts);
        for (auto& problem : loaded.problems) findings.push_back(std::move(problem));
        for (auto& page : loaded.page_refs) verdict.pages.push_back(std::move(page));
        if (!loaded.design || !loaded.problems.empty()) continue;
        CheckContext context = impl_->context_for(loaded, &order, &item, reference);
        internal |= impl_->run_checks(Scope::design, context, findings);
    }
    CheckContext order_context;
    order_context.policy = &impl_->policy;
    order_context.order = &order;
    order_context.reference_date = reference;
    order_context.fonts = &impl_->fonts;
    for (const auto& item : order.items)
        if (item.type == "card" && !item.product.empty()) order_context.product = item.product;
    internal |= impl_->run_checks(Scope::order, order_context, findings);

    if (gate.checked == Checked::production) {
        for (auto& finding : findings)
            if (!counts_in_production(finding.check) && finding.severity == Severity::error) finding.severity = Severity::warning;
    }
    verdict.findings = std::move(findings);
    verdict.verdict = internal ? VerdictKind::error : decide_verdict(verdict.findings);
    if (verdict.verdict == VerdictKind::error) {
        int count = 0;
        for (const auto& finding : verdict.findings) {
            if (finding.severity != Severity::error) continue;
            if (!internal && !reports_input(finding.check)) continue;
            if (count++ < 3) verdict.reason += (verdict.reason.empty() ? "" : "; ") + finding.message;
        }
        if (count > 3) verdict.reason += "; and " + std::to_string(count - 3) + " more";
    }
    if (verdict.verdict == VerdictKind::hold) verdict.respond_by = format_amsterdam(add_working_hours(impl_->now(), 8));
    return verdict;
}

std::vector<Finding> Checker::lint_design(const std::filesystem::path& design_file, const std::filesystem::path& root) const {
    std::filesystem::path file = std::filesystem::absolute(design_file).lexically_normal();
    std::filesystem::path top = root.empty() ? file.parent_path() : std::filesystem::absolute(root).lexically_normal();
    std::error_code ec;
    std::string name = std::filesystem::relative(file, top, ec).string();
    if (ec || name.empty()) name = file.string();
    LoadedDesign loaded = load_design(top, top, name, name, impl_->limits, impl_->fonts);
    std::vector<Finding> findings = std::move(loaded.problems);
    if (!loaded.design || !findings.empty()) return findings;
    CheckContext context = impl_->context_for(loaded, nullptr, nullptr, amsterdam_date(impl_->now()));
    impl_->run_checks(Scope::design, context, findings);
    return findings;
}

const char* version() { return PREFLIGHT_VERSION; }

}  // namespace preflight
