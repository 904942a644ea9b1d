// The report's folder: one run's files, recorded in a manifest so the next run removes
// exactly those (old pictures hold customer data) and never anything else in the folder.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace preflight::report {

class ReportFolder {
public:
    static constexpr const char* manifest_name = "preflight-report.manifest";

    /// Creates `dir` and removes the files the previous report listed in its manifest
    /// (regular files and symlinks themselves, inside `dir` only; then the folders it made,
    /// when empty). Starts a new manifest.
    explicit ReportFolder(std::filesystem::path dir);

    const std::filesystem::path& dir() const { return dir_; }

    /// Records `relative` (e.g. "img/SP-1002-front.jpg") as written by this report and
    /// returns its full path; its folder is created. The manifest is appended at once, so a
    /// run that dies halfway still lets the next one clean up.
    std::filesystem::path add_file(const std::string& relative);

    /// Files recorded so far (relative, in order).
    const std::vector<std::string>& files() const { return files_; }

private:
    void remove_previous();
    void append_to_manifest(const std::string& line);

    std::filesystem::path dir_;
    std::vector<std::string> files_;
};

}  // namespace preflight::report
