// Reader tests: weights, lengths and phone numbers in every form customers type them.
#include <gtest/gtest.h>

#include "content/reader.hpp"

namespace preflight::content {
namespace {

struct MeasureCase {
    const char* text;
    MeasureKind kind;
    double value;   // grams or centimetres
};

const MeasureCase measure_cases[] = {
    {"3250 gram", MeasureKind::weight, 3250},
    {"3.250 gr", MeasureKind::weight, 3250},
    {"3.250 gr.", MeasureKind::weight, 3250},
    {"3,250 gram", MeasureKind::weight, 3250},
    {"3,25 kg", MeasureKind::weight, 3250},
    {"3.25 kg", MeasureKind::weight, 3250},
    {"3250g", MeasureKind::weight, 3250},
    {"3250 g", MeasureKind::weight, 3250},
    {"3,250 kilo", MeasureKind::weight, 3250},
    {"3 kilo", MeasureKind::weight, 3000},
    {"325 gram", MeasureKind::weight, 325},
    {"3,25 gram", MeasureKind::weight, 3.25},
    {"7 pond", MeasureKind::weight, 3500},
    {"7 lbs 8 oz", MeasureKind::weight, 7 * 453.59237 + 8 * 28.349523125},
    {"Gewicht: 3480", MeasureKind::weight, 3480},
    {"gewicht 3,48", MeasureKind::weight, 3480},
    {"Weight: 3.480", MeasureKind::weight, 3480},
    {"51 cm", MeasureKind::length, 51},
    {"51,5 cm", MeasureKind::length, 51.5},
    {"51.5 cm", MeasureKind::length, 51.5},
    {"51cm", MeasureKind::length, 51},
    {"5 cm", MeasureKind::length, 5},
    {"49 centimeter", MeasureKind::length, 49},
    {"Lengte: 50", MeasureKind::length, 50},
    {"length 51,5", MeasureKind::length, 51.5},
};

TEST(ContentReaderMeasures, EveryForm) {
    for (const auto& c : measure_cases) {
        SCOPED_TRACE(c.text);
        CardText card = read_card_text(c.text);
        ASSERT_EQ(card.measures.size(), 1u);
        EXPECT_EQ(card.measures[0].kind, c.kind);
        EXPECT_NEAR(card.measures[0].value, c.value, 1e-6);
        EXPECT_TRUE(card.times.empty());
        EXPECT_TRUE(card.dates.empty());
    }
}

TEST(ContentReaderMeasures, BirthCardReadsAllParts) {
    CardText card = read_card_text("Sophie\n12 maart 2026 om 14.30 uur\n3.250 gram en 51,5 cm\nKerkstraat 12, 3512 JC Utrecht\n06-12345678");
    ASSERT_EQ(card.dates.size(), 1u);
    ASSERT_EQ(card.times.size(), 1u);
    ASSERT_EQ(card.measures.size(), 2u);
    EXPECT_NEAR(card.measures[0].value, 3250, 1e-9);
    EXPECT_EQ(card.measures[0].text, "3.250 gram");
    EXPECT_NEAR(card.measures[1].value, 51.5, 1e-9);
    ASSERT_EQ(card.phones.size(), 1u);
    EXPECT_EQ(card.phones[0].digits, "0612345678");
    EXPECT_TRUE(card.years.empty());
}

struct PhoneCase {
    const char* text;
    const char* digits;
    bool international;
    const char* national;
};

const PhoneCase phone_cases[] = {
    {"06-12345678", "0612345678", false, "0612345678"},
    {"06 12345678", "0612345678", false, "0612345678"},
    {"06 - 12 34 56 78", "0612345678", false, "0612345678"},
    {"0612345678", "0612345678", false, "0612345678"},
    {"010 123 4567", "0101234567", false, "0101234567"},
    {"010-1234567", "0101234567", false, "0101234567"},
    {"030 - 123 45 67", "0301234567", false, "0301234567"},
    {"+31 6 1234 5678", "31612345678", true, "612345678"},
    {"+31 (0)6 1234 5678", "31612345678", true, "612345678"},
    {"+31612345678", "31612345678", true, "612345678"},
    {"0031 6 12345678", "0031612345678", true, "612345678"},
    {"06-1234567", "061234567", false, "061234567"},
    {"010 123 456", "010123456", false, "010123456"},
    {"+31 6 1234 567", "3161234567", true, "61234567"},
    {"+32 470 12 34 56", "32470123456", true, "470123456"},
};

TEST(ContentReaderPhones, EveryForm) {
    for (const auto& c : phone_cases) {
        SCOPED_TRACE(c.text);
        CardText card = read_card_text(std::string("Bel ons: ") + c.text);
        ASSERT_EQ(card.phones.size(), 1u);
        EXPECT_EQ(card.phones[0].digits, c.digits);
        EXPECT_EQ(card.phones[0].international, c.international);
        EXPECT_EQ(card.phones[0].national, c.national);
        EXPECT_EQ(card.phones[0].text, c.text);
    }
}

TEST(ContentReaderPhones, NumbersThatAreNoPhones) {
    for (const char* text : {"3512 JC", "Kerkstraat 12", "0,5 kg", "09:30 uur", "01-03-2026", "Sinds 1998",
                             "06", "nr. 0123"}) {
        SCOPED_TRACE(text);
        EXPECT_TRUE(read_card_text(text).phones.empty());
    }
}

TEST(ContentReaderPhones, BankAccountsAreNoPhones) {
    EXPECT_TRUE(read_card_text("Cadeautip: NL12 ABCD 0123 4567 89").phones.empty());
    EXPECT_TRUE(read_card_text("IBAN: 0123 4567 8").phones.empty());
    EXPECT_EQ(read_card_text("NL12 ABCD 0123456789\nBel 06-12345678").phones.size(), 1u);
}

TEST(ContentReaderPhones, AFollowingPostcodeIsNotSwallowed) {
    CardText card = read_card_text("T 06 12345678 3512 JC");
    ASSERT_EQ(card.phones.size(), 1u);
    EXPECT_EQ(card.phones[0].digits, "0612345678");
}

}  // namespace
}  // namespace preflight::content
