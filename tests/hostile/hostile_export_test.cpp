// Hostile exports, designs, policies and fonts through the real pipeline: a 100 MB line,
// JSON nested 10 000 deep, invalid UTF-8, corrupt fonts. Each gets its verdict (or exit 2 for
// a policy), the lines after it still get theirs, with bounded memory and time.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "hostile/hostile_support.hpp"
#include "preflight/formats.hpp"

namespace preflight::hostile {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr long memory_scale = testing::sanitizer_memory_scale;

// Every output line parsed; a line that is not JSON fails the test.
std::vector<Json> verdict_lines(const std::string& out) {
    std::vector<Json> lines;
    std::istringstream in(out);
    std::string line;
    while (std::getline(in, line)) {
        Json json = Json::parse(line, nullptr, false);
        EXPECT_TRUE(json.is_object()) << "not a JSON object: " << line.substr(0, 200);
        lines.push_back(json);
    }
    return lines;
}

// A clean page for the order's design, so a good order is released.
void write_clean_card(const OneCardExport& order, const std::string& elements = "") {
    testing::write_raster(testing::solid_raster(page_width_px, page_height_px, 250, 245, 235), order / "page.png");
    order.write_design("page.png", elements);
}

TEST(HostileExport, HundredMegabyteLineGetsAnErrorAndTheNextLinesTheirVerdicts) {
    OneCardExport order;
    write_clean_card(order);
    {
        std::ofstream out(order / "orders.jsonl", std::ios::binary);
        out << OneCardExport::order_line("H-1") << "\n";
        out << R"({"order_id": "BIG", "status": "paid", "notes": ")";
        std::string block(1 << 20, 'x');
        for (int i = 0; i < 100; ++i) out << block;
        out << "\"}\n";
        out << OneCardExport::order_line("H-3") << "\n";
    }
    auto run = run_check(order / "orders.jsonl");
    EXPECT_EQ(run.exit_code, 1);
    auto lines = verdict_lines(run.out);
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0]["verdict"], "release");
    EXPECT_EQ(lines[1]["line"], 2);
    EXPECT_EQ(lines[1]["verdict"], "error");
    EXPECT_TRUE(lines[1]["order_id"].is_null());
    EXPECT_NE(lines[1]["reason"].get<std::string>().find("64 MB"), std::string::npos) << lines[1]["reason"];
    EXPECT_EQ(lines[2]["order_id"], "H-3");
    EXPECT_EQ(lines[2]["verdict"], "release");
    // The reader keeps at most 64 MB of the line; the whole line would be 100 MB, twice over
    // once parsed.
    EXPECT_LT(run.peak_rss_mb, 180 * memory_scale);
    EXPECT_LT(run.seconds, 30);
}

// Found by scripts/fuzz (design harness): nlohmann-json reports a number too large for a
// double as out_of_range, not parse_error; it escaped parse_json and ended the whole run
// (exit 2 after the first verdict). Now it is the line's own input.schema error.
TEST(HostileExport, NumberTooLargeForADoubleIsThatLinesError) {
    OneCardExport order;
    write_clean_card(order);
    testing::write_text(order / "orders.jsonl", OneCardExport::order_line("H-1") + "\n" +
                                                    R"({"order_id": "X", "status": "paid", "quantity": 1e400})" "\n" +
                                                    OneCardExport::order_line("H-3") + "\n");
    auto run = run_check(order / "orders.jsonl");
    EXPECT_EQ(run.exit_code, 1);
    auto lines = verdict_lines(run.out);
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0]["verdict"], "release");
    EXPECT_EQ(lines[1]["verdict"], "error");
    EXPECT_EQ(lines[1]["findings"][0]["check"], "input.schema");
    EXPECT_NE(lines[1]["reason"].get<std::string>().find("number overflow"), std::string::npos) << lines[1]["reason"];
    EXPECT_EQ(lines[2]["verdict"], "release");
    // The same in a design document and a policy: an input problem, not an exception.
    order.write_design_text(R"({"trim_mm": [1e380, 10], "pages": []})");
    EXPECT_EQ(order.check().verdict, VerdictKind::error);
    EXPECT_FALSE(parse_policy(R"({"checks": {"text.too_small": {"min_pt": 1e400}}})").ok());
}

