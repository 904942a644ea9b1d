// Streaming exports: JSON Lines with blank lines and CRLF, JSON arrays, cut-off input.
#include <gtest/gtest.h>

#include <sstream>

#include "preflight/formats.hpp"

namespace preflight {
namespace {

std::vector<ExportRecord> read_all(const std::string& text) {
    std::istringstream in(text);
    ExportReader reader(in);
    std::vector<ExportRecord> records;
    while (auto record = reader.next()) records.push_back(*record);
    return records;
}

TEST(ExportReader, JsonLinesKeepLineNumbersAndSkipBlankLines) {
    auto records = read_all("\xEF\xBB\xBF{\"a\":1}\r\n\n  \n{\"b\":2}\nnot json\n");
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(records[0].line, 1);
    EXPECT_EQ(records[0].text, "{\"a\":1}");
    EXPECT_EQ(records[1].line, 4);
    EXPECT_EQ(records[2].line, 5);
    EXPECT_EQ(records[2].text, "not json");
}

TEST(ExportReader, JsonArrayIsCutIntoItsElements) {
    auto records = read_all(" [ {\"a\": \"x,]\"}, {\"b\": [1, {\"c\": 2}]} ,3 ]");
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(records[0].text, "{\"a\": \"x,]\"}");
    EXPECT_EQ(records[1].text, "{\"b\": [1, {\"c\": 2}]}");
    EXPECT_EQ(records[2].text, "3");
    EXPECT_EQ(records[2].line, 3);
}

TEST(ExportReader, CutOffArrayIsReportedNotLost) {
    auto records = read_all("[{\"a\": 1}, {\"b\": ");
    ASSERT_EQ(records.size(), 2u);
    EXPECT_TRUE(records[0].error.empty());
    EXPECT_FALSE(records[1].error.empty());
}

TEST(ExportReader, EmptyExportHasNoRecords) {
    EXPECT_TRUE(read_all("").empty());
    EXPECT_TRUE(read_all("[]").empty());
}

// JSON Lines whose first line is itself an array: every line stays its own record.
TEST(ExportReader, FirstLineArrayFollowedByLinesIsJsonLines) {
    auto records = read_all("[1, 2]\n{\"a\":1}\n\n{\"b\":2}\n");
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(records[0].text, "[1, 2]");
    EXPECT_EQ(records[0].line, 1);
    EXPECT_EQ(records[1].text, "{\"a\":1}");
    EXPECT_EQ(records[2].line, 4);
    // A whole array on its only line stays an array.
    EXPECT_EQ(read_all("[{\"a\":1}, {\"b\":2}]\n\n").size(), 2u);
}

// A multi-line array followed by more lines: each further line is its own error record.
TEST(ExportReader, LinesAfterAClosedArrayAreEachAnError) {
    auto records = read_all("[\n {\"a\":1},\n {\"b\":2}\n] {\"c\":3}\n\n{\"d\":4}\n");
    ASSERT_EQ(records.size(), 4u);
    EXPECT_EQ(records[0].text, "{\"a\":1}");
    EXPECT_EQ(records[1].text, "{\"b\":2}");
    EXPECT_NE(records[2].error.find("line 4 of the export follows the end of its JSON array"), std::string::npos)
        << records[2].error;
    EXPECT_NE(records[3].error.find("line 6 of the export"), std::string::npos) << records[3].error;
    EXPECT_EQ(records[3].line, 4);
    EXPECT_EQ(records[3].error_code, "after_array");
    EXPECT_EQ(records[3].export_line, 6);
}

}  // namespace
}  // namespace preflight
