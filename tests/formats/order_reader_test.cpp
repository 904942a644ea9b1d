// Reading orders: every field, and schema problems reported with their key paths.
#include <gtest/gtest.h>

#include "formats/readers.hpp"
#include "preflight/formats.hpp"

namespace preflight {
namespace {

TEST(OrderReader, ReadsTheSpecExample) {
    auto parsed = parse_order(R"({"order_id": "SP-1042", "status": "paid", "placed_at": "2026-11-20T14:03:00+01:00",
 "check_service": true, "proof": false,
 "customer": {"name": "Anna de Vries", "email": "anna@example.nl", "phone": "0612345678"},
 "shipping_address": {"name": "Anna de Vries", "street": "Kerkstraat", "house_number": "12",
   "house_number_addition": "A", "postcode": "3511 AB", "city": "Utrecht", "country": "NL"},
 "items": [
   {"type": "card", "product": "birth_announcement", "quantity": 60, "paper": "linen-350",
    "finishes": ["gold-foil"], "design": "SP-1042/design.json"},
   {"type": "envelope", "quantity": 60, "colour": "kraft"}
 ], "unknown_key": {"ignored": true}})");
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed.code(), ErrorCode::ok);
    EXPECT_TRUE(parsed.error().problems.empty());
    const Order& order = *parsed;
    EXPECT_EQ(order.order_id, "SP-1042");
    EXPECT_TRUE(order.check_service);
    ASSERT_TRUE(order.shipping_address);
    EXPECT_EQ(order.shipping_address->postcode, "3511 AB");
    ASSERT_EQ(order.items.size(), 2u);
    EXPECT_EQ(order.items[0].finishes, std::vector<std::string>{"gold-foil"});
    EXPECT_EQ(order.items[0].quantity, 60);
    EXPECT_EQ(order.items[1].type, "envelope");
    EXPECT_EQ(order.customer.phone, "0612345678");
}

// A key written twice is not silently the last one: the order has no value, the key is named.
TEST(OrderReader, DuplicateKeysAreASchemaProblemNamingTheKey) {
    auto parsed = formats::read_order_text(R"({"order_id": "D-1", "status": "paid", "status": "cancelled", "items": []})");
    EXPECT_FALSE(parsed.value);
    ASSERT_EQ(parsed.problems.size(), 1u);
    EXPECT_EQ(parsed.problems[0].check, "input.schema");
    EXPECT_EQ(parsed.problems[0].key_path, "status");
    EXPECT_NE(parsed.problems[0].message.find("'status' appears twice"), std::string::npos) << parsed.problems[0].message;
    auto nested = formats::read_order_text(R"({"order_id": "D-2", "status": "paid", "items": [{"type": "card"},
        {"type": "card", "design": "a.json", "design": "b.json"}]})");
    ASSERT_EQ(nested.problems.size(), 1u);
    EXPECT_EQ(nested.problems[0].key_path, "items[1].design");
    // The same key in different objects is fine.
    EXPECT_TRUE(formats::read_order_text(R"({"order_id": "D-3", "status": "paid", "customer": {"name": "A"},
        "shipping_address": {"name": "A"}})").value);
}

TEST(OrderReader, ReportsMissingAndMistypedKeysWithTheirPath) {
    auto parsed = parse_order(R"({"order_id": 1042, "status": "paid", "items": [{"type": "card", "quantity": "sixty"}]})");
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.code(), ErrorCode::invalid_document);
    const auto& problems = parsed.error().problems;
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].key_path, "items[0].quantity");
    EXPECT_EQ(problems[1].key_path, "items[0].design");
    EXPECT_EQ(problems[1].check, "input.schema");
    EXPECT_EQ(parsed.error().message.rfind("items[0].quantity: ", 0), 0u);
    // The reader the batch uses keeps the order beside its problems (status decides first).
    auto reading = formats::read_order_text(R"({"order_id": 1042, "status": "paid", "items": []})");
    ASSERT_TRUE(reading.value);
    EXPECT_EQ(reading.value->order_id, "1042");   // numeric ids are accepted
}

