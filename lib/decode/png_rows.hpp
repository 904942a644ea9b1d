// Turning one unfiltered PNG row into the shared 8-bit buffers, exactly as the libvips path does:
// libpng's expansion (palette, tRNS, 1/2/4-bit grey) then vips_colourspace (16 -> 8 bit by
// dropping the low byte), vips_flatten on white and, for masks, vips' alpha / band OR.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "decode/png_chunks.hpp"

namespace preflight::decode {

/// Paper white under a pixel of alpha `alpha`, as vips_flatten computes it on 8-bit sRGB.
inline std::uint8_t flatten_on_white(unsigned value, unsigned alpha) {
    // x / 255 for x <= 65025, written so the compiler vectorises it (checked for every x in tests).
    const unsigned x = value * alpha + 255u * (255u - alpha);
    return std::uint8_t((x + 1 + (x >> 8)) >> 8);
}

class PngRowConverter {
public:
    explicit PngRowConverter(const PngHeader& header);
    /// Writes width x 3 bytes of interleaved RGB.
    void to_rgb(const std::uint8_t* row, std::uint8_t* rgb) const;
    /// Writes width bytes of mask values (alpha where there is transparency, else the OR of the bands).
    void to_mask(const std::uint8_t* row, std::uint8_t* mask) const;
    /// Whether to_rgb / to_mask copy the row as it is (8-bit RGB / 8-bit grey, no tRNS).
    bool copies_rgb() const {
        return header_.colour == PngColour::rgb && header_.bit_depth == 8 && !header_.has_transparent_colour;
    }
    bool copies_mask() const {
        return header_.colour == PngColour::grey && header_.bit_depth == 8 && !header_.has_transparent_colour;
    }

private:
    void grey_to_rgb(const std::uint8_t* row, std::uint8_t* rgb) const;
    void colour_to_rgb(const std::uint8_t* row, std::uint8_t* rgb) const;
    void low_depth_to_rgb(const std::uint8_t* row, std::uint8_t* rgb) const;
    std::uint32_t sample(const std::uint8_t* row, std::size_t index) const;   // 1/2/4/8-bit sample

    const PngHeader& header_;
    std::uint32_t width_;
    std::array<std::array<std::uint8_t, 3>, 256> rgb_of_sample_{};   // palette or low-depth grey, flattened
    std::array<std::uint8_t, 256> mask_of_sample_{};
};

}  // namespace preflight::decode
