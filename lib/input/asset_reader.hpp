// Inside the library: how the input layer reads an AssetSource (folder, memory, rendered
// pixels) and joins a path written in a document to the design's folder.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "input/open_beneath.hpp"
#include "preflight/assets.hpp"

namespace preflight {

namespace input {
/// A file read ahead beneath the root (see read_ahead.hpp), with the size limit it was read under.
struct ReadAheadEntry {
    FileRead file;
    std::uint64_t max_bytes = 0;
};
/// The files of one order read ahead, by path from the root, and the bytes they hold.
struct ReadAheadFiles {
    std::map<std::string, ReadAheadEntry> files;
    std::size_t bytes = 0;
};
/// The largest design document read.
inline constexpr std::uint64_t max_design_bytes = 64u * 1024 * 1024;
}  // namespace input

struct AssetSource::Impl {
    std::filesystem::path root;                   // absolute; empty for memory()
    std::unique_ptr<input::RootFolder> folder;    // null for memory()
    std::map<std::string, std::shared_ptr<const input::Bytes>> files;
    std::map<std::string, std::shared_ptr<const RenderedPixels>> rendered;
    // Files of the folder already read (by one open each): each taken once (then freed, as a
    // file read by the checker is) instead of opening it again.
    std::shared_ptr<input::ReadAheadFiles> read_ahead;
    std::mutex read_ahead_mutex;
};

namespace input {

/// A path written in a document, joined to the folder it is relative to, in normal form.
struct JoinedPath {
    std::string from_root;      // e.g. "designs/1/front.png"; empty when refused
    std::string error_check;    // "input.schema" (empty) or "input.path_outside"
    std::string error;          // e.g. "'../x.png' leads outside the export folder"
    bool ok() const { return error_check.empty(); }
};
/// Refuses empty, absolute and NUL-carrying paths and those whose normal form climbs above
/// the root; the kernel (RESOLVE_BENEATH) then refuses links that leave it.
JoinedPath join_beneath(const std::string& base_dir, const std::string& name);

/// One file of a source: bytes, or rendered pixels, with its identity (same file => same
/// identity, so the order decodes it once).
struct AssetItem {
    std::shared_ptr<const Bytes> bytes;
    std::shared_ptr<const RenderedPixels> rendered;
    std::string identity;
    std::string error_check;
    std::string code;           // as FileRead::code
    std::string kind;
    std::string error;
    bool ok() const { return error_check.empty(); }
};

class AssetReader {
public:
    /// Finds `as_written` or `from_root` among the added entries (rendered pixels only when
    /// `allow_rendered`), else opens `from_root` beneath the folder. Bytes only when
    /// `want_bytes` (else just the identity, for caches).
    static AssetItem fetch(const AssetSource& source, const std::string& as_written, const std::string& from_root,
                           std::uint64_t max_bytes, bool want_bytes, bool allow_rendered);
    /// The regular files directly in the folder `dir_from_root` ("" = the root): listed
    /// beneath the folder (no links followed out, see RootFolder::list_files), or the names of
    /// a memory source's files in that folder. At most `max_names`.
    static std::vector<std::string> list_files(const AssetSource& source, const std::string& dir_from_root,
                                               std::size_t max_names);
    /// AssetSource::files(root) that takes the files in `read_ahead` (read beneath the same
    /// root) as they were read, each once, instead of opening them again.
    static AssetSource files_read_ahead(const std::filesystem::path& root,
                                        std::shared_ptr<ReadAheadFiles> read_ahead);
    /// How a path from the root is shown and handed on (absolute for a folder).
    static std::string shown_path(const AssetSource& source, const std::string& from_root);
};

}  // namespace input
}  // namespace preflight
