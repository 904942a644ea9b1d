// The C API (include/preflight/preflight.h) over the C++ API: JSON in and out, every
// exception caught here at the boundary and turned into an error result.
#include "preflight/preflight.h"

#include <nlohmann/json.hpp>

#include <exception>
#include <memory>
#include <new>
#include <string>

#include "capi/capi_files.hpp"
#include "core/gating.hpp"
#include "preflight/checker.hpp"
#include "preflight/formats.hpp"
#include "preflight/version.hpp"

struct preflight_checker {
    std::unique_ptr<preflight::Checker> checker;
};

struct preflight_result {
    bool ok = false;
    std::string json;
};

namespace {

using preflight::Error;
using preflight::ErrorCode;
using Json = nlohmann::ordered_json;

std::string dump(const Json& json) { return json.dump(-1, ' ', false, Json::error_handler_t::replace); }

preflight_result* make_result(bool ok, std::string json) noexcept {
    try {
        return new preflight_result{ok, std::move(json)};
    } catch (...) {
        return nullptr;   // out of memory: nothing else can be said
    }
}

preflight_result* error_result(const Error& error) noexcept {
    try {
        Json problems = Json::array();
        for (const auto& problem : error.problems)
            problems.push_back({{"check", problem.check}, {"key_path", problem.key_path}, {"message", problem.message}});
        Json json = {{"ok", false},
                     {"error", {{"code", std::string(preflight::to_string(error.code))}, {"message", error.message},
                                {"problems", problems}}}};
        return make_result(false, dump(json));
    } catch (...) {
        return make_result(false, R"({"ok":false,"error":{"code":"internal","message":"out of memory","problems":[]}})");
    }
}

// Runs `body` and turns anything it throws into an internal error result.
template <class Body>
preflight_result* guarded(Body&& body) noexcept {
    try {
        return body();
    } catch (const std::bad_alloc&) {
        return error_result({ErrorCode::internal, "out of memory", {}});
    } catch (const std::exception& e) {
        return error_result({ErrorCode::internal, std::string("internal error: ") + e.what(), {}});
    } catch (...) {
        return error_result({ErrorCode::internal, "internal error", {}});
    }
}

Error invalid_argument(std::string message) { return {ErrorCode::invalid_argument, std::move(message), {}}; }

// The verdict line of `order_json`, checked by `check` (files from a folder or given).
template <class Check>
preflight_result* order_verdict(const char* order_json, Check&& check) {
    auto order = preflight::parse_order(order_json);
    if (!order) return error_result(order.error());
    preflight::Verdict verdict = check(*order);
    Json json = {{"ok", true}, {"verdict", Json::parse(preflight::to_json_line(verdict))}};
    return make_result(true, dump(json));
}

preflight_result* design_verdict(const std::vector<preflight::Finding>& findings) {
    Json list = Json::array();
    for (const auto& finding : findings) list.push_back(Json::parse(preflight::to_json(finding)));
    Json json = {{"ok", true},
                 {"verdict", std::string(preflight::to_string(preflight::core::decide_verdict(findings)))},
                 {"findings", list}};
    return make_result(true, dump(json));
}

}  // namespace

extern "C" {

const char* preflight_version(void) { return preflight::version(); }

preflight_checker* preflight_checker_create(const char* policy_json, preflight_result** error) {
    if (error) *error = nullptr;
    preflight_checker* created = nullptr;
    preflight_result* failure = guarded([&]() -> preflight_result* {
        preflight::Policy policy;
        if (policy_json && *policy_json) {
            auto parsed = preflight::parse_policy(policy_json);
            if (!parsed) return error_result(parsed.error());
            policy = std::move(*parsed);
        }
        auto checker = preflight::Checker::create(std::move(policy));
        if (!checker) return error_result(checker.error());
        created = new preflight_checker{std::move(*checker)};
        return nullptr;
    });
    if (error) *error = failure;
    else preflight_result_free(failure);
    return created;
}

void preflight_checker_free(preflight_checker* checker) { delete checker; }

preflight_result* preflight_check_order_in(const preflight_checker* checker, const char* order_json, const char* root) {
    return guarded([&]() -> preflight_result* {
        if (!checker || !order_json || !root) return error_result(invalid_argument("checker, order_json and root are required"));
        return order_verdict(order_json, [&](const preflight::Order& order) { return checker->checker->check_order(order, root); });
    });
}

preflight_result* preflight_check_design_in(const preflight_checker* checker, const char* design_path, const char* root) {
    return guarded([&]() -> preflight_result* {
        if (!checker || !design_path || !root) return error_result(invalid_argument("checker, design_path and root are required"));
        std::filesystem::path file(design_path);
        if (file.is_relative()) file = std::filesystem::path(root) / file;
        return design_verdict(checker->checker->lint_design(file, root));
    });
}

preflight_result* preflight_check_order(const preflight_checker* checker, const char* order_json,
                                        const preflight_file* files, size_t file_count) {
    return guarded([&]() -> preflight_result* {
        if (!checker || !order_json || (!files && file_count))
            return error_result(invalid_argument("checker and order_json are required; files may be NULL only with a count of 0"));
        auto given = preflight::capi::GivenFiles::create(files, file_count);
        if (!given) return error_result(given.error());
        return order_verdict(order_json, [&](const preflight::Order& order) { return (*given)->check_order(*checker->checker, order); });
    });
}

preflight_result* preflight_check_design(const preflight_checker* checker, const char* design_json,
                                         const char* design_path, const preflight_file* files, size_t file_count) {
    return guarded([&]() -> preflight_result* {
        if (!checker || !design_json || (!files && file_count))
            return error_result(invalid_argument("checker and design_json are required; files may be NULL only with a count of 0"));
        auto given = preflight::capi::GivenFiles::create(files, file_count);
        if (!given) return error_result(given.error());
        const std::string path = design_path ? design_path : "design.json";
        if (auto added = (*given)->add_document(path, design_json); !added) return error_result(added.error());
        return design_verdict((*given)->check_design(*checker->checker, path));
    });
}

int preflight_result_ok(const preflight_result* result) { return result && result->ok ? 1 : 0; }

const char* preflight_result_json(const preflight_result* result) { return result ? result->json.c_str() : "{}"; }

void preflight_result_free(preflight_result* result) { delete result; }

}  // extern "C"
