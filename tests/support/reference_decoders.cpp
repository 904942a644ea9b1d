// libpng and libjpeg as reference decoders (see reference_decoders.hpp). Errors longjmp out of
// the libraries back to here, as in libvips.
#include "support/reference_decoders.hpp"

#include <png.h>
#include <csetjmp>
#include <cstdio>
#include <jpeglib.h>

#include <cstring>
#include <memory>
#include <utility>

namespace preflight::reference {

namespace {

struct PngSource {
    std::span<const std::uint8_t> bytes;
    std::size_t offset = 0;
};

void png_read_from_memory(png_structp png, png_bytep data, png_size_t length) {
    auto* source = static_cast<PngSource*>(png_get_io_ptr(png));
    if (source->bytes.size() - source->offset < length) png_error(png, "not enough data");
    std::memcpy(data, source->bytes.data() + source->offset, length);
    source->offset += length;
}

void png_fail(png_structp png, png_const_charp message) {
    auto* error = static_cast<std::string*>(png_get_error_ptr(png));
    *error = message;
    longjmp(png_jmpbuf(png), 1);
}
void png_quiet(png_structp, png_const_charp) {}

// Reads every row as libvips' png2vips_header sets libpng up. `channels`/`depth` describe rows.
bool read_png(std::span<const std::uint8_t> bytes, Decoded& out, int& channels, int& depth) {
    PngSource source{bytes};
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &out.error, png_fail, png_quiet);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!info) {
        png_destroy_read_struct(&png, nullptr, nullptr);
        out.error = "libpng could not start";
        return false;
    }
    std::vector<std::uint8_t>& rows = out.pixels;
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_read_struct(&png, &info, nullptr);
        rows.clear();
        return false;
    }
    png_set_option(png, PNG_SKIP_sRGB_CHECK_PROFILE, PNG_OPTION_ON);
    png_set_option(png, PNG_IGNORE_ADLER32, PNG_OPTION_ON);
    png_set_user_limits(png, 10'000'000, 10'000'000);
    png_set_chunk_malloc_max(png, 50 * 1024 * 1024);
    png_set_read_fn(png, &source, png_read_from_memory);
    png_read_info(png, info);
    png_uint_32 width = 0, height = 0;
    int colour = 0, interlace = 0;
    png_get_IHDR(png, info, &width, &height, &depth, &colour, &interlace, nullptr, nullptr);
    if (colour == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
    if (png_get_valid(png, info, PNG_INFO_tRNS)) png_set_tRNS_to_alpha(png);
    if (colour == PNG_COLOR_TYPE_GRAY && depth < 8) png_set_expand_gray_1_2_4_to_8(png);
    const int passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);
    channels = png_get_channels(png, info);
    depth = png_get_bit_depth(png, info);
    const std::size_t row_bytes = png_get_rowbytes(png, info);
    rows.resize(row_bytes * height);
    // Row by row (each pass of an interlaced file), so no local needs freeing after a longjmp.
    for (int pass = 0; pass < passes; ++pass)
        for (png_uint_32 y = 0; y < height; ++y) png_read_row(png, rows.data() + y * row_bytes, nullptr);
    // libvips never calls png_read_end.
    png_destroy_read_struct(&png, &info, nullptr);
    out.width = int(width);
    out.height = int(height);
    out.ok = true;
    return true;
}

}  // namespace

Decoded png_rows(std::span<const std::uint8_t> bytes) {
    Decoded out;
    int channels = 0, depth = 0;
    read_png(bytes, out, channels, depth);
    return out;
}

Decoded png_rgb8(std::span<const std::uint8_t> bytes) {
    Decoded rows;
    int channels = 0, depth = 0;
    if (!read_png(bytes, rows, channels, depth)) return rows;
    Decoded out = rows;
    const std::size_t pixels = std::size_t(rows.width) * std::size_t(rows.height);
    const std::size_t sample = depth == 16 ? 2 : 1;   // big-endian: the high byte comes first
    out.pixels.assign(pixels * 3, 0);
    for (std::size_t i = 0; i < pixels; ++i) {
        const std::uint8_t* p = rows.pixels.data() + i * std::size_t(channels) * sample;
        const bool colour = channels >= 3, alpha = channels == 2 || channels == 4;
        unsigned value[3];
        for (int c = 0; c < 3; ++c) value[c] = p[(colour ? c : 0) * int(sample)];
        const unsigned a = alpha ? p[(channels - 1) * int(sample)] : 255;
        for (int c = 0; c < 3; ++c) out.pixels[3 * i + std::size_t(c)] = std::uint8_t((value[c] * a + 255 * (255 - a)) / 255);
    }
    return out;
}

Decoded png_mask(std::span<const std::uint8_t> bytes) {
    Decoded rows;
    int channels = 0, depth = 0;
    if (!read_png(bytes, rows, channels, depth)) return rows;
    Decoded out = rows;
    const std::size_t pixels = std::size_t(rows.width) * std::size_t(rows.height);
    const std::size_t sample = depth == 16 ? 2 : 1;
    out.pixels.assign(pixels, 0);
    for (std::size_t i = 0; i < pixels; ++i) {
        const std::uint8_t* p = rows.pixels.data() + i * std::size_t(channels) * sample;
        if (channels == 2 || channels == 4) {
            out.pixels[i] = p[std::size_t(channels - 1) * sample];
        } else {
            std::uint8_t bands = 0;
            for (int c = 0; c < channels; ++c) bands |= p[std::size_t(c) * sample];
            out.pixels[i] = bands;
        }
    }
    return out;
}

namespace {

struct JpegError {
    jpeg_error_mgr manager;
    std::jmp_buf jump;
    std::string message;
};

void jpeg_fail(j_common_ptr info) {
    auto* error = reinterpret_cast<JpegError*>(info->err);
    char buffer[JMSG_LENGTH_MAX];
    info->err->format_message(info, buffer);
    error->message = buffer;
    std::longjmp(error->jump, 1);
}
void jpeg_message(j_common_ptr info, int level) {
    if (level < 0) jpeg_fail(info);   // a warning (corrupt data): an error here, as with libvips' fail
}

}  // namespace

Decoded jpeg_rgb8(std::span<const std::uint8_t> bytes, int scale_denominator) {
    // Everything written after setjmp lives on the heap, so a longjmp leaves it well defined.
    auto result = std::make_unique<Decoded>();
    Decoded& out = *result;
    jpeg_decompress_struct info{};
    JpegError error{};
    info.err = jpeg_std_error(&error.manager);
    error.manager.error_exit = jpeg_fail;
    error.manager.emit_message = jpeg_message;
    if (setjmp(error.jump)) {
        jpeg_destroy_decompress(&info);
        Decoded failed;
        failed.error = error.message;
        return failed;
    }
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, bytes.data(), static_cast<unsigned long>(bytes.size()));
    jpeg_read_header(&info, TRUE);
    info.out_color_space = JCS_RGB;
    info.scale_num = 1;
    info.scale_denom = unsigned(scale_denominator);
    jpeg_start_decompress(&info);
    out.width = int(info.output_width);
    out.height = int(info.output_height);
    const std::size_t stride = std::size_t(out.width) * 3;
    out.pixels.resize(stride * std::size_t(out.height));
    while (info.output_scanline < info.output_height) {
        JSAMPROW row = out.pixels.data() + stride * info.output_scanline;
        jpeg_read_scanlines(&info, &row, 1);
    }
    jpeg_finish_decompress(&info);
    jpeg_destroy_decompress(&info);
    out.ok = true;
    return std::move(out);
}

}  // namespace preflight::reference