// Exporters that keep every number as a double (JavaScript, PHP, a spreadsheet) write 60.0 or
// 6e1 for a count: the same whole number, not a schema error that turns a clean order into
// `error`. 60.5 and a string stay errors.
TEST(OrderReader, WholeNumbersWrittenAsDecimalsAreCounts) {
    for (const char* sixty : {"60", "60.0", "6e1", "6.0E+1", "60.000"}) {
        auto parsed = parse_order(std::string(R"({"order_id": "Q", "status": "paid", "items": [{"type": "card", "quantity": )") +
                                  sixty + R"(, "design": "d.json"}]})");
        ASSERT_TRUE(parsed.ok()) << sixty << ": " << parsed.error().message;
        EXPECT_EQ(parsed->items[0].quantity, 60) << sixty;
    }
    // Ids and house numbers given as numbers: 12.0 is house number 12, 12.5 is no id.
    auto numeric = formats::read_order_text(R"({"order_id": 1.042e3, "status": "paid", "items": [],
        "shipping_address": {"name": "A", "street": "Kerkstraat", "house_number": 12.0, "postcode": "3511 AB", "city": "Utrecht"}})");
    ASSERT_TRUE(numeric.value);
    EXPECT_TRUE(numeric.problems.empty());
    EXPECT_EQ(numeric.value->order_id, "1042");
    ASSERT_TRUE(numeric.value->shipping_address);
    EXPECT_EQ(numeric.value->shipping_address->house_number, "12");
    auto half = formats::read_order_text(R"({"order_id": "Q", "status": "paid", "items": [],
        "shipping_address": {"house_number": 12.5}})");
    ASSERT_EQ(half.problems.size(), 1u);
    EXPECT_EQ(half.problems[0].key_path, "shipping_address.house_number");
    for (const char* bad : {"60.5", "\"60\"", "1e300", "-1.0"}) {
        auto parsed = parse_order(std::string(R"({"order_id": "Q", "status": "paid", "items": [{"type": "card", "quantity": )") +
                                  bad + R"(, "design": "d.json"}]})");
        ASSERT_FALSE(parsed.ok()) << bad;
        EXPECT_EQ(parsed.error().problems[0].key_path, "items[0].quantity") << bad;
    }
}

TEST(OrderReader, RefusesNonObjectsAndBrokenJson) {
    EXPECT_EQ(parse_order("[1, 2]").code(), ErrorCode::invalid_json);
    auto broken = parse_order(R"({"order_id": "x", )");
    ASSERT_FALSE(broken.ok());
    EXPECT_EQ(broken.code(), ErrorCode::invalid_json);
    EXPECT_NE(broken.error().problems[0].message.find("not valid JSON"), std::string::npos);
}

TEST(OrderReader, RefusesDeepNestingWithoutRecursing) {
    std::string deep(10000, '[');
    deep += std::string(10000, ']');
    auto parsed = parse_order("{\"order_id\": \"x\", \"junk\": " + deep + "}");
    ASSERT_FALSE(parsed.ok());
    EXPECT_NE(parsed.error().problems[0].message.find("nested deeper"), std::string::npos);
}

TEST(DesignReader, ReadsElementsWithDefaults) {
    auto parsed = parse_design(R"({"design_id": "d", "product": "wedding", "trim_mm": [148, 105],
      "pages": [{"name": "front", "raster": "front.png", "dpi": 300, "elements": [
        {"id": "t1", "type": "text", "box_mm": [14, 60, 120, 22], "text": "Sophie", "font_file": "f.ttf", "size_pt": 20},
        {"id": "p1", "type": "photo", "box_mm": [-3, -3, 154, 55], "source_px": [1600, 1067], "crop_px": [0, 120, 1600, 571]},
        {"id": "s1", "type": "sticker", "box_mm": [1, 1, 1, 1]}]}]})");
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    const Design& design = *parsed;
    EXPECT_DOUBLE_EQ(design.bleed_mm, 3.0);
    EXPECT_DOUBLE_EQ(design.safe_mm, 4.0);
    const auto& elements = design.pages[0].elements;
    EXPECT_EQ(elements[0].type, ElementType::text);
    EXPECT_DOUBLE_EQ(elements[0].line_height, 1.2);
    EXPECT_EQ(elements[0].align, TextAlign::left);
    EXPECT_TRUE(elements[0].wrap);
    ASSERT_TRUE(elements[1].crop_px);
    EXPECT_EQ((*elements[1].crop_px)[3], 571);
    EXPECT_EQ(elements[2].type, ElementType::other);
}

