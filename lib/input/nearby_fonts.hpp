// Fonts next to a design's font, for text.missing_glyph's suggestions: the folder listed and
// each file read beneath the source's root (or among a memory source's files), loaded
// through the font cache from bytes. No path reaches FreeType.
#pragma once

#include <map>
#include <string>

#include "core/context.hpp"
#include "preflight/assets.hpp"

namespace preflight::input {

class SourceFonts final : public core::NearbyFonts {
public:
    SourceFonts(const AssetSource& source, const text::FontCache& cache) : source_(source), cache_(cache) {}
    /// Where a font of the design was read from (its path beneath the root).
    void remember(const text::Font& font, const std::string& from_root) { from_root_[&font] = from_root; }
    std::vector<Found> next_to(const text::Font& font, std::size_t max_files) const override;

private:
    const AssetSource& source_;
    const text::FontCache& cache_;
    std::map<const text::Font*, std::string> from_root_;
};

}  // namespace preflight::input
