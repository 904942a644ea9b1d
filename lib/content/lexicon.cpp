// Loads the system word lists once into one sorted block of lower-case words.
#include "content/lexicon.hpp"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>


namespace preflight::content {

namespace {

struct Lexicon {
    // Sorted, unique words packed into one block (a few MB instead of one allocation per word).
    std::string block;
    std::vector<std::uint32_t> starts;   // offset of each word in block; one extra end entry

    Lexicon() {
        // Each file is read whole and split in place: half a million words without one
        // allocation per word (this runs once per process, before the first order).
        const char* const paths[] = {"/usr/share/dict/dutch", "/usr/share/dict/american-english",
                                     "/usr/share/dict/british-english"};
        std::vector<std::string> files;
        files.reserve(std::size(paths));   // the views below point into these strings: no reallocation
        std::vector<std::string_view> words;
        for (const char* path : paths) {
            std::ifstream in(path, std::ios::binary | std::ios::ate);
            if (!in) continue;
            const std::streamoff size = in.tellg();
            if (size <= 0) continue;
            std::string& text = files.emplace_back(std::size_t(size), '\0');
            in.seekg(0);
            if (!in.read(text.data(), size)) text.resize(std::size_t(std::max<std::streamsize>(0, in.gcount())));
            std::string_view rest = files.back();
            while (!rest.empty()) {
                const std::size_t end = rest.find('\n');
                std::string_view line = rest.substr(0, end);
                rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
                if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
                if (line.empty()) continue;
                auto first = static_cast<unsigned char>(line[0]);
                // Only entries written in lower case: "Sophie" is a name, "welkom" a word.
                if (first >= 'A' && first <= 'Z') continue;
                if (first == 0xC3 && line.size() > 1 && static_cast<unsigned char>(line[1]) >= 0x80 &&
                    static_cast<unsigned char>(line[1]) <= 0x9E)
                    continue;   // À-Þ: upper-case Latin-1 letters
                words.push_back(line);
            }
        }
        std::sort(words.begin(), words.end());
        words.erase(std::unique(words.begin(), words.end()), words.end());
        std::size_t total = 0;
        for (const auto& w : words) total += w.size();
        block.reserve(total);
        starts.reserve(words.size() + 1);
        for (const auto& w : words) {
            starts.push_back(static_cast<std::uint32_t>(block.size()));
            block += w;
        }
        starts.push_back(static_cast<std::uint32_t>(block.size()));
    }

    std::size_t size() const { return starts.empty() ? 0 : starts.size() - 1; }
    std::string_view word(std::size_t i) const {
        return std::string_view(block).substr(starts[i], starts[i + 1] - starts[i]);
    }
};

const Lexicon& lexicon() {
    static const Lexicon instance;
    return instance;
}

}  // namespace

bool is_common_word(std::string_view casefolded_word) {
    const Lexicon& words = lexicon();
    std::size_t low = 0, high = words.size();
    while (low < high) {
        std::size_t mid = low + (high - low) / 2;
        if (words.word(mid) < casefolded_word) low = mid + 1;
        else high = mid;
    }
    return low < words.size() && words.word(low) == casefolded_word;
}

bool lexicon_available() { return lexicon().size() > 0; }

}  // namespace preflight::content
