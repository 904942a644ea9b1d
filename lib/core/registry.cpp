// The check registry and option resolution (defaults < policy.checks < policy.products).
#include "core/check.hpp"

#include <stdexcept>

namespace preflight::core {

namespace {
const OptionValue& lookup(const OptionSet& values, const std::string& name) {
    auto it = values.find(name);
    if (it == values.end()) throw std::logic_error("check asked for undeclared option '" + name + "'");
    return it->second;
}
}  // namespace

double CheckOptions::number(const std::string& name) const {
    return std::get<double>(lookup(values_, name));
}
bool CheckOptions::flag(const std::string& name) const {
    return std::get<bool>(lookup(values_, name));
}
const std::string& CheckOptions::word(const std::string& name) const {
    return std::get<std::string>(lookup(values_, name));
}
const std::vector<std::string>& CheckOptions::list(const std::string& name) const {
    return std::get<std::vector<std::string>>(lookup(values_, name));
}
bool CheckOptions::enabled() const {
    auto it = values_.find("enabled");
    return it == values_.end() || std::get<bool>(it->second);
}

void Registry::add(CheckSpec spec) {
    if (find(spec.id)) throw std::logic_error("check registered twice: " + spec.id);
    specs_.push_back(std::move(spec));
}

const CheckSpec* Registry::find(const std::string& id) const {
    for (const auto& spec : specs_)
        if (spec.id == id) return &spec;
    return nullptr;
}

CheckOptions Registry::options_for(const std::string& id, const std::string& product,
                                   const Policy& policy) const {
    OptionSet values;
    const CheckSpec* spec = find(id);
    if (!spec) throw std::logic_error("unknown check " + id);
    values["enabled"] = spec->enabled_by_default;
    for (const auto& option : spec->options) values[option.name] = option.default_value;
    auto overlay = [&](const OptionSet& set) {
        for (const auto& [name, value] : set) values[name] = value;
    };
    if (auto it = policy.checks.find(id); it != policy.checks.end()) overlay(it->second);
    if (auto product_it = policy.products.find(product); product_it != policy.products.end()) {
        if (auto it = product_it->second.find(id); it != product_it->second.end()) overlay(it->second);
    }
    return CheckOptions(std::move(values));
}

OptionSettings Registry::settings_for(const std::string& product, const Policy& policy) const {
    OptionSettings settings;
    for (const auto& spec : specs_)
        if (spec.settings) spec.settings(options_for(spec.id, product, policy), settings);
    return settings;
}

const Registry& builtin_registry() {
    static const Registry registry = [] {
        Registry r;
        register_builtin_checks(r);
        return r;
    }();
    return registry;
}

const CheckSpec* builtin_spec(const std::string& check_id) { return builtin_registry().find(check_id); }

Repair repair_of(const std::string& check_id) {
    const CheckSpec* spec = builtin_spec(check_id);
    return spec ? spec->repair : Repair::none;
}

void register_builtin_checks(Registry& registry) {
    register_input_checks(registry);
    register_bleed_checks(registry);
    register_safe_zone_checks(registry);
    register_text_checks(registry);
    register_photo_checks(registry);
    register_content_checks(registry);
    register_address_checks(registry);
    register_product_checks(registry);
}

}  // namespace preflight::core
