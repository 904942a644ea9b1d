// Loading one design for checking: the document, each page's raster and foil mask decoded
// once, each text element's font loaded (shared cache) and laid out once.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/context.hpp"
#include "core/raster.hpp"
#include "preflight/finding.hpp"
#include "text/layout.hpp"

namespace preflight::core {

struct LoadedDesign {
    std::shared_ptr<Design> design;
    std::filesystem::path design_dir;
    /// Every page whose raster path resolved (decoded or not), for reports.
    std::vector<PageRef> page_refs;
    std::vector<PageView> pages;
    /// input.* findings; when any is present the design's checks are not run.
    std::vector<Finding> problems;
};

struct LoadLimits {
    DecodeLimits decode;
    double max_file_mb = 200;
    double raster_size_tolerance_px = 1;
};

/// Loads the design at `design_name` (as written, relative to `base_dir`) inside `root`.
/// `key_path` names where the path was written (e.g. "items[0].design") for messages.
LoadedDesign load_design(const std::filesystem::path& root, const std::filesystem::path& base_dir,
                         const std::string& design_name, const std::string& key_path, const LoadLimits& limits,
                         const text::FontCache& fonts);

}  // namespace preflight::core
