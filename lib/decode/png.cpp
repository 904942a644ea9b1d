// PNG decoding: one buffer holds the inflated (filtered) rows at its end and receives the
// output rows from its start; each row is unfiltered into a small ping-pong pair and converted
// straight away, so the output never overtakes the rows still to be read and the peak memory
// is one page (the larger of the filtered and the converted size), as with libvips streaming.
#include "decode/png.hpp"

#include <libdeflate.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <vector>

#include "decode/png_chunks.hpp"
#include "decode/png_rows.hpp"
#include "kernels/png_unfilter.hpp"

namespace preflight::decode {

namespace {

// Deflate expands at most ~1032:1; a stream too short for the rows cannot be valid.
constexpr std::uint64_t largest_deflate_ratio = 1100;

struct DecompressorDeleter {
    void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
};

// Inflates the zlib stream of the IDAT chunks into exactly `size` bytes at `out`. The Adler-32
// is not checked (libvips tells libpng not to either).
FastResult inflate_image_data(const PngHeader& header, std::uint8_t* out, std::size_t size) {
    std::vector<std::uint8_t> joined;
    std::span<const std::uint8_t> stream;
    if (header.image_data.size() == 1) {
        stream = header.image_data.front();
    } else {
        joined.reserve(header.image_data_bytes);
        for (auto piece : header.image_data) joined.insert(joined.end(), piece.begin(), piece.end());
        stream = joined;
    }
    if (stream.size() < 2) return fast_invalid("PNG image data too short");
    const unsigned cmf = stream[0], flags = stream[1];
    if ((cmf & 15) != 8 || (cmf >> 4) > 7 || (cmf * 256 + flags) % 31 != 0 || (flags & 0x20) != 0)
        return fast_invalid("PNG image data: incorrect zlib header");
    std::unique_ptr<libdeflate_decompressor, DecompressorDeleter> decompressor(libdeflate_alloc_decompressor());
    if (!decompressor) return fast_unsupported("out of memory for the inflater");
    std::size_t consumed = 0, produced = 0;
    const auto result = libdeflate_deflate_decompress_ex(decompressor.get(), stream.data() + 2, stream.size() - 2,
                                                         out, size, &consumed, &produced);
    if (result == LIBDEFLATE_INSUFFICIENT_SPACE) return fast_unsupported("PNG image data longer than the image");
    if (result != LIBDEFLATE_SUCCESS) return fast_invalid("PNG image data is corrupt");
    if (produced != size) return fast_invalid("PNG image data is truncated");
    return fast_ok();
}

// Header checks shared by both outputs: pixel limit and stream length, before any allocation.
FastResult check_sizes(const PngHeader& header, double max_megapixels) {
    const double megapixels = double(header.width) * double(header.height) / 1e6;
    if (megapixels > max_megapixels)
        return fast_invalid(over_pixel_limit_message(header.width, header.height, max_megapixels));
    const std::uint64_t filtered = std::uint64_t(header.height) * (header.row_bytes() + 1);
    if (filtered > largest_deflate_ratio * std::uint64_t(header.image_data_bytes) + 1024)
        return fast_invalid("PNG image data is truncated");
    return fast_ok();
}

// Runs the row pass with `convert(unfiltered_row, y, out_row)`; `pixels` ends holding
// height * out_row_bytes bytes of output. When `copies` (convert is a plain copy of row_bytes),
// rows without a filter are moved straight to their output row, which is then the row above.
template <class Convert>
FastResult decode_rows(const PngHeader& header, std::size_t out_row_bytes, core::PixelBuffer& pixels,
                       bool copies, const Convert& convert) {
    const std::size_t row_bytes = header.row_bytes();
    const std::size_t height = header.height;
    const std::size_t filtered_size = height * (row_bytes + 1);
    const std::size_t out_size = height * out_row_bytes;
    const std::size_t core_size = std::max(filtered_size, out_size);
    pixels.resize(core_size + kernels::png_row_padding);
    std::uint8_t* filtered = pixels.data() + (core_size - filtered_size);
    if (auto r = inflate_image_data(header, filtered, filtered_size); r.status != FastStatus::ok) return r;
    // Unfiltered rows: a ring of slots with the kernels' padding, for the row above and a run of
    // up to png_max_rows_together rows of one filter (Paeth and Average runs are unfiltered interleaved).
    constexpr std::size_t slots = kernels::png_max_rows_together + 1;
    const std::size_t stride = row_bytes + kernels::png_row_padding;
    std::vector<std::uint8_t> rows(slots * stride, 0);
    const std::size_t bpp = header.bytes_per_pixel();
    const std::size_t filtered_stride = row_bytes + 1;
    std::size_t above_slot = slots - 1;   // zero-filled: the row above the first
    const std::uint8_t* above = rows.data() + above_slot * stride;
    for (std::size_t y = 0; y < height;) {
        const std::uint8_t filter = filtered[y * filtered_stride];
        if (filter > 4) return fast_invalid("PNG row with an unknown filter type");
        if (filter == 0 && copies) {
            // Its output row lies at or before its filtered bytes, never over a later row's:
            // memmove, and the kernels read it (with their padding) as the row above.
            std::uint8_t* out = pixels.data() + y * out_row_bytes;
            std::memmove(out, filtered + y * filtered_stride + 1, row_bytes);
            above = out;
            above_slot = slots - 1;
            ++y;
            continue;
        }
        // Consecutive rows of the same filter that fit in the ring after the row above.
        std::size_t run = 1;
        const std::size_t first_slot = (above_slot + 1) % slots;
        const std::size_t room = std::min(kernels::png_max_rows_together, slots - first_slot);
        while (run < room && y + run < height && filtered[(y + run) * filtered_stride] == filter) ++run;
        kernels::png_unfilter_rows(kernels::PngFilter(filter), filtered + y * filtered_stride + 1,
                                   std::ptrdiff_t(filtered_stride), above, rows.data() + first_slot * stride,
                                   std::ptrdiff_t(stride), run, row_bytes, bpp);
        for (std::size_t r = 0; r < run; ++r)
            convert(rows.data() + (first_slot + r) * stride, pixels.data() + (y + r) * out_row_bytes);
        above_slot = first_slot + run - 1;
        above = rows.data() + above_slot * stride;
        y += run;
    }
    pixels.resize(out_size);
    // 16-bit and RGBA rows take more room inflated than converted: give the surplus back, so
    // the page buffer the checks share is no larger than the libvips path's.
    if (pixels.capacity() > out_size + out_size / 8) pixels.shrink_to_fit();
    return fast_ok();
}

}  // namespace

FastResult decode_png_rgb8(std::span<const std::uint8_t> bytes, double max_megapixels, core::Raster& out) {
    PngHeader header;
    if (auto r = parse_png_chunks(bytes, header); r.status != FastStatus::ok) return r;
    if (auto r = check_sizes(header, max_megapixels); r.status != FastStatus::ok) return r;
    const PngRowConverter converter(header);
    const std::size_t out_row_bytes = std::size_t(header.width) * 3;
    auto result = decode_rows(header, out_row_bytes, out.pixels, converter.copies_rgb(), [&](const std::uint8_t* row, std::uint8_t* rgb) {
        converter.to_rgb(row, rgb);
    });
    if (result.status != FastStatus::ok) {
        out.pixels = {};
        out.width = out.height = 0;
        return result;
    }
    out.width = int(header.width);
    out.height = int(header.height);
    return result;
}

FastResult decode_png_mask(std::span<const std::uint8_t> bytes, double max_megapixels, core::Mask& out) {
    PngHeader header;
    if (auto r = parse_png_chunks(bytes, header); r.status != FastStatus::ok) return r;
    if (auto r = check_sizes(header, max_megapixels); r.status != FastStatus::ok) return r;
    const PngRowConverter converter(header);
    auto result = decode_rows(header, header.width, out.values, converter.copies_mask(), [&](const std::uint8_t* row, std::uint8_t* mask) {
        converter.to_mask(row, mask);
    });
    if (result.status != FastStatus::ok) {
        out.values = {};
        out.width = out.height = 0;
        return result;
    }
    out.width = int(header.width);
    out.height = int(header.height);
    return result;
}

}  // namespace preflight::decode
