// The decoded page: one 8-bit sRGB buffer shared by every pixel check, and its geometry.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <utility>
#include <string>
#include <vector>

#include "preflight/model.hpp"

namespace preflight::core {

/// Allocates without zero-filling: every byte of a decoded page is written by the decoder,
/// so clearing 7 MB per page first would only cost time.
template <class T>
struct UninitialisedAllocator : std::allocator<T> {
    using value_type = T;
    UninitialisedAllocator() = default;
    template <class U>
    UninitialisedAllocator(const UninitialisedAllocator<U>&) {}
    template <class U>
    struct rebind {
        using other = UninitialisedAllocator<U>;
    };
    template <class U, class... Args>
    void construct(U* place, Args&&... args) {
        if constexpr (sizeof...(Args) == 0) ::new (static_cast<void*>(place)) U;
        else ::new (static_cast<void*>(place)) U(std::forward<Args>(args)...);
    }
};

/// Pixel storage: a vector of bytes whose resize() leaves new bytes uninitialised.
using PixelBuffer = std::vector<std::uint8_t, UninitialisedAllocator<std::uint8_t>>;

/// A page raster as printed, converted once to 8-bit sRGB, interleaved RGB, rows packed.
struct Raster {
    int width = 0;
    int height = 0;
    static constexpr int channels = 3;
    PixelBuffer pixels;                 // width * height * 3 bytes

    const std::uint8_t* row(int y) const { return pixels.data() + std::size_t(y) * width * channels; }
    std::uint8_t* row(int y) { return pixels.data() + std::size_t(y) * width * channels; }
};

/// A single-channel raster (foil mask): non-zero where foil is printed.
struct Mask {
    int width = 0;
    int height = 0;
    PixelBuffer values;                 // width * height bytes

    const std::uint8_t* row(int y) const { return values.data() + std::size_t(y) * width; }
};

/// An integer pixel rectangle, half-open: [x0, x1) x [y0, y1).
struct PixelRect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    int width() const { return x1 > x0 ? x1 - x0 : 0; }
    int height() const { return y1 > y0 ? y1 - y0 : 0; }
    bool empty() const { return width() == 0 || height() == 0; }
};

/// Converts between the design's millimetres (origin at the trim's top-left corner) and
/// raster pixels (origin at the bleed box's top-left corner).
struct PageGeometry {
    double dpi = 300;
    double bleed_mm = 3;
    double trim_width_mm = 0;
    double trim_height_mm = 0;

    double px_per_mm() const { return dpi / 25.4; }
    double mm_per_px() const { return 25.4 / dpi; }
    double x_px(double x_mm) const { return (x_mm + bleed_mm) * px_per_mm(); }
    double y_px(double y_mm) const { return (y_mm + bleed_mm) * px_per_mm(); }
    double x_mm(double x_px) const { return x_px * mm_per_px() - bleed_mm; }
    double y_mm(double y_px) const { return y_px * mm_per_px() - bleed_mm; }
    /// Expected raster size for trim + 2 x bleed at dpi (formats.md: +-1 px allowed).
    int expected_width_px() const;
    int expected_height_px() const;
    /// The pixels covered by a box, rounded outward and clipped to a raster of w x h.
    PixelRect to_px(const BoxMm& box, int raster_width, int raster_height) const;
    /// The box in millimetres covered by a pixel rectangle.
    BoxMm to_mm(const PixelRect& rect) const;
};

/// Limits that keep a hostile file from exhausting memory (policy: the unreadable-input check's options).
struct DecodeLimits {
    double max_megapixels = 150;
    /// Decoding stops with an error after this moment (the order's time limit).
    std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
};

/// The outcome of decoding: a raster or a problem for an input.* finding.
struct DecodedRaster {
    Raster raster;
    std::string error_check;   // empty on success, else the input check id (unreadable or missing_file)
    std::string code;          // "format" when the bytes are not an allowed image format
    std::string error;
};

/// Decodes a foil mask (single channel; colour input is reduced to its maximum band).
struct DecodedMask {
    Mask mask;
    std::string error_check;
    std::string code;          // as DecodedRaster::code
    std::string error;
};

// Decoding lives in lib/input (input/decode.hpp: decode_raster_bytes, decode_mask_bytes).
// These two read a file the caller trusts (tests, tools; no root, no confinement) and
// decode its bytes the same way; the checker never uses them.
DecodedRaster decode_raster(const std::string& path, const DecodeLimits& limits);
DecodedMask decode_mask(const std::string& path, const DecodeLimits& limits);

/// Starts libvips once per process (safe to call many times, from any thread). Changes no
/// libvips setting (cache, concurrency, log): those belong to the program (see cli/).
void ensure_vips();

}  // namespace preflight::core
