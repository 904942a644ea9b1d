// PNG chunk parsing from memory: every length checked against the bytes left, every CRC
// verified, and each chunk that libvips would act on (ICC profile, EXIF orientation) or that
// libpng would handle with a warning sent back as `unsupported`, so libvips decides.
#include "decode/png_chunks.hpp"

#include <libdeflate.h>

#include <cstdlib>
#include <cstring>
#include <string>

namespace preflight::decode {

namespace {

constexpr std::uint8_t png_signature[8] = {137, 80, 78, 71, 13, 10, 26, 10};
constexpr std::uint32_t largest_side_px = 10'000'000;   // libvips' VIPS_MAX_COORD, given to libpng

std::uint32_t read_be32(const std::uint8_t* p) {
    return std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | p[3];
}
std::uint16_t read_be16(const std::uint8_t* p) { return std::uint16_t(p[0] << 8 | p[1]); }

bool is_letter(std::uint8_t c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

struct Chunk {
    char type[5] = {};
    std::span<const std::uint8_t> data;
    bool critical() const { return (type[0] & 0x20) == 0; }
    bool is(const char* name) const { return std::memcmp(type, name, 4) == 0; }
};

// The chunk at `offset`: checked length, type and CRC. Leaves `offset` after it.
FastResult read_chunk(std::span<const std::uint8_t> bytes, std::size_t& offset, Chunk& chunk) {
    if (bytes.size() - offset < 8) return fast_invalid("truncated PNG: the file ends inside a chunk header");
    const std::uint8_t* head = bytes.data() + offset;
    const std::uint32_t length = read_be32(head);
    std::memcpy(chunk.type, head + 4, 4);
    if (length > 0x7fffffffu) return fast_invalid("PNG chunk length out of range");
    for (int i = 0; i < 4; ++i)
        if (!is_letter(head[4 + i])) return fast_invalid("invalid PNG chunk type");
    if (bytes.size() - offset - 8 < std::size_t(length) + 4)
        return fast_invalid(std::string("truncated PNG: the ") + chunk.type + " chunk runs past the end of the file");
    chunk.data = bytes.subspan(offset + 8, length);
    const std::uint32_t stored_crc = read_be32(head + 8 + length);
    offset += std::size_t(length) + 12;
    if (libdeflate_crc32(0, head + 4, std::size_t(length) + 4) != stored_crc) {
        if (chunk.critical()) return fast_invalid(std::string("CRC error in the PNG ") + chunk.type + " chunk");
        return fast_unsupported(std::string("CRC error in the ancillary ") + chunk.type + " chunk");
    }
    return fast_ok();
}

FastResult read_header(const Chunk& chunk, PngHeader& header) {
    if (chunk.data.size() != 13) return fast_invalid("invalid PNG IHDR chunk length");
    const std::uint8_t* d = chunk.data.data();
    header.width = read_be32(d);
    header.height = read_be32(d + 4);
    header.bit_depth = d[8];
    const int colour = d[9];
    if (header.width == 0 || header.height == 0 || header.width > 0x7fffffffu || header.height > 0x7fffffffu)
        return fast_invalid("invalid PNG image size");
    const int depth = header.bit_depth;
    bool valid_depth = false;
    switch (colour) {
    case 0: valid_depth = depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16; break;
    case 3: valid_depth = depth == 1 || depth == 2 || depth == 4 || depth == 8; break;
    case 2: case 4: case 6: valid_depth = depth == 8 || depth == 16; break;
    default: return fast_invalid("invalid PNG colour type");
    }
    if (!valid_depth) return fast_invalid("invalid PNG bit depth for its colour type");
    header.colour = PngColour(colour);
    if (d[10] != 0 || d[11] != 0) return fast_invalid("unknown PNG compression or filter method");
    if (d[12] > 1) return fast_invalid("unknown PNG interlace method");
    if (d[12] == 1) return fast_unsupported("Adam7 interlaced PNG");
    if (header.width > largest_side_px || header.height > largest_side_px)
        return fast_unsupported("PNG side over libvips' largest coordinate");
    return fast_ok();
}

FastResult read_palette(const Chunk& chunk, PngHeader& header) {
    if (header.colour == PngColour::grey || header.colour == PngColour::grey_alpha)
        return fast_unsupported("PLTE chunk in a grey PNG");
    if (header.palette_size != 0) return fast_unsupported("duplicate PLTE chunk");
    const std::size_t entries = chunk.data.size() / 3;
    if (chunk.data.size() % 3 != 0 || entries == 0 || entries > 256)
        return fast_unsupported("PLTE chunk of an unusual length");
    if (header.colour != PngColour::palette) return fast_ok();   // a suggested palette: not used
    if (entries > (std::size_t(1) << header.bit_depth)) return fast_unsupported("PLTE longer than the bit depth allows");
    for (std::size_t i = 0; i < entries; ++i)
        header.palette[i] = {chunk.data[3 * i], chunk.data[3 * i + 1], chunk.data[3 * i + 2], 255};
    header.palette_size = int(entries);
    return fast_ok();
}

FastResult read_transparency(const Chunk& chunk, PngHeader& header) {
    if (header.has_transparent_colour || header.has_palette_alpha) return fast_unsupported("duplicate tRNS chunk");
    const auto& d = chunk.data;
    const std::uint32_t sample_max = (1u << header.bit_depth) - 1;
    switch (header.colour) {
    case PngColour::palette:
        if (header.palette_size == 0 || d.empty() || d.size() > std::size_t(header.palette_size))
            return fast_unsupported("tRNS chunk that libpng ignores");
        for (std::size_t i = 0; i < d.size(); ++i) header.palette[i][3] = d[i];
        header.has_palette_alpha = true;
        return fast_ok();
    case PngColour::grey:
        if (d.size() != 2 || read_be16(d.data()) > sample_max) return fast_unsupported("tRNS chunk that libpng ignores");
        header.transparent_colour[0] = read_be16(d.data());
        header.has_transparent_colour = true;
        return fast_ok();
    case PngColour::rgb:
        if (d.size() != 6) return fast_unsupported("tRNS chunk that libpng ignores");
        for (int i = 0; i < 3; ++i) {
            header.transparent_colour[i] = read_be16(d.data() + 2 * i);
            if (header.transparent_colour[i] > sample_max) return fast_unsupported("tRNS chunk that libpng ignores");
        }
        header.has_transparent_colour = true;
        return fast_ok();
    default:
        return fast_unsupported("tRNS chunk in a PNG with an alpha channel");
    }
}

// gAMA and cHRM: libvips ignores both; we accept only the values of sRGB, so a file that asks
// for another response or other primaries takes the libvips path (same pixels, its decision).
FastResult read_colour_hints(const Chunk& chunk) {
    if (chunk.is("gAMA")) {
        if (chunk.data.size() != 4 || std::abs(long(read_be32(chunk.data.data())) - 45455) > 500)
            return fast_unsupported("gAMA other than 1/2.2");
        return fast_ok();
    }
    static constexpr long srgb_chromaticities[8] = {31270, 32900, 64000, 33000, 30000, 60000, 15000, 6000};
    if (chunk.data.size() != 32) return fast_unsupported("cHRM of an unusual length");
    for (int i = 0; i < 8; ++i)
        if (std::abs(long(read_be32(chunk.data.data() + 4 * i)) - srgb_chromaticities[i]) > 1000)
            return fast_unsupported("cHRM other than sRGB primaries");
    return fast_ok();
}

FastResult read_before_image_data(const Chunk& chunk, PngHeader& header) {
    if (chunk.is("PLTE")) return read_palette(chunk, header);
    if (chunk.is("tRNS")) return read_transparency(chunk, header);
    if (chunk.is("gAMA") || chunk.is("cHRM")) return read_colour_hints(chunk);
    if (chunk.is("iCCP")) return fast_unsupported("embedded ICC profile");
    if (chunk.is("eXIf")) return fast_unsupported("EXIF data (orientation)");
    if (chunk.is("IHDR")) return fast_invalid("duplicate PNG IHDR chunk");
    if (chunk.is("IEND")) return fast_invalid("PNG without image data");
    if (chunk.critical()) return fast_unsupported(std::string("unknown critical chunk ") + chunk.type);
    return fast_ok();   // text, time, pHYs, sRGB, sBIT, bKGD, ...: no effect on libvips' pixels
}

}  // namespace

int PngHeader::channels() const {
    switch (colour) {
    case PngColour::rgb: return 3;
    case PngColour::grey_alpha: return 2;
    case PngColour::rgba: return 4;
    default: return 1;
    }
}

std::size_t PngHeader::row_bytes() const {
    return (std::size_t(width) * std::size_t(channels()) * std::size_t(bit_depth) + 7) / 8;
}

std::size_t PngHeader::bytes_per_pixel() const {
    const std::size_t bits = std::size_t(channels()) * std::size_t(bit_depth);
    return bits < 8 ? 1 : bits / 8;
}

bool is_png(std::span<const std::uint8_t> bytes) {
    return bytes.size() >= 8 && std::memcmp(bytes.data(), png_signature, 8) == 0;
}

FastResult parse_png_chunks(std::span<const std::uint8_t> bytes, PngHeader& header) {
    return parse_png_chunks(bytes, header, false);
}

FastResult read_png_header(std::span<const std::uint8_t> bytes, PngHeader& header) {
    return parse_png_chunks(bytes, header, true);
}

FastResult parse_png_chunks(std::span<const std::uint8_t> bytes, PngHeader& header, bool header_only) {
    if (!is_png(bytes)) return fast_unsupported("not a PNG");
    std::size_t offset = 8;
    Chunk chunk;
    if (auto r = read_chunk(bytes, offset, chunk); r.status != FastStatus::ok) return r;
    if (!chunk.is("IHDR")) return fast_invalid("PNG without IHDR as its first chunk");
    if (auto r = read_header(chunk, header); r.status != FastStatus::ok) return r;
    bool image_data_started = false;
    for (;;) {
        // libvips (libpng) stops reading at the end of the image data: what follows is never looked at.
        if (image_data_started && (bytes.size() - offset < 8 || std::memcmp(bytes.data() + offset + 4, "IDAT", 4) != 0))
            return fast_ok();
        // libpng's png_read_info (libvips' header) stops at the first IDAT, before its CRC.
        if (header_only && bytes.size() - offset >= 8 && std::memcmp(bytes.data() + offset + 4, "IDAT", 4) == 0)
            return header.colour == PngColour::palette && header.palette_size == 0
                       ? fast_invalid("palette PNG without a PLTE chunk")
                       : fast_ok();
        if (auto r = read_chunk(bytes, offset, chunk); r.status != FastStatus::ok) return r;
        if (chunk.is("IDAT")) {
            if (header.colour == PngColour::palette && header.palette_size == 0)
                return fast_invalid("palette PNG without a PLTE chunk");
            image_data_started = true;
            header.image_data.push_back(chunk.data);
            header.image_data_bytes += chunk.data.size();
            continue;
        }
        if (auto r = read_before_image_data(chunk, header); r.status != FastStatus::ok) return r;
    }
}

}  // namespace preflight::decode