std::string nested_arrays(int depth) { return std::string(std::size_t(depth), '[') + std::string(std::size_t(depth), ']'); }

TEST(HostileExport, TenThousandDeepOrderIsRefusedAndTheRunGoesOn) {
    OneCardExport order;
    write_clean_card(order);
    testing::write_text(order / "orders.jsonl", OneCardExport::order_line("H-1") + "\n" + nested_arrays(10000) + "\n" +
                                                    R"({"order_id": "DEEP", "status": "paid", "x": )" + nested_arrays(10000) +
                                                    "}\n" + OneCardExport::order_line("H-4") + "\n");
    auto run = run_check(order / "orders.jsonl");
    auto lines = verdict_lines(run.out);
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[0]["verdict"], "release");
    for (int i : {1, 2}) {
        EXPECT_EQ(lines[i]["verdict"], "error");
        EXPECT_EQ(lines[i]["findings"][0]["check"], "input.schema");
        EXPECT_NE(lines[i]["reason"].get<std::string>().find("nested deeper than 64"), std::string::npos) << lines[i]["reason"];
    }
    EXPECT_EQ(lines[3]["verdict"], "release");
}

TEST(HostileExport, TenThousandDeepArrayExportIsRefusedElementByElement) {
    OneCardExport order;
    write_clean_card(order);
    std::string array = "[";
    array += OneCardExport::order_line("H-1") + ",\n" + nested_arrays(10000) + ",\n" + OneCardExport::order_line("H-3") + "]\n";
    testing::write_text(order / "orders.json", array);
    auto lines = verdict_lines(run_check(order / "orders.json").out);
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0]["verdict"], "release");
    EXPECT_EQ(lines[1]["verdict"], "error");
    EXPECT_EQ(lines[2]["verdict"], "release");
}

TEST(HostileExport, TenThousandDeepDesignIsAnInputError) {
    OneCardExport order;
    write_clean_card(order);
    order.write_design_text(R"({"design_id": "deep", "pages": )" + nested_arrays(10000) + "}");
    Verdict verdict = order.check();
    EXPECT_EQ(verdict.verdict, VerdictKind::error);
    ASSERT_FALSE(verdict.findings.empty());
    EXPECT_EQ(verdict.findings[0].check.rfind("input.", 0), 0u) << finding_ids(verdict);
    EXPECT_NE(finding_ids(verdict).find("nested deeper than 64"), std::string::npos) << finding_ids(verdict);
}

TEST(HostileExport, TenThousandDeepPolicyStopsTheRunWithExitTwo) {
    OneCardExport order;
    write_clean_card(order);
    testing::write_text(order / "policy.json", R"({"checks": )" + nested_arrays(10000) + "}");
    auto run = run_cli({"check", (order / "orders.jsonl").string(), "--policy", (order / "policy.json").string()});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(run.out, "");
    EXPECT_FALSE(parse_policy(nested_arrays(10000)).ok());
}

TEST(HostileExport, InvalidUtf8InAnOrderLineGivesAValidJsonVerdict) {
    OneCardExport order;
    write_clean_card(order);
    std::string bad = OneCardExport::order_line("H-\xff\xfe-1");
    std::string overlong = OneCardExport::order_line("H-\xc0\xaf-2");
    std::string cut = OneCardExport::order_line("H-\xe2\x82");
    testing::write_text(order / "orders.jsonl", bad + "\n" + overlong + "\n" + cut + "\n" + OneCardExport::order_line("H-4") + "\n");
    auto run = run_check(order / "orders.jsonl");
    auto lines = verdict_lines(run.out);
    ASSERT_EQ(lines.size(), 4u);
    for (int i : {0, 1, 2}) {
        EXPECT_EQ(lines[i]["line"], i + 1);
        EXPECT_EQ(lines[i]["verdict"], "error");
    }
    EXPECT_EQ(lines[3]["verdict"], "release");
}

