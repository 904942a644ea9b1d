// Every record of an export answered, end to end: JSON Lines whose first line is an array, a
// JSON array followed by more lines, an order with a key written twice.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

#include "hostile/hostile_support.hpp"

namespace preflight::hostile {
namespace {

using Json = nlohmann::json;

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

}  // namespace
}  // namespace preflight::hostile
