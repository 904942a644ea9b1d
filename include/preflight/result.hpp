// One way to report what can fail at the public API: a value or an error with a code and a
// message (the simdjson way). Bad input never throws; see README "Errors: the one rule".
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "preflight/export.hpp"

namespace preflight {

/// What kind of failure an Error is; programs branch on this, never on the message.
enum class ErrorCode {
    ok = 0,
    invalid_json,      // not JSON, or not the JSON value expected (an object, ...)
    invalid_document,  // JSON that does not follow formats.md (missing key, wrong type, range)
    invalid_policy,    // a policy naming unknown checks or options, or values out of range
    not_found,         // a file that does not exist
    unreadable,        // a file that exists but cannot be read
    invalid_argument,  // the caller broke a documented precondition (null pointer, bad size)
    internal,          // a bug inside preflight, caught at the boundary
    unwritable,        // a file or folder that cannot be written (disk full, permissions)
};

/// "ok", "invalid_json", "invalid_document", ... (stable words, as in the C API's JSON).
PREFLIGHT_API std::string_view to_string(ErrorCode code);

/// One problem of a document: which input.* check it is, the key path, and a message.
struct InputProblem {
    std::string check;     // input.schema, input.missing_file, ...; empty when validate_policy found it
    std::string key_path;  // e.g. "items[0].design"; empty when about the whole document
    std::string message;
};

/// Why something failed: a code for programs, a one-line message for people and, for
/// documents, every problem found with its key path.
struct Error {
    ErrorCode code = ErrorCode::internal;
    std::string message;
    std::vector<InputProblem> problems;
};

/// A value, or the Error that prevented it. Test with ok() (or `if (result)`), then read
/// value() / `*result` / `result->`; reading the value of an error is a bug in the caller
/// (std::bad_variant_access, the one kind of exception the API lets through).
template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}

    bool ok() const noexcept { return state_.index() == 0; }
    explicit operator bool() const noexcept { return ok(); }
    ErrorCode code() const noexcept { return ok() ? ErrorCode::ok : std::get<1>(state_).code; }
    /// The error; for a value, an Error with code ok and no message.
    const Error& error() const noexcept { return ok() ? no_error() : *std::get_if<1>(&state_); }

    T& value() & { return std::get<0>(state_); }
    const T& value() const& { return std::get<0>(state_); }
    T&& value() && { return std::get<0>(std::move(state_)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T&& operator*() && { return std::move(*this).value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

private:
    static const Error& no_error() noexcept {
        static const Error none{ErrorCode::ok, {}, {}};
        return none;
    }
    std::variant<T, Error> state_;
};

/// Success without a value, or an Error.
template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : error_(std::move(error)), failed_(true) {}
    bool ok() const noexcept { return !failed_; }
    explicit operator bool() const noexcept { return ok(); }
    ErrorCode code() const noexcept { return failed_ ? error_.code : ErrorCode::ok; }
    const Error& error() const noexcept { return error_; }

private:
    Error error_{ErrorCode::ok, {}, {}};
    bool failed_ = false;
};

}  // namespace preflight
