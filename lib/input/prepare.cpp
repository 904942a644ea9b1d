// Preparing a design once (see prepare.hpp): document, pages, masks, fonts, layouts, photos.
#include "input/prepare.hpp"

#include "formats/readers.hpp"

#include <cmath>
#include <sstream>

#include "input/asset_reader.hpp"
#include "input/decode.hpp"
#include "input/rendered.hpp"
#include "preflight/formats.hpp"

namespace preflight::input {

namespace {

std::string format_number(double value) {
    std::ostringstream out;
    out.precision(4);
    out << value;
    return out.str();
}

std::string parent_of(const std::string& path) {
    auto slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

}  // namespace

Finding input_finding(const std::string& check, const std::string& code, const std::string& message,
                      const std::string& page, const std::string& element) {
    Finding finding;
    finding.check = check;
    finding.code = code;
    finding.severity = Severity::error;
    finding.page = page;
    finding.element = element;
    finding.message = message;
    finding.fix.by = FixBy::shop;
    if (check == "input.missing_file") finding.fix.action = "Export the order again with all its files.";
    else if (check == "input.unreadable") finding.fix.action = "Export the file again from the editor; it cannot be read as it is.";
    else if (check == "input.raster_size") finding.fix.action = "Rasterise the page again at the design's size, bleed and dpi.";
    else if (check == "input.path_outside") finding.fix.action = "Keep every file of the order inside the export folder and name it by a relative path.";
    else if (check == "input.time_limit") finding.fix.action = "Check the order by hand; it took longer than the time limit allows.";
    else finding.fix.action = "Correct the export so that it follows the documented format.";
    return finding;
}

Finding schema_finding(const std::string& message) {
    Finding finding = input_finding("input.schema", "", message);
    finding.fix.action = "Correct the order in the export; it does not follow the documented format.";
    return finding;
}

Finding path_outside_finding(const std::string& message) { return input_finding("input.path_outside", "", message); }

Finding time_limit_finding(double limit_s) {
    std::ostringstream seconds;
    seconds << limit_s;
    Finding finding = input_finding("input.time_limit", "",
                                    "checking this order took longer than " + seconds.str() +
                                        " s (policy: input.time_limit max_order_seconds); it was stopped unfinished");
    finding.details["limit_s"] = limit_s;
    return finding;
}

OrderInputs::OrderInputs(const AssetSource& source, const InputLimits& limits, const text::FontCache& fonts)
    : source_(source), limits_(limits), fonts_(fonts), nearby_(source, fonts) {}

std::shared_ptr<const OrderInputs::Decoded> OrderInputs::decode_file(const std::string& as_written,
                                                                     const std::string& from_root, int kind,
                                                                     const Element* photo) {
    auto decoded = std::make_shared<Decoded>();
    const auto max_bytes = std::uint64_t(limits_.max_file_mb * 1024 * 1024);
    AssetItem item = AssetReader::fetch(source_, as_written, from_root, max_bytes, true, kind == raster_kind);
    if (!item.ok()) {
        decoded->error_check = item.error_check;
        decoded->code = item.code;
        if (!item.kind.empty()) decoded->details["kind"] = item.kind;
        decoded->error = item.error;
        return decoded;
    }
    // A photo's size depends on its frame: read its header first, decode it per size.
    ImageHeader photo_header;
    int photo_side = limits_.photo_max_side_px;
    if (kind == photo_kind && item.bytes) {
        photo_header = read_image_header(*item.bytes);
        if (photo && photo_header.error_check.empty())
            photo_side = photo_side_for_frame(*photo, photo_header.width, photo_header.height, limits_.photo_max_side_px);
    }
    const std::string key = std::to_string(kind) + "|" + (kind == photo_kind ? std::to_string(photo_side) + "|" : "") +
                            item.identity;
    if (auto it = decoded_.find(key); it != decoded_.end()) return it->second;
    decoded_[key] = decoded;
    if (std::chrono::steady_clock::now() > limits_.decode.deadline) {
        timed_out_ = true;
        return decoded;
    }
    // The order's pixel budget, from the header, before a pixel is decoded.
    double megapixels = 0;
    if (item.rendered) {
        megapixels = double(item.rendered->width) * double(item.rendered->height) / 1e6;
    } else {
        ImageHeader header = kind == photo_kind ? photo_header : read_image_header(*item.bytes);
        if (!header.error_check.empty()) {
            decoded->error_check = header.error_check;
            decoded->code = header.code;
            if (header.code == "format") decoded->details["format"] = sniff_image(*item.bytes).id;
            decoded->error = "cannot be read: " + header.error;
            return decoded;
        }
        megapixels = header.megapixels();
        double longer = std::max(header.width, header.height);
        if (kind == photo_kind && longer > photo_side) megapixels *= std::pow(photo_side / longer, 2);
    }
    if (megapixels <= limits_.decode.max_megapixels &&
        megapixels_used_ + megapixels > limits_.max_order_megapixels) {
        decoded->error_check = "input.unreadable";
        decoded->code = "order_budget";
        decoded->details["order_mp"] = megapixels_used_ + megapixels;
        decoded->details["limit_mp"] = limits_.max_order_megapixels;
        decoded->error = "would bring the order's decoded pixels to " + format_number(megapixels_used_ + megapixels) +
                         " megapixels, over the order's limit of " + format_number(limits_.max_order_megapixels) +
                         " megapixels (policy: input.unreadable max_order_megapixels)";
        return decoded;
    }
    megapixels_used_ += megapixels;
    std::string error;
    if (item.rendered) {
        auto raster = std::make_shared<core::Raster>();
        if (raster_from_rendered(*item.rendered, *raster, error)) decoded->raster = std::move(raster);
        decoded->dpi = item.rendered->dpi;
    } else if (kind == raster_kind) {
        auto result = decode_raster_bytes(*item.bytes, limits_.decode);
        if (result.error_check.empty()) decoded->raster = std::make_shared<core::Raster>(std::move(result.raster));
        error = result.error;
    } else if (kind == mask_kind) {
        auto result = decode_mask_bytes(*item.bytes, limits_.decode);
        if (result.error_check.empty()) decoded->mask = std::make_shared<core::Mask>(std::move(result.mask));
        error = result.error;
    } else {
        auto result = decode_photo_bytes(*item.bytes, limits_.decode, photo_side);
        if (result.error_check.empty()) decoded->photo = std::make_shared<core::PhotoSource>(std::move(result.source));
        error = result.error;
    }
    if (!decoded->raster && !decoded->mask && !decoded->photo) {
        if (std::chrono::steady_clock::now() > limits_.decode.deadline) {
            timed_out_ = true;   // cut short: the checker reports input.time_limit once
        } else {
            decoded->error_check = "input.unreadable";
            decoded->error = "cannot be read: " + error;
        }
    }
    return decoded;
}

PreparedDesign OrderInputs::prepare(const std::string& base_dir, const std::string& design_name,
                                    const std::string& key_path) {
    PreparedDesign prepared;
    JoinedPath path = join_beneath(base_dir, design_name);
    if (!path.ok()) {
        prepared.problems.push_back(input_finding(path.error_check, "", key_path + ": " + path.error));
        return prepared;
    }
    AssetItem item = AssetReader::fetch(source_, design_name, path.from_root, max_design_bytes, true, false);
    if (!item.ok()) {
        std::string message = item.error_check == "input.missing_file"
                                  ? key_path + ": design document '" + design_name + "' not found"
                                  : key_path + ": design document '" + design_name + "' " + item.error;
        prepared.problems.push_back(input_finding(item.error_check, "", message));
        return prepared;
    }
    auto parsed = formats::read_design_text(std::string_view(reinterpret_cast<const char*>(item.bytes->data()), item.bytes->size()));
    if (!parsed.value || !parsed.problems.empty()) {
        for (const auto& problem : parsed.problems) {
            std::string where = problem.key_path.empty() ? path.from_root : path.from_root + ": " + problem.key_path;
            prepared.problems.push_back(input_finding(problem.check, "", where + ": " + problem.message));
        }
        return prepared;
    }
    return prepare(std::make_shared<const Design>(std::move(*parsed.value)), parent_of(path.from_root), path.from_root);
}

PreparedDesign OrderInputs::prepare(std::shared_ptr<const Design> design, const std::string& design_dir,
                                    const std::string& shown_name) {
    PreparedDesign prepared;
    prepared.design = std::move(design);
    prepared.design_path = shown_name;
    prepared.design_dir = AssetReader::shown_path(source_, design_dir);
    prepared.design_dir_from_root = design_dir;
    for (std::size_t p = 0; p < prepared.design->pages.size(); ++p) {
        if (std::chrono::steady_clock::now() > limits_.decode.deadline) {
            timed_out_ = true;   // the checker reports input.time_limit; no page is left half-read
            break;
        }
        prepare_page(prepared, p);
    }
    return prepared;
}

}  // namespace preflight::input
