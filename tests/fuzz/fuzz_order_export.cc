// libFuzzer harness: Order export lines and arrays through the reader, parse_order, gating, order checks and the writer.
#include "fuzz/fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    preflight::fuzz::order_export(data, size);
    return 0;
}
