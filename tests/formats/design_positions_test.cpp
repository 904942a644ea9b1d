// The position scan behind SARIF regions: the line and column of each page's "name" and each
// element's "id", whatever the layout of the JSON (one line, pretty, escapes, keys in any order).
#include <gtest/gtest.h>

#include "formats/design_positions.hpp"

namespace preflight::formats {
namespace {

TEST(DesignPositions, PrettyPrintedDesign) {
    const char* text = R"({
  "design_id": "x",
  "pages": [
    {
      "name": "front",
      "elements": [
        {"id": "title", "type": "text", "box_mm": [1, 2, 3, 4]},
        {
          "type": "photo",
          "id": "photo"
        }
      ]
    },
    {"elements": [{"id": "title"}], "name": "back"}
  ]
})";
    DesignPositions positions = scan_design_positions(text);
    EXPECT_EQ(positions.pages.at("front").line, 5);
    EXPECT_EQ(positions.pages.at("front").column, 7);
    EXPECT_EQ(positions.elements.at({"front", "title"}).line, 7);
    EXPECT_EQ(positions.elements.at({"front", "title"}).column, 10);
    EXPECT_EQ(positions.elements.at({"front", "photo"}).line, 10);
    // The name after the elements still names them.
    EXPECT_EQ(positions.elements.at({"back", "title"}).line, 14);
    EXPECT_EQ(positions.pages.at("back").line, 14);
    // find(): element, else page, else the start of the file.
    EXPECT_EQ(positions.find("front", "nothing").line, 5);
    EXPECT_EQ(positions.find("", "").line, 1);
}

TEST(DesignPositions, KeysInsideStringsAndOtherObjectsDoNotCount) {
    const char* text = "{\"note\": \"\\\"pages\\\": [{\\\"name\\\": \\\"x\\\"}]\",\n"
                       " \"meta\": {\"pages\": [{\"name\": \"decoy\"}]},\n"
                       " \"pages\": [{\"name\": \"front\", \"elements\": [{\"text\": \"id\", \"id\": \"é-t\"}]}]}";
    DesignPositions positions = scan_design_positions(text);
    EXPECT_EQ(positions.pages.size(), 1u);
    EXPECT_EQ(positions.pages.at("front").line, 3);
    EXPECT_EQ(positions.elements.at({"front", "é-t"}).line, 3);
    EXPECT_EQ(positions.elements.at({"front", "é-t"}).column, 58);   // the key "id", not the value "id"
}

TEST(DesignPositions, BrokenJsonGivesWhatWasFound) {
    DesignPositions positions = scan_design_positions("{\"pages\": [{\"name\": \"front\", \"elements\": [{\"id\": ");
    EXPECT_EQ(positions.pages.at("front").line, 1);
    EXPECT_TRUE(scan_design_positions("").pages.empty());
    EXPECT_TRUE(scan_design_positions("]]]}}}\"").pages.empty());
}

}  // namespace
}  // namespace preflight::formats
