// Helpers for the hostile-file tests: a one-order export around one page raster, run through
// the real Checker or the CLI (with its peak memory), and writers for odd image files.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "preflight/finding.hpp"
#include "support/test_support.hpp"

namespace preflight::hostile {

/// The card every hostile test uses: 20 x 10 mm trim, 1 mm bleed, 254 dpi, so its page
/// raster is 220 x 120 px (small and fast; real cards only have more pixels).
inline constexpr int page_width_px = 220;
inline constexpr int page_height_px = 120;

/// A temporary export: design.json (one page), orders.jsonl (one paid, checked order).
class OneCardExport {
public:
    OneCardExport();
    const std::filesystem::path& root() const { return dir_.path(); }
    std::filesystem::path operator/(const std::string& name) const { return dir_ / name; }
    /// Writes design.json naming `raster` (relative to the export) and optional text elements
    /// (JSON objects, comma separated).
    void write_design(const std::string& raster, const std::string& elements_json = "") const;
    /// Writes design.json as given.
    void write_design_text(const std::string& json) const;
    /// The one order line of orders.jsonl (a clean Dutch address; design "design.json").
    static std::string order_line(const std::string& order_id = "H-1");
    /// Checks the order with preflight::Checker (the library path the CLI takes).
    Verdict check() const;
private:
    testing::TempDir dir_;
};

/// Whether the verdict has a finding of `check` (e.g. "input.unreadable").
bool has_finding(const Verdict& verdict, const std::string& check);
/// Every finding's check id, for failure messages.
std::string finding_ids(const Verdict& verdict);

/// Counts IN_OPEN / IN_ACCESS events on one file (inotify) from the moment it is constructed:
/// proof that an outside decoy was never opened or read.
class AccessWatch {
public:
    explicit AccessWatch(const std::filesystem::path& file);
    ~AccessWatch();
    AccessWatch(const AccessWatch&) = delete;
    AccessWatch& operator=(const AccessWatch&) = delete;
    int events();

private:
    int fd_;
    int count_ = 0;
};

/// The outcome of a CLI run: exit code, stdout, peak resident memory and wall time.
struct CliRun {
    int exit_code = -1;
    std::string out;
    long peak_rss_mb = 0;
    double seconds = 0;
};
/// The CLI the tests run: $PREFLIGHT_TEST_CLI when set (e.g. an older build, to see which
/// tests fail on it), else the one built with the tests.
std::string cli_path();
/// Runs `preflight` with the arguments (stderr discarded) and measures it (wait4).
CliRun run_cli(const std::vector<std::string>& args);
/// `preflight check EXPORT --jobs 1 --now ...` on an export file.
CliRun run_check(const std::filesystem::path& export_file);

/// A minimal PNG, written byte by byte (chunks with zlib's crc32): any header values, and
/// an IDAT holding `raw` (filter bytes included) deflated.
/// `palette` (PLTE data, 3 bytes per entry) is written when not empty.
std::string png_bytes(unsigned width, unsigned height, int bit_depth, int colour_type, const std::string& raw,
                      const std::string& palette = "");
/// The bytes of a file.
std::string read_bytes(const std::filesystem::path& file);
void write_bytes(const std::filesystem::path& file, const std::string& bytes);

}  // namespace preflight::hostile
