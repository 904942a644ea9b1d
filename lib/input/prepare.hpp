// The prepared design: a design's document read, each page's raster and foil mask decoded,
// each text laid out, each photo original decoded, once, with the input findings. Checks,
// fix and the report take it; nothing downstream opens or decodes a file again.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/context.hpp"
#include "core/raster.hpp"
#include "input/nearby_fonts.hpp"
#include "preflight/assets.hpp"
#include "preflight/finding.hpp"
#include "text/layout.hpp"

namespace preflight::input {

struct PreparedDesign {
    std::shared_ptr<const Design> design;
    std::string design_path;              // from the source's root, e.g. "designs/1/design.json"
    std::filesystem::path design_dir;     // its folder (absolute for a folder source)
    std::string design_dir_from_root;     // its folder beneath the root ("" at the root)
    /// Every page whose raster path resolved (decoded or not), for reports and fixes.
    std::vector<PageRef> page_refs;
    std::vector<core::PageView> pages;
    /// input.* findings; when any is present the design's checks are not run.
    std::vector<Finding> problems;
    bool ok() const { return design && problems.empty(); }
};

/// The limits of the input.* policy options.
struct InputLimits {
    core::DecodeLimits decode;                    // per file (max_megapixels) and the deadline
    double max_file_mb = 200;
    double raster_size_tolerance_px = 1;
    /// Decoded pixels of one order (pages, masks, photo originals): checked on each file's
    /// header before it is decoded. 60 MP is 180 MB of RGB: a job stays under 300 MB.
    double max_order_megapixels = 60;
    int photo_max_side_px = 2048;
};

/// Reads the designs of one order (or one lint): every distinct file decoded once, the
/// order's pixel budget and deadline kept across its designs. Not shared between threads.
class OrderInputs {
public:
    OrderInputs(const AssetSource& source, const InputLimits& limits, const text::FontCache& fonts);

    /// The design document named `design_name` (relative to `base_dir` beneath the root);
    /// `key_path` names where it was written (e.g. "items[0].design") for messages.
    PreparedDesign prepare(const std::string& base_dir, const std::string& design_name, const std::string& key_path);
    /// A design already parsed, whose paths are relative to `design_dir` beneath the root.
    PreparedDesign prepare(std::shared_ptr<const Design> design, const std::string& design_dir,
                           const std::string& shown_name);

    /// True once the deadline passed while preparing (a decode was cut short or skipped).
    bool timed_out() const { return timed_out_; }
    double megapixels_used() const { return megapixels_used_; }
    /// The fonts next to the fonts of the designs prepared so far (read beneath the root).
    const core::NearbyFonts& nearby_fonts() const { return nearby_; }

private:
    // What one file became: pixels of its kind, or the problem (a phrase after the quoted name).
    struct Decoded {
        std::shared_ptr<const core::Raster> raster;
        std::shared_ptr<const core::Mask> mask;
        std::shared_ptr<const core::PhotoSource> photo;
        double dpi = 0;             // rendered pixels only
        std::string error_check;
        std::string code;           // "order_budget", "format", "not_a_file", "too_large"
        std::map<std::string, DetailValue> details;
        std::string error;
    };
    void prepare_page(PreparedDesign& prepared, std::size_t index);
    void prepare_mask(PreparedDesign& prepared, core::PageView& view, const std::string& page_key);
    void prepare_elements(PreparedDesign& prepared, core::PageView& view, const std::string& page_key);
    /// `photo`: for photo_kind, the element whose frame the upload fills (decoded at the size
    /// that frame needs: photo_side_for_frame).
    std::shared_ptr<const Decoded> decode_file(const std::string& as_written, const std::string& from_root, int kind,
                                               const Element* photo = nullptr);
    /// The finding for a file that could not be used (`field`: "raster", "foil_mask").
    Finding file_finding(const Decoded& decoded, const std::string& page_key, const std::string& field,
                         const std::string& written, const std::string& page) const;

    const AssetSource& source_;
    InputLimits limits_;
    const text::FontCache& fonts_;
    SourceFonts nearby_;
    std::map<std::string, std::shared_ptr<const Decoded>> decoded_;   // by kind + identity
    double megapixels_used_ = 0;
    bool timed_out_ = false;
};

enum Kind { raster_kind = 0, mask_kind = 1, photo_kind = 2 };

/// An input.* finding with the fix action of its kind.
Finding input_finding(const std::string& check, const std::string& code, const std::string& message,
                      const std::string& page = {}, const std::string& element = {});
/// The input findings core and batch report, so that only lib/input names the input ids:
/// a record or order that does not follow the documented format,
Finding schema_finding(const std::string& message);
/// a design named outside the root,
Finding path_outside_finding(const std::string& message);
/// an order stopped after `limit_s` seconds.
Finding time_limit_finding(double limit_s);

}  // namespace preflight::input
