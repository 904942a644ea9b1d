// Lint results as SARIF 2.1.0 for code scanning: rules with their descriptions and help,
// artifact URIs relative to the root (uriBaseId ROOT), and the line and column of the page
// or element each finding is about.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>

#include "formats/lint_report.hpp"
#include "preflight/checker.hpp"
#include "preflight/version.hpp"

namespace preflight::formats {

namespace {

namespace fs = std::filesystem;

// RFC 3986: everything but unreserved characters and '/' percent-encoded.
std::string uri_encode(const std::string& path) {
    std::string out;
    for (unsigned char c : path) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
            out += char(c);
        } else {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", c);
            out += hex;
        }
    }
    return out;
}

std::string file_uri(const fs::path& absolute, bool folder) {
    std::string text = absolute.generic_string();
    if (folder && (text.empty() || text.back() != '/')) text += '/';
    return "file://" + uri_encode(text);
}

// A check id as a SARIF rule name for people: dots and underscores dropped, each word
// capitalised ("family.some_name" -> "FamilySomeName").
std::string rule_name(const std::string& id) {
    std::string name;
    bool upper = true;
    for (char c : id) {
        if (c == '.' || c == '_') {
            upper = true;
            continue;
        }
        name += upper ? char(std::toupper(static_cast<unsigned char>(c))) : c;
        upper = false;
    }
    return name;
}

OrderedJson rule_for(const std::string& id, const std::vector<CheckInfo>& checks, const std::string& docs_url) {
    auto check = std::find_if(checks.begin(), checks.end(), [&](const CheckInfo& c) { return c.id == id; });
    std::string summary = check == checks.end() ? "Problem found by " + id : check->summary;
    if (!summary.empty() && summary.back() != '.') summary += '.';
    std::string options_text, options_markdown;
    if (check != checks.end())
        for (const auto& option : check->options) {
            options_text += "\n  " + option.name + " (" + option.type + ", default " + option.default_text + ")" +
                            (option.help.empty() ? "" : ": " + option.help);
            options_markdown += "\n- `" + option.name + "` (" + option.type + ", default `" + option.default_text + "`)" +
                                (option.help.empty() ? "" : ": " + option.help);
        }
    std::string family = id.substr(0, id.find('.'));
    OrderedJson rule = {{"id", id},
                        {"name", rule_name(id)},
                        {"shortDescription", {{"text", summary}}},
                        {"fullDescription", {{"text", summary + " Set its options in the policy file under checks[\"" + id + "\"]."}}},
                        {"help",
                         {{"text", id + ": " + summary + (options_text.empty() ? "" : "\nPolicy options:" + options_text)},
                          {"markdown", "**" + id + "**: " + summary + (options_markdown.empty() ? "" : "\n\nPolicy options:\n" + options_markdown)}}},
                        {"properties", {{"tags", OrderedJson::array({family})}}}};
    if (!docs_url.empty()) rule["helpUri"] = docs_url + "#" + id;
    return rule;
}

}  // namespace

std::string format_sarif(const std::vector<LintResult>& results, const LintFormatOptions& options) {
    std::error_code ec;
    const fs::path root = fs::absolute(options.root.empty() ? fs::current_path(ec) : options.root, ec).lexically_normal();
    const auto checks = list_checks();
    const auto positions = positions_of(results);
    OrderedJson rules = OrderedJson::array();
    std::vector<std::string> rule_ids;
    OrderedJson sarif_results = OrderedJson::array();
    for (std::size_t r = 0; r < results.size(); ++r) {
        const auto& result = results[r];
        fs::path file = fs::absolute(result.file.empty() ? fs::path(result.design) : result.file, ec).lexically_normal();
        fs::path relative = file.lexically_relative(root);
        bool inside = !relative.empty() && *relative.begin() != "..";
        OrderedJson artifact = inside ? OrderedJson{{"uri", uri_encode(relative.generic_string())}, {"uriBaseId", "ROOT"}}
                                      : OrderedJson{{"uri", file_uri(file, false)}};
        for (const auto& finding : result.findings) {
            auto found = std::find(rule_ids.begin(), rule_ids.end(), finding.check);
            std::size_t rule_index = std::size_t(found - rule_ids.begin());
            if (found == rule_ids.end()) {
                rule_ids.push_back(finding.check);
                rules.push_back(rule_for(finding.check, checks, options.docs_url));
            }
            const char* level = finding.severity == Severity::error ? "error"
                                : finding.severity == Severity::warning ? "warning" : "note";
            TextPosition at = positions[r].find(finding.page, finding.element);
            OrderedJson location = {{"physicalLocation",
                                     {{"artifactLocation", artifact}, {"region", {{"startLine", at.line}, {"startColumn", at.column}}}}}};
            std::string where = finding_location(finding);
            OrderedJson entry = {{"ruleId", finding.check},
                                 {"ruleIndex", rule_index},
                                 {"level", level},
                                 {"message", {{"text", (where.empty() ? "" : where + ": ") + finding.message}}},
                                 {"locations", OrderedJson::array({location})}};
            OrderedJson properties = OrderedJson::object();
            if (!finding.page.empty()) properties["page"] = finding.page;
            if (!finding.element.empty()) properties["element"] = finding.element;
            if (!finding.code.empty()) properties["code"] = finding.code;
            if (finding.where_mm) properties["where_mm"] = *finding.where_mm;
            if (finding.measured) properties["measured"] = *finding.measured;
            if (finding.limit) properties["limit"] = *finding.limit;
            if (!finding.unit.empty()) properties["unit"] = finding.unit;
            if (!properties.empty()) entry["properties"] = properties;
            sarif_results.push_back(entry);
        }
    }
    OrderedJson driver = {{"name", "preflight"}, {"version", version()}};
    if (!options.docs_url.empty()) driver["informationUri"] = options.docs_url;
    driver["rules"] = rules;
    OrderedJson run = {{"tool", {{"driver", driver}}},
                       {"originalUriBaseIds", {{"ROOT", {{"uri", file_uri(root, true)}}}}},
                       {"results", sarif_results},
                       {"columnKind", "unicodeCodePoints"}};
    OrderedJson sarif = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                         {"version", "2.1.0"},
                         {"runs", OrderedJson::array({run})}};
    round_numbers(sarif);
    return dump_json(sarif, 2) + "\n";
}

}  // namespace preflight::formats
