// The document readers' internal shape (order, design, policy text -> value or problems),
// for the library's own callers; the public API wraps it in Result<T> (preflight/formats.hpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "preflight/formats.hpp"
#include "preflight/result.hpp"

namespace preflight::formats {

/// What a reader made of a document: the value (with no problems), or the problems, and
/// whether the text was JSON of the expected kind at all (for the public Error's code).
template <class T>
struct Reading {
    std::optional<T> value;
    std::vector<InputProblem> problems;
    bool json_ok = true;
    /// The public shape: the value when there is no problem, else an Error.
    Result<T> to_result() && {
        if (value && problems.empty()) return std::move(*value);
        return to_error(std::move(problems), json_ok ? ErrorCode::invalid_document : ErrorCode::invalid_json);
    }
    static Error to_error(std::vector<InputProblem> problems, ErrorCode code) {
        Error error{code, {}, std::move(problems)};
        if (!error.problems.empty()) {
            const InputProblem& first = error.problems.front();
            error.message = first.key_path.empty() ? first.message : first.key_path + ": " + first.message;
            if (error.problems.size() > 1)
                error.message += " (and " + std::to_string(error.problems.size() - 1) + " more)";
        }
        return error;
    }
};

/// The readers (order_reader.cpp, design_reader.cpp, policy_reader.cpp). An order keeps its
/// value beside schema problems: its status decides whether it is checked at all.
Reading<Order> read_order_text(std::string_view json_text);
Reading<Design> read_design_text(std::string_view json_text);
Reading<Policy> read_policy_text(std::string_view json_text);

}  // namespace preflight::formats
