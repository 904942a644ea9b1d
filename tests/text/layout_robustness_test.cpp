// layout_text and the text checks on hostile input: random bytes, degenerate boxes and sizes.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

#include "text/card_fixture.hpp"

namespace preflight::testing {
namespace {

TEST(TextLayoutRobustness, RandomBytesAndDegenerateBoxes) {
    std::mt19937 random(1234);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::vector<BoxMm> boxes = {{10, 10, 0, 0}, {10, 10, -5, 8}, {10, 10, 1e-9, 8}, {-50, -50, 20, 5},
                                      {10, 10, 1e6, 1e6}, {10, 10, nan, 8}};
    const std::vector<double> sizes = {0, -3, 0.01, 1000, nan, std::numeric_limits<double>::infinity()};
    for (int round = 0; round < 40; ++round) {
        std::string text;
        const int length = int(random() % 200);
        for (int i = 0; i < length; ++i) text += char(random() % 256);
        CardFixture card;
        Element& e = card.add_text("t", text, round % 2 ? "DancingScript-Regular.otf" : "DejaVuSans.ttf",
                                   sizes[std::size_t(round) % sizes.size()], boxes[std::size_t(round) % boxes.size()],
                                   TextAlign(round % 4));
        e.line_height = round % 3 == 0 ? 0 : round % 3 == 1 ? -1 : 5;
        e.rotation_deg = round * 37.0;
        e.wrap = round % 5 != 0;
        card.build();
        for (const auto& line : card.context.pages[0].text_layouts[0]->lines) {
            // NFC output of arbitrary bytes is valid UTF-8 without control characters.
            for (unsigned char c : line.text) EXPECT_FALSE(c < 0x20 || c == 0x7F);
        }
        core::Findings findings;
        EXPECT_NO_THROW(findings = card.run_text_checks());
        for (const auto& f : findings) {
            if (f.measured) {
                EXPECT_TRUE(std::isfinite(*f.measured)) << f.message;
            }
            EXPECT_EQ(f.message.find("nan"), std::string::npos) << f.message;
            EXPECT_EQ(f.message.find("inf"), std::string::npos) << f.message;
        }
    }
}

TEST(TextLayoutRobustness, LongTextStaysFast) {
    CardFixture card;
    std::string text;
    for (int i = 0; i < 400; ++i) text += "woord" + std::to_string(i) + (i % 40 == 39 ? "\n" : " ");
    card.add_text("t", text, "EBGaramond12-Regular.otf", 9, {10, 10, 60, 20}, TextAlign::justify);
    card.build();
    EXPECT_GT(card.context.pages[0].text_layouts[0]->lines.size(), 40u);
    const auto findings = card.run("text.overflow");   // far too tall: size search over 4 000 chars
    ASSERT_EQ(findings.size(), 1u);
}

}  // namespace
}  // namespace preflight::testing
