// Where verdicts go: stdout, or a file written whole or not at all. A file is written as
// FILE.partial, line by line, and renamed over FILE only when the run completes: a killed
// run leaves the old FILE untouched, and --resume continues FILE.partial where it stopped.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string>

namespace preflight::cli {

class OutputFile {
public:
    /// Empty `target` or "-": stdout. With `resume`, an existing FILE.partial is kept (up to
    /// its last complete line) and appended to.
    OutputFile(const std::string& target, bool resume);
    ~OutputFile();
    bool ok() const { return file_ != nullptr; }
    const std::string& error() const { return error_; }
    /// Complete verdict lines already in FILE.partial from an interrupted run.
    long resumed_lines() const { return resumed_lines_; }
    const std::filesystem::path& partial_path() const { return partial_; }
    void write_line(const std::string& line);
    /// Flushes and, for a file, moves it into place. False (and error()) on failure.
    bool commit();
private:
    std::FILE* file_ = nullptr;
    std::filesystem::path target_, partial_;
    std::string error_;
    long resumed_lines_ = 0;
    bool failed_ = false;
};

}  // namespace preflight::cli
