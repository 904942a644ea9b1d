// PNG files of every form libpng can write (colour type, bit depth, palette, tRNS, forced
// filter, compression, interlace), with samples derived from real pixels, for the decoder tests.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/raster.hpp"

namespace preflight::testing {

struct PngForm {
    int colour_type = 2;        // PNG_COLOR_TYPE_*: 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA
    int bit_depth = 8;
    int filters = 0x08;         // PNG_FILTER_* mask given to png_set_filter (0x08 none ... 0x80 Paeth, 0xF8 all)
    int compression = 6;
    bool interlaced = false;
    bool transparency = false;  // tRNS: palette alphas, or one transparent grey / RGB value
    std::string name() const;
};

/// Every colour type x bit depth PNG allows, each with and without tRNS where it applies.
std::vector<PngForm> every_png_form();

/// The five filters forced one at a time, then libpng's adaptive choice among all of them.
std::vector<int> every_png_filter();

/// Encodes `source` (8-bit RGB, any size) as `form` with libpng: grey from luma, alpha from a
/// pattern holding 0, 255 and values between, 16-bit samples with a varying low byte, palette
/// indexes from a colour cube. The transparent grey / RGB value of tRNS occurs in the image.
std::vector<std::uint8_t> encode_png_form(const core::Raster& source, const PngForm& form);

/// `bytes` (a PNG) with one more chunk, CRC and all, right after IHDR.
std::vector<std::uint8_t> with_chunk(std::vector<std::uint8_t> bytes, const std::string& type,
                                     const std::vector<std::uint8_t>& data);

}  // namespace preflight::testing
