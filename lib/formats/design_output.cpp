// Output of a fix: corrected design.json, page PNGs, changes.json (see design_output.hpp).
// nlohmann-json patches the input document in place (the formats layer owns the JSON library).
#include "formats/design_output.hpp"

#include <vips/vips.h>

#include <cmath>
#include <nlohmann/json.hpp>

namespace preflight::fix {

namespace {

using Json = nlohmann::ordered_json;

double round_hundredth(double v) { return std::round(v * 100) / 100; }

Json box_json(const BoxMm& box) {
    return Json::array({round_hundredth(box.x), round_hundredth(box.y), round_hundredth(box.width), round_hundredth(box.height)});
}

// A path as written, relative to the input document, made relative to the output folder.
// Absolute paths (which the loader refuses anyway) and empty ones are left alone.
void rebase_path(Json& object, const char* key, const DesignEdits& edits) {
    auto it = object.find(key);
    if (it == object.end() || !it->is_string()) return;
    const std::filesystem::path written = it->get<std::string>();
    if (written.empty() || written.is_absolute()) return;
    const auto target = (edits.design_dir / written).lexically_normal();
    const auto rebased = target.lexically_relative(edits.out_dir);
    if (!rebased.empty()) *it = rebased.generic_string();
}

}  // namespace

bool write_png(const core::Raster& raster, const std::filesystem::path& file, std::string& error) {
    core::ensure_vips();
    VipsImage* image = vips_image_new_from_memory(raster.pixels.data(), raster.pixels.size(), raster.width,
                                                  raster.height, 3, VIPS_FORMAT_UCHAR);
    if (!image) {
        char* copy = vips_error_buffer_copy();   // copied and cleared under libvips' lock
        error = copy ? copy : "";
        g_free(copy);
        return false;
    }
    image->Type = VIPS_INTERPRETATION_sRGB;
    const int status = vips_pngsave(image, file.c_str(), nullptr);
    g_object_unref(image);
    if (status != 0) {
        char* copy = vips_error_buffer_copy();   // copied and cleared under libvips' lock
        error = std::string("cannot write ") + file.string() + ": " + std::string(copy ? copy : "");
        g_free(copy);
        return false;
    }
    return true;
}

std::string corrected_design_json(const std::string& input_text, const DesignEdits& edits, std::string& error) {
    Json document = Json::parse(input_text, nullptr, false);
    if (document.is_discarded() || !document.is_object()) {
        error = "the design document is no longer a JSON object";
        return {};
    }
    auto pages = document.find("pages");
    if (pages == document.end() || !pages->is_array()) {
        error = "the design document has no pages array";
        return {};
    }
    const auto& before = *edits.before;
    const auto& after = *edits.after;
    for (std::size_t p = 0; p < pages->size() && p < after.pages.size(); ++p) {
        Json& page = (*pages)[p];
        if (!page.is_object()) continue;
        if (auto raster = edits.new_rasters.find(p); raster != edits.new_rasters.end())
            page["raster"] = raster->second;
        else
            rebase_path(page, "raster", edits);
        rebase_path(page, "foil_mask", edits);
        auto elements = page.find("elements");
        if (elements == page.end() || !elements->is_array()) continue;
        for (std::size_t e = 0; e < elements->size() && e < after.pages[p].elements.size(); ++e) {
            Json& element = (*elements)[e];
            if (!element.is_object()) continue;
            rebase_path(element, "font_file", edits);
            rebase_path(element, "file", edits);
            const Element& old_element = before.pages[p].elements[e];
            const Element& new_element = after.pages[p].elements[e];
            if (!(old_element.box_mm == new_element.box_mm)) element["box_mm"] = box_json(new_element.box_mm);
            if (old_element.size_pt != new_element.size_pt) element["size_pt"] = new_element.size_pt;
        }
    }
    return document.dump(2) + "\n";
}

std::string changes_json(const FixResult& result, const std::string& design_file) {
    Json out = Json::object();
    out["design"] = design_file;
    out["output"] = result.design_out.filename().string();
    out["applied"] = result.applied();
    Json pages = Json::array();
    for (const FixedPage& page : result.pages) {
        Json entry = {{"name", page.name}, {"raster", page.raster}, {"raster_changed", page.raster_changed},
                      {"needs_rerender", page.needs_rerender}};
        if (!page.preview.empty()) entry["preview"] = page.preview;
        if (page.needs_rerender)
            entry["note"] = "needs re-render by the editor: text boxes or sizes changed, the raster still shows the old text";
        pages.push_back(std::move(entry));
    }
    out["pages"] = std::move(pages);
    Json changes = Json::array();
    for (const FixChange& change : result.changes) {
        Json entry = Json::object();
        entry["check"] = change.check;
        entry["page"] = change.page.empty() ? Json(nullptr) : Json(change.page);
        entry["element"] = change.element.empty() ? Json(nullptr) : Json(change.element);
        entry["status"] = std::string(to_string(change.status));
        entry["action"] = change.action;
        if (!change.reason.empty()) entry["reason"] = change.reason;
        entry["finding"] = change.finding;
        if (!change.edge.empty()) entry["edge"] = change.edge;
        if (!change.method.empty()) entry["method"] = change.method;
        if (change.texture_levels) entry["texture_levels"] = std::round(*change.texture_levels * 100) / 100;
        Json before = Json::object(), after = Json::object();
        if (change.box_before) before["box_mm"] = box_json(*change.box_before);
        if (change.box_after) after["box_mm"] = box_json(*change.box_after);
        if (change.size_pt_before) before["size_pt"] = *change.size_pt_before;
        if (change.size_pt_after) after["size_pt"] = *change.size_pt_after;
        if (change.reach_before_mm) before["reach_mm"] = round_hundredth(*change.reach_before_mm);
        if (change.reach_after_mm) after["reach_mm"] = round_hundredth(*change.reach_after_mm);
        if (!before.empty()) entry["before"] = std::move(before);
        if (!after.empty()) entry["after"] = std::move(after);
        changes.push_back(std::move(entry));
    }
    out["changes"] = std::move(changes);
    return out.dump(2) + "\n";
}

}  // namespace preflight::fix
