// libFuzzer harness: PNG bytes through lib/decode's PNG decoder, differential against libpng.
#include "fuzz/fuzz_decode_targets.hpp"

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    preflight::fuzz::write_seeds_if_empty(*argc, *argv, preflight::fuzz::png_decode_seeds());
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    preflight::fuzz::png_decode(data, size);
    return 0;
}
