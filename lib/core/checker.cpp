// The Checker: one order (or one template) through loading, the registered checks and the
// verdict rules. Data flows one way: order -> designs -> pages decoded once -> checks -> verdict.
#include "preflight/checker.hpp"

#include <sstream>
#include <stdexcept>

#include "core/checker_impl.hpp"
#include "core/finding_cap.hpp"
#include "i18n/localise.hpp"
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

}  // namespace

Finding internal_error(const std::string& check_id, const std::string& what) {
    Finding finding;
    finding.check = check_id;
    finding.severity = Severity::error;
    finding.message = "internal error in check " + check_id + ": " + what + "; please report this with the order.";
    finding.fix = {FixBy::shop, "Report the order to the preflight maintainers; check it by hand meanwhile."};
    finding.code = "internal_error";
    return finding;
}

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

Checker::Checker(Policy policy, CheckerOptions options) : impl_(std::make_unique<Impl>()) {
    // No process-wide setting is changed here (threads, caches, logs belong to the program:
    // see cli/process_settings.cpp); libvips is started when an image first needs it
    // (core::ensure_vips).
    auto errors = validate_policy(policy);
    if (!errors.empty()) throw std::invalid_argument("invalid policy: " + errors.front().key_path + ": " + errors.front().message);
    impl_->policy = std::move(policy);
    impl_->options = options;
    const Registry& registry = impl_->registry;
    const OptionSettings::Input input = registry.settings_for("", impl_->policy).input;
    impl_->limits.decode.max_megapixels = input.max_megapixels;
    impl_->limits.max_file_mb = input.max_file_mb;
    impl_->limits.max_order_megapixels = input.max_order_megapixels;
    impl_->limits.raster_size_tolerance_px = input.raster_size_tolerance_px;
    impl_->max_order_seconds = input.max_order_seconds;
    impl_->fonts = std::make_unique<text::FontCache>(std::size_t(input.font_cache_mb * 1024 * 1024));
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
    return check_order(order, AssetSource::files(export_root));
}

Verdict Checker::check_order(const Order& order, const AssetSource& assets) const {
    Verdict verdict;
    try {
        verdict = impl_->check_order(order, assets);
        core::cap_findings(verdict.findings, impl_->options.max_findings_per_check);   // after the verdict
        i18n::localise(verdict.findings, impl_->policy.language);   // texts in the run's language
    } catch (const std::exception& e) {
        verdict = impl_->failed_order(order, e.what());
    } catch (...) {
        verdict = impl_->failed_order(order, "unknown exception");
    }
    verdict.customer = order.customer;
    return verdict;
}

std::vector<Finding> Checker::check_design(const std::string& design_path, const AssetSource& assets,
                                           const OrderItem* item) const {
    try {
        auto findings = impl_->check_design(assets, item, [&](input::OrderInputs& inputs) {
            return inputs.prepare("", design_path, design_path);
        });
        core::cap_findings(findings, impl_->options.max_findings_per_check);
        i18n::localise(findings, impl_->policy.language);   // texts in the run's language
        return findings;
    } catch (const std::exception& e) {
        return {internal_error("preflight", e.what())};
    } catch (...) {
        return {internal_error("preflight", "unknown exception")};
    }
}

std::vector<Finding> Checker::check_design(const Design& design, const AssetSource& assets,
                                           const std::string& design_dir, const OrderItem* item) const {
    try {
        auto shared = std::make_shared<const Design>(design);
        auto findings = impl_->check_design(assets, item, [&](input::OrderInputs& inputs) {
            return inputs.prepare(shared, design_dir, design_dir.empty() ? "design" : design_dir + "/design");
        });
        core::cap_findings(findings, impl_->options.max_findings_per_check);
        i18n::localise(findings, impl_->policy.language);   // texts in the run's language
        return findings;
    } catch (const std::exception& e) {
        return {internal_error("preflight", e.what())};
    } catch (...) {
        return {internal_error("preflight", "unknown exception")};
    }
}

std::vector<Finding> Checker::lint_design(const std::filesystem::path& design_file, const std::filesystem::path& root) const {
    try {
        namespace fs = std::filesystem;
        std::error_code ec;
        const fs::path file = fs::absolute(design_file, ec).lexically_normal();
        // The CLI's rule: paths stay beneath the given root, by default the current folder
        // (or the design's own folder when the design lies outside it).
        fs::path top = root.empty() ? fs::current_path(ec) : fs::absolute(root, ec).lexically_normal();
        std::string name = file.lexically_relative(top).generic_string();
        if (root.empty() && (name.empty() || name.rfind("..", 0) == 0)) {
            top = file.parent_path();
            name = file.filename().string();
        }
        if (name.empty() || name.rfind("..", 0) == 0)
            return {input::path_outside_finding(file.string() + ": the design lies outside the root '" + top.string() + "'")};
        return check_design(name, AssetSource::files(top));
    } catch (const std::exception& e) {
        return {internal_error("preflight", e.what())};
    }
}

const char* version() { return PREFLIGHT_VERSION; }

}  // namespace preflight
