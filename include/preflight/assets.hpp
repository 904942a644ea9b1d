// Where a design's files come from: a folder (confined beneath it), bytes held in memory,
// or pixels a caller already rendered. The Checker reads every file through one of these.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "preflight/export.hpp"

namespace preflight {

namespace input { class AssetReader; }

/// Pixels already rendered for one page raster: 8-bit sRGB, RGB or RGBA (alpha is laid on
/// paper white), rows `stride_bytes` apart.
struct RenderedPixels {
    int width = 0;
    int height = 0;
    int channels = 3;                  // 3 (RGB8) or 4 (RGBA8)
    std::size_t stride_bytes = 0;      // 0: rows packed (width * channels)
    double dpi = 0;                    // 0: the page's dpi; else it must match the page's
    std::vector<std::uint8_t> bytes;   // at least (height - 1) * stride + width * channels
};

/// The files of one export or design. Cheap to copy (copies share their contents); add
/// everything before checking, then use it from any number of threads.
class PREFLIGHT_API AssetSource {
public:
    /// Files beneath `root`. Each file is opened once with openat2(RESOLVE_BENEATH |
    /// RESOLVE_NO_MAGICLINKS) (links that stay inside are followed), or on older kernels by
    /// a walk that follows no link at all; only regular files are read, from that descriptor.
    static AssetSource files(const std::filesystem::path& root);
    /// Nothing but what is added with add_file and add_rendered.
    static AssetSource memory();

    /// The bytes of one file, named as the order or design writes it ("front.png"), or by
    /// its path from the root ("designs/1/front.png"). Added entries are found before files.
    AssetSource& add_file(const std::string& path, std::vector<std::uint8_t> bytes);
    AssetSource& add_file(const std::string& path, std::string_view bytes);
    /// Pixels for a page raster path (as written in the design): used instead of decoding.
    AssetSource& add_rendered(const std::string& path, RenderedPixels pixels);

    /// The folder of files(); empty for memory().
    const std::filesystem::path& root() const;

private:
    struct Impl;
    explicit AssetSource(std::shared_ptr<Impl> impl);
    std::shared_ptr<Impl> impl_;
    friend class input::AssetReader;
};

}  // namespace preflight
