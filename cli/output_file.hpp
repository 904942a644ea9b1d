// Where verdicts go: stdout, or a file written whole or not at all (a temporary file in the
// same folder, renamed over the target at the end, so a killed run never leaves half a file).
#pragma once

#include <cstdio>
#include <filesystem>
#include <string>

namespace preflight::cli {

class OutputFile {
public:
    /// Empty `target` or "-": stdout.
    explicit OutputFile(const std::string& target);
    ~OutputFile();
    bool ok() const { return file_ != nullptr; }
    const std::string& error() const { return error_; }
    void write_line(const std::string& line);
    /// Flushes and, for a file, moves it into place. False (and error()) on failure.
    bool commit();
private:
    std::FILE* file_ = nullptr;
    std::filesystem::path target_, temporary_;
    std::string error_;
    bool failed_ = false;
};

}  // namespace preflight::cli
