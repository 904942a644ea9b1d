// Naming a file's format from its first bytes: the allow-list of decodable rasters, and a
// plain description of everything else so the finding can say what was found instead.
#include <cstring>
#include <utility>

#include "input/decode.hpp"

namespace preflight::input {

namespace {

bool starts(std::span<const std::uint8_t> bytes, const char* magic, std::size_t length, std::size_t at = 0) {
    return bytes.size() >= at + length && std::memcmp(bytes.data() + at, magic, length) == 0;
}

// Skips a UTF-8 byte order mark and white space, as XML and text formats allow.
std::span<const std::uint8_t> skip_blank(std::span<const std::uint8_t> bytes) {
    if (starts(bytes, "\xEF\xBB\xBF", 3)) bytes = bytes.subspan(3);
    while (!bytes.empty() && (bytes[0] == ' ' || bytes[0] == '\t' || bytes[0] == '\r' || bytes[0] == '\n'))
        bytes = bytes.subspan(1);
    return bytes;
}

bool mostly_text(std::span<const std::uint8_t> bytes) {
    std::size_t look = std::min<std::size_t>(bytes.size(), 512), printable = 0;
    for (std::size_t i = 0; i < look; ++i)
        if (bytes[i] >= 0x20 || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t') ++printable;
    return look > 0 && printable == look;
}

std::pair<std::string, std::string> other_format(std::span<const std::uint8_t> bytes) {
    if (bytes.empty()) return {"empty", "an empty file"};
    auto text = skip_blank(bytes);
    if (starts(text, "<?xml", 5) || starts(text, "<svg", 4) || starts(text, "<!DOCTYPE", 9) || starts(text, "<!--", 4))
        return {"svg_xml", "SVG or other XML text"};
    if (starts(text, "<", 1) && mostly_text(text)) return {"markup", "markup text (HTML, SVG or XML)"};
    if (starts(bytes, "%PDF", 4)) return {"pdf", "a PDF document"};
    if (starts(bytes, "%!PS", 4)) return {"postscript", "a PostScript document"};
    if (starts(bytes, "SIMPLE  =", 9)) return {"fits", "a FITS image"};
    if (starts(bytes, "GIF8", 4)) return {"gif", "a GIF image"};
    if (starts(bytes, "BM", 2)) return {"bmp", "a BMP image"};
    if (starts(bytes, "8BPS", 4)) return {"psd", "a Photoshop document"};
    if (starts(bytes, "#?RADIANCE", 10) || starts(bytes, "#?RGBE", 6)) return {"radiance", "a Radiance HDR image"};
    if (starts(bytes, "\x76\x2f\x31\x01", 4)) return {"openexr", "an OpenEXR image"};
    if (starts(bytes, "\x08\xf2\xa6\xb6", 4) || starts(bytes, "\xb6\xa6\xf2\x08", 4)) return {"vips", "a libvips native image"};
    if (starts(bytes, "ftyp", 4, 4)) return {"heif", "a HEIF/AVIF image"};
    if (starts(bytes, "\x00\x00\x00\x0cjP  ", 8) || starts(bytes, "\xff\x4f\xff\x51", 4)) return {"jpeg2000", "a JPEG 2000 image"};
    if (bytes.size() >= 2 && bytes[0] == 'P' && bytes[1] >= '1' && bytes[1] <= '7') return {"pnm", "a PNM/PFM image"};
    // Analyze 7.5: a 348-byte header whose first field is its own size (either byte order).
    if (starts(bytes, "\x5c\x01\x00\x00", 4) || starts(bytes, "\x00\x00\x01\x5c", 4)) return {"analyze", "an Analyze header"};
    if (mostly_text(bytes)) return {"text", "text (CSV, a matrix or other plain text)"};
    char first[32];
    std::snprintf(first, sizeof first, "%02x %02x %02x %02x", bytes[0], bytes.size() > 1 ? bytes[1] : 0,
                  bytes.size() > 2 ? bytes[2] : 0, bytes.size() > 3 ? bytes[3] : 0);
    return {"unknown", std::string("an unknown format (first bytes ") + first + ")"};
}

}  // namespace

Sniffed sniff_image(std::span<const std::uint8_t> bytes) {
    if (starts(bytes, "\x89PNG\r\n\x1a\n", 8)) return {ImageFormat::png, "PNG", "png"};
    if (starts(bytes, "\xff\xd8\xff", 3)) return {ImageFormat::jpeg, "JPEG", "jpeg"};
    if (starts(bytes, "II*\0", 4) || starts(bytes, "MM\0*", 4) || starts(bytes, "II+\0", 4) || starts(bytes, "MM\0+", 4))
        return {ImageFormat::tiff, "TIFF", "tiff"};
    if (starts(bytes, "RIFF", 4) && starts(bytes, "WEBP", 4, 8)) return {ImageFormat::webp, "WebP", "webp"};
    auto [id, name] = other_format(bytes);
    return {ImageFormat::unknown, name, id};
}

}  // namespace preflight::input
