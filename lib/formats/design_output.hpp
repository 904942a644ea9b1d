// Writing the outcome of a fix: the corrected design document (the input's JSON with only the
// changed values replaced, so unknown keys survive), the corrected page rasters and changes.json.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "core/raster.hpp"
#include "preflight/fix.hpp"
#include "preflight/model.hpp"

namespace preflight::fix {

/// Writes an 8-bit sRGB raster as PNG with libvips; false with `error` set on failure.
bool write_png(const core::Raster& raster, const std::filesystem::path& file, std::string& error);

/// What the corrected document must say differently from the input.
struct DesignEdits {
    const Design* before = nullptr;
    const Design* after = nullptr;                     // same pages and elements, changed values
    std::map<std::size_t, std::string> new_rasters;    // page index -> file name inside out_dir
    std::filesystem::path design_dir;                  // folder of the input document
    std::filesystem::path out_dir;                     // folder of the corrected document
};

/// The corrected document's text: the input JSON (key order and unknown keys kept) with the
/// changed boxes and sizes, the new raster names, and every other path rewritten relative to
/// out_dir. Empty with `error` set when the input text is not the JSON object it was.
std::string corrected_design_json(const std::string& input_text, const DesignEdits& edits, std::string& error);

/// changes.json: the input, the outputs, each page and each finding with what happened to it.
std::string changes_json(const FixResult& result, const std::string& design_file);

}  // namespace preflight::fix
