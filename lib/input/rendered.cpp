// Rendered pixels -> the shared page raster (see rendered.hpp).
#include "input/rendered.hpp"

#include <cstring>

namespace preflight::input {

bool raster_from_rendered(const RenderedPixels& pixels, core::Raster& raster, std::string& error) {
    const int channels = pixels.channels;
    if (pixels.width <= 0 || pixels.height <= 0 || (channels != 3 && channels != 4)) {
        error = "rendered pixels must have a size and 3 (RGB) or 4 (RGBA) channels";
        return false;
    }
    const std::size_t row_bytes = std::size_t(pixels.width) * std::size_t(channels);
    const std::size_t stride = pixels.stride_bytes ? pixels.stride_bytes : row_bytes;
    if (stride < row_bytes || pixels.bytes.size() < stride * std::size_t(pixels.height - 1) + row_bytes) {
        error = "rendered pixels: " + std::to_string(pixels.bytes.size()) + " bytes do not hold " +
                std::to_string(pixels.width) + " x " + std::to_string(pixels.height) + " pixels of " +
                std::to_string(channels) + " channels with a stride of " + std::to_string(stride) + " bytes";
        return false;
    }
    raster.width = pixels.width;
    raster.height = pixels.height;
    raster.pixels.resize(std::size_t(pixels.width) * std::size_t(pixels.height) * 3);
    for (int y = 0; y < pixels.height; ++y) {
        const std::uint8_t* in = pixels.bytes.data() + stride * std::size_t(y);
        std::uint8_t* out = raster.row(y);
        if (channels == 3) {
            std::memcpy(out, in, row_bytes);
            continue;
        }
        for (int x = 0; x < pixels.width; ++x, in += 4, out += 3) {
            const unsigned alpha = in[3];
            for (int c = 0; c < 3; ++c) out[c] = std::uint8_t((in[c] * alpha + 255u * (255u - alpha) + 127u) / 255u);
        }
    }
    return true;
}

}  // namespace preflight::input
