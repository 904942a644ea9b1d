// The floor a whole run is measured against: decode each raster named on the command line
// (or one per line on stdin) into the shared 8-bit sRGB buffer, and nothing else. A name
// written "mask:PATH" is a foil mask, decoded as the pipeline decodes masks (one channel).
// Prints "decoded N rasters (P megapixels) in S s".
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "core/raster.hpp"

int main(int argc, char** argv) {
    std::vector<std::string> files(argv + 1, argv + argc);
    if (files.empty())
        for (std::string line; std::getline(std::cin, line);)
            if (!line.empty()) files.push_back(line);
    auto start = std::chrono::steady_clock::now();
    double megapixels = 0;
    for (const auto& file : files) {
        if (file.rfind("mask:", 0) == 0) {
            auto decoded = preflight::core::decode_mask(file.substr(5), {});
            if (!decoded.error.empty()) {
                std::cerr << file << ": " << decoded.error << "\n";
                return 1;
            }
            megapixels += decoded.mask.width * double(decoded.mask.height) / 1e6;
            continue;
        }
        auto decoded = preflight::core::decode_raster(file, {});
        if (!decoded.error.empty()) {
            std::cerr << file << ": " << decoded.error << "\n";
            return 1;
        }
        megapixels += decoded.raster.width * double(decoded.raster.height) / 1e6;
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("decoded %zu rasters (%.1f megapixels) in %.3f s\n", files.size(), megapixels, seconds);
    return 0;
}
