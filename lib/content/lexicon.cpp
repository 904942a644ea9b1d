// Loads the system word lists once into one sorted block of lower-case words.
#include "content/lexicon.hpp"

#include <algorithm>
#include <fstream>
#include <mutex>
#include <string>
#include <vector>


namespace preflight::content {

namespace {

struct Lexicon {
    std::vector<std::string> words;   // sorted, unique

    Lexicon() {
        for (const char* path : {"/usr/share/dict/dutch", "/usr/share/dict/american-english",
                                 "/usr/share/dict/british-english"}) {
            std::ifstream in(path);
            std::string line;
            while (std::getline(in, line)) {
                if (line.empty()) continue;
                auto first = static_cast<unsigned char>(line[0]);
                // Only entries written in lower case: "Sophie" is a name, "welkom" a word.
                if (first >= 'A' && first <= 'Z') continue;
                if (first >= 0xC3 && line.size() > 1 && static_cast<unsigned char>(line[1]) >= 0x80 &&
                    static_cast<unsigned char>(line[1]) <= 0x9E)
                    continue;   // À-Þ: upper-case Latin-1 letters
                if (line.back() == '\r') line.pop_back();
                words.push_back(line);
            }
        }
        std::sort(words.begin(), words.end());
        words.erase(std::unique(words.begin(), words.end()), words.end());
    }
};

const Lexicon& lexicon() {
    static const Lexicon instance;
    return instance;
}

}  // namespace

bool is_common_word(std::string_view casefolded_word) {
    const auto& words = lexicon().words;
    return std::binary_search(words.begin(), words.end(), casefolded_word,
                              [](const auto& a, const auto& b) { return std::string_view(a) < std::string_view(b); });
}

bool lexicon_available() { return !lexicon().words.empty(); }

}  // namespace preflight::content
