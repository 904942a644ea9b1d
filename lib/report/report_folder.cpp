// The report folder and its manifest (see report_folder.hpp).
#include "report/report_folder.hpp"

#include <algorithm>
#include <fstream>
#include <set>

namespace preflight::report {

namespace fs = std::filesystem;

namespace {

// A manifest line is trusted only as a plain relative path below the folder.
bool safe_relative(const std::string& line) {
    if (line.empty() || line[0] == '#' || line[0] == '/' || line.find('\\') != std::string::npos) return false;
    fs::path path(line);
    if (path.is_absolute() || path.has_root_name()) return false;
    for (const auto& part : path)
        if (part == ".." || part == ".") return false;
    return true;
}

}  // namespace

ReportFolder::ReportFolder(fs::path dir) : dir_(std::move(dir)) {
    std::error_code ec;
    fs::create_directories(dir_, ec);
    remove_previous();
    std::ofstream manifest(dir_ / manifest_name, std::ios::binary | std::ios::trunc);
    manifest << "# Files written by the preflight report in this folder; the next report run removes them.\n";
}

void ReportFolder::remove_previous() {
    std::ifstream in(dir_ / manifest_name, std::ios::binary);
    if (!in) return;
    std::set<fs::path> folders;
    std::error_code ec;
    const fs::path root = fs::weakly_canonical(dir_, ec);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!safe_relative(line)) continue;
        const fs::path file = dir_ / line;
        // Never follow a symlinked folder out of the report folder.
        const fs::path parent = fs::weakly_canonical(file.parent_path(), ec);
        if (ec) continue;
        auto mismatch = std::mismatch(root.begin(), root.end(), parent.begin(), parent.end());
        if (mismatch.first != root.end()) continue;
        const auto status = fs::symlink_status(file, ec);
        if (ec) continue;
        if (fs::is_regular_file(status) || fs::is_symlink(status)) fs::remove(file, ec);
        for (fs::path up = fs::path(line).parent_path(); !up.empty(); up = up.parent_path()) folders.insert(up);
    }
    // Deepest first; only folders that are now empty.
    std::vector<fs::path> ordered(folders.begin(), folders.end());
    std::sort(ordered.begin(), ordered.end(), [](const fs::path& a, const fs::path& b) {
        return std::distance(a.begin(), a.end()) > std::distance(b.begin(), b.end());
    });
    for (const auto& folder : ordered) {
        const fs::path full = dir_ / folder;
        if (fs::is_directory(fs::symlink_status(full, ec)) && fs::is_empty(full, ec)) fs::remove(full, ec);
    }
}

void ReportFolder::append_to_manifest(const std::string& line) {
    std::ofstream manifest(dir_ / manifest_name, std::ios::binary | std::ios::app);
    manifest << line << "\n";
}

fs::path ReportFolder::add_file(const std::string& relative) {
    const fs::path full = dir_ / relative;
    std::error_code ec;
    fs::create_directories(full.parent_path(), ec);
    if (std::find(files_.begin(), files_.end(), relative) == files_.end()) {
        files_.push_back(relative);
        append_to_manifest(relative);
    }
    return full;
}

}  // namespace preflight::report
