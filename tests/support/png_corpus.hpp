// The same page as PNG files from four encoders people use (libvips, ImageMagick, Pillow and
// Chromium's screenshot), with their filter and compression choices: the decoder tests'
// and the decode benchmark's corpus, generated on the spot rather than committed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/raster.hpp"

namespace preflight::testing {

struct CorpusPng {
    std::string encoder;    // "libvips", "imagemagick", "pillow", "chromium"
    std::string setting;    // e.g. "filter=paeth z=6", "palette", "rgba"
    std::vector<std::uint8_t> bytes;
    std::string error;      // why this encoder could not write it (a test failure, never a skip)
};

/// A card page of width x height: paper white, a real photograph (mate-backgrounds' LadyBird)
/// in a frame, lines of dark "text" and a coloured band.
core::Raster card_page(int width, int height);

/// Encodes `page` with every encoder and setting; `work_dir` receives the intermediate files.
/// `with_chromium` false leaves out the (slow: ~3 s) browser screenshot.
std::vector<CorpusPng> encoder_corpus(const core::Raster& page, const std::filesystem::path& work_dir,
                                      bool with_chromium = true);

/// The bytes of a file (empty when it cannot be read).
std::vector<std::uint8_t> read_file_bytes(const std::filesystem::path& file);

}  // namespace preflight::testing
