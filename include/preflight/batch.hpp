// Checking a whole export: stream records in, verdicts out in input order, N orders at a time.
#pragma once

#include <array>
#include <atomic>
#include <filesystem>
#include <functional>
#include <istream>

#include "preflight/checker.hpp"
#include "preflight/finding.hpp"
#include "preflight/formats.hpp"

namespace preflight {

struct BatchOptions {
    /// Orders checked at once; 0 = the number of cores. Output is identical for every value.
    int jobs = 0;
    /// Called from the calling thread after each verdict is written (for progress).
    std::function<void(long orders_done)> on_progress;
    /// Records of this run's share already done by an earlier, interrupted run (--resume):
    /// read, not checked, not written.
    long skip_records = 0;
    /// This run's share of the export: the records whose number (0-based, in input order)
    /// modulo shard_count is shard_index. Shards are disjoint and together cover the export.
    int shard_index = 0;
    int shard_count = 1;
    /// Set (e.g. by a signal handler) to stop reading: orders in flight are finished and
    /// written, then check_export returns with `interrupted`.
    const std::atomic<bool>* stop = nullptr;
    /// Read-ahead budget: no further record is read while the records read but not yet
    /// checked hold this many bytes of order text (one record, up to 64 MB, is always let
    /// through). Bounds memory however long the export's lines are.
    std::size_t read_ahead_bytes = 32u * 1024 * 1024;
    /// With one job: the next order's files (design documents, page rasters, foil masks, photo
    /// originals; not fonts) are read while this order is checked, at most this many bytes
    /// (a file that does not fit is read by the checker, as without read-ahead); 0 = off.
    /// Each file is still opened once, beneath the root. Verdicts are identical either way.
    std::size_t read_ahead_file_bytes = 16u * 1024 * 1024;
};

struct BatchSummary {
    long orders = 0;
    /// Counts per VerdictKind (release, hold, cancel, skip, error).
    std::array<long, 5> by_verdict{};
    /// True when `stop` ended the run before the end of the export.
    bool interrupted = false;
};

/// Reads an order export from `in` (JSON Lines or a JSON array), checks every order with
/// `checker` (paths resolved against `export_root`) and calls `write` with each verdict and
/// its JSON line, exactly once per record, in input order, from the calling thread. A record
/// that is not a valid order gets an `error` verdict; nothing stops the batch.
PREFLIGHT_API BatchSummary check_export(std::istream& in, const std::filesystem::path& export_root, const Checker& checker,
                          const std::function<void(const Verdict&, const std::string& json_line)>& write,
                          const BatchOptions& options = {});

/// The verdict for one record of an export (what check_export does per record).
PREFLIGHT_API Verdict check_record(const ExportRecord& record, const std::filesystem::path& export_root, const Checker& checker);

}  // namespace preflight
