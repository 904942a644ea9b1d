// The C API's given files (see capi_files.hpp): in memory, through the input layer's
// AssetSource; nothing is written anywhere.
#include "capi/capi_files.hpp"

#include <filesystem>
#include <set>

#include "preflight/assets.hpp"

namespace preflight::capi {

namespace {

namespace fs = std::filesystem;

Error refused(std::string message) { return {ErrorCode::invalid_argument, std::move(message), {}}; }

bool safe_relative(const fs::path& path) {
    if (path.empty() || path.is_absolute() || path.has_root_name()) return false;
    for (const auto& part : path)
        if (part == ".." || part.empty()) return false;
    return true;
}

// The path of files[i] as checked: relative, normal, '/'-separated.
Result<std::string> checked_path(const char* path, std::size_t index, const std::set<std::string>& seen) {
    const std::string where = "files[" + std::to_string(index) + "]";
    if (!path) return refused(where + ": a path is required");
    const fs::path relative = fs::path(path).lexically_normal();
    if (!safe_relative(relative)) return refused(where + ": '" + path + "' must be a relative path inside the order");
    if (seen.count(relative.generic_string())) return refused(where + ": '" + path + "' is given twice");
    return relative.generic_string();
}

}  // namespace

struct GivenFiles::Impl {
    AssetSource assets = AssetSource::memory();
    std::set<std::string> paths;
};

Result<void> GivenFiles::add_document(const std::string& path, std::string_view text) {
    auto relative = checked_path(path.c_str(), impl_->paths.size(), impl_->paths);
    if (!relative) return refused("design_path: " + relative.error().message);
    impl_->paths.insert(*relative);
    impl_->assets.add_file(*relative, text);
    return {};
}

Verdict GivenFiles::check_order(const Checker& checker, const Order& order) const {
    return checker.check_order(order, impl_->assets);
}

std::vector<Finding> GivenFiles::check_design(const Checker& checker, const std::string& path) const {
    return checker.check_design(fs::path(path).lexically_normal().generic_string(), impl_->assets);
}


GivenFiles::GivenFiles() : impl_(std::make_unique<Impl>()) {}
GivenFiles::~GivenFiles() = default;

Result<std::unique_ptr<GivenFiles>> GivenFiles::create(const preflight_file* files, std::size_t count) {
    std::unique_ptr<GivenFiles> given(new GivenFiles());
    for (std::size_t i = 0; i < count; ++i) {
        const preflight_file& file = files[i];
        if (!file.bytes && file.length) return refused("files[" + std::to_string(i) + "]: bytes are required");
        auto relative = checked_path(file.path, i, given->impl_->paths);
        if (!relative) return relative.error();
        given->impl_->paths.insert(*relative);
        given->impl_->assets.add_file(*relative, std::string_view(reinterpret_cast<const char*>(file.bytes), file.length));
    }
    return given;
}

}  // namespace preflight::capi
