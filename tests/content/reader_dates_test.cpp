// Reader tests: dates in Dutch and English, numeric and in words, with and without weekday.
#include <gtest/gtest.h>

#include "content/reader.hpp"

namespace preflight::content {
namespace {

struct DateCase {
    const char* text;
    unsigned day;
    unsigned month;
    int year;
    int weekday;   // -1: none written
};

// What each text says, field by field, as written (the checks judge validity).
const DateCase date_cases[] = {
    {"zaterdag 12 maart 2026", 12, 3, 2026, 6},
    {"Zaterdag 14 maart 2026", 14, 3, 2026, 6},
    {"donderdag 12 maart 2026", 12, 3, 2026, 4},
    {"12 maart 2026", 12, 3, 2026, -1},
    {"12 MAART 2026", 12, 3, 2026, -1},
    {"31 februari 2026", 31, 2, 2026, -1},
    {"29 februari 2028", 29, 2, 2028, -1},
    {"29 februari 2026", 29, 2, 2026, -1},
    {"30 december 2025", 30, 12, 2025, -1},
    {"op 1e mei 2026", 1, 5, 2026, -1},
    {"1ste januari 2027", 1, 1, 2027, -1},
    {"2de juni", 2, 6, 0, -1},
    {"vrijdag 5 juni 2026", 5, 6, 2026, 5},
    {"Vrijdag, 5 juni 2026", 5, 6, 2026, 5},
    {"za. 6 juni 2026", 6, 6, 2026, 6},
    {"zo 7 jun 2026", 7, 6, 2026, 0},
    {"ma 8 juni", 8, 6, 0, 1},
    {"12 mrt. 2026", 12, 3, 2026, -1},
    {"12 okt 2026", 12, 10, 2026, -1},
    {"3 sept. 2026", 3, 9, 2026, -1},
    {"12 maart '26", 12, 3, 2026, -1},
    {"woensdag 31 april 2026", 31, 4, 2026, 3},
    {"Saturday, March 14th, 2026", 14, 3, 2026, 6},
    {"Saturday 14 March 2026", 14, 3, 2026, 6},
    {"March 12, 2026", 12, 3, 2026, -1},
    {"the 12th of March 2026", 12, 3, 2026, -1},
    {"Friday June 5th 2026", 5, 6, 2026, 5},
    {"Jan. 3, 2026", 3, 1, 2026, -1},
    {"December 30th", 30, 12, 0, -1},
    {"maart 2026", 0, 3, 2026, -1},
    {"September 2027", 0, 9, 2027, -1},
    {"12-03-2026", 12, 3, 2026, -1},
    {"12.03.2026", 12, 3, 2026, -1},
    {"12/3/26", 12, 3, 2026, -1},
    {"1-1-2026", 1, 1, 2026, -1},
    {"31-04-2026", 31, 4, 2026, -1},
    {"30-02-2024", 30, 2, 2024, -1},
    {"29.02.2024", 29, 2, 2024, -1},
    {"zaterdag 12-03-2026", 12, 3, 2026, 6},
    {"do 12.03.2026", 12, 3, 2026, 4},
    {"02-01-26", 2, 1, 2026, -1},
    {"12-13-2026", 12, 13, 2026, -1},
    {"geboren op 30 december 2025 om 23.50 uur", 30, 12, 2025, -1},
    {"dinsdag 31 december 2024", 31, 12, 2024, 2},
    {"Zondag 1 februari 2026", 1, 2, 2026, 0},
    {"1 mei 1956", 1, 5, 1956, -1},
    {"2026-03-12", 12, 3, 2026, -1},
    {"Friday the 13th of March 2026", 13, 3, 2026, 5},
    {"vrijdag de 13e maart 2026", 13, 3, 2026, 5},
    {"van 12 tot en met zondag 14 juni 2026", 14, 6, 2026, 0},
};

TEST(ContentReaderDates, ReadsEveryForm) {
    ASSERT_GE(std::size(date_cases), 40u);
    for (const auto& c : date_cases) {
        SCOPED_TRACE(c.text);
        CardText card = read_card_text(c.text);
        ASSERT_EQ(card.dates.size(), 1u);
        const DateMention& d = card.dates[0];
        EXPECT_EQ(d.day, c.day);
        EXPECT_EQ(d.month, c.month);
        EXPECT_EQ(d.year, c.year);
        if (c.weekday < 0) EXPECT_FALSE(d.weekday.has_value());
        else {
            ASSERT_TRUE(d.weekday.has_value());
            EXPECT_EQ(static_cast<int>(*d.weekday), c.weekday);
        }
    }
}

TEST(ContentReaderDates, AbbreviationsThatAreWordsNeedAPoint) {
    CardText card = read_card_text("Anna and Tom will wed 12 June 2026\nHet is zo 12 juni 2026\nZo 14 juni 2026\nkom je ook do. 18 juni 2026");
    ASSERT_EQ(card.dates.size(), 4u);
    EXPECT_FALSE(card.dates[0].weekday.has_value());
    EXPECT_FALSE(card.dates[1].weekday.has_value());
    EXPECT_EQ(card.dates[2].weekday, 0u);
    EXPECT_EQ(card.dates[3].weekday, 4u);
}

TEST(ContentReaderDates, QuotesTheOriginalText) {
    CardText card = read_card_text("Welkom!\nZaterdag 12 Maart 2026 — ’s middags");
    ASSERT_EQ(card.dates.size(), 1u);
    EXPECT_EQ(card.dates[0].text, "Zaterdag 12 Maart 2026");
    EXPECT_EQ(card.dates[0].weekday_text, "Zaterdag");
    EXPECT_EQ(card.dates[0].line, 1u);
}

TEST(ContentReaderDates, DiacriticsAndNfcDoNotMatter) {
    // "févr." is not a month we read, but decomposed e + combining acute must fold like é.
    CardText card = read_card_text("Ge\xCC\x81" "boren: 3 me\xCC\x81" "i 2026");
    ASSERT_EQ(card.dates.size(), 1u);
    EXPECT_EQ(card.dates[0].month, 5u);
}

struct NotADate {
    const char* text;
};

// Texts with numbers that are no dates: times, phone numbers, weights, postcodes.
const NotADate not_dates[] = {
    {"14.30 uur"},
    {"om 14:30"},
    {"van 14.30 - 17.00 uur"},
    {"06-12345678"},
    {"06-12-34-56-78"},
    {"010 123 4567"},
    {"3.250 gram"},
    {"3,25 kg"},
    {"51,5 cm"},
    {"3512 JC Utrecht"},
    {"Kerkstraat 12"},
    {"Jan en Piet"},
    {"Opa Jan 80 jaar"},
    {"juni 12 uur"},
    {"Wij mogen het zo zeggen"},
    {"versie 1.2.3.4"},
    {"32 maart"},
};

TEST(ContentReaderDates, NoDateInNumbersThatAreSomethingElse) {
    for (const auto& c : not_dates) {
        SCOPED_TRACE(c.text);
        EXPECT_TRUE(read_card_text(c.text).dates.empty());
    }
}

TEST(ContentReaderDates, TimesAreReadAsTimes) {
    CardText card = read_card_text("Receptie van 14.30 tot 17:00 uur, diner om 19u30 en feest vanaf 21 uur");
    ASSERT_EQ(card.times.size(), 4u);
    EXPECT_EQ(card.times[0].hour, 14u);
    EXPECT_EQ(card.times[0].minute, 30u);
    EXPECT_EQ(card.times[1].hour, 17u);
    EXPECT_EQ(card.times[2].minute, 30u);
    EXPECT_EQ(card.times[3].hour, 21u);
    EXPECT_TRUE(card.measures.empty());
    EXPECT_TRUE(card.years.empty());
}

TEST(ContentReaderDates, Ordinals) {
    EXPECT_EQ(read_ordinal("12th"), 12u);
    EXPECT_EQ(read_ordinal("1e"), 1u);
    EXPECT_EQ(read_ordinal("1ste"), 1u);
    EXPECT_EQ(read_ordinal("2de"), 2u);
    EXPECT_EQ(read_ordinal("3rd"), 3u);
    EXPECT_EQ(read_ordinal("21st"), 21u);
    EXPECT_FALSE(read_ordinal("12").has_value());
    EXPECT_FALSE(read_ordinal("12 kg").has_value());
}

TEST(ContentReaderDates, NamesAndAbbreviations) {
    EXPECT_EQ(month_from_name("mrt"), 3u);
    EXPECT_EQ(month_from_name("mei"), 5u);
    EXPECT_EQ(month_from_name("okt"), 10u);
    EXPECT_EQ(month_from_name("october"), 10u);
    EXPECT_EQ(month_from_name("vrijdag"), 0u);
    EXPECT_EQ(weekday_from_name("zaterdag", false), 6u);
    EXPECT_EQ(weekday_from_name("wo", true), 3u);
    EXPECT_FALSE(weekday_from_name("wo", false).has_value());
    EXPECT_EQ(weekday_from_name("thursday", false), 4u);
}

TEST(ContentReaderDates, PlainYears) {
    CardText card = read_card_text("Save the date\n• 2026 •\nsinds 1998\n1976 – 2026\nKerkstraat 2024\n3512 JC");
    ASSERT_EQ(card.years.size(), 3u);
    EXPECT_EQ(card.years[0].year, 2026);
    EXPECT_FALSE(card.years[0].range_start);
    EXPECT_EQ(card.years[1].year, 1976);
    EXPECT_TRUE(card.years[1].range_start);
    EXPECT_EQ(card.years[2].year, 2026);
}

}  // namespace
}  // namespace preflight::content
