// Loading a design: document, rasters, masks, fonts, layouts (see design_loader.hpp).
#include "core/design_loader.hpp"

#include <cmath>
#include <sstream>

#include "core/paths.hpp"
#include "preflight/formats.hpp"

namespace preflight::core {

namespace fs = std::filesystem;

namespace {

Finding input_finding(const std::string& check, const std::string& message, const std::string& page = {},
                      const std::string& element = {}) {
    Finding finding;
    finding.check = check;
    finding.severity = Severity::error;
    finding.page = page;
    finding.element = element;
    finding.message = message;
    finding.fix.by = FixBy::shop;
    if (check == "input.missing_file") finding.fix.action = "Export the order again with all its files.";
    else if (check == "input.unreadable") finding.fix.action = "Export the file again from the editor; it cannot be read as it is.";
    else if (check == "input.raster_size") finding.fix.action = "Rasterise the page again at the design's size, bleed and dpi.";
    else if (check == "input.path_outside") finding.fix.action = "Keep every file of the order inside the export folder and name it by a relative path.";
    else finding.fix.action = "Correct the export so that it follows the documented format.";
    return finding;
}

std::string relative_name(const fs::path& root, const fs::path& file) {
    std::error_code ec;
    auto rel = fs::relative(file, root, ec);
    return ec || rel.empty() ? file.string() : rel.string();
}

bool over_file_limit(const fs::path& file, double max_file_mb) {
    std::error_code ec;
    auto size = fs::file_size(file, ec);
    return !ec && double(size) > max_file_mb * 1024 * 1024;
}

std::string format_mm(double value) {
    std::ostringstream out;
    out.precision(4);
    out << value;
    return out.str();
}

}  // namespace

LoadedDesign load_design(const fs::path& root, const fs::path& base_dir, const std::string& design_name,
                         const std::string& key_path, const LoadLimits& limits, const text::FontCache& fonts) {
    LoadedDesign loaded;
    auto design_path = resolve_inside(root, base_dir, design_name);
    if (!design_path.ok()) {
        loaded.problems.push_back(input_finding(design_path.error_check, key_path + ": " + design_path.error));
        return loaded;
    }
    auto parsed = read_design(design_path.path);
    std::string shown = relative_name(root, design_path.path);
    if (!parsed.ok()) {
        for (const auto& problem : parsed.problems) {
            std::string where = problem.key_path.empty() ? shown : shown + ": " + problem.key_path;
            std::string message = problem.check == "input.schema" ? problem.message : problem.message;
            loaded.problems.push_back(input_finding(problem.check, (problem.check == "input.missing_file"
                                                                        ? key_path + ": design document '" + design_name + "' not found"
                                                                        : where + ": " + message)));
        }
        return loaded;
    }
    loaded.design = std::make_shared<Design>(std::move(*parsed.value));
    loaded.design_dir = design_path.path.parent_path();
    const Design& design = *loaded.design;

    for (std::size_t p = 0; p < design.pages.size(); ++p) {
        const Page& page = design.pages[p];
        std::string page_key = shown + ": pages[" + std::to_string(p) + "]";
        PageView view;
        view.page = &page;
        view.index = p;
        view.geometry = {page.dpi, design.bleed_mm, design.trim_width_mm, design.trim_height_mm};

        auto raster_path = resolve_inside(root, loaded.design_dir, page.raster);
        if (raster_path.ok())
            loaded.page_refs.push_back({design_path.path.string(), page.name, raster_path.path.string(), page.dpi,
                                        design.bleed_mm, design.trim_width_mm, design.trim_height_mm, design.safe_mm});
        if (!raster_path.ok()) {
            loaded.problems.push_back(input_finding(raster_path.error_check, page_key + ".raster: " + raster_path.error, page.name));
        } else if (over_file_limit(raster_path.path, limits.max_file_mb)) {
            loaded.problems.push_back(input_finding("input.unreadable", page_key + ".raster: '" + page.raster +
                                                                            "' is larger than " + format_mm(limits.max_file_mb) + " MB", page.name));
        } else {
            auto decoded = decode_raster(raster_path.path.string(), limits.decode);
            if (!decoded.error_check.empty()) {
                loaded.problems.push_back(input_finding(decoded.error_check, page_key + ".raster: '" + page.raster + "' " +
                                                                                 (decoded.error_check == "input.missing_file" ? "not found" : "cannot be read: " + decoded.error),
                                                        page.name));
            } else {
                int want_w = view.geometry.expected_width_px(), want_h = view.geometry.expected_height_px();
                if (std::abs(decoded.raster.width - want_w) > limits.raster_size_tolerance_px ||
                    std::abs(decoded.raster.height - want_h) > limits.raster_size_tolerance_px) {
                    Finding finding = input_finding(
                        "input.raster_size",
                        page_key + ".raster: '" + page.raster + "' is " + std::to_string(decoded.raster.width) + " x " +
                            std::to_string(decoded.raster.height) + " px; " + std::to_string(want_w) + " x " +
                            std::to_string(want_h) + " px expected for " + format_mm(design.trim_width_mm) + " x " +
                            format_mm(design.trim_height_mm) + " mm + " + format_mm(design.bleed_mm) + " mm bleed at " +
                            format_mm(page.dpi) + " dpi",
                        page.name);
                    loaded.problems.push_back(finding);
                } else {
                    view.raster = std::make_shared<Raster>(std::move(decoded.raster));
                }
            }
        }

        if (!page.foil_mask.empty()) {
            auto mask_path = resolve_inside(root, loaded.design_dir, page.foil_mask);
            if (!mask_path.ok()) {
                loaded.problems.push_back(input_finding(mask_path.error_check, page_key + ".foil_mask: " + mask_path.error, page.name));
            } else {
                auto decoded = decode_mask(mask_path.path.string(), limits.decode);
                if (!decoded.error_check.empty()) {
                    loaded.problems.push_back(input_finding(decoded.error_check, page_key + ".foil_mask: '" + page.foil_mask + "' " +
                                                                                     (decoded.error_check == "input.missing_file" ? "not found" : "cannot be read: " + decoded.error),
                                                            page.name));
                } else if (view.raster && (decoded.mask.width != view.raster->width || decoded.mask.height != view.raster->height)) {
                    loaded.problems.push_back(input_finding(
                        "input.raster_size", page_key + ".foil_mask: '" + page.foil_mask + "' is " +
                                                 std::to_string(decoded.mask.width) + " x " + std::to_string(decoded.mask.height) +
                                                 " px; it must match the page raster (" + std::to_string(view.raster->width) +
                                                 " x " + std::to_string(view.raster->height) + " px)",
                        page.name));
                } else {
                    view.foil_mask = std::make_shared<Mask>(std::move(decoded.mask));
                }
            }
        }

        view.text_layouts.resize(page.elements.size());
        view.fonts.resize(page.elements.size());
        for (std::size_t e = 0; e < page.elements.size(); ++e) {
            const Element& element = page.elements[e];
            std::string element_key = page_key + ".elements[" + std::to_string(e) + "]";
            if (element.type == ElementType::photo && !element.file.empty()) {
                auto photo_path = resolve_inside(root, loaded.design_dir, element.file);
                if (!photo_path.ok())
                    loaded.problems.push_back(input_finding(photo_path.error_check, element_key + ".file: " + photo_path.error,
                                                            page.name, element.id));
            }
            if (element.type != ElementType::text) continue;
            auto font_path = resolve_inside(root, loaded.design_dir, element.font_file);
            if (!font_path.ok()) {
                loaded.problems.push_back(input_finding(font_path.error_check, element_key + ".font_file: " + font_path.error,
                                                        page.name, element.id));
                continue;
            }
            std::string error_check, error;
            auto font = fonts.get(font_path.path.string(), error_check, error);
            if (!font) {
                loaded.problems.push_back(input_finding(error_check.empty() ? "input.unreadable" : error_check,
                                                        element_key + ".font_file: '" + element.font_file + "' " +
                                                            (error_check == "input.missing_file" ? "not found" : "cannot be read: " + error),
                                                        page.name, element.id));
                continue;
            }
            view.fonts[e] = font;
            view.text_layouts[e] = std::make_shared<text::TextLayout>(text::layout_text(element, *font));
        }
        loaded.pages.push_back(std::move(view));
    }
    return loaded;
}

}  // namespace preflight::core
