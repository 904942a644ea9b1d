// Typed, path-reporting access to JSON objects (see json_fields.hpp).
#include "formats/json_fields.hpp"

#include <cmath>
#include <sstream>

namespace preflight::formats {

namespace {

// Counts the nesting depth outside strings; deep input is refused before the parser sees it,
// so a hostile document cannot exhaust the stack.
bool depth_within(std::string_view text, int limit) {
    int depth = 0;
    bool in_string = false, escaped = false;
    for (char c : text) {
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') in_string = true;
        else if (c == '[' || c == '{') {
            if (++depth > limit) return false;
        } else if (c == ']' || c == '}') --depth;
    }
    return true;
}

std::string format_number(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

}  // namespace

std::optional<Json> parse_json(std::string_view text, std::string& error) {
    if (!depth_within(text, max_json_depth)) {
        error = "nested deeper than " + std::to_string(max_json_depth) + " levels";
        return std::nullopt;
    }
    try {
        return Json::parse(text.begin(), text.end());
    } catch (const Json::exception& e) {
        // parse_error, and out_of_range for a number too large for a double ("1e400").
        error = readable_parse_error(e.what());
        return std::nullopt;
    }
}

std::string readable_parse_error(const std::string& what) {
    // "[json.exception.parse_error.101] parse error at line 1, column 5: ..." -> keep the useful part.
    auto at = what.find("parse error");
    if (at == std::string::npos) at = what.find("] ") == std::string::npos ? 0 : what.find("] ") + 2;
    return what.substr(at);
}

bool depth_within_limit(std::string_view text) { return depth_within(text, max_json_depth); }

std::optional<long long> whole_number(const Json& value) {
    constexpr double exact = 9007199254740992.0;   // 2^53
    if (value.is_number_unsigned()) {
        auto number = value.get<unsigned long long>();
        if (number > static_cast<unsigned long long>(exact)) return std::nullopt;
        return static_cast<long long>(number);
    }
    if (value.is_number_integer()) return value.get<long long>();
    if (!value.is_number_float()) return std::nullopt;
    double number = value.get<double>();
    if (!std::isfinite(number) || std::fabs(number) > exact || std::trunc(number) != number) return std::nullopt;
    return static_cast<long long>(number);
}

std::string describe_type(const Json& value) {
    switch (value.type()) {
        case Json::value_t::null: return "null";
        case Json::value_t::boolean: return "a boolean";
        case Json::value_t::string: return "a string";
        case Json::value_t::array: return "an array";
        case Json::value_t::object: return "an object";
        case Json::value_t::binary: return "binary data";
        case Json::value_t::discarded: return "nothing";
        default: return "a number";
    }
}

Fields::Fields(const Json& object, std::string path, std::vector<InputProblem>& problems)
    : object_(object), path_(std::move(path)), problems_(problems) {}

const Json* Fields::get(const char* key) const {
    if (!object_.is_object()) return nullptr;
    auto it = object_.find(key);
    if (it == object_.end() || it->is_null()) return nullptr;
    return &*it;
}

std::string Fields::child_path(const char* key) const {
    return path_.empty() ? std::string(key) : path_ + "." + key;
}

void Fields::problem(const std::string& key_path, const std::string& message, const char* check) {
    problems_.push_back({check, key_path, message});
}

std::string Fields::required_string(const char* key) {
    const Json* value = get(key);
    if (!value) {
        problem(child_path(key), "required key '" + child_path(key) + "' is missing");
        return {};
    }
    if (!value->is_string()) {
        problem(child_path(key), "'" + child_path(key) + "' must be a string, not " + describe_type(*value));
        return {};
    }
    return value->get<std::string>();
}

std::string Fields::optional_string(const char* key, std::string fallback) {
    const Json* value = get(key);
    if (!value) return fallback;
    if (!value->is_string()) {
        problem(child_path(key), "'" + child_path(key) + "' must be a string, not " + describe_type(*value));
        return fallback;
    }
    return value->get<std::string>();
}

std::string Fields::optional_id(const char* key) {
    const Json* value = get(key);
    if (!value) return {};
    if (value->is_string()) return value->get<std::string>();
    if (value->is_number_integer() || value->is_number_unsigned()) return value->dump();
    if (auto whole = whole_number(*value)) return std::to_string(*whole);   // 12.0 from a double-only exporter
    problem(child_path(key), "'" + child_path(key) + "' must be a string, not " + describe_type(*value));
    return {};
}

std::string Fields::required_id(const char* key) {
    if (!get(key)) {
        problem(child_path(key), "required key '" + child_path(key) + "' is missing");
        return {};
    }
    return optional_id(key);
}

double Fields::required_number(const char* key, double min, double max) {
    const Json* value = get(key);
    if (!value) {
        problem(child_path(key), "required key '" + child_path(key) + "' is missing");
        return min;
    }
    return optional_number(key, min, min, max);
}

double Fields::optional_number(const char* key, double fallback, double min, double max) {
    const Json* value = get(key);
    if (!value) return fallback;
    if (!value->is_number()) {
        problem(child_path(key), "'" + child_path(key) + "' must be a number, not " + describe_type(*value));
        return fallback;
    }
    double number = value->get<double>();
    if (!std::isfinite(number) || number < min || number > max) {
        problem(child_path(key), "'" + child_path(key) + "' is " + format_number(number) + "; it must lie between " +
                                     format_number(min) + " and " + format_number(max));
        return fallback;
    }
    return number;
}

long Fields::optional_integer(const char* key, long fallback, long min, long max) {
    const Json* value = get(key);
    if (!value) return fallback;
    auto whole = whole_number(*value);
    if (!whole) {
        problem(child_path(key), "'" + child_path(key) + "' must be a whole number, not " +
                                     (value->is_number() ? value->dump() : describe_type(*value)));
        return fallback;
    }
    long long number = *whole;
    if (number < min || number > max) {
        problem(child_path(key), "'" + child_path(key) + "' is " + std::to_string(number) +
                                     "; it must lie between " + std::to_string(min) + " and " + std::to_string(max));
        return fallback;
    }
    return long(number);
}

bool Fields::optional_bool(const char* key, bool fallback) {
    const Json* value = get(key);
    if (!value) return fallback;
    if (!value->is_boolean()) {
        problem(child_path(key), "'" + child_path(key) + "' must be true or false, not " + describe_type(*value));
        return fallback;
    }
    return value->get<bool>();
}

std::vector<std::string> Fields::optional_strings(const char* key) {
    std::vector<std::string> result;
    const Json* value = get(key);
    if (!value) return result;
    if (!value->is_array()) {
        problem(child_path(key), "'" + child_path(key) + "' must be an array of strings, not " + describe_type(*value));
        return result;
    }
    for (std::size_t i = 0; i < value->size(); ++i) {
        const Json& entry = (*value)[i];
        if (!entry.is_string()) {
            problem(child_path(key) + "[" + std::to_string(i) + "]", "'" + child_path(key) + "[" + std::to_string(i) +
                                                                         "]' must be a string, not " + describe_type(entry));
            continue;
        }
        result.push_back(entry.get<std::string>());
    }
    return result;
}

std::optional<std::vector<double>> Fields::number_array(const char* key, std::size_t length, bool required) {
    const Json* value = get(key);
    if (!value) {
        if (required) problem(child_path(key), "required key '" + child_path(key) + "' is missing");
        return std::nullopt;
    }
    bool ok = value->is_array() && value->size() == length;
    std::vector<double> numbers;
    if (ok) {
        for (const auto& entry : *value) {
            if (!entry.is_number() || !std::isfinite(entry.get<double>())) {
                ok = false;
                break;
            }
            numbers.push_back(entry.get<double>());
        }
    }
    if (!ok) {
        problem(child_path(key), "'" + child_path(key) + "' must be an array of " + std::to_string(length) + " numbers");
        return std::nullopt;
    }
    return numbers;
}

const Json* Fields::array(const char* key, bool required) {
    const Json* value = get(key);
    if (!value) {
        if (required) problem(child_path(key), "required key '" + child_path(key) + "' is missing");
        return nullptr;
    }
    if (!value->is_array()) {
        problem(child_path(key), "'" + child_path(key) + "' must be an array, not " + describe_type(*value));
        return nullptr;
    }
    return value;
}

const Json* Fields::object(const char* key, bool required) {
    const Json* value = get(key);
    if (!value) {
        if (required) problem(child_path(key), "required key '" + child_path(key) + "' is missing");
        return nullptr;
    }
    if (!value->is_object()) {
        problem(child_path(key), "'" + child_path(key) + "' must be an object, not " + describe_type(*value));
        return nullptr;
    }
    return value;
}

}  // namespace preflight::formats
