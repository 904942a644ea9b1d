// Reading a verdict line back (formats.md section 3): what --resume --report needs to report
// the orders an interrupted run already wrote. Tolerant of keys it does not know.
#include <array>

#include "formats/json_fields.hpp"

namespace preflight {

using formats::Json;

namespace {

template <typename Enum, std::size_t N>
bool enum_from(const Json& value, const std::array<Enum, N>& all, Enum& out) {
    if (!value.is_string()) return false;
    for (Enum candidate : all)
        if (to_string(candidate) == value.get_ref<const std::string&>()) {
            out = candidate;
            return true;
        }
    return false;
}

std::string string_or_empty(const Json& object, const char* key) {
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<double> number_or_none(const Json& object, const char* key) {
    auto it = object.find(key);
    if (it == object.end() || !it->is_number()) return std::nullopt;
    return it->get<double>();
}

std::optional<Finding> read_finding(const Json& json) {
    if (!json.is_object()) return std::nullopt;
    Finding finding;
    finding.check = string_or_empty(json, "check");
    if (finding.check.empty()) return std::nullopt;
    if (auto it = json.find("severity"); it != json.end() &&
        !enum_from(*it, std::array{Severity::info, Severity::warning, Severity::error}, finding.severity))
        return std::nullopt;
    finding.page = string_or_empty(json, "page");
    finding.element = string_or_empty(json, "element");
    finding.message = string_or_empty(json, "message");
    if (auto it = json.find("where_mm"); it != json.end() && it->is_array() && it->size() == 4) {
        std::array<double, 4> box{};
        for (std::size_t i = 0; i < 4; ++i) box[i] = (*it)[i].is_number() ? (*it)[i].get<double>() : 0.0;
        finding.where_mm = box;
    }
    finding.measured = number_or_none(json, "measured");
    finding.limit = number_or_none(json, "limit");
    finding.unit = string_or_empty(json, "unit");
    if (auto it = json.find("fix"); it != json.end() && it->is_object()) {
        if (auto by = it->find("by"); by != it->end())
            enum_from(*by, std::array{FixBy::none, FixBy::automatic, FixBy::service, FixBy::customer, FixBy::shop},
                      finding.fix.by);
        finding.fix.action = string_or_empty(*it, "action");
    }
    finding.code = string_or_empty(json, "code");
    if (auto it = json.find("edge"); it != json.end())
        enum_from(*it, std::array{Edge::left, Edge::top, Edge::right, Edge::bottom}, finding.edge);
    if (auto it = json.find("details"); it != json.end() && it->is_object())
        for (const auto& [key, value] : it->items()) {
            if (value.is_number()) finding.details[key] = value.get<double>();
            else if (value.is_string()) finding.details[key] = value.get<std::string>();
        }
    finding.customer_message = string_or_empty(json, "customer_message");
    return finding;
}

}  // namespace

std::optional<Verdict> parse_verdict_line(std::string_view line) {
    std::string error;
    auto json = formats::parse_json(line, error);
    if (!json || !json->is_object()) return std::nullopt;
    Verdict verdict;
    if (auto it = json->find("order_id"); it != json->end() && it->is_string()) verdict.order_id = it->get<std::string>();
    auto line_number = json->find("line");
    if (line_number == json->end() || !line_number->is_number_integer()) return std::nullopt;
    verdict.line = line_number->get<long>();
    auto kind = json->find("verdict");
    if (kind == json->end() ||
        !enum_from(*kind, std::array{VerdictKind::release, VerdictKind::hold, VerdictKind::cancel, VerdictKind::skip,
                                     VerdictKind::error},
                   verdict.verdict))
        return std::nullopt;
    if (auto it = json->find("checked"); it != json->end())
        enum_from(*it, std::array{Checked::full, Checked::production, Checked::none}, verdict.checked);
    if (auto it = json->find("findings"); it != json->end() && it->is_array())
        for (const auto& item : *it) {
            auto finding = read_finding(item);
            if (!finding) return std::nullopt;
            verdict.findings.push_back(std::move(*finding));
        }
    verdict.reason = string_or_empty(*json, "reason");
    if (auto it = json->find("respond_by"); it != json->end() && it->is_string()) verdict.respond_by = it->get<std::string>();
    return verdict;
}

}  // namespace preflight
