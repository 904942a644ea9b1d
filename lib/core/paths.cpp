// Path resolution inside the export root (see paths.hpp).
#include "core/paths.hpp"

namespace preflight::core {

namespace fs = std::filesystem;

namespace {

bool is_within(const fs::path& root, const fs::path& candidate) {
    auto r = root.begin(), c = candidate.begin();
    for (; r != root.end(); ++r, ++c) {
        if (r->empty()) continue;              // trailing separator of the root
        if (c == candidate.end() || *r != *c) return false;
    }
    return true;
}

}  // namespace

ResolvedPath resolve_inside(const fs::path& root, const fs::path& base_dir, const std::string& name) {
    ResolvedPath result;
    if (name.empty()) {
        result.error_check = "input.schema";
        result.error = "an empty path";
        return result;
    }
    if (name.find('\0') != std::string::npos) {
        result.error_check = "input.path_outside";
        result.error = "a path with a NUL byte";
        return result;
    }
    fs::path written(name);
    if (written.is_absolute() || written.has_root_name() || name[0] == '/' || name[0] == '\\') {
        result.error_check = "input.path_outside";
        result.error = "'" + name + "' is an absolute path; paths must be relative to the export";
        return result;
    }
    std::error_code ec;
    fs::path abs_root = fs::absolute(root, ec).lexically_normal();
    fs::path candidate = (fs::absolute(base_dir, ec) / written).lexically_normal();
    if (!is_within(abs_root, candidate)) {
        result.error_check = "input.path_outside";
        result.error = "'" + name + "' leads outside the export folder";
        return result;
    }
    // Symlinks: compare real locations where the file exists.
    if (fs::exists(fs::symlink_status(candidate, ec)) || fs::exists(candidate, ec)) {
        fs::path real_root = fs::weakly_canonical(abs_root, ec);
        fs::path real = fs::weakly_canonical(candidate, ec);
        if (ec || !is_within(real_root, real)) {
            result.error_check = "input.path_outside";
            result.error = "'" + name + "' is a link that leads outside the export folder";
            return result;
        }
    }
    result.path = candidate;
    return result;
}

}  // namespace preflight::core
