// Replays the fuzzers' seed corpus and every crash they found (tests/fuzz/corpus/<harness>/)
// through the same harness bodies, so the normal test run (and scripts/test-sanitizers)
// keeps each fixed crash fixed without clang or libFuzzer.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "fuzz/fuzz_targets.hpp"
#include "hostile/hostile_support.hpp"

namespace preflight::hostile {
namespace {

namespace fs = std::filesystem;

using Target = std::function<void(const std::uint8_t*, std::size_t)>;

struct Harness {
    const char* name;
    Target run;
};

void PrintTo(const Harness& harness, std::ostream* out) { *out << harness.name; }

class FuzzCorpus : public ::testing::TestWithParam<Harness> {};

TEST_P(FuzzCorpus, EveryFileRunsCleanly) {
    fs::path folder = fs::path(PREFLIGHT_SOURCE_DIR) / "tests/fuzz/corpus" / GetParam().name;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder))
        if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    ASSERT_GE(files.size(), 2u) << "the seed corpus of " << GetParam().name << " is missing";
    for (const auto& file : files) {
        SCOPED_TRACE(file.filename().string());
        std::string bytes = read_bytes(file);
        // A crash or a broken invariant aborts the test program here and names the file.
        GetParam().run(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    }
}

INSTANTIATE_TEST_SUITE_P(Harnesses, FuzzCorpus,
                         ::testing::Values(Harness{"order_export", fuzz::order_export}, Harness{"design", fuzz::design_document},
                                           Harness{"policy", fuzz::policy_document}, Harness{"content", fuzz::card_text},
                                           Harness{"raster", fuzz::raster_file}),
                         [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace preflight::hostile
