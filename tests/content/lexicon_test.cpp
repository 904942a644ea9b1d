// The word lists behind content.capitalisation: every lower-case entry of the installed lists
// is found, and words no list holds in lower case are not.
#include "content/lexicon.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

namespace preflight {
namespace {

TEST(Lexicon, EveryLowerCaseEntryOfTheListsIsACommonWord) {
    ASSERT_TRUE(content::lexicon_available()) << "scripts/setup.d/content.list installs wdutch and wamerican";
    std::size_t checked = 0;
    for (const char* path : {"/usr/share/dict/dutch", "/usr/share/dict/american-english"}) {
        std::ifstream in(path);
        for (std::string line; std::getline(in, line);) {
            if (line.empty() || (line[0] >= 'A' && line[0] <= 'Z') || static_cast<unsigned char>(line[0]) == 0xC3) continue;
            ASSERT_TRUE(content::is_common_word(line)) << path << ": " << line;
            ++checked;
        }
    }
    EXPECT_GT(checked, 300'000u);
}

TEST(Lexicon, NamesAndNonWordsAreNot) {
    EXPECT_TRUE(content::is_common_word("welkom"));
    EXPECT_TRUE(content::is_common_word("welcome"));
    EXPECT_FALSE(content::is_common_word("sophie"));      // listed only as "Sophie"
    EXPECT_FALSE(content::is_common_word("welkomx"));
    EXPECT_FALSE(content::is_common_word("welko"));
    EXPECT_FALSE(content::is_common_word(""));
    EXPECT_FALSE(content::is_common_word(std::string(300, 'a')));
}

}  // namespace
}  // namespace preflight
