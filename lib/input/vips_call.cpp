// libvips without process-wide state (see vips_call.hpp): start-up, errors, pixel reads.
#include "input/vips_call.hpp"

#include "preflight/libvips.hpp"

#include <algorithm>
#include <mutex>

namespace preflight {

namespace {
std::mutex start_mutex;              // orders a hook's registration against the start
bool vips_started = false;           // under start_mutex
void (*start_hook)() = nullptr;      // under start_mutex
}  // namespace

void on_libvips_start(void (*tune)()) {
    std::lock_guard lock(start_mutex);
    start_hook = tune;
    if (vips_started && tune) tune();
}

}  // namespace preflight

namespace preflight::core {

// Lazily, the first time an image needs libvips (not when a Checker is made): its start-up
// loads its modules (HEIF, PDF, ImageMagick, OpenSlide, JPEG XL and their libraries), about
// 20 ms of CPU per process that a run of plain PNG and JPEG pages never needs.
void ensure_vips() {
    static std::once_flag once;
    std::call_once(once, [] {
        std::lock_guard lock(start_mutex);
        if (VIPS_INIT("preflight") != 0) vips_error_clear();
        vips_started = true;
        if (start_hook) start_hook();
    });
}

}  // namespace preflight::core

namespace preflight::input {

std::string take_vips_error() {
    // Copied and cleared in one step under libvips' own lock (the buffer is one global that
    // other threads append to).
    char* copy = vips_error_buffer_copy();
    std::string message = copy ? copy : "";
    g_free(copy);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    auto newline = message.find('\n');
    if (newline != std::string::npos) message = message.substr(0, newline);
    return message.empty() ? "not a readable image" : message;
}

// A strip at a time straight into the buffer the checks share. (vips_image_write would hand
// every tile to a worker thread and wait for it: with --jobs N that is 2N threads and a
// futex handoff per tile; this way no libvips thread pool is ever started.)
bool read_pixels(VipsImage* image, core::PixelBuffer& pixels, int& width, int& height,
                 std::chrono::steady_clock::time_point deadline, std::string& error) {
    width = vips_image_get_width(image);
    height = vips_image_get_height(image);
    pixels.resize(VIPS_IMAGE_SIZEOF_IMAGE(image));
    VipsRef target(vips_image_new_from_memory(pixels.data(), pixels.size(), width, height,
                                              vips_image_get_bands(image), vips_image_get_format(image)));
    VipsRegion* source = target.image ? vips_region_new(image) : nullptr;
    VipsRegion* destination = source ? vips_region_new(target.image) : nullptr;
    bool ok = destination != nullptr;
    bool late = false;
    constexpr int strip_rows = 16;   // 87 KB of a 300 dpi A6 row band: stays in the second-level cache
    for (int y = 0; ok && y < height; y += strip_rows) {
        if ((y / strip_rows) % 16 == 0 && std::chrono::steady_clock::now() > deadline) {
            ok = false;
            late = true;
            break;
        }
        VipsRect strip{0, y, width, std::min(strip_rows, height - y)};
        // The destination region is a window on the buffer; the pipeline writes into it.
        ok = vips_region_image(destination, &strip) == 0 &&
             vips_region_prepare_to(source, destination, &strip, 0, y) == 0;
    }
    if (destination) g_object_unref(destination);
    if (source) g_object_unref(source);
    if (!ok) {
        error = late ? "decoding stopped: the order's time limit ran out" : take_vips_error();
        pixels = {};
        return false;
    }
    return true;
}

}  // namespace preflight::input
