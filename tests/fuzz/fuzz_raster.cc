// libFuzzer harness: Raster files (PNG, JPEG, TIFF, WebP, ...) through decode_raster and decode_mask with a 2-megapixel limit.
#include "fuzz/fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    preflight::fuzz::raster_file(data, size);
    return 0;
}