TEST(HostileExport, InvalidUtf8InADesignTextIsAnInputError) {
    OneCardExport order;
    auto font = testing::system_font("DejaVuSans.ttf");
    fs::copy_file(font, order / "font.ttf");
    write_clean_card(order, R"({"id": "t1", "type": "text", "box_mm": [2, 2, 16, 6], "font_file": "font.ttf", "size_pt": 8,
                               "text": "Anna )" "\xff\xfe" R"( de Vries )" "\xed\xa0\x80" R"("})");
    Verdict verdict = order.check();
    EXPECT_EQ(verdict.verdict, VerdictKind::error) << finding_ids(verdict);
    // The design document is not valid JSON (nlohmann-json checks UTF-8 in strings).
    EXPECT_TRUE(has_finding(verdict, "input.unreadable")) << finding_ids(verdict);
    EXPECT_NE(finding_ids(verdict).find("UTF-8"), std::string::npos) << finding_ids(verdict);
    // The message quotes the bad bytes; the verdict line replaces them and stays valid JSON.
    Json line = Json::parse(to_json_line(verdict), nullptr, false);
    ASSERT_TRUE(line.is_object());
    EXPECT_EQ(line["verdict"], "error");
}

TEST(HostileExport, OddButValidUnicodeTextIsCheckedAndWrittenAsJson) {
    OneCardExport order;
    auto font = testing::system_font("DejaVuSans.ttf");
    fs::copy_file(font, order / "font.ttf");
    // NUL, a lone combining mark, right-to-left text, an emoji the font lacks, zero-width
    // joiners and a private-use character: legal JSON, odd text.
    write_clean_card(order, R"({"id": "t1", "type": "text", "box_mm": [2, 2, 16, 6], "font_file": "font.ttf", "size_pt": 4,
                               "text": "A\u0000B \u0301x \u05e9\u05dc\u05d5\u05dd \ud83c\udf89 a\u200db \ue000"})");
    Verdict verdict = order.check();
    for (const auto& finding : verdict.findings) EXPECT_NE(finding.check.rfind("input.", 0), 0u) << finding.message;
    EXPECT_NE(verdict.verdict, VerdictKind::error);
    EXPECT_TRUE(has_finding(verdict, "text.missing_glyph")) << finding_ids(verdict);   // the emoji
    Json line = Json::parse(to_json_line(verdict), nullptr, false);
    EXPECT_TRUE(line.is_object());
}

class CorruptFont : public ::testing::TestWithParam<int> {};

// 0: empty file, 1: random bytes, 2: a real font cut after 2 KB, 3: a real font with its
// table directory overwritten.
TEST_P(CorruptFont, IsUnreadable) {
    OneCardExport order;
    std::string real = read_bytes(testing::system_font("DejaVuSans.ttf"));
    ASSERT_GT(real.size(), 10000u);
    std::string bytes;
    switch (GetParam()) {
        case 0: break;
        case 1: for (int i = 0; i < 4096; ++i) bytes.push_back(char((i * 2654435761u) >> 13)); break;
        case 2: bytes = real.substr(0, 2048); break;
        default: bytes = real; for (std::size_t i = 12; i < 400; ++i) bytes[i] = char(0xff); break;
    }
    write_bytes(order / "font.ttf", bytes);
    write_clean_card(order, R"({"id": "t1", "type": "text", "box_mm": [2, 2, 16, 6], "font_file": "font.ttf", "size_pt": 8, "text": "Anna"})");
    Verdict verdict = order.check();
    EXPECT_EQ(verdict.verdict, VerdictKind::error) << finding_ids(verdict);
    EXPECT_TRUE(has_finding(verdict, "input.unreadable")) << finding_ids(verdict);
    EXPECT_TRUE(Json::parse(to_json_line(verdict), nullptr, false).is_object());
}

INSTANTIATE_TEST_SUITE_P(Kinds, CorruptFont, ::testing::Values(0, 1, 2, 3));

}  // namespace
}  // namespace preflight::hostile
