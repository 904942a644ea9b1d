// The standard decoders' floor of a whole run (issue 18): read each raster named on the
// command line (or one per line on stdin) into memory and decode it with libpng (rows as
// libvips sets libpng up, no conversion) or libjpeg (scanlines to RGB), on the calling thread,
// and nothing else. "mask:PATH" names a foil mask (decoded the same way). Prints
// "decoded N rasters (P megapixels) in S s".
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "support/reference_decoders.hpp"

namespace {

std::vector<std::uint8_t> read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool is_jpeg(const std::vector<std::uint8_t>& bytes) {
    return bytes.size() > 2 && bytes[0] == 0xFF && bytes[1] == 0xD8;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> files(argv + 1, argv + argc);
    if (files.empty())
        for (std::string line; std::getline(std::cin, line);)
            if (!line.empty()) files.push_back(line);
    const auto start = std::chrono::steady_clock::now();
    double megapixels = 0;
    for (const auto& name : files) {
        const std::string path = name.rfind("mask:", 0) == 0 ? name.substr(5) : name;
        const auto bytes = read_bytes(path);
        const auto decoded = is_jpeg(bytes) ? preflight::reference::jpeg_rgb8(bytes) : preflight::reference::png_rows(bytes);
        if (!decoded.ok) {
            std::cerr << path << ": " << (decoded.error.empty() ? "cannot decode" : decoded.error) << "\n";
            return 1;
        }
        megapixels += decoded.width * double(decoded.height) / 1e6;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("decoded %zu rasters (%.1f megapixels) in %.3f s\n", files.size(), megapixels, seconds);
    return 0;
}
