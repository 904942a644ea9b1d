// Resolving paths named inside documents, refusing any that escape the export's root.
#pragma once

#include <filesystem>
#include <string>

namespace preflight::core {

struct ResolvedPath {
    std::filesystem::path path;   // absolute, normalised; empty when refused
    std::string error_check;      // "input.path_outside" or "input.schema" when refused
    std::string error;
    bool ok() const { return error_check.empty(); }
};

/// Resolves `name` (as written in a document) relative to `base_dir`. Refused: empty names,
/// absolute paths, paths whose normal form leaves `root`, and existing paths whose real
/// location (symlinks followed) leaves the real `root`. A path that is inside but does not
/// exist is returned as ok: the caller reports input.missing_file.
ResolvedPath resolve_inside(const std::filesystem::path& root, const std::filesystem::path& base_dir,
                            const std::string& name);

}  // namespace preflight::core
