// Seeds of the decoder harnesses, made in code (see fuzz_decode_targets.hpp).
#include <turbojpeg.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "fuzz/fuzz_decode_targets.hpp"
#include "support/png_forms.hpp"

namespace preflight::fuzz {

namespace {

// A small picture with gradients, edges and noise, so every filter gets chosen somewhere.
core::Raster seed_picture(int width, int height) {
    core::Raster picture;
    picture.width = width;
    picture.height = height;
    picture.pixels.resize(std::size_t(width) * std::size_t(height) * 3);
    std::uint32_t noise = 12345;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            noise = noise * 1103515245u + 12345u;
            std::uint8_t* p = picture.row(y) + 3 * x;
            p[0] = std::uint8_t(x * 255 / std::max(1, width - 1));
            p[1] = std::uint8_t((x / 4 + y / 4) % 2 ? 220 : 30);
            p[2] = std::uint8_t((noise >> 16) & 0xFF);
        }
    return picture;
}

}  // namespace

std::vector<std::vector<std::uint8_t>> png_decode_seeds() {
    std::vector<std::vector<std::uint8_t>> seeds;
    const auto picture = seed_picture(13, 7);
    int filter_index = 0;
    const auto filters = testing::every_png_filter();
    for (auto form : testing::every_png_form()) {
        form.filters = filters[std::size_t(filter_index++) % filters.size()];
        seeds.push_back(testing::encode_png_form(picture, form));
    }
    return seeds;
}

std::vector<std::vector<std::uint8_t>> jpeg_decode_seeds() {
    std::vector<std::vector<std::uint8_t>> seeds;
    const auto picture = seed_picture(70, 66);   // 64+ a side: the 1/8 comparison runs too
    for (int subsampling : {TJSAMP_420, TJSAMP_444, TJSAMP_422, TJSAMP_GRAY})
        for (int flags : {0, TJFLAG_PROGRESSIVE}) {
            // A handle per image: TurboJPEG 2.1 writes a corrupt baseline file from a handle that
            // wrote a progressive one before.
            tjhandle handle = tjInitCompress();
            unsigned char* jpeg = nullptr;
            unsigned long length = 0;
            if (tjCompress2(handle, picture.pixels.data(), picture.width, 0, picture.height, TJPF_RGB, &jpeg, &length,
                            subsampling, 75, flags) == 0)
                seeds.emplace_back(jpeg, jpeg + length);
            tjFree(jpeg);
            tjDestroy(handle);
        }
    return seeds;
}

void write_seeds_if_empty(int argc, char** argv, const std::vector<std::vector<std::uint8_t>>& seeds) {
    namespace fs = std::filesystem;
    for (int i = 1; i < argc; ++i) {
        if (argv[i][0] == '-') continue;
        std::error_code error;
        const fs::path folder(argv[i]);
        if (!fs::is_directory(folder, error)) return;
        if (fs::directory_iterator(folder, error) != fs::directory_iterator()) return;
        for (std::size_t n = 0; n < seeds.size(); ++n)
            std::ofstream(folder / ("seed-" + std::to_string(n)), std::ios::binary)
                .write(reinterpret_cast<const char*>(seeds[n].data()), std::streamsize(seeds[n].size()));
        return;
    }
}

}  // namespace preflight::fuzz
