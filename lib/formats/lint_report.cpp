// Lint output for people and for CI systems: text (with file:line:column, coloured on a
// terminal), JSON, JUnit XML, GitHub annotations; SARIF 2.1.0 is in lint_sarif.cpp.
#include "formats/lint_report.hpp"

#include <cmath>
#include <fstream>
#include <sstream>

namespace preflight {

namespace formats {

double round2(double value) { return std::round(value * 100.0) / 100.0; }

void round_numbers(OrderedJson& json) {
    if (json.is_number_float()) json = round2(json.get<double>());
    else if (json.is_structured())
        for (auto& child : json) round_numbers(child);
}

std::vector<DesignPositions> positions_of(const std::vector<LintResult>& results) {
    std::vector<DesignPositions> positions;
    for (const auto& result : results) {
        std::ifstream in(result.file.empty() ? std::filesystem::path(result.design) : result.file, std::ios::binary);
        std::stringstream text;
        if (in) text << in.rdbuf();
        positions.push_back(scan_design_positions(text.str()));
    }
    return positions;
}

std::string finding_location(const Finding& finding) {
    std::string where = finding.page.empty() ? "" : "page " + finding.page;
    if (!finding.element.empty()) where += (where.empty() ? "" : ", ") + std::string("element ") + finding.element;
    return where;
}

std::string dump_json(const OrderedJson& json, int indent) {
    return json.dump(indent, ' ', false, OrderedJson::error_handler_t::replace);
}

}  // namespace formats

namespace {

using formats::OrderedJson;
using formats::dump_json;

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

std::string location(const Finding& finding) { return formats::finding_location(finding); }

std::string format_text(const std::vector<LintResult>& results, bool colour) {
    auto paint = [&](const char* code, const std::string& text) { return colour ? "\033[" + std::string(code) + "m" + text + "\033[0m" : text; };
    const auto positions = formats::positions_of(results);
    std::ostringstream out;
    long errors = 0, warnings = 0;
    for (std::size_t r = 0; r < results.size(); ++r) {
        const auto& result = results[r];
        for (const auto& finding : result.findings) {
            if (finding.severity == Severity::error) ++errors;
            if (finding.severity == Severity::warning) ++warnings;
            std::string where = location(finding);
            auto at = positions[r].find(finding.page, finding.element);
            const char* severity_colour = finding.severity == Severity::error ? "1;31" : finding.severity == Severity::warning ? "1;33" : "1;36";
            out << paint("1", result.design + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ":") << " "
                << paint(severity_colour, std::string(to_string(finding.severity))) << " [" << finding.check << "]"
                << (where.empty() ? "" : " " + where) << ": " << finding.message << "\n";
        }
    }
    std::string totals = std::to_string(errors) + " error" + (errors == 1 ? "" : "s") + ", " + std::to_string(warnings) + " warning" +
                         (warnings == 1 ? "" : "s");
    out << results.size() << " design" << (results.size() == 1 ? "" : "s") << " checked: "
        << paint(errors > 0 ? "1;31" : warnings > 0 ? "1;33" : "1;32", totals) << "\n";
    return out.str();
}

std::string format_json(const std::vector<LintResult>& results) {
    OrderedJson out = OrderedJson::array();
    for (const auto& result : results) {
        OrderedJson findings = OrderedJson::array();
        for (const auto& finding : result.findings) findings.push_back(OrderedJson::parse(to_json(finding)));
        out.push_back({{"design", result.design}, {"findings", findings}});
    }
    formats::round_numbers(out);
    return dump_json(out, 2) + "\n";
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

std::string format_github(const std::vector<LintResult>& results) {
    const auto positions = formats::positions_of(results);
    std::ostringstream out;
    for (std::size_t r = 0; r < results.size(); ++r) {
        const auto& result = results[r];
        for (const auto& finding : result.findings) {
            auto at = positions[r].find(finding.page, finding.element);
            const char* command = finding.severity == Severity::error ? "error"
                                  : finding.severity == Severity::warning ? "warning" : "notice";
            std::string where = location(finding);
            out << "::" << command << " file=" << github_escape(result.design, true) << ",line=" << at.line
                << ",col=" << at.column << ",title=" << github_escape(finding.check, true) << "::"
                << github_escape((where.empty() ? "" : where + ": ") + finding.message, false) << "\n";
        }
    }
    return out.str();
}

}  // namespace

std::string format_lint(const std::vector<LintResult>& results, std::string_view format, const LintFormatOptions& options) {
    if (format == "json") return format_json(results);
    if (format == "junit") return format_junit(results);
    if (format == "sarif") return formats::format_sarif(results, options);
    if (format == "github") return format_github(results);
    return format_text(results, options.colour);
}

}  // namespace preflight
