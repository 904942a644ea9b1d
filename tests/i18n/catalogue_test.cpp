// The compiled-in catalogue: both languages complete with the same placeholders, an entry for
// every kind of finding the checks can produce, and the languages' number and date forms.
#include <gtest/gtest.h>

#include <cctype>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "i18n/catalogue.hpp"
#include "i18n/localise.hpp"
#include "preflight/checker.hpp"

namespace preflight::i18n {
namespace {

namespace fs = std::filesystem;

std::map<std::pair<std::string, std::string>, std::string> texts_of(std::string_view language) {
    std::map<std::pair<std::string, std::string>, std::string> texts;
    for (const auto& entry : all_entries())
        if (entry.language == language) texts[{entry.context, entry.key}] = entry.text;
    return texts;
}

std::multiset<std::string> placeholder_set(const std::string& text) {
    auto names = placeholders(text);
    return {names.begin(), names.end()};
}

TEST(Catalogue, EveryTextExistsInBothLanguagesWithTheSamePlaceholders) {
    const auto en = texts_of("en"), nl = texts_of("nl");
    ASSERT_GT(en.size(), 200u);
    for (const auto& [key, text] : en) {
        auto other = nl.find(key);
        ASSERT_NE(other, nl.end()) << key.first << " " << key.second << " has no Dutch text";
        EXPECT_EQ(placeholder_set(text), placeholder_set(other->second)) << key.first << " " << key.second;
        EXPECT_NE(text, "") << key.first;
    }
    for (const auto& [key, text] : nl) EXPECT_TRUE(en.count(key)) << key.first << " " << key.second << " has no English text";
}

TEST(Catalogue, EveryFindingKindHasThreeTexts) {
    const auto en = texts_of("en");
    std::set<std::string> kinds;
    for (const auto& [key, text] : en)
        if (key.first.find('.') != std::string::npos || key.first.rfind("*/", 0) == 0) kinds.insert(key.first);
    ASSERT_GT(kinds.size(), 60u);
    for (const auto& kind : kinds) {
        EXPECT_TRUE(en.count({kind, "found"})) << kind;
        EXPECT_TRUE(en.count({kind, "action"})) << kind;
        EXPECT_TRUE(en.count({kind, "customer"})) << kind;
    }
}

bool has_entry(const std::string& context) {
    return find_text(Language::en, context, "found") && find_text(Language::nl, context, "found");
}

TEST(Catalogue, EveryRegisteredCheckHasTexts) {
    const auto en = texts_of("en");
    for (const auto& check : list_checks()) {
        bool any = false;
        for (const auto& [key, text] : en) any = any || key.first == check.id || key.first.rfind(check.id + "/", 0) == 0;
        EXPECT_TRUE(any) << check.id << " has no entry in po/en.po";
    }
}

// Every code a check file writes (`code = "..."`, `code_x = "..."`) has its own entry under
// one of the check ids that file names: a new kind of finding needs its texts.
TEST(Catalogue, EveryCodeInTheChecksHasAnEntry) {
    std::set<std::string> ids;
    for (const auto& check : list_checks()) ids.insert(check.id);
    const std::regex id_literal("\"([a-z_]+\\.[a-z_]+)\"");
    const std::regex code_statement("\\bcode(_[a-z_]+)?\\s*=([^;]*);");
    const std::regex literal("\"([a-z_]+)\"");
    int codes_seen = 0;
    for (const auto& file : fs::recursive_directory_iterator(fs::path(PREFLIGHT_SOURCE_DIR) / "lib/checks")) {
        if (file.path().extension() != ".cpp") continue;
        std::ifstream in(file.path());
        std::stringstream text;
        text << in.rdbuf();
        const std::string source = text.str();
        std::set<std::string> file_ids;
        for (std::sregex_iterator it(source.begin(), source.end(), id_literal), end; it != end; ++it)
            if (ids.count((*it)[1])) file_ids.insert((*it)[1]);
        for (std::sregex_iterator it(source.begin(), source.end(), code_statement), end; it != end; ++it) {
            const std::string statement = (*it)[2];
            for (std::sregex_iterator lit(statement.begin(), statement.end(), literal); lit != std::sregex_iterator(); ++lit) {
                const std::string code = (*lit)[1];
                ++codes_seen;
                bool found = false;
                for (const auto& id : file_ids) found = found || has_entry(id + "/" + code);
                EXPECT_TRUE(found) << file.path().filename() << ": code '" << code << "' of "
                                   << (file_ids.empty() ? std::string("?") : *file_ids.begin())
                                   << " has no entry (msgctxt \"check/" << code << "\") in po/en.po and po/nl.po";
            }
        }
    }
    EXPECT_GT(codes_seen, 40);
}

// The customer sentences are for people who never heard of print jargon: polite and short.
TEST(Catalogue, CustomerSentencesArePlainShortAndPolite) {
    const std::vector<std::string> jargon_nl{"afloop", "bleed", "veilige marge", "snijlijn", "ppi", "dpi", "resolutie", "pixel", "raster",
                                             "trim", "folielaag", "foliemasker", "contrast"};
    const std::vector<std::string> jargon_en{"bleed", "safe zone", "trim", "ppi", "dpi", "resolution", "pixel", "raster", "mask",
                                             "contrast"};
    int sentences = 0;
    for (const auto& entry : all_entries()) {
        if (std::string_view(entry.key) != "customer") continue;
        std::string text = entry.text;
        for (char& c : text) c = char(std::tolower(static_cast<unsigned char>(c)));
        const bool dutch = std::string_view(entry.language) == "nl";
        for (const auto& word : dutch ? jargon_nl : jargon_en)
            EXPECT_EQ(text.find(word), std::string::npos) << entry.context << " (" << entry.language << "): '" << word << "' in " << entry.text;
        EXPECT_LT(std::string_view(entry.text).size(), 220u) << entry.context << ": too long for a customer";
        if (dutch) {
            // Polite form: "u"/"uw", never "je"/"jij"/"jouw".
            for (const char* informal : {" je ", " jij ", " jouw ", " jullie "})
                EXPECT_EQ((" " + text + " ").find(informal), std::string::npos) << entry.context << ": " << entry.text;
        }
        ++sentences;
    }
    EXPECT_GT(sentences, 120);
}

TEST(Formats, NumbersUnitsAndDatesPerLanguage) {
    EXPECT_EQ(format_detail("reach_mm", 1.0, Language::nl), "1,0 mm");
    EXPECT_EQ(format_detail("reach_mm", 1.0, Language::en), "1.0 mm");
    EXPECT_EQ(format_detail("size_pt", 6.45, Language::nl), "6,5 pt");
    EXPECT_EQ(format_detail("ppi", 203.4, Language::nl), "203 ppi");
    EXPECT_EQ(format_detail("year", 2021.0, Language::nl), "2021");
    EXPECT_EQ(format_detail("value", 3.5, Language::nl), "3,5");
    // A number without a unit keeps up to three decimals it really has (3,45 gram, as typed),
    // even when read as 345 x 0.01 = 3.4499999999999997; a computed ratio gets one.
    EXPECT_EQ(format_detail("value", 3.45, Language::nl), "3,45");
    EXPECT_EQ(format_detail("value", 345 * 0.01, Language::en), "3.45");
    EXPECT_EQ(format_detail("value", 5.25, Language::en), "5.25");
    EXPECT_EQ(format_detail("value", 0.125, Language::en), "0.125");
    EXPECT_EQ(format_detail("contrast", 1.873456, Language::en), "1.9");
    EXPECT_EQ(format_detail("cards", 60.0, Language::en), "60");
    EXPECT_EQ(format_detail("distance_mm", -0.01, Language::en), "0.0 mm");
    EXPECT_EQ(format_detail("font", std::string("Lato"), Language::nl), "Lato");
    // 2026-11-25 16:00 UTC is Wednesday 17:00 in Amsterdam (winter time); 2026-07-01 in summer time.
    using namespace std::chrono;
    const sys_seconds winter = sys_days{year{2026} / November / 25} + hours(16);
    EXPECT_EQ(format_moment(winter, Language::nl), "wo 25 nov, 17:00");
    EXPECT_EQ(format_moment(winter, Language::en), "Wed 25 Nov, 17:00");
    const sys_seconds summer = sys_days{year{2026} / July / 1} + hours(7) + minutes(5);
    EXPECT_EQ(format_moment(summer, Language::nl), "wo 1 jul, 09:05");
    EXPECT_EQ(language_from("nl"), Language::nl);
    EXPECT_EQ(language_from("nl-BE"), Language::nl);
    EXPECT_EQ(language_from("en"), Language::en);
    EXPECT_EQ(language_from("fr"), Language::en);
}

Finding bleed_finding() {
    Finding finding;
    finding.check = "bleed.coverage";
    finding.code = "short";
    finding.edge = Edge::left;
    finding.page = "front";
    finding.message = "the check's own English";
    finding.fix = {FixBy::service, "own action"};
    finding.details = {{"reach_mm", 1.0}, {"needed_mm", 3.0}, {"along_mm", 105.0}, {"edge_length_mm", 105.0}};
    return finding;
}

TEST(Localise, FillsTheThreeTextsFromTheDetailsInTheLanguage) {
    Finding nl = bleed_finding();
    localise(nl, Language::nl);
    EXPECT_NE(nl.message.find("linkerrand"), std::string::npos) << nl.message;
    EXPECT_NE(nl.message.find("1,0 mm"), std::string::npos) << nl.message;
    EXPECT_NE(nl.message.find("3,0 mm"), std::string::npos) << nl.message;
    EXPECT_NE(nl.fix.action.find("afloop"), std::string::npos) << nl.fix.action;
    EXPECT_EQ(nl.customer_message,
              "De achtergrond loopt niet helemaal door tot de rand van de kaart, waardoor na het snijden een dun wit randje "
              "zichtbaar kan zijn.");
    Finding en = bleed_finding();
    localise(en, Language::en);
    EXPECT_EQ(en.message, "Artwork stops 1.0 mm past the trim on the left edge along 105.0 mm of its 105.0 mm, so paper can "
                          "show after cutting; extend it to the outer edge of the bleed, 3.0 mm past the trim.");
    EXPECT_FALSE(en.customer_message.empty());
}

TEST(Localise, KeepsTheChecksTextWhenAValueIsMissingOrOnlyAFallbackExists) {
    Finding missing = bleed_finding();
    missing.details.erase("reach_mm");
    localise(missing, Language::nl);
    EXPECT_EQ(missing.message, "the check's own English");   // never a text with a hole in it
    EXPECT_FALSE(missing.customer_message.empty());           // the customer sentence needs no value

    Finding photo;
    photo.check = "photo.blur";
    photo.code = "some_future_kind";
    photo.message = "Photo 'p1' is blurred (detail).";
    photo.fix = {FixBy::customer, "Ask for a sharper photo (detail)."};
    Finding photo_nl = photo;
    localise(photo, Language::en);
    EXPECT_EQ(photo.message, "Photo 'p1' is blurred (detail).");   // English keeps the precise text
    EXPECT_FALSE(photo.customer_message.empty());
    localise(photo_nl, Language::nl);
    EXPECT_EQ(photo_nl.message, "Een foto ziet er onscherp uit.");
}

TEST(Localise, TranslatesWordsOfAFixedSet) {
    Finding finding;
    finding.check = "address.duplicated";
    finding.code = "repeated";
    finding.fix = {FixBy::service, "x"};
    finding.details = {{"field", std::string("house_number_addition")}, {"other_field", std::string("house_number")},
                       {"value", std::string("12")}};
    localise(finding, Language::nl);
    EXPECT_EQ(finding.message, "'12' is twee keer ingevuld: in het huisnummer en nog eens in de toevoeging.");
}

}  // namespace
}  // namespace preflight::i18n
