// libFuzzer harness: Card texts through the content readers (dates, numbers, measures, phones, years) and the content checks.
#include "fuzz/fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    preflight::fuzz::card_text(data, size);
    return 0;
}
