// JPEG decoding with TurboJPEG. The marker segments before the first scan are walked first:
// an ICC profile (APP2) or an EXIF orientation (APP1) would make libvips transform or rotate
// the pixels, so such files are left to it. Warnings count as errors, as libvips' "fail" does.
#include "decode/jpeg.hpp"

#include <turbojpeg.h>

#include <cstring>
#include <memory>
#include <string>

namespace preflight::decode {

namespace {

std::uint16_t read16(const std::uint8_t* p, bool big_endian) {
    return big_endian ? std::uint16_t(p[0] << 8 | p[1]) : std::uint16_t(p[1] << 8 | p[0]);
}
std::uint32_t read32(const std::uint8_t* p, bool big_endian) {
    return big_endian ? std::uint32_t(read16(p, true)) << 16 | read16(p + 2, true)
                      : std::uint32_t(read16(p + 2, false)) << 16 | read16(p, false);
}

// The EXIF orientation of an APP1 "Exif" payload (after the 6-byte name): 1 when the tag is
// absent, 0 when the block cannot be read.
int exif_orientation(std::span<const std::uint8_t> tiff) {
    if (tiff.size() < 8) return 0;
    const bool big_endian = tiff[0] == 'M' && tiff[1] == 'M';
    if (!big_endian && !(tiff[0] == 'I' && tiff[1] == 'I')) return 0;
    if (read16(tiff.data() + 2, big_endian) != 42) return 0;
    const std::uint32_t ifd = read32(tiff.data() + 4, big_endian);
    if (ifd > tiff.size() || tiff.size() - ifd < 2) return 0;
    const std::size_t entries = read16(tiff.data() + ifd, big_endian);
    if ((tiff.size() - ifd - 2) / 12 < entries) return 0;
    for (std::size_t i = 0; i < entries; ++i) {
        const std::uint8_t* entry = tiff.data() + ifd + 2 + 12 * i;
        if (read16(entry, big_endian) != 0x0112) continue;
        if (read16(entry + 2, big_endian) != 3 || read32(entry + 4, big_endian) != 1) return 0;
        return read16(entry + 8, big_endian);
    }
    return 1;
}

// Walks the marker segments up to the first scan. Malformed structure is left to TurboJPEG.
FastResult check_markers(std::span<const std::uint8_t> bytes) {
    std::size_t offset = 2;
    while (offset + 4 <= bytes.size()) {
        if (bytes[offset] != 0xFF) return fast_ok();
        const std::uint8_t marker = bytes[offset + 1];
        if (marker == 0xFF) { ++offset; continue; }   // fill byte
        if (marker == 0xDA || marker == 0xD9) return fast_ok();   // start of scan, end of image
        if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) { offset += 2; continue; }
        const std::size_t length = std::size_t(bytes[offset + 2]) << 8 | bytes[offset + 3];
        if (length < 2 || offset + 2 + length > bytes.size()) return fast_ok();
        const auto payload = bytes.subspan(offset + 4, length - 2);
        if (marker == 0xE2 && payload.size() >= 12 && std::memcmp(payload.data(), "ICC_PROFILE\0", 12) == 0)
            return fast_unsupported("embedded ICC profile");
        if (marker == 0xE1 && payload.size() >= 6 && std::memcmp(payload.data(), "Exif\0\0", 6) == 0) {
            const int orientation = exif_orientation(payload.subspan(6));
            if (orientation == 0) return fast_unsupported("unreadable EXIF block");
            if (orientation != 1) return fast_unsupported("EXIF orientation " + std::to_string(orientation));
        }
        offset += 2 + length;
    }
    return fast_ok();
}

struct HandleDeleter {
    void operator()(void* handle) const { tjDestroy(handle); }
};

}  // namespace

bool is_jpeg(std::span<const std::uint8_t> bytes) {
    return bytes.size() >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF;
}

FastResult decode_jpeg_rgb8(std::span<const std::uint8_t> bytes, double max_megapixels, core::Raster& out,
                            int scale_denominator) {
    out.width = out.height = 0;
    if (!is_jpeg(bytes)) return fast_unsupported("not a JPEG");
    if (scale_denominator != 1 && scale_denominator != 2 && scale_denominator != 4 && scale_denominator != 8)
        return fast_unsupported("scale other than 1/1, 1/2, 1/4 or 1/8");
    if (auto r = check_markers(bytes); r.status != FastStatus::ok) return r;
    std::unique_ptr<void, HandleDeleter> handle(tjInitDecompress());
    if (!handle) return fast_unsupported("TurboJPEG could not start");
    int width = 0, height = 0, subsampling = 0, colourspace = 0;
    if (tjDecompressHeader3(handle.get(), bytes.data(), static_cast<unsigned long>(bytes.size()), &width, &height,
                            &subsampling, &colourspace) != 0)
        return fast_invalid(std::string("JPEG: ") + tjGetErrorStr2(handle.get()));
    if (colourspace == TJCS_CMYK || colourspace == TJCS_YCCK) return fast_unsupported("CMYK JPEG");
    if (double(width) * double(height) / 1e6 > max_megapixels)
        return fast_invalid(over_pixel_limit_message(width, height, max_megapixels));
    const tjscalingfactor factor{1, scale_denominator};
    const int out_width = TJSCALED(width, factor), out_height = TJSCALED(height, factor);
    out.pixels.resize(std::size_t(out_width) * std::size_t(out_height) * 3);
    // No TJFLAG_FASTDCT / TJFLAG_FASTUPSAMPLE: libjpeg's defaults, as libvips decodes.
    if (tjDecompress2(handle.get(), bytes.data(), static_cast<unsigned long>(bytes.size()), out.pixels.data(),
                      out_width, out_width * 3, out_height, TJPF_RGB, 0) != 0) {
        out.pixels = {};
        return fast_invalid(std::string("JPEG: ") + tjGetErrorStr2(handle.get()));
    }
    out.width = out_width;
    out.height = out_height;
    return fast_ok();
}

}  // namespace preflight::decode
