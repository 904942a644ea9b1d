// libpng as a test encoder: the PNG forms of png_forms.hpp.
#include "support/png_forms.hpp"

#include <libdeflate.h>
#include <png.h>

#include <cstring>
#include <stdexcept>

namespace preflight::testing {

std::string PngForm::name() const {
    static const char* colours[] = {"grey", "?", "rgb", "palette", "grey_alpha", "?", "rgba"};
    std::string text = std::string(colours[colour_type]) + std::to_string(bit_depth);
    if (transparency) text += "+trns";
    text += " filters=" + std::to_string(filters) + " z=" + std::to_string(compression);
    if (interlaced) text += " adam7";
    return text;
}

std::vector<PngForm> every_png_form() {
    std::vector<PngForm> forms;
    for (int depth : {1, 2, 4, 8, 16})
        for (bool trns : {false, true}) forms.push_back({0, depth, 0x08, 6, false, trns});
    for (int depth : {8, 16})
        for (bool trns : {false, true}) forms.push_back({2, depth, 0x08, 6, false, trns});
    for (int depth : {1, 2, 4, 8})
        for (bool trns : {false, true}) forms.push_back({3, depth, 0x08, 6, false, trns});
    for (int depth : {8, 16}) {
        forms.push_back({4, depth, 0x08, 6, false, false});
        forms.push_back({6, depth, 0x08, 6, false, false});
    }
    return forms;
}

std::vector<int> every_png_filter() {
    return {PNG_FILTER_NONE, PNG_FILTER_SUB, PNG_FILTER_UP, PNG_FILTER_AVG, PNG_FILTER_PAETH, PNG_ALL_FILTERS};
}

namespace {

struct Sink {
    std::vector<std::uint8_t> bytes;
};
void write_to_memory(png_structp png, png_bytep data, png_size_t length) {
    auto* sink = static_cast<Sink*>(png_get_io_ptr(png));
    sink->bytes.insert(sink->bytes.end(), data, data + length);
}
void flush_nothing(png_structp) {}
void throw_error(png_structp, png_const_charp message) { throw std::runtime_error(message); }

// One sample of channel `c` for pixel (x, y) at `depth`, before packing.
unsigned sample_value(const core::Raster& source, const PngForm& form, int x, int y, int c) {
    const std::uint8_t* p = source.row(y % source.height) + 3 * (x % source.width);
    const unsigned luma = (299u * p[0] + 587u * p[1] + 114u * p[2]) / 1000u;
    const int depth = form.bit_depth;
    const bool has_alpha = form.colour_type == 4 || form.colour_type == 6;
    const int colour_channels = (form.colour_type == 2 || form.colour_type == 6) ? 3 : 1;
    unsigned value8;
    if (form.colour_type == 3) {
        // Palette index: luma for low depths, a 3-3-2 colour cube at 8 bits.
        if (depth < 8) return luma >> (8 - depth);
        return (p[0] & 0xE0u) | ((p[1] & 0xE0u) >> 3) | (p[2] >> 6);
    }
    if (has_alpha && c == colour_channels) {
        const unsigned phase = unsigned(x * 7 + y * 3) % 64;   // runs of clear, opaque and graded alpha
        value8 = phase < 12 ? 0u : phase < 40 ? 255u : (phase - 40) * 11u;
    } else {
        value8 = colour_channels == 3 ? p[c] : luma;
    }
    if (depth == 16) return value8 * 256u + unsigned((x * 31 + y * 17 + c * 5) & 0xFF);
    return value8 >> (8 - depth);
}

}  // namespace

std::vector<std::uint8_t> encode_png_form(const core::Raster& source, const PngForm& form) {
    const int width = source.width, height = source.height;
    Sink sink;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, throw_error, nullptr);
    png_infop info = png_create_info_struct(png);
    png_set_benign_errors(png, 1);   // palette indexes past PLTE are part of the test
    png_set_write_fn(png, &sink, write_to_memory, flush_nothing);
    png_set_IHDR(png, info, png_uint_32(width), png_uint_32(height), form.bit_depth, form.colour_type,
                 form.interlaced ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, form.filters);
    png_set_compression_level(png, form.compression);
    const int channels = png_get_channels(png, info);
    std::vector<png_color> palette;
    std::vector<png_byte> palette_alpha;
    png_color_16 transparent{};
    if (form.colour_type == 3) {
        const int entries = 1 << form.bit_depth;
        for (int i = 0; i < entries; ++i) {
            if (form.bit_depth < 8) {
                const auto grey = png_byte(i * 255 / (entries - 1));
                palette.push_back({grey, png_byte(255 - grey), png_byte(grey / 2)});
            } else {
                palette.push_back({png_byte(i & 0xE0), png_byte((i << 3) & 0xE0), png_byte((i << 6) & 0xC0)});
            }
            palette_alpha.push_back(png_byte((i * 37) % 256));
        }
        // A shorter PLTE at 8 bits: indexes past it exist in the image (libpng shows them black).
        png_set_PLTE(png, info, palette.data(), form.bit_depth == 8 ? 250 : int(palette.size()));
        if (form.transparency) png_set_tRNS(png, info, palette_alpha.data(), int(palette_alpha.size()) / 2, nullptr);
    } else if (form.transparency) {
        // A value that occurs: the first pixel's.
        transparent.gray = png_uint_16(sample_value(source, form, 0, 0, 0));
        transparent.red = png_uint_16(sample_value(source, form, 0, 0, 0));
        transparent.green = png_uint_16(sample_value(source, form, 0, 0, 1));
        transparent.blue = png_uint_16(sample_value(source, form, 0, 0, 2));
        png_set_tRNS(png, info, nullptr, 0, &transparent);
    }
    png_write_info(png, info);
    const std::size_t row_bytes = (std::size_t(width) * std::size_t(channels) * std::size_t(form.bit_depth) + 7) / 8;
    std::vector<png_byte> rows(row_bytes * std::size_t(height), 0);
    for (int y = 0; y < height; ++y) {
        png_byte* row = rows.data() + std::size_t(y) * row_bytes;
        for (int x = 0; x < width; ++x)
            for (int c = 0; c < channels; ++c) {
                const unsigned v = sample_value(source, form, x, y, c);
                const std::size_t index = std::size_t(x) * std::size_t(channels) + std::size_t(c);
                if (form.bit_depth == 16) {
                    row[2 * index] = png_byte(v >> 8);
                    row[2 * index + 1] = png_byte(v & 0xFF);
                } else if (form.bit_depth == 8) {
                    row[index] = png_byte(v);
                } else {
                    const std::size_t bit = index * std::size_t(form.bit_depth);
                    row[bit / 8] |= png_byte(v << (8 - form.bit_depth - int(bit % 8)));
                }
            }
    }
    std::vector<png_bytep> pointers(static_cast<std::size_t>(height));
    for (int y = 0; y < height; ++y) pointers[std::size_t(y)] = rows.data() + std::size_t(y) * row_bytes;
    png_write_image(png, pointers.data());
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return std::move(sink.bytes);
}

std::vector<std::uint8_t> with_chunk(std::vector<std::uint8_t> bytes, const std::string& type,
                                     const std::vector<std::uint8_t>& data) {
    std::vector<std::uint8_t> chunk = {std::uint8_t(data.size() >> 24), std::uint8_t(data.size() >> 16),
                                       std::uint8_t(data.size() >> 8), std::uint8_t(data.size())};
    chunk.insert(chunk.end(), type.begin(), type.end());
    chunk.insert(chunk.end(), data.begin(), data.end());
    const std::uint32_t crc = libdeflate_crc32(0, chunk.data() + 4, chunk.size() - 4);
    for (int shift : {24, 16, 8, 0}) chunk.push_back(std::uint8_t(crc >> shift));
    bytes.insert(bytes.begin() + 33, chunk.begin(), chunk.end());   // signature 8 + IHDR 25
    return bytes;
}

}  // namespace preflight::testing
