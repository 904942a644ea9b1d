// Reading the policy file (formats.md section 4). Option names and types are checked later
// against the registry (validate_policy), where the checks' declarations live.
#include <fstream>
#include <sstream>

#include "formats/json_fields.hpp"
#include "preflight/checker.hpp"

namespace preflight {

using formats::Json;

namespace {

bool read_option_set(const Json& object, const std::string& path, OptionSet& out, std::vector<InputProblem>& problems) {
    if (!object.is_object()) {
        problems.push_back({"input.schema", path, "'" + path + "' must be an object of options"});
        return false;
    }
    for (const auto& [name, value] : object.items()) {
        std::string key_path = path + "." + name;
        if (value.is_boolean()) out[name] = value.get<bool>();
        else if (value.is_number()) out[name] = value.get<double>();
        else if (value.is_string()) out[name] = value.get<std::string>();
        else if (value.is_array()) {
            std::vector<std::string> words;
            for (const auto& entry : value) {
                if (!entry.is_string()) {
                    problems.push_back({"input.schema", key_path, "'" + key_path + "' must be a list of strings"});
                    return false;
                }
                words.push_back(entry.get<std::string>());
            }
            out[name] = std::move(words);
        } else {
            problems.push_back({"input.schema", key_path, "'" + key_path + "' has an unsupported value (" +
                                                              formats::describe_type(value) + ")"});
            return false;
        }
    }
    return true;
}

void read_checks(const Json& object, const std::string& path, std::map<std::string, OptionSet>& out,
                 std::vector<InputProblem>& problems) {
    if (!object.is_object()) {
        problems.push_back({"input.schema", path, "'" + path + "' must be an object: check id -> options"});
        return;
    }
    for (const auto& [id, options] : object.items()) read_option_set(options, path + "." + id, out[id], problems);
}

}  // namespace

formats::Reading<Policy> formats::read_policy_text(std::string_view json_text) {
    Reading<Policy> result;
    std::string error;
    auto json = formats::parse_json(json_text, error);
    if (!json) {
        result.problems.push_back({"input.schema", "", "the policy is not valid JSON: " + error});
        result.json_ok = false;
        return result;
    }
    if (!json->is_object()) {
        result.problems.push_back({"input.schema", "", "the policy must be a JSON object"});
        result.json_ok = false;
        return result;
    }
    Policy policy;
    for (const auto& [key, value] : json->items()) {
        if (key == "papers") {
            if (!value.is_object()) {
                result.problems.push_back({"input.schema", "papers", "'papers' must be an object: paper id -> {finishes}"});
                continue;
            }
            policy.has_paper_catalogue = true;
            for (const auto& [paper_id, paper_json] : value.items()) {
                std::string path = "papers." + paper_id;
                formats::Fields fields(paper_json, path, result.problems);
                if (!paper_json.is_object()) {
                    fields.problem(path, "'" + path + "' must be an object with 'finishes'");
                    continue;
                }
                policy.papers[paper_id].finishes = fields.optional_strings("finishes");
            }
        } else if (key == "checks") {
            read_checks(value, "checks", policy.checks, result.problems);
        } else if (key == "products") {
            if (!value.is_object()) {
                result.problems.push_back({"input.schema", "products", "'products' must be an object: product -> {checks}"});
                continue;
            }
            for (const auto& [product, product_json] : value.items()) {
                std::string path = "products." + product;
                if (!product_json.is_object()) {
                    result.problems.push_back({"input.schema", path, "'" + path + "' must be an object with 'checks'"});
                    continue;
                }
                for (const auto& [sub, sub_value] : product_json.items()) {
                    if (sub == "checks") read_checks(sub_value, path + ".checks", policy.products[product], result.problems);
                    else result.problems.push_back({"input.schema", path + "." + sub, "unknown key '" + path + "." + sub +
                                                                                         "' (a product has only 'checks')"});
                }
            }
        } else if (key == "language") {
            if (!value.is_string() || (value.get<std::string>() != "en" && value.get<std::string>() != "nl")) {
                result.problems.push_back({"input.schema", "language", "'language' must be \"nl\" or \"en\""});
                continue;
            }
            policy.language = value.get<std::string>();
        }
        // Other top-level keys are ignored: the formats are forward compatible.
    }
    if (result.problems.empty()) result.value = std::move(policy);
    return result;
}

Result<Policy> parse_policy(std::string_view json_text) { return formats::read_policy_text(json_text).to_result(); }

Result<Policy> read_policy(const std::filesystem::path& file) {
    using formats::Reading;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec))
        return Reading<Policy>::to_error({{"input.missing_file", "", "policy file '" + file.string() + "' not found"}},
                                         ErrorCode::not_found);
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof())
        return Reading<Policy>::to_error({{"input.unreadable", "", "cannot read policy file '" + file.string() + "'"}},
                                         ErrorCode::unreadable);
    Result<Policy> policy = parse_policy(text.str());
    if (!policy) return policy;
    std::vector<InputProblem> problems;
    for (const auto& error : validate_policy(*policy)) problems.push_back({{}, error.key_path, error.message});
    if (!problems.empty()) return Reading<Policy>::to_error(std::move(problems), ErrorCode::invalid_policy);
    return policy;
}

}  // namespace preflight
