// The bundled sample export against its golden verdicts (tests/golden/samples.verdicts.jsonl).
// A change to the golden file needs a reason in the commit message: it is what the service
// team would see change. Regenerate with:
//   build/samples/preflight_make_samples samples/export && cd samples/export &&
//   ../../build/preflight check orders.jsonl --policy policy.json --now 2026-11-25T09:00:00+01:00
//     > ../../tests/golden/samples.verdicts.jsonl   (one command line)
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "support/test_support.hpp"

namespace preflight {
namespace {

std::string capture(const std::string& command) { return testing::run_command(command).out; }

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

TEST(GoldenSamples, VerdictsMatchTheGoldenFile) {
    testing::TempDir dir;
    // The golden file names paths relative to the export, so run from inside it.
    capture(std::string(PREFLIGHT_MAKE_SAMPLES_PATH) + " " + (dir / "export").string() + " 2>/dev/null");
    std::string actual = capture("cd " + (dir / "export").string() + " && " + PREFLIGHT_CLI_PATH +
                                 " check orders.jsonl --policy policy.json --now 2026-11-25T09:00:00+01:00 2>/dev/null");
    std::ifstream in(std::string(PREFLIGHT_SOURCE_DIR) + "/tests/golden/samples.verdicts.jsonl");
    std::stringstream golden;
    golden << in.rdbuf();
    auto want = split_lines(golden.str()), got = split_lines(actual);
    ASSERT_EQ(got.size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i) EXPECT_EQ(got[i], want[i]) << "line " << i + 1;
}

}  // namespace
}  // namespace preflight
