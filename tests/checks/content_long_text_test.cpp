// content.year and content.date stay linear in the text's length: 1 MB of card text (one
// pasted line, and the same on many lines, on two pages) is judged in seconds, every mention
// found. A generous guard only; the figures are in bench/content_bench.cpp.
#include <gtest/gtest.h>

#include <chrono>

#include "checks/content_support.hpp"

namespace preflight::testing {
namespace {

// 19 juni 2029 is a Tuesday and more than two years after the order: each sentence holds one
// content.year and one content.date finding.
const std::string sentence = "Wij trouwen op zaterdag 19 juni 2029 om 14.00 uur, sinds 2018 samen";

std::string repeated(std::size_t bytes, const std::string& separator, std::size_t& count) {
    std::string text;
    count = 0;
    while (text.size() < bytes) {
        text += sentence + separator;
        ++count;
    }
    return text;
}

void expect_linear(const std::string& separator) {
    std::size_t count = 0;
    const std::string text = repeated(1 << 20, separator, count);
    // The same text on two pages: the across-pages comparison sees every date twice over.
    const Design design = card_design("wedding", {{"front", {text}}, {"inside", {text}}});
    for (const char* id : {"content.year", "content.date"}) {
        auto start = std::chrono::steady_clock::now();
        const auto findings = run_on_design(id, design, {2026, 1, 10});
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        EXPECT_EQ(findings.size(), 2 * count) << id;
        EXPECT_LT(seconds, 5.0) << id << " took " << seconds << " s for 2 x 1 MB (quadratic?)";
    }
}

TEST(ContentLongText, OneMegabyteOnOneLineIsLinear) { expect_linear(" "); }

TEST(ContentLongText, OneMegabyteOnManyLinesIsLinear) { expect_linear("\n"); }

}  // namespace
}  // namespace preflight::testing
