// The morning report for the service team: one self-contained folder per run (index.html,
// the pictures it shows, a manifest of the files it wrote) that works offline, opened from
// disk, in the run's language. A worklist: orders needing a call or mail first (by respond_by,
// with who to contact, how, by when and what to say), then what the team fixes itself.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "preflight/batch.hpp"
#include "preflight/finding.hpp"
#include "preflight/fix.hpp"
#include "preflight/result.hpp"

namespace preflight {

struct HtmlReportOptions {
    /// "en" or "nl": every text of the page (the findings arrive already in the run's language).
    std::string language = "en";
    /// The moment the working hours left are counted from; default: the clock at finish().
    std::optional<std::chrono::system_clock::time_point> now;
    /// The export folder the pages' rasters lie beneath. The pictures read each raster as the
    /// checker did: opened once beneath this folder (a link out of it, a FIFO, a device or a
    /// file that is not PNG, JPEG, TIFF or WebP gives no picture), decoded from its bytes.
    /// Empty: each page's design folder.
    std::filesystem::path root;
};

class PREFLIGHT_API HtmlReport {
public:
    /// Writes into `dir` (created). Files a previous report wrote there (listed in its
    /// manifest, `preflight-report.manifest`) are removed first; nothing else in the folder is
    /// touched.
    explicit HtmlReport(std::filesystem::path dir, HtmlReportOptions options = {});
    ~HtmlReport();
    HtmlReport(const HtmlReport&) = delete;
    HtmlReport& operator=(const HtmlReport&) = delete;

    /// Records one verdict; for held, cancelled and errored orders it draws the overlays now
    /// (the page rasters are read again beneath `root`, shrunk, and the findings' regions
    /// outlined).
    void add(const Verdict& verdict);

    /// What `fix_held_order` did for this verdict (call after add()): the report states it
    /// exactly (generated bleed: ready to print after a look; a changed text box: re-render in
    /// the editor, then re-check) and draws before/after pictures into its own folder.
    void add_fixes(const Verdict& verdict, const std::vector<Result<FixResult>>& fixes);

    /// Older form: before/after pictures only (copied into the report folder), no status.
    void add_fix_previews(const Verdict& verdict, const std::vector<std::filesystem::path>& previews);

    /// Writes index.html and the manifest. Error unwritable when they cannot be written.
    Result<void> finish();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace preflight
