// libFuzzer harness: Design documents through parse_design.
#include "fuzz/fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    preflight::fuzz::design_document(data, size);
    return 0;
}
