// Fonts next to a design's font (see nearby_fonts.hpp).
#include "input/nearby_fonts.hpp"

#include <algorithm>
#include <cctype>

#include "input/asset_reader.hpp"

namespace preflight::input {

namespace {

constexpr std::uint64_t max_font_bytes = 64u * 1024 * 1024;
// A folder with more entries than this is not read further (a hostile export's 1e6 files).
constexpr std::size_t max_listed = 4096;

bool is_font_name(const std::string& name) {
    const auto dot = name.rfind('.');
    if (dot == std::string::npos) return false;
    std::string ext = name.substr(dot);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return ext == ".ttf" || ext == ".otf" || ext == ".ttc" || ext == ".otc";
}

}  // namespace

std::vector<core::NearbyFonts::Found> SourceFonts::next_to(const text::Font& font, std::size_t max_files) const {
    std::vector<Found> found;
    const auto known = from_root_.find(&font);
    if (known == from_root_.end()) return found;
    const std::string& own = known->second;
    const auto slash = own.rfind('/');
    const std::string folder = slash == std::string::npos ? std::string() : own.substr(0, slash);
    std::vector<std::string> names;
    for (std::string& name : AssetReader::list_files(source_, folder, max_listed))
        if (is_font_name(name) && (folder.empty() ? name : folder + "/" + name) != own) names.push_back(std::move(name));
    std::sort(names.begin(), names.end());
    if (names.size() > max_files) names.resize(max_files);
    for (const std::string& name : names) {
        const std::string from_root = folder.empty() ? name : folder + "/" + name;
        // One open for the identity (a cached font is not read again), one for the bytes;
        // both beneath the root, refusing links out, FIFOs and devices.
        AssetItem identity = AssetReader::fetch(source_, from_root, from_root, max_font_bytes, false, false);
        if (!identity.ok()) continue;
        auto read = [&]() -> text::FontCache::FileBytes {
            AssetItem file = AssetReader::fetch(source_, from_root, from_root, max_font_bytes, true, false);
            if (!file.ok()) return {{}, file.error_check, file.error};
            return {std::string(file.bytes->begin(), file.bytes->end()), {}, {}};
        };
        std::string error_check, error;
        auto other = cache_.get(identity.identity, AssetReader::shown_path(source_, from_root), read, error_check, error);
        if (other) found.push_back({name, std::move(other)});
    }
    return found;
}

}  // namespace preflight::input
