// Files handed to the C API as (path, bytes, length). Transitional: until the input layer's
// in-memory asset source is on main, they are written into a private temporary folder (mode
// 0700, removed when the call returns) and checked from there; then this file goes and the
// C API passes the same list to the memory source.
#pragma once

#include <filesystem>
#include <memory>
#include <string_view>

#include "preflight/preflight.h"
#include "preflight/result.hpp"

namespace preflight::capi {

class FileFolder {
public:
    /// Refuses absolute paths, paths with "..", empty or duplicate paths (invalid_argument).
    static Result<std::unique_ptr<FileFolder>> create(const preflight_file* files, std::size_t count);
    ~FileFolder();
    FileFolder(const FileFolder&) = delete;
    FileFolder& operator=(const FileFolder&) = delete;

    const std::filesystem::path& root() const { return root_; }
    /// Adds a document's text at `path` (relative, not one of the files); returns its path.
    Result<std::filesystem::path> add_document(const std::string& path, std::string_view text);

private:
    FileFolder() = default;
    std::filesystem::path root_;
};

}  // namespace preflight::capi
