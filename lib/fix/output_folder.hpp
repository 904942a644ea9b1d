// Where a fix writes: one new folder, checked before anything is written and written only
// through its own descriptor with files that did not exist (O_EXCL | O_NOFOLLOW), so a fix
// never overwrites an original, a file outside, or a symlink planted in the folder.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/raster.hpp"

namespace preflight::fix {

class OutputFolder {
public:
    /// Refuses (nothing, `error` set) when `out` is or lies inside a folder of `keep_out`
    /// (symlinks and trailing slashes resolved), or exists and is not empty unless `force`.
    /// Otherwise creates it (and its parents) and opens it.
    static std::optional<OutputFolder> open(const std::filesystem::path& out,
                                            const std::vector<std::filesystem::path>& keep_out, bool force,
                                            std::string& error);
    /// The same checks without creating anything (to refuse before any work is done).
    static bool acceptable(const std::filesystem::path& out, const std::vector<std::filesystem::path>& keep_out,
                           bool force, std::string& error);
    OutputFolder(OutputFolder&& other) noexcept;
    OutputFolder& operator=(OutputFolder&&) = delete;
    ~OutputFolder();

    /// The folder as given, without a trailing slash.
    const std::filesystem::path& path() const { return path_; }
    /// Creates `name` (a plain file name) with `bytes`: a new file only (with `force`, an
    /// existing entry of that name is removed first, never followed). False with `error`.
    bool write(const std::string& name, const std::string& bytes, std::string& error) const;
    /// write() of an 8-bit sRGB raster as PNG.
    bool write_png(const std::string& name, const core::Raster& raster, std::string& error) const;

private:
    OutputFolder(int fd, std::filesystem::path path, bool force) : fd_(fd), path_(std::move(path)), force_(force) {}
    int fd_ = -1;
    std::filesystem::path path_;
    bool force_ = false;
};

}  // namespace preflight::fix
