// Where verdicts go: stdout, or a file written whole or not at all. A file is written as
// FILE.partial, line by line, and renamed over FILE only when the run completes and every
// byte reached the disk: a killed or failed run leaves the old FILE untouched, and --resume
// continues FILE.partial where it stopped. FILE.partial is locked while a run writes it.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace preflight::cli {

/// Exit code of a run whose verdicts could not be written: -o refused (a folder, a device,
/// the export itself, in use by another run) or a write failed (disk full, /dev/full).
inline constexpr int exit_output = 3;

class OutputFile {
public:
    /// Empty `target` or "-": stdout. With `resume`, an existing FILE.partial is kept (up to
    /// its last complete line) and appended to. `inputs` are files FILE must not be (the
    /// export, the policy).
    OutputFile(const std::string& target, bool resume, const std::vector<std::string>& inputs = {});
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    bool ok() const { return fd_ >= 0 && !failed_; }
    /// Why the output failed, naming the file: "cannot write 'v.jsonl.partial': No space left on device".
    const std::string& error() const { return error_; }
    /// Complete verdict lines already in FILE.partial from an interrupted run.
    long resumed_lines() const { return resumed_lines_; }
    const std::filesystem::path& partial_path() const { return partial_; }
    /// The complete lines FILE.partial held when this run resumed it (for --report).
    std::vector<std::string> resumed_text_lines() const;
    bool is_file() const { return !target_.empty(); }
    /// Writes one line and its newline to the kernel at once. False (and error()) when it
    /// could not be written whole; FILE.partial then ends with the last complete line.
    bool write_line(const std::string& line);
    /// Syncs and, for a file, moves it into place (file and folder synced). False (and
    /// error()) on failure; FILE is then untouched and FILE.partial kept.
    bool commit();

private:
    bool open_file(bool resume, const std::vector<std::string>& inputs);
    bool fail(const std::string& what, int error_number);

    int fd_ = -1;
    bool owns_fd_ = false;
    std::filesystem::path target_, partial_;
    std::string error_;
    long resumed_lines_ = 0;
    long long resumed_bytes_ = 0;
    long long size_ = 0;   // bytes of complete lines in FILE.partial
    bool failed_ = false;
};

/// Prints why the verdicts could not be written and where the complete ones are; returns
/// exit_output.
int report_output_failure(const OutputFile& out);

}  // namespace preflight::cli
