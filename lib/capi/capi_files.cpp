// Transitional files-in-a-temporary-folder for the C API (see capi_files.hpp).
#include "capi/capi_files.hpp"

#include <stdlib.h>

#include <fstream>
#include <set>
#include <string>

namespace preflight::capi {

namespace {

Error refused(std::string message) { return {ErrorCode::invalid_argument, std::move(message), {}}; }

bool safe_relative(const std::filesystem::path& path) {
    if (path.empty() || path.is_absolute() || path.has_root_name()) return false;
    for (const auto& part : path)
        if (part == ".." || part.empty()) return false;
    return true;
}

bool write_file(const std::filesystem::path& file, const unsigned char* bytes, std::size_t length) {
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    if (ec) return false;
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (length) out.write(reinterpret_cast<const char*>(bytes), static_cast<std::streamsize>(length));
    return static_cast<bool>(out.flush());
}

}  // namespace

Result<std::unique_ptr<FileFolder>> FileFolder::create(const preflight_file* files, std::size_t count) {
    std::unique_ptr<FileFolder> folder(new FileFolder());
    std::string pattern = (std::filesystem::temp_directory_path() / "preflight-capi-XXXXXX").string();
    if (!mkdtemp(pattern.data())) return Error{ErrorCode::internal, "cannot create a temporary folder for the files", {}};
    folder->root_ = pattern;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < count; ++i) {
        const preflight_file& file = files[i];
        if (!file.path || (!file.bytes && file.length))
            return refused("files[" + std::to_string(i) + "]: a path and bytes are required");
        std::filesystem::path relative = std::filesystem::path(file.path).lexically_normal();
        if (!safe_relative(relative))
            return refused("files[" + std::to_string(i) + "]: '" + file.path + "' must be a relative path inside the order");
        if (!seen.insert(relative.generic_string()).second)
            return refused("files[" + std::to_string(i) + "]: '" + file.path + "' is given twice");
        if (!write_file(folder->root_ / relative, file.bytes, file.length))
            return Error{ErrorCode::internal, "cannot write '" + std::string(file.path) + "' to the temporary folder", {}};
    }
    return folder;
}

FileFolder::~FileFolder() {
    std::error_code ec;
    if (!root_.empty()) std::filesystem::remove_all(root_, ec);
}

Result<std::filesystem::path> FileFolder::add_document(const std::string& path, std::string_view text) {
    std::filesystem::path relative = std::filesystem::path(path).lexically_normal();
    if (!safe_relative(relative)) return refused("design_path '" + path + "' must be a relative path inside the files");
    std::filesystem::path file = root_ / relative;
    if (std::filesystem::exists(file)) return refused("design_path '" + path + "' is also one of the files");
    if (!write_file(file, reinterpret_cast<const unsigned char*>(text.data()), text.size()))
        return Error{ErrorCode::internal, "cannot write the design document to the temporary folder", {}};
    return file;
}

}  // namespace preflight::capi
