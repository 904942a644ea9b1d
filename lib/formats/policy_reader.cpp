// Reading the policy file (formats.md section 4). Every key at every level must be one the
// project knows (top-level, paper fields, check ids, option names, product fields): a typo
// is an error of the run with its key path and the nearest known key, never a silent default.
// Option types and ranges are checked later against the registry (validate_policy).
#include <algorithm>

#include "formats/json_fields.hpp"
#include "input/open_beneath.hpp"
#include "preflight/checker.hpp"
#include "preflight/suggest.hpp"

namespace preflight {

using formats::Json;

namespace {

std::string quoted_list(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& word : words) out += (out.empty() ? "'" : ", '") + word + "'";
    return out;
}

void unknown_key(const std::string& key, const std::string& key_path, const std::vector<std::string>& known,
                 const std::string& what, std::vector<InputProblem>& problems) {
    std::string message = "unknown " + what + " '" + key + "'";
    std::string nearest = nearest_word(key, known);
    if (!nearest.empty()) message += "; did you mean '" + nearest + "'?";
    else if (known.size() <= 8) message += " (known: " + quoted_list(known) + ")";
    else message += " (see `preflight checks`)";
    problems.push_back({"input.schema", key_path, message});
}

const std::vector<CheckInfo>& known_checks() {
    static const std::vector<CheckInfo> checks = list_checks();
    return checks;
}

std::vector<std::string> known_check_ids() {
    std::vector<std::string> ids;
    for (const auto& check : known_checks()) ids.push_back(check.id);
    return ids;
}

bool read_option_value(const Json& value, const std::string& key_path, OptionValue& out, std::vector<InputProblem>& problems) {
    if (value.is_boolean()) out = value.get<bool>();
    else if (value.is_number()) out = value.get<double>();
    else if (value.is_string()) out = value.get<std::string>();
    else if (value.is_array()) {
        std::vector<std::string> words;
        for (const auto& entry : value) {
            if (!entry.is_string()) {
                problems.push_back({"input.schema", key_path, "'" + key_path + "' must be a list of strings"});
                return false;
            }
            words.push_back(entry.get<std::string>());
        }
        out = std::move(words);
    } else {
        problems.push_back({"input.schema", key_path, "'" + key_path + "' has an unsupported value (" +
                                                          formats::describe_type(value) + ")"});
        return false;
    }
    return true;
}

void read_option_set(const Json& object, const CheckInfo& check, const std::string& path, OptionSet& out,
                     std::vector<InputProblem>& problems) {
    if (!object.is_object()) {
        problems.push_back({"input.schema", path, "'" + path + "' must be an object of options"});
        return;
    }
    std::vector<std::string> option_names;
    for (const auto& option : check.options) option_names.push_back(option.name);
    for (const auto& [name, value] : object.items()) {
        std::string key_path = path + "." + name;
        if (std::find(option_names.begin(), option_names.end(), name) == option_names.end()) {
            unknown_key(name, key_path, option_names, "option of " + check.id, problems);
            continue;
        }
        OptionValue option;
        if (read_option_value(value, key_path, option, problems)) out[name] = std::move(option);
    }
}

void read_checks(const Json& object, const std::string& path, std::map<std::string, OptionSet>& out,
                 std::vector<InputProblem>& problems) {
    if (!object.is_object()) {
        problems.push_back({"input.schema", path, "'" + path + "' must be an object: check id -> options"});
        return;
    }
    for (const auto& [id, options] : object.items()) {
        std::string key_path = path + "[\"" + id + "\"]";
        const std::string& check_id = id;   // clang 14 cannot capture a structured binding
        auto check = std::find_if(known_checks().begin(), known_checks().end(),
                                  [&](const CheckInfo& c) { return c.id == check_id; });
        if (check == known_checks().end()) {
            unknown_key(id, key_path, known_check_ids(), "check id", problems);
            continue;
        }
        read_option_set(options, *check, key_path, out[id], problems);
    }
}

void read_papers(const Json& value, Policy& policy, std::vector<InputProblem>& problems) {
    if (!value.is_object()) {
        problems.push_back({"input.schema", "papers", "'papers' must be an object: paper id -> {finishes}"});
        return;
    }
    policy.has_paper_catalogue = true;
    for (const auto& [paper_id, paper_json] : value.items()) {
        std::string path = "papers[\"" + paper_id + "\"]";
        formats::Fields fields(paper_json, path, problems);
        if (!paper_json.is_object()) {
            fields.problem(path, "'" + path + "' must be an object with 'finishes'");
            continue;
        }
        for (const auto& [key, unused] : paper_json.items())
            if (key != "finishes") unknown_key(key, path + "." + key, {"finishes"}, "paper field", problems);
        policy.papers[paper_id].finishes = fields.optional_strings("finishes");
    }
}

void read_products(const Json& value, Policy& policy, std::vector<InputProblem>& problems) {
    if (!value.is_object()) {
        problems.push_back({"input.schema", "products", "'products' must be an object: product -> {checks}"});
        return;
    }
    for (const auto& [product, product_json] : value.items()) {
        std::string path = "products[\"" + product + "\"]";
        if (!product_json.is_object()) {
            problems.push_back({"input.schema", path, "'" + path + "' must be an object with 'checks'"});
            continue;
        }
        for (const auto& [sub, sub_value] : product_json.items()) {
            if (sub == "checks") read_checks(sub_value, path + ".checks", policy.products[product], problems);
            else unknown_key(sub, path + "." + sub, {"checks"}, "product field", problems);
        }
    }
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
            read_papers(value, policy, result.problems);
        } else if (key == "checks") {
            read_checks(value, "checks", policy.checks, result.problems);
        } else if (key == "products") {
            read_products(value, policy, result.problems);
        } else if (key == "language") {
            if (!value.is_string() || (value.get<std::string>() != "en" && value.get<std::string>() != "nl")) {
                result.problems.push_back({"input.schema", "language", "'language' must be \"nl\" or \"en\""});
                continue;
            }
            policy.language = value.get<std::string>();
        } else {
            // A misspelt key must not silently empty the catalogue or drop the options.
            unknown_key(key, key, {"checks", "language", "papers", "products"}, "key", result.problems);
        }
    }
    if (result.problems.empty()) result.value = std::move(policy);
    return result;
}

Result<Policy> parse_policy(std::string_view json_text) { return formats::read_policy_text(json_text).to_result(); }

Result<Policy> read_policy(const std::filesystem::path& file) {
    using formats::Reading;
    // Opened once, regular files only, never blocking (a FIFO is refused at once).
    input::FileRead read = input::read_regular_file(file.string(), 64u * 1024 * 1024);
    if (!read.ok()) {
        const bool missing = read.error_check == "input.missing_file";
        return Reading<Policy>::to_error(
            {{read.error_check, "", "policy file '" + file.string() + "' " + (missing ? "not found" : read.error)}},
            missing ? ErrorCode::not_found : ErrorCode::unreadable);
    }
    Result<Policy> policy = parse_policy(std::string_view(reinterpret_cast<const char*>(read.bytes->data()), read.bytes->size()));
    if (!policy) return policy;
    std::vector<InputProblem> problems;
    for (const auto& error : validate_policy(*policy)) problems.push_back({{}, error.key_path, error.message});
    if (!problems.empty()) return Reading<Policy>::to_error(std::move(problems), ErrorCode::invalid_policy);
    return policy;
}

}  // namespace preflight
