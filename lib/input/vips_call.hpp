// Inside lib/input only: calling one libvips operation without the process-wide operation
// cache (built directly, never looked up or kept), and reading its pixels on this thread.
#pragma once

#include <vips/vips.h>

#include <chrono>
#include <string>

#include "core/raster.hpp"

namespace preflight::input {

/// Owns one reference to a VipsImage.
struct VipsRef {
    VipsImage* image = nullptr;
    VipsRef() = default;
    explicit VipsRef(VipsImage* held) : image(held) {}
    ~VipsRef() { if (image) g_object_unref(image); }
    VipsRef(const VipsRef&) = delete;
    VipsRef& operator=(const VipsRef&) = delete;
    void reset(VipsImage* next) { if (image) g_object_unref(image); image = next; }
};

/// The first line of libvips' error buffer (which is per thread), cleared.
std::string take_vips_error();

/// Runs operation `name` with the given name/value argument pairs and returns its "out"
/// image (null on failure, see take_vips_error). Built with vips_object_build, so the
/// operation never enters libvips' process-wide cache: each call owns what it decodes.
template <class... NameValues>
VipsImage* call_uncached(const char* name, NameValues... name_values) {
    VipsOperation* operation = vips_operation_new(name);
    if (!operation) return nullptr;
    VipsImage* out = nullptr;
    if (vips_object_set(VIPS_OBJECT(operation), name_values..., nullptr) == 0 &&
        vips_object_build(VIPS_OBJECT(operation)) == 0)
        g_object_get(operation, "out", &out, nullptr);
    vips_object_unref_outputs(VIPS_OBJECT(operation));
    g_object_unref(operation);
    return out;
}

/// Replaces `image` by the result of an uncached operation on it ("in" = image).
template <class... NameValues>
bool step(VipsRef& image, const char* name, std::string& error, NameValues... name_values) {
    VipsImage* next = call_uncached(name, "in", image.image, name_values...);
    if (!next) {
        error = take_vips_error();
        return false;
    }
    image.reset(next);
    return true;
}

/// Pulls the pipeline into `pixels` on the calling thread, a strip at a time, stopping
/// with an error once `deadline` has passed (the one place a decode can be interrupted).
bool read_pixels(VipsImage* image, core::PixelBuffer& pixels, int& width, int& height,
                 std::chrono::steady_clock::time_point deadline, std::string& error);

}  // namespace preflight::input
