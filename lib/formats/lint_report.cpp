// Lint output for people and for CI systems: text, JSON, JUnit XML, SARIF 2.1.0, GitHub annotations.
#include <sstream>

#include "formats/json_fields.hpp"
#include "preflight/version.hpp"

namespace preflight {

namespace {

using OrderedJson = nlohmann::ordered_json;

std::string xml_escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') out += ' ';
                else out += c;
        }
    }
    return out;
}

// GitHub workflow commands: data must escape %, CR and LF; properties also : and ,.
std::string github_escape(const std::string& text, bool property) {
    std::string out;
    for (char c : text) {
        if (c == '%') out += "%25";
        else if (c == '\r') out += "%0D";
        else if (c == '\n') out += "%0A";
        else if (property && c == ':') out += "%3A";
        else if (property && c == ',') out += "%2C";
        else out += c;
    }
    return out;
}

std::string location(const Finding& finding) {
    std::string where = finding.page.empty() ? "" : "page " + finding.page;
    if (!finding.element.empty()) where += (where.empty() ? "" : ", ") + std::string("element ") + finding.element;
    return where;
}

std::string dump(const OrderedJson& json, int indent = -1) {
    return json.dump(indent, ' ', false, OrderedJson::error_handler_t::replace);
}

std::string format_text(const std::vector<LintResult>& results) {
    std::ostringstream out;
    long errors = 0, warnings = 0;
    for (const auto& result : results) {
        for (const auto& finding : result.findings) {
            if (finding.severity == Severity::error) ++errors;
            if (finding.severity == Severity::warning) ++warnings;
            std::string where = location(finding);
            out << result.design << ": " << to_string(finding.severity) << " [" << finding.check << "]"
                << (where.empty() ? "" : " " + where) << ": " << finding.message << "\n";
        }
    }
    out << results.size() << " design" << (results.size() == 1 ? "" : "s") << " checked: " << errors << " error"
        << (errors == 1 ? "" : "s") << ", " << warnings << " warning" << (warnings == 1 ? "" : "s") << "\n";
    return out.str();
}

std::string format_json(const std::vector<LintResult>& results) {
    OrderedJson out = OrderedJson::array();
    for (const auto& result : results) {
        OrderedJson findings = OrderedJson::array();
        for (const auto& finding : result.findings) findings.push_back(OrderedJson::parse(to_json(finding)));
        out.push_back({{"design", result.design}, {"findings", findings}});
    }
    return dump(out, 2) + "\n";
}

std::string format_junit(const std::vector<LintResult>& results) {
    long failures = 0;
    for (const auto& result : results)
        for (const auto& finding : result.findings)
            if (finding.severity == Severity::error) {
                ++failures;
                break;
            }
    std::ostringstream out;
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out << "<testsuites name=\"preflight lint\" tests=\"" << results.size() << "\" failures=\"" << failures << "\">\n";
    out << "  <testsuite name=\"preflight lint\" tests=\"" << results.size() << "\" failures=\"" << failures
        << "\" errors=\"0\" skipped=\"0\">\n";
    for (const auto& result : results) {
        out << "    <testcase classname=\"preflight.lint\" name=\"" << xml_escape(result.design) << "\">\n";
        std::string failure_text, system_out;
        int error_count = 0;
        for (const auto& finding : result.findings) {
            std::string line = std::string(to_string(finding.severity)) + " [" + finding.check + "] " +
                               (location(finding).empty() ? "" : location(finding) + ": ") + finding.message + "\n";
            if (finding.severity == Severity::error) {
                ++error_count;
                failure_text += line;
            } else {
                system_out += line;
            }
        }
        if (error_count > 0)
            out << "      <failure message=\"" << error_count << " error" << (error_count == 1 ? "" : "s")
                << "\" type=\"preflight\">" << xml_escape(failure_text) << "</failure>\n";
        if (!system_out.empty()) out << "      <system-out>" << xml_escape(system_out) << "</system-out>\n";
        out << "    </testcase>\n";
    }
    out << "  </testsuite>\n</testsuites>\n";
    return out.str();
}

std::string format_sarif(const std::vector<LintResult>& results) {
    OrderedJson rules = OrderedJson::array();
    std::vector<std::string> rule_ids;
    OrderedJson sarif_results = OrderedJson::array();
    for (const auto& result : results) {
        for (const auto& finding : result.findings) {
            std::size_t rule_index = 0;
            for (; rule_index < rule_ids.size() && rule_ids[rule_index] != finding.check; ++rule_index) {}
            if (rule_index == rule_ids.size()) {
                rule_ids.push_back(finding.check);
                rules.push_back({{"id", finding.check}, {"name", finding.check}});
            }
            const char* level = finding.severity == Severity::error ? "error"
                                : finding.severity == Severity::warning ? "warning" : "note";
            OrderedJson entry = {{"ruleId", finding.check},
                                 {"ruleIndex", rule_index},
                                 {"level", level},
                                 {"message", {{"text", finding.message}}},
                                 {"locations", OrderedJson::array({{{"physicalLocation",
                                                                     {{"artifactLocation", {{"uri", result.design}}}}}}})}};
            if (!finding.page.empty() || !finding.element.empty()) {
                OrderedJson properties = OrderedJson::object();
                if (!finding.page.empty()) properties["page"] = finding.page;
                if (!finding.element.empty()) properties["element"] = finding.element;
                if (finding.where_mm) properties["where_mm"] = *finding.where_mm;
                entry["properties"] = properties;
            }
            sarif_results.push_back(entry);
        }
    }
    OrderedJson driver = {{"name", "preflight"}, {"version", version()}, {"rules", rules}};
    OrderedJson run = {{"tool", {{"driver", driver}}}, {"results", sarif_results}};
    OrderedJson sarif = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                         {"version", "2.1.0"},
                         {"runs", OrderedJson::array({run})}};
    return dump(sarif, 2) + "\n";
}

std::string format_github(const std::vector<LintResult>& results) {
    std::ostringstream out;
    for (const auto& result : results) {
        for (const auto& finding : result.findings) {
            const char* command = finding.severity == Severity::error ? "error"
                                  : finding.severity == Severity::warning ? "warning" : "notice";
            std::string where = location(finding);
            out << "::" << command << " file=" << github_escape(result.design, true)
                << ",title=" << github_escape(finding.check, true) << "::"
                << github_escape((where.empty() ? "" : where + ": ") + finding.message, false) << "\n";
        }
    }
    return out.str();
}

}  // namespace

std::string format_lint(const std::vector<LintResult>& results, std::string_view format) {
    if (format == "json") return format_json(results);
    if (format == "junit") return format_junit(results);
    if (format == "sarif") return format_sarif(results);
    if (format == "github") return format_github(results);
    return format_text(results);
}

}  // namespace preflight
