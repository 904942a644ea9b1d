// Every record of an export answered, end to end: JSON Lines whose first line is an array, a
// JSON array followed by more lines, an order with a key written twice; long lines on four
// workers read ahead within a byte budget.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "hostile/hostile_support.hpp"
#include "formats/readers.hpp"
#include "preflight/batch.hpp"
#include "preflight/formats.hpp"

namespace preflight::hostile {
namespace {

using Json = nlohmann::json;

constexpr long memory_scale = testing::sanitizer_memory_scale;

std::vector<Json> verdicts(const std::string& out) {
    std::vector<Json> lines;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) lines.push_back(Json::parse(line));
    return lines;
}

void write_clean_card(const OneCardExport& order) {
    testing::write_raster(testing::solid_raster(page_width_px, page_height_px, 250, 245, 235), order / "page.png");
    order.write_design("page.png");
}

TEST(HostileRecords, JsonLinesWhoseFirstLineIsAnArrayAnswersEveryLine) {
    OneCardExport order;
    write_clean_card(order);
    testing::write_text(order / "orders.jsonl", "[\"not\", \"an order\"]\n" + OneCardExport::order_line("H-1") + "\n" +
                                                    OneCardExport::order_line("H-2") + "\n");
    auto run = run_check(order / "orders.jsonl");
    auto lines = verdicts(run.out);
    ASSERT_EQ(lines.size(), 3u) << run.out;
    EXPECT_EQ(lines[0]["verdict"], "error");
    EXPECT_EQ(lines[0]["findings"][0]["check"], "input.schema");
    EXPECT_EQ(lines[1]["order_id"], "H-1");
    EXPECT_EQ(lines[1]["verdict"], "release");
    EXPECT_EQ(lines[2]["order_id"], "H-2");
    EXPECT_EQ(run.exit_code, 1);
}

TEST(HostileRecords, ArrayFollowedByMoreLinesGivesEachItsErrorLine) {
    OneCardExport order;
    write_clean_card(order);
    testing::write_text(order / "orders.jsonl", "[\n" + OneCardExport::order_line("H-1") + ",\n" +
                                                    OneCardExport::order_line("H-2") + "\n]\n" +
                                                    OneCardExport::order_line("H-3") + "\n" +
                                                    OneCardExport::order_line("H-4") + "\n");
    auto run = run_check(order / "orders.jsonl");
    auto lines = verdicts(run.out);
    ASSERT_EQ(lines.size(), 4u) << run.out;
    EXPECT_EQ(lines[0]["verdict"], "release");
    EXPECT_EQ(lines[1]["verdict"], "release");
    for (int i : {2, 3}) {
        EXPECT_EQ(lines[i]["verdict"], "error");
        EXPECT_NE(lines[i]["reason"].get<std::string>().find("follows the end of its JSON array"), std::string::npos)
            << lines[i]["reason"];
    }
    EXPECT_EQ(run.exit_code, 1);
}

// Programs read the kind and the numbers, not the message.
TEST(HostileRecords, RecordErrorsCarryTheirCodeAndDetails) {
    const Checker checker{Policy{}};
    ExportRecord after{3, {}, "line 5 of the export follows the end of its JSON array", "after_array", 5};
    Verdict verdict = check_record(after, ".", checker);
    ASSERT_EQ(verdict.findings.size(), 1u);
    EXPECT_EQ(verdict.findings[0].check, "input.schema");
    EXPECT_EQ(verdict.findings[0].code, "after_array");
    EXPECT_EQ(std::get<double>(verdict.findings[0].details.at("export_line")), 5.0);
    ExportRecord twice{2, R"({"order_id": "D", "status": "paid", "status": "new"})", {}, {}, 0};
    verdict = check_record(twice, ".", checker);
    ASSERT_EQ(verdict.findings.size(), 1u);
    EXPECT_EQ(verdict.findings[0].code, "duplicate_key");
    EXPECT_EQ(std::get<std::string>(verdict.findings[0].details.at("key")), "status");
    EXPECT_EQ(std::get<double>(verdict.findings[0].details.at("line")), 2.0);
}

TEST(HostileRecords, DuplicateStatusIsAnErrorNamingTheKeyNotASkip) {
    OneCardExport order;
    write_clean_card(order);
    std::string twice = OneCardExport::order_line("H-1");
    auto at = twice.find("\"status\"");
    ASSERT_NE(at, std::string::npos);
    twice.insert(at, "\"status\": \"cancelled\", ");   // the last one would say paid, the first cancelled
    testing::write_text(order / "orders.jsonl", twice + "\n" + OneCardExport::order_line("H-2") + "\n");
    auto run = run_check(order / "orders.jsonl");
    auto lines = verdicts(run.out);
    ASSERT_EQ(lines.size(), 2u) << run.out;
    EXPECT_EQ(lines[0]["verdict"], "error");
    ASSERT_FALSE(lines[0]["findings"].empty());
    const Json& finding = lines[0]["findings"][0];
    EXPECT_EQ(finding["check"], "input.schema");
    EXPECT_NE(finding["message"].get<std::string>().find("'status'"), std::string::npos) << finding["message"];
    EXPECT_EQ(lines[1]["verdict"], "release");
}

// Six lines of 40 MB (a note nobody reads) on four workers: the read-ahead holds bytes, not a
// count of lines, so memory stays near one line's worth instead of all six at once.
TEST(HostileRecords, LongLinesOnFourWorkersStayWithinTheReadAheadBudget) {
    OneCardExport order;
    write_clean_card(order);
    const std::string note(40u << 20, 'x');
    {
        std::ofstream out(order / "orders.jsonl", std::ios::binary);
        for (int i = 0; i < 6; ++i) {
            std::string line = OneCardExport::order_line("L-" + std::to_string(i));
            line.insert(1, "\"notes\": \"" + note + "\", ");
            out << line << "\n";
        }
    }
    auto run = run_cli({"check", (order / "orders.jsonl").string(), "--jobs", "4", "--now", "2026-11-25T10:00:00+01:00"});
    auto lines = verdicts(run.out);
    ASSERT_EQ(lines.size(), 6u);
    for (int i = 0; i < 6; ++i) {
        EXPECT_EQ(lines[std::size_t(i)]["order_id"], "L-" + std::to_string(i));
        EXPECT_EQ(lines[std::size_t(i)]["verdict"], "release") << lines[std::size_t(i)].dump().substr(0, 300);
    }
    // Six lines at once would be 240 MB of text alone (1.4 GB for 16 lines of 60 MB before).
    EXPECT_LT(run.peak_rss_mb, 200 * memory_scale);
}

// A long note read past without the JSON library's lexer is still validated: a broken one makes
// the order invalid JSON exactly as a short one does.
TEST(HostileRecords, LongDroppedNoteIsStillValidated) {
    const std::string note(2u << 20, 'y');
    const std::string head = R"({"order_id": "N-1", "status": "paid", "notes": ")";
    EXPECT_TRUE(formats::read_order_text(head + note + "\"}").value);
    EXPECT_TRUE(formats::read_order_text(head + note + "\\u00e9\\ud83d\\ude00\"}").value);
    for (const std::string& broken : {note + "\x01", note + "\xC3(", note + "\\x", note + "\\ud83d"}) {
        auto parsed = formats::read_order_text(head + broken + "\"}");
        EXPECT_FALSE(parsed.value);
        ASSERT_FALSE(parsed.problems.empty());
        EXPECT_EQ(parsed.problems[0].message.rfind("not valid JSON", 0), 0u) << parsed.problems[0].message.substr(0, 200);
    }
    // A key spelled with escapes is what it decodes to: its long value is kept, not dropped.
    auto escaped = formats::read_order_text(R"({"order_id": "N-2", "st\u0061tus": ")" + note + "\"}");
    ASSERT_TRUE(escaped.value);
    EXPECT_EQ(escaped.value->status, note);
    // A key written twice is still found.
    auto twice = formats::read_order_text(head + note + R"(", "status": "cancelled"})");
    EXPECT_FALSE(twice.value);
    ASSERT_FALSE(twice.problems.empty());
    EXPECT_EQ(twice.problems[0].key_path, "status");
}

