// Preparing one page of a design: raster, foil mask, fonts and layouts, photo originals.
#include <algorithm>
#include <cmath>
#include <memory>
#include <sstream>

#include "input/asset_reader.hpp"
#include "input/prepare.hpp"

namespace preflight::input {

namespace {

constexpr std::uint64_t max_font_bytes = 64u * 1024 * 1024;

std::string format_number(double value) {
    std::ostringstream out;
    out.precision(4);
    out << value;
    return out.str();
}

std::string size_text(int width, int height) { return std::to_string(width) + " x " + std::to_string(height) + " px"; }

// A foil mask is "a raster of the same size" as its page (formats.md): the same size within the
// same rounding tolerance the page raster has against trim + 2 x bleed at its dpi
// (input.raster_size tolerance_px), so a mask written by a tool that rounds the other way is
// not refused for a pixel.
bool within_tolerance(const core::Mask& mask, const core::PageGeometry& geometry, double tolerance_px) {
    return std::abs(mask.width - geometry.expected_width_px()) <= tolerance_px &&
           std::abs(mask.height - geometry.expected_height_px()) <= tolerance_px;
}

// The mask at exactly the raster's size, both anchored at the bleed box's top-left corner: the
// last column and row are repeated or cut off (a pixel or two, well inside the bleed), so every
// check reads mask and raster pixel for pixel.
std::shared_ptr<const core::Mask> fitted_mask(const core::Mask& mask, int width, int height) {
    auto fitted = std::make_shared<core::Mask>();
    fitted->width = width;
    fitted->height = height;
    fitted->values.resize(std::size_t(width) * std::size_t(height));
    if (mask.width <= 0 || mask.height <= 0) {
        std::fill(fitted->values.begin(), fitted->values.end(), std::uint8_t(0));
        return fitted;
    }
    for (int y = 0; y < height; ++y) {
        const std::uint8_t* from = mask.row(std::min(y, mask.height - 1));
        std::uint8_t* to = fitted->values.data() + std::size_t(y) * std::size_t(width);
        for (int x = 0; x < width; ++x) to[x] = from[std::min(x, mask.width - 1)];
    }
    return fitted;
}

}  // namespace

Finding OrderInputs::file_finding(const Decoded& decoded, const std::string& page_key, const std::string& field,
                                  const std::string& written, const std::string& page) const {
    Finding finding = input_finding(decoded.error_check, decoded.code,
                                    page_key + "." + field + ": '" + written + "' " + decoded.error, page);
    finding.details = decoded.details;
    finding.details["file"] = written;
    return finding;
}

void OrderInputs::prepare_page(PreparedDesign& prepared, std::size_t index) {
    const Design& design = *prepared.design;
    const Page& page = design.pages[index];
    const std::string page_key = prepared.design_path + ": pages[" + std::to_string(index) + "]";
    core::PageView view;
    view.page = &page;
    view.index = index;
    view.geometry = {page.dpi, design.bleed_mm, design.trim_width_mm, design.trim_height_mm};

    JoinedPath path = join_beneath(prepared.design_dir_from_root, page.raster);
    if (!path.ok()) {
        prepared.problems.push_back(input_finding(path.error_check, "", page_key + ".raster: " + path.error, page.name));
    } else {
        prepared.page_refs.push_back({AssetReader::shown_path(source_, prepared.design_path), page.name,
                                      AssetReader::shown_path(source_, path.from_root), page.dpi, design.bleed_mm,
                                      design.trim_width_mm, design.trim_height_mm, design.safe_mm});
        auto decoded = decode_file(page.raster, path.from_root, raster_kind);
        const int want_w = view.geometry.expected_width_px(), want_h = view.geometry.expected_height_px();
        const double tolerance = limits_.raster_size_tolerance_px;
        if (!decoded->error_check.empty()) {
            prepared.problems.push_back(file_finding(*decoded, page_key, "raster", page.raster, page.name));
        } else if (!decoded->raster) {
            // cut short by the deadline: no finding of its own (input.time_limit follows)
        } else if (decoded->dpi > 0 && std::abs(decoded->dpi - page.dpi) > 0.5) {
            prepared.problems.push_back(input_finding(
                "input.raster_size", "", page_key + ".raster: '" + page.raster + "' was rendered at " +
                                             format_number(decoded->dpi) + " dpi; the page is " + format_number(page.dpi) + " dpi",
                page.name));
        } else if (std::abs(decoded->raster->width - want_w) > tolerance || std::abs(decoded->raster->height - want_h) > tolerance) {
            prepared.problems.push_back(input_finding(
                "input.raster_size", "",
                page_key + ".raster: '" + page.raster + "' is " + size_text(decoded->raster->width, decoded->raster->height) +
                    "; " + size_text(want_w, want_h) + " expected for " + format_number(design.trim_width_mm) + " x " +
                    format_number(design.trim_height_mm) + " mm + " + format_number(design.bleed_mm) + " mm bleed at " +
                    format_number(page.dpi) + " dpi",
                page.name));
        } else {
            view.raster = decoded->raster;
        }
    }
    if (!page.foil_mask.empty()) prepare_mask(prepared, view, page_key);
    prepare_elements(prepared, view, page_key);
    prepared.pages.push_back(std::move(view));
}

void OrderInputs::prepare_mask(PreparedDesign& prepared, core::PageView& view, const std::string& page_key) {
    const Page& page = *view.page;
    JoinedPath path = join_beneath(prepared.design_dir_from_root, page.foil_mask);
    if (!path.ok()) {
        prepared.problems.push_back(input_finding(path.error_check, "", page_key + ".foil_mask: " + path.error, page.name));
        return;
    }
    auto decoded = decode_file(page.foil_mask, path.from_root, mask_kind);
    if (!decoded->error_check.empty()) {
        prepared.problems.push_back(file_finding(*decoded, page_key, "foil_mask", page.foil_mask, page.name));
    } else if (!decoded->mask) {
        // cut short by the deadline
    } else if (view.raster && !within_tolerance(*decoded->mask, view.geometry, limits_.raster_size_tolerance_px)) {
        prepared.problems.push_back(input_finding(
            "input.raster_size", "",
            page_key + ".foil_mask: '" + page.foil_mask + "' is " + size_text(decoded->mask->width, decoded->mask->height) +
                "; it must match the page raster (" + size_text(view.raster->width, view.raster->height) + ")",
            page.name));
    } else if (view.raster && (decoded->mask->width != view.raster->width || decoded->mask->height != view.raster->height)) {
        view.foil_mask = fitted_mask(*decoded->mask, view.raster->width, view.raster->height);
    } else {
        view.foil_mask = decoded->mask;
    }
}

void OrderInputs::prepare_elements(PreparedDesign& prepared, core::PageView& view, const std::string& page_key) {
    const Page& page = *view.page;
    view.text_layouts.resize(page.elements.size());
    view.fonts.resize(page.elements.size());
    view.photo_sources.resize(page.elements.size());
    for (std::size_t e = 0; e < page.elements.size(); ++e) {
        const Element& element = page.elements[e];
        const std::string element_key = page_key + ".elements[" + std::to_string(e) + "]";
        if (element.type == ElementType::photo && !element.file.empty()) {
            JoinedPath path = join_beneath(prepared.design_dir_from_root, element.file);
            if (path.error_check == "input.path_outside") {
                prepared.problems.push_back(input_finding(path.error_check, "", element_key + ".file: " + path.error,
                                                          page.name, element.id));
            } else if (path.ok()) {
                // The original is optional: when it cannot be read the printed raster stands in.
                view.photo_sources[e] = decode_file(element.file, path.from_root, photo_kind, &element)->photo;
            }
        }
        if (element.type != ElementType::text) continue;
        JoinedPath path = join_beneath(prepared.design_dir_from_root, element.font_file);
        if (!path.ok()) {
            prepared.problems.push_back(input_finding(path.error_check, "", element_key + ".font_file: " + path.error,
                                                      page.name, element.id));
            continue;
        }
        // The identity first (one open, no read): a cached font is not read again.
        AssetItem identity = AssetReader::fetch(source_, element.font_file, path.from_root, max_font_bytes, false, false);
        std::string error_check = identity.error_check, error = identity.error;
        std::shared_ptr<const text::Font> font;
        if (identity.ok()) {
            auto read = [&]() -> text::FontCache::FileBytes {
                AssetItem file = AssetReader::fetch(source_, element.font_file, path.from_root, max_font_bytes, true, false);
                if (!file.ok()) return {{}, file.error_check, file.error};
                return {std::string(file.bytes->begin(), file.bytes->end()), {}, {}};
            };
            font = fonts_.get(identity.identity, AssetReader::shown_path(source_, path.from_root), read, error_check, error);
        }
        if (!font) {
            Finding finding = input_finding(error_check.empty() ? "input.unreadable" : error_check, identity.code,
                                            element_key + ".font_file: '" + element.font_file + "' " + error,
                                            page.name, element.id);
            finding.details["file"] = element.font_file;
            if (!identity.kind.empty()) finding.details["kind"] = identity.kind;
            prepared.problems.push_back(std::move(finding));
            continue;
        }
        nearby_.remember(*font, path.from_root);
        view.fonts[e] = font;
        view.text_layouts[e] = std::make_shared<text::TextLayout>(text::layout_text(element, *font));
    }
}

}  // namespace preflight::input
