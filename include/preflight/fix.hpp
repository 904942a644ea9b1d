// Fixing what can be fixed safely: missing bleed generated in the page rasters, text boxes
// enlarged (or text sizes reduced) until the text fits, text moved into the safe zone. The
// corrected design goes to a new folder with changes.json saying what changed and what is
// only proposed; the customer's text, fonts and photos are never changed.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "preflight/checker.hpp"
#include "preflight/finding.hpp"
#include "preflight/result.hpp"
#include "preflight/model.hpp"

namespace preflight {

/// applied: in the corrected design; proposed: a fix exists but needs a person (or the
/// customer's consent); unfixed: no safe fix, `reason` says why.
enum class FixStatus { applied, proposed, unfixed };

PREFLIGHT_API std::string_view to_string(FixStatus);

/// What happened to one finding.
struct FixChange {
    std::string check;
    std::string page;
    std::string element;
    FixStatus status = FixStatus::unfixed;
    std::string action;           // what was done, or what is proposed (one sentence)
    std::string reason;           // why it was not applied (proposed, unfixed)
    std::string finding;          // the finding's message, as the check wrote it
    // text boxes: before and after (only the values that changed)
    std::optional<BoxMm> box_before, box_after;
    std::optional<double> size_pt_before, size_pt_after;
    // bleed: the edge, how it was generated and how the artwork reached before
    std::string edge;             // left, top, right, bottom
    std::string method;           // mirror, stretch
    std::optional<double> texture_levels;
    std::optional<double> reach_before_mm, reach_after_mm;
};

/// One page of the corrected design.
struct FixedPage {
    std::string name;
    std::string raster;           // as written in the corrected design (relative to it)
    bool raster_changed = false;  // a corrected raster was written
    bool needs_rerender = false;  // a text element changed: the editor must render the page again
    std::string preview;          // a changed page: its before/after picture in the output folder
};

struct FixOptions {
    /// Never reduce text below this size (the policy's text.too_small min_pt wins when set).
    double min_size_pt = 6.0;
    /// Ink may pass the box by this much (the policy's text.overflow tolerance_mm wins when set).
    double overflow_tolerance_mm = 0.2;
    /// Mirror an edge when its last ~2 mm inside the trim is at least this textured (mean
    /// absolute Laplacian, levels); stretch it below. Flat colours and gradients measure below
    /// ~0.4 even as JPEG, photos 1.5 and more.
    double texture_threshold_levels = 0.8;
    /// Folders the output folder must not be or lie inside, besides the design's own (which
    /// is always refused): e.g. the export root. Symlinks and trailing slashes are resolved.
    std::vector<std::filesystem::path> keep_out;
    /// Write into an output folder that exists and is not empty (files of the same name are
    /// replaced by new ones, never written through). Without it such a folder is refused.
    bool force = false;
};

/// What fix_design wrote. When nothing could be written the Result holds an Error instead
/// (see fix_design).
struct FixResult {
    std::vector<Finding> findings;          // the findings before fixing
    std::vector<FixChange> changes;         // one entry per finding, in finding order
    std::vector<FixedPage> pages;
    std::filesystem::path design_out;       // OUT_DIR/design.json
    std::filesystem::path changes_out;      // OUT_DIR/changes.json
    PREFLIGHT_API int applied() const;
};

/// Lints `design_file` with `checker`, fixes what is safe, and writes OUT_DIR/design.json
/// (the input's keys kept, paths rewritten relative to OUT_DIR), the corrected page rasters
/// (PNG, 8-bit sRGB), a before/after picture of each changed page and OUT_DIR/changes.json. Paths must stay inside `root` (default: the
/// design's folder). `out_dir` must be a new or empty folder (see FixOptions::force) that is not
/// and does not lie inside the design's folder or options.keep_out; every file is created new
/// (O_EXCL | O_NOFOLLOW), never written through a link. Never throws for bad input.
/// Error (nothing written, or what was written is incomplete): invalid_argument (the output
/// folder refused, the design outside `root`), invalid_document (the design cannot be checked:
/// its input.* findings are the error's problems, `check` set), unreadable, unwritable.
PREFLIGHT_API Result<FixResult> fix_design(const Checker& checker, const std::filesystem::path& design_file,
                                           const std::filesystem::path& root, const std::filesystem::path& out_dir,
                                           const FixOptions& options = {});

/// Why `dir` cannot hold the fixes of an export at `export_root` (it is or lies inside it,
/// symlinks resolved), or empty when it can.
PREFLIGHT_API std::string fix_dir_problem(const std::filesystem::path& dir, const std::filesystem::path& export_root);

/// True when every error of a held verdict is one `fix` can repair by itself
/// (bleed.coverage, text.overflow, safe_zone.text).
PREFLIGHT_API bool all_errors_fixable(const Verdict& verdict);

/// For a held order whose errors are all fixable: fixes each of its designs into
/// `dir`/<order id>/<n>/ and returns the results (empty when the order is not eligible). The
/// order id is percent-encoded (every byte but A-Z, a-z, 0-9 and '-'), so two ids never share
/// a folder; an order without an id gets "_line-N". Never inside `export_root`.
PREFLIGHT_API std::vector<Result<FixResult>> fix_held_order(const Checker& checker, const Verdict& verdict,
                                      const std::filesystem::path& export_root, const std::filesystem::path& dir,
                                      const FixOptions& options = {});

}  // namespace preflight