// The check of long dropped strings agrees with nlohmann's own parser on what is valid JSON:
// notes ending in random runs of escapes, quotes, control bytes and (broken) UTF-8.
TEST(HostileRecords, LongDroppedNoteAgreesWithTheJsonParser) {
    const std::vector<std::string> pieces = {"a", "\\", "\\\\", "\\u", "\\ud83d", "\\ude00", "\\u00e9", "0", "\\n",
                                             "\\x", "\x01", "\x7f", "\xC3", "\xA9", "\xC3\xA9", "\xED\xA0\x80",
                                             "\xF0\x9F\x98\x80", "\xF4\x90\x80\x80", "\xE0\x80\xAF", "\"", "\t"};
    const std::string note(1u << 20, 'z');
    std::uint32_t seed = 12345;
    auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
    int valid = 0, invalid = 0;
    for (int round = 0; round < 150; ++round) {
        std::string tail;
        for (int k = int(next() % 4) + 1; k > 0; --k) tail += pieces[next() % pieces.size()];
        const std::string text = R"({"order_id": "R-1", "notes": ")" + note + tail + R"(", "status": "paid"})";
        const bool json_valid = nlohmann::json::accept(text);
        auto parsed = formats::read_order_text(text);
        const bool read_as_json = parsed.value || parsed.problems.empty() ||
                                  parsed.problems[0].message.rfind("not valid JSON", 0) != 0;
        EXPECT_EQ(read_as_json, json_valid) << "tail: " << nlohmann::json(tail).dump(-1, ' ', true, nlohmann::json::error_handler_t::replace);
        (json_valid ? valid : invalid) += 1;
    }
    EXPECT_GT(valid, 10);
    EXPECT_GT(invalid, 10);
}

}  // namespace
}  // namespace preflight::hostile
