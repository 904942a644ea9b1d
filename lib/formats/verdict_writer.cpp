// Writing verdicts as JSON Lines (formats.md section 3) and the enum names used there.
#include <cmath>

#include "formats/json_fields.hpp"

namespace preflight {

using Json = nlohmann::ordered_json;

std::string_view to_string(Severity severity) {
    switch (severity) {
        case Severity::info: return "info";
        case Severity::warning: return "warning";
        case Severity::error: return "error";
    }
    return "error";
}

std::string_view to_string(FixBy by) {
    switch (by) {
        case FixBy::none: return "none";
        case FixBy::automatic: return "auto";
        case FixBy::service: return "service";
        case FixBy::customer: return "customer";
        case FixBy::shop: return "shop";
    }
    return "none";
}

std::string_view to_string(VerdictKind kind) {
    switch (kind) {
        case VerdictKind::release: return "release";
        case VerdictKind::hold: return "hold";
        case VerdictKind::cancel: return "cancel";
        case VerdictKind::skip: return "skip";
        case VerdictKind::error: return "error";
    }
    return "error";
}

std::string_view to_string(Checked checked) {
    switch (checked) {
        case Checked::full: return "full";
        case Checked::production: return "production";
        case Checked::none: return "none";
    }
    return "none";
}

std::string_view to_string(Edge edge) {
    switch (edge) {
        case Edge::left: return "left";
        case Edge::top: return "top";
        case Edge::right: return "right";
        case Edge::bottom: return "bottom";
        case Edge::none: return "";
    }
    return "";
}

namespace {

// Millimetres and measurements to 0.01: enough for print, stable across platforms.
double round2(double value) {
    double rounded = std::round(value * 100.0) / 100.0;
    return rounded == 0 ? 0.0 : rounded;   // no "-0"
}

Json finding_json(const Finding& finding) {
    Json out = Json::object();
    out["check"] = finding.check;
    out["severity"] = std::string(to_string(finding.severity));
    out["page"] = finding.page.empty() ? Json(nullptr) : Json(finding.page);
    out["element"] = finding.element.empty() ? Json(nullptr) : Json(finding.element);
    out["message"] = finding.message;
    if (finding.where_mm) {
        const auto& w = *finding.where_mm;
        out["where_mm"] = Json::array({round2(w[0]), round2(w[1]), round2(w[2]), round2(w[3])});
    } else {
        out["where_mm"] = nullptr;
    }
    out["measured"] = finding.measured ? Json(round2(*finding.measured)) : Json(nullptr);
    out["limit"] = finding.limit ? Json(round2(*finding.limit)) : Json(nullptr);
    out["unit"] = finding.unit.empty() ? Json(nullptr) : Json(finding.unit);
    if (finding.fix.by != FixBy::none || !finding.fix.action.empty())
        out["fix"] = Json{{"by", std::string(to_string(finding.fix.by))}, {"action", finding.fix.action}};
    else
        out["fix"] = nullptr;
    // Additive (this session): the machine-readable kind, edge and values, and the sentence
    // for the customer. Programs read these; the texts above are for people.
    out["code"] = finding.code.empty() ? Json(nullptr) : Json(finding.code);
    out["edge"] = finding.edge == Edge::none ? Json(nullptr) : Json(std::string(to_string(finding.edge)));
    Json details = Json::object();
    for (const auto& [key, value] : finding.details) {
        if (const auto* number = std::get_if<double>(&value)) details[key] = std::isfinite(*number) ? Json(round2(*number)) : Json(nullptr);
        else details[key] = std::get<std::string>(value);
    }
    out["details"] = std::move(details);
    out["customer_message"] = finding.customer_message.empty() ? Json(nullptr) : Json(finding.customer_message);
    return out;
}

std::string dump(const Json& json) {
    // Invalid UTF-8 from a customer's text is replaced, never a reason to lose a line.
    return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

std::string to_json(const Finding& finding) { return dump(finding_json(finding)); }

std::string to_json_line(const Verdict& verdict) {
    Json out = Json::object();
    out["order_id"] = verdict.order_id ? Json(*verdict.order_id) : Json(nullptr);
    out["line"] = verdict.line;
    out["verdict"] = std::string(to_string(verdict.verdict));
    out["checked"] = std::string(to_string(verdict.checked));
    Json findings = Json::array();
    for (const auto& finding : verdict.findings) findings.push_back(finding_json(finding));
    out["findings"] = std::move(findings);
    if (!verdict.reason.empty()) out["reason"] = verdict.reason;
    if (verdict.respond_by) out["respond_by"] = *verdict.respond_by;
    return dump(out);
}

}  // namespace preflight
