// libFuzzer harness: Policy files through parse_policy and validate_policy.
#include "fuzz/fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    preflight::fuzz::policy_document(data, size);
    return 0;
}
