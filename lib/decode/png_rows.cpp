// Unfiltered PNG rows to 8-bit RGB or mask values, matching libpng + libvips bit for bit.
#include "decode/png_rows.hpp"

#include <cstring>

#include "kernels/png_unfilter.hpp"

namespace preflight::decode {

namespace {

inline std::uint16_t be16(const std::uint8_t* p) { return std::uint16_t(p[0] << 8 | p[1]); }

// 8-bit rows without tRNS, the strides known at compile time so the loops vectorise: the last
// band (alpha) of each pixel, or the OR of its bands.
template <std::size_t Channels>
void last_band(const std::uint8_t* row, std::uint32_t width, std::uint8_t* mask) {
    for (std::uint32_t x = 0; x < width; ++x) mask[x] = row[std::size_t(x) * Channels + Channels - 1];
}
void or_of_rgb(const std::uint8_t* row, std::uint32_t width, std::uint8_t* mask) {
    for (std::uint32_t x = 0; x < width; ++x) mask[x] = row[3 * std::size_t(x)] | row[3 * std::size_t(x) + 1] | row[3 * std::size_t(x) + 2];
}

}  // namespace

PngRowConverter::PngRowConverter(const PngHeader& header) : header_(header), width_(header.width) {
    if (header.colour == PngColour::palette) {
        // libpng keeps 256 entries: those past PLTE are black, those past tRNS opaque.
        for (int i = 0; i < 256; ++i) {
            const bool listed = i < header.palette_size;
            const auto& entry = header.palette[std::size_t(i)];
            const unsigned alpha = listed ? entry[3] : 255;
            auto& rgb = rgb_of_sample_[std::size_t(i)];
            for (int c = 0; c < 3; ++c) {
                const unsigned value = listed ? entry[std::size_t(c)] : 0;
                rgb[std::size_t(c)] = header.has_palette_alpha ? flatten_on_white(value, alpha) : std::uint8_t(value);
            }
            mask_of_sample_[std::size_t(i)] = header.has_palette_alpha
                ? std::uint8_t(alpha)
                : std::uint8_t(listed ? (entry[0] | entry[1] | entry[2]) : 0);
        }
    } else if (header.colour == PngColour::grey && header.bit_depth <= 8) {
        // libpng's png_set_expand_gray_1_2_4_to_8 scales by 255, 85 or 17; a tRNS grey matches
        // the sample as stored, and a transparent pixel flattens to white.
        const unsigned levels = (1u << header.bit_depth) - 1;
        for (unsigned s = 0; s <= levels; ++s) {
            const auto grey = std::uint8_t(s * (255u / levels));
            const bool transparent = header.has_transparent_colour && s == header.transparent_colour[0];
            rgb_of_sample_[s].fill(transparent ? 255 : grey);
            mask_of_sample_[s] = header.has_transparent_colour ? (transparent ? 0 : 255) : grey;
        }
    }
}

std::uint32_t PngRowConverter::sample(const std::uint8_t* row, std::size_t index) const {
    const int depth = header_.bit_depth;
    if (depth == 8) return row[index];
    const std::size_t bit = index * std::size_t(depth);
    const int shift = 8 - depth - int(bit & 7);
    return (row[bit >> 3] >> shift) & ((1u << depth) - 1);
}

void PngRowConverter::low_depth_to_rgb(const std::uint8_t* row, std::uint8_t* rgb) const {
    if (header_.bit_depth == 8 && header_.colour == PngColour::grey && !header_.has_transparent_colour) {
        for (std::uint32_t x = 0; x < width_; ++x) rgb[3 * x] = rgb[3 * x + 1] = rgb[3 * x + 2] = row[x];
        return;
    }
    if (header_.bit_depth == 8) {
        for (std::uint32_t x = 0; x < width_; ++x) std::memcpy(rgb + 3 * x, rgb_of_sample_[row[x]].data(), 3);
        return;
    }
    for (std::uint32_t x = 0; x < width_; ++x) std::memcpy(rgb + 3 * x, rgb_of_sample_[sample(row, x)].data(), 3);
}

void PngRowConverter::grey_to_rgb(const std::uint8_t* row, std::uint8_t* rgb) const {
    // 16-bit grey, or grey + alpha at 8 or 16 bits.
    const bool sixteen = header_.bit_depth == 16;
    const std::size_t step = std::size_t(header_.channels()) * (sixteen ? 2 : 1);
    for (std::uint32_t x = 0; x < width_; ++x, row += step, rgb += 3) {
        std::uint8_t grey = row[0];
        if (header_.colour == PngColour::grey_alpha) {
            grey = flatten_on_white(grey, row[sixteen ? 2 : 1]);
        } else if (header_.has_transparent_colour && be16(row) == header_.transparent_colour[0]) {
            grey = 255;
        }
        rgb[0] = rgb[1] = rgb[2] = grey;
    }
}

void PngRowConverter::colour_to_rgb(const std::uint8_t* row, std::uint8_t* rgb) const {
    const bool sixteen = header_.bit_depth == 16;
    if (header_.colour == PngColour::rgba && !sixteen) return kernels::flatten_rgba_on_white(row, width_, rgb);
    if (header_.colour == PngColour::rgba) {
        for (std::uint32_t x = 0; x < width_; ++x, row += 8, rgb += 3) {
            const unsigned alpha = row[6];
            rgb[0] = flatten_on_white(row[0], alpha);
            rgb[1] = flatten_on_white(row[2], alpha);
            rgb[2] = flatten_on_white(row[4], alpha);
        }
        return;
    }
    // RGB, perhaps with one transparent colour (compared at full depth).
    const auto& key = header_.transparent_colour;
    if (!sixteen) {
        if (!header_.has_transparent_colour) return (void)std::memcpy(rgb, row, std::size_t(width_) * 3);
        for (std::uint32_t x = 0; x < width_; ++x, row += 3, rgb += 3) {
            const bool transparent = row[0] == key[0] && row[1] == key[1] && row[2] == key[2];
            for (int c = 0; c < 3; ++c) rgb[c] = transparent ? 255 : row[c];
        }
        return;
    }
    for (std::uint32_t x = 0; x < width_; ++x, row += 6, rgb += 3) {
        const bool transparent = header_.has_transparent_colour && be16(row) == key[0] && be16(row + 2) == key[1] &&
                                 be16(row + 4) == key[2];
        for (int c = 0; c < 3; ++c) rgb[c] = transparent ? 255 : row[2 * c];
    }
}

void PngRowConverter::to_rgb(const std::uint8_t* row, std::uint8_t* rgb) const {
    switch (header_.colour) {
    case PngColour::palette: return low_depth_to_rgb(row, rgb);
    case PngColour::grey:
        if (header_.bit_depth <= 8) return low_depth_to_rgb(row, rgb);
        return grey_to_rgb(row, rgb);
    case PngColour::grey_alpha: return grey_to_rgb(row, rgb);
    default: return colour_to_rgb(row, rgb);
    }
}

void PngRowConverter::to_mask(const std::uint8_t* row, std::uint8_t* mask) const {
    const bool sixteen = header_.bit_depth == 16;
    const std::size_t sample_bytes = sixteen ? 2 : 1;
    const std::size_t channels = std::size_t(header_.channels());
    const std::size_t step = channels * sample_bytes;
    const bool low_depth = header_.colour == PngColour::palette || (header_.colour == PngColour::grey && !sixteen);
    if (low_depth) {
        for (std::uint32_t x = 0; x < width_; ++x) mask[x] = mask_of_sample_[sample(row, x)];
        return;
    }
    const bool has_alpha = header_.colour == PngColour::grey_alpha || header_.colour == PngColour::rgba;
    if (!sixteen && header_.colour == PngColour::rgba) return last_band<4>(row, width_, mask);
    if (!sixteen && header_.colour == PngColour::grey_alpha) return last_band<2>(row, width_, mask);
    if (!sixteen && header_.colour == PngColour::rgb && !header_.has_transparent_colour) return or_of_rgb(row, width_, mask);
    for (std::uint32_t x = 0; x < width_; ++x, row += step) {
        if (has_alpha) {
            mask[x] = row[(channels - 1) * sample_bytes];   // the alpha band's high byte
        } else if (header_.has_transparent_colour) {
            bool transparent = true;
            for (std::size_t c = 0; c < channels; ++c) {
                const unsigned value = sixteen ? be16(row + 2 * c) : row[c];
                transparent = transparent && value == header_.transparent_colour[c];
            }
            mask[x] = transparent ? 0 : 255;
        } else {
            std::uint8_t bands = 0;
            for (std::size_t c = 0; c < channels; ++c) bands |= row[c * sample_bytes];
            mask[x] = bands;
        }
    }
}

}  // namespace preflight::decode
