// Opening a file once, beneath a root folder, without following links out of it, and reading
// its bytes from that one descriptor: the only way lib/input touches the file system.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace preflight::input {

using Bytes = std::vector<std::uint8_t>;

/// The outcome of reading one file: its bytes (when asked for) and identity, or a problem
/// for an input.* finding.
struct FileRead {
    std::shared_ptr<const Bytes> bytes;  // null when only the identity was asked for, or on error
    std::string identity;                // device, inode, size and time: same file => same identity
    std::uint64_t size_bytes = 0;
    std::string error_check;             // "", "input.missing_file", "input.unreadable", "input.path_outside"
    std::string code;                    // "not_a_file" (kind says what) or "too_large"
    std::string kind;                    // not_a_file: "fifo", "folder", "character_device", ...
    std::string error;                   // what went wrong, for the message
    bool deferred = false;               // read(..., budget): a regular file within max_bytes but
                                         // over the budget, left unread (bytes null, no error)
    bool ok() const { return error_check.empty(); }
};

/// A folder every relative path is resolved beneath. Holds one descriptor (O_PATH) for its life.
class RootFolder {
public:
    explicit RootFolder(const std::string& path);
    ~RootFolder();
    RootFolder(const RootFolder&) = delete;
    RootFolder& operator=(const RootFolder&) = delete;

    bool ok() const { return fd_ >= 0; }
    const std::string& path() const { return path_; }
    const std::string& error() const { return error_; }

    /// Opens `relative` beneath the root (links inside the root are followed; anything that
    /// leaves it, absolute paths and magic links are refused), checks it is a regular file of
    /// at most `max_bytes`, and reads it when `want_bytes`. Never blocks on a FIFO or device.
    /// With a `budget`, a file larger than it (and within max_bytes) is left unread: `deferred`.
    FileRead read(const std::string& relative, std::uint64_t max_bytes, bool want_bytes = true,
                  std::uint64_t budget = UINT64_MAX) const;

    /// The names of the regular files (no links, FIFOs, devices or folders) in the folder
    /// `relative` beneath the root ("" = the root itself), opened as read() opens a file; at
    /// most `max_names`, unsorted. Empty when the folder cannot be opened.
    std::vector<std::string> list_files(const std::string& relative, std::size_t max_names) const;

private:
    std::string path_;
    std::string error_;
    int fd_ = -1;
};

/// Reads a file the operator named (policy, a design given on the command line): no root,
/// but the same regular-file, size and non-blocking rules.
FileRead read_regular_file(const std::string& path, std::uint64_t max_bytes);

/// Tests only: use the component-wise O_NOFOLLOW walk instead of openat2 (as on kernels
/// before 5.6). The walk refuses every symbolic link, also those that stay inside.
void force_walk_fallback_for_tests(bool on);

}  // namespace preflight::input