// source_px and crop_px are whole pixels, however the editor's exporter writes them.
TEST(DesignReader, PixelSizesWrittenAsDecimalsAreWholePixels) {
    auto parsed = parse_design(R"({"design_id": "d", "product": "wedding", "trim_mm": [148.0, 105.0],
      "pages": [{"name": "front", "raster": "front.png", "dpi": 3e2, "elements": [
        {"id": "p1", "type": "photo", "box_mm": [-3, -3, 154, 55], "source_px": [1600.0, 1.067e3],
         "crop_px": [0.0, 120.0, 16E2, 571.0]}]}]})");
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    const Element& photo = parsed->pages[0].elements[0];
    ASSERT_TRUE(photo.source_px && photo.crop_px);
    EXPECT_EQ((*photo.source_px)[1], 1067);
    EXPECT_EQ((*photo.crop_px)[1], 120);
    EXPECT_EQ((*photo.crop_px)[2], 1600);
    auto fractional = parse_design(R"({"design_id": "d", "trim_mm": [148, 105], "pages": [{"name": "front",
      "raster": "front.png", "dpi": 300, "elements": [{"id": "p1", "type": "photo", "box_mm": [0, 0, 10, 10],
      "source_px": [1600.5, 1067]}]}]})");
    ASSERT_FALSE(fractional.ok());
    EXPECT_EQ(fractional.error().problems[0].key_path, "pages[0].elements[0].source_px");
}

// A box a kilometre off the card is a broken number, refused by key before any pixel
// arithmetic (UBSan: 1e308 mm overflowed the int conversion); one parked off the card is fine.
TEST(DesignReader, BoxesBeyondAKilometreAreSchemaProblems) {
    for (const char* box : {"[1e308, 0, 10, 10]", "[-1e308, -1e308, 1e308, 1e308]", "[0, 0, 2e6, 10]"}) {
        auto parsed = parse_design(std::string(R"({"design_id": "d", "trim_mm": [148, 105], "pages": [{"name": "front",
          "raster": "front.png", "dpi": 300, "elements": [{"id": "g1", "type": "graphic", "box_mm": )") + box + "}]}]}");
        ASSERT_FALSE(parsed.ok()) << box;
        EXPECT_EQ(parsed.error().problems[0].key_path, "pages[0].elements[0].box_mm") << box;
    }
    auto parked = parse_design(R"({"design_id": "d", "trim_mm": [148, 105], "pages": [{"name": "front",
      "raster": "front.png", "dpi": 300, "elements": [{"id": "g1", "type": "graphic", "box_mm": [-5000, 300, 10, 10]}]}]})");
    EXPECT_TRUE(parked.ok()) << parked.error().message;
}

TEST(DesignReader, SchemaProblemsNameTheKey) {
    auto parsed = parse_design(R"({"trim_mm": [148], "pages": [{"raster": "a.png", "dpi": "300",
      "elements": [{"type": "text", "box_mm": [0, 0, 10, 10], "text": "x", "size_pt": 9, "color": "red"}]}]})");
    ASSERT_FALSE(parsed.ok());
    std::vector<std::string> paths;
    EXPECT_EQ(parsed.code(), ErrorCode::invalid_document);
    for (const auto& problem : parsed.error().problems) paths.push_back(problem.key_path);
    EXPECT_NE(std::find(paths.begin(), paths.end(), "trim_mm"), paths.end());
    EXPECT_NE(std::find(paths.begin(), paths.end(), "pages[0].dpi"), paths.end());
    EXPECT_NE(std::find(paths.begin(), paths.end(), "pages[0].elements[0].font_file"), paths.end());
    EXPECT_NE(std::find(paths.begin(), paths.end(), "pages[0].elements[0].color"), paths.end());
}

}  // namespace
}  // namespace preflight
