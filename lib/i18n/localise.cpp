// localise(): a finding's texts from the catalogue (see localise.hpp).
#include "i18n/localise.hpp"

namespace preflight::i18n {

std::string context_of(const Finding& finding) {
    return finding.code.empty() ? finding.check : finding.check + "/" + finding.code;
}

std::map<std::string, std::string> placeholder_values(const Finding& finding, Language language) {
    std::map<std::string, std::string> values;
    for (const auto& [key, value] : finding.details) {
        values[key] = format_detail(key, value, language);
        // Words from a fixed set (a field name, a side) have their own translation.
        // "word/<key>", else "word/<last part of the key>" ("other_field" -> "word/field").
        if (const auto* word = std::get_if<std::string>(&value)) {
            const char* translated = find_text(language, "word/" + key, *word);
            if (auto underscore = key.rfind('_'); !translated && underscore != std::string::npos)
                translated = find_text(language, "word/" + key.substr(underscore + 1), *word);
            if (translated) values[key] = translated;
        }
    }
    values.emplace("check", finding.check);
    if (!finding.page.empty() && !values.count("page")) values["page"] = finding.page;
    if (!finding.element.empty() && !values.count("element")) values["element"] = finding.element;
    if (finding.edge != Edge::none)
        if (const char* edge = find_text(language, "edge", to_string(finding.edge))) values["edge"] = edge;
    return values;
}

void localise(Finding& finding, Language language) {
    try {
        const auto values = placeholder_values(finding, language);
        // The finding's own entry; else one shared by every check ("*/internal_error"); else the
        // check's fallback ("check/*"), whose found/action texts replace the check's own English
        // only in other languages (the check's English is more precise than a fallback).
        const std::string exact = context_of(finding);
        const std::string shared = "*/" + finding.code, fallback = finding.check + "/*";
        auto text_of = [&](std::string_view key, bool keep_english) -> std::optional<std::string> {
            const char* pattern = find_text(language, exact, key);
            if (!pattern && !finding.code.empty()) pattern = find_text(language, shared, key);
            if (!pattern && !(keep_english && language == Language::en)) pattern = find_text(language, fallback, key);
            if (!pattern) return std::nullopt;
            return fill(pattern, values);
        };
        if (auto found = text_of("found", true)) finding.message = std::move(*found);
        if (finding.fix.by != FixBy::none || !finding.fix.action.empty())
            if (auto action = text_of("action", true)) finding.fix.action = std::move(*action);
        if (auto customer = text_of("customer", false)) finding.customer_message = std::move(*customer);
    } catch (const std::exception&) {
        // Out of memory at worst: the check's own English texts stay.
    }
}

void localise(std::vector<Finding>& findings, std::string_view language) {
    const Language chosen = language_from(language);
    for (auto& finding : findings) localise(finding, chosen);
}

}  // namespace preflight::i18n
