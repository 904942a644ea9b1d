// The words of ErrorCode (include/preflight/result.hpp), as programs and the C API see them.
#include "preflight/result.hpp"

namespace preflight {

std::string_view to_string(ErrorCode code) {
    switch (code) {
        case ErrorCode::ok: return "ok";
        case ErrorCode::invalid_json: return "invalid_json";
        case ErrorCode::invalid_document: return "invalid_document";
        case ErrorCode::invalid_policy: return "invalid_policy";
        case ErrorCode::not_found: return "not_found";
        case ErrorCode::unreadable: return "unreadable";
        case ErrorCode::invalid_argument: return "invalid_argument";
        case ErrorCode::internal: return "internal";
        case ErrorCode::unwritable: return "unwritable";
    }
    return "internal";
}

}  // namespace preflight
