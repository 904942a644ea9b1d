// Typed access to JSON objects that records problems with their key paths instead of
// throwing: the one place that knows nlohmann::json (with json_fields.cpp).
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "formats/readers.hpp"
#include "preflight/formats.hpp"

namespace preflight::formats {

using Json = nlohmann::json;

/// Largest nesting of arrays and objects accepted (deeper input is refused before parsing).
inline constexpr int max_json_depth = 64;

/// Parses text into JSON; on failure returns nothing and sets `error` to a readable reason.
std::optional<Json> parse_json(std::string_view text, std::string& error);

/// As parse_json, and a key written twice in one object is an error too ("key 'status'
/// appears twice in one object"); `duplicate_path` then names it ("items[0].design").
/// With `top_level_keys`, the values of other top-level keys are read past, never stored:
/// a 60 MB note in an order costs no second copy. (json_unique_keys.cpp)
std::optional<Json> parse_json_unique_keys(std::string_view text, std::string& error, std::string& duplicate_path,
                                           const std::set<std::string, std::less<>>* top_level_keys = nullptr);

/// nlohmann's exception text made readable ("parse error at line 1, column 5: ...").
std::string readable_parse_error(const std::string& what);

/// Whether the nesting stays within max_json_depth (checked before any parse).
bool depth_within_limit(std::string_view text);

/// Reads the keys of one JSON object; every problem is appended with its full key path.
class Fields {
public:
    Fields(const Json& object, std::string path, std::vector<InputProblem>& problems);

    const Json* get(const char* key) const;
    std::string child_path(const char* key) const;

    std::string required_string(const char* key);
    std::string optional_string(const char* key, std::string fallback = {});
    /// A string or an integer (ids and house numbers are numbers in some exports).
    std::string required_id(const char* key);
    std::string optional_id(const char* key);
    double required_number(const char* key, double min, double max);
    double optional_number(const char* key, double fallback, double min, double max);
    long optional_integer(const char* key, long fallback, long min, long max);
    bool optional_bool(const char* key, bool fallback);
    std::vector<std::string> optional_strings(const char* key);
    /// A fixed-length array of numbers, e.g. box_mm; nothing (and a problem) if wrong.
    std::optional<std::vector<double>> number_array(const char* key, std::size_t length, bool required);
    /// An array of objects; nothing (and a problem) if present but not an array.
    const Json* array(const char* key, bool required);
    const Json* object(const char* key, bool required);

    void problem(const std::string& key_path, const std::string& message, const char* check = "input.schema");

private:
    const Json& object_;
    std::string path_;
    std::vector<InputProblem>& problems_;
};

/// A whole number however the exporter wrote it: 3, 3.0 and 3e0 are the same count (an
/// exporter that keeps every number as a double writes 60.0); nothing for 2.5, a string,
/// or a value beyond ±2^53 (where doubles stop being exact).
std::optional<long long> whole_number(const Json& value);

/// A short description of a JSON value's type for messages ("a number", "null", ...).
std::string describe_type(const Json& value);

}  // namespace preflight::formats
