// Loads the system word lists once into one block of unique lower-case words, hashed.
#include "content/lexicon.hpp"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>


namespace preflight::content {

namespace {

// FNV-1a: words are short, and this is the whole cost of a lookup besides one comparison.
std::uint64_t hash_word(std::string_view word) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : word) h = (h ^ c) * 1099511628211ull;
    return h ^ (h >> 29);
}

struct Lexicon {
    // Unique words packed into one block (a few MB instead of one allocation per word), found
    // through an open-addressing hash table of their indexes: built in one pass, no sort.
    std::string block;
    std::vector<std::uint32_t> starts;   // offset of each word in block; one extra end entry
    std::vector<std::uint32_t> slots;    // word index + 1, 0 = empty; a power of two long

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
        std::size_t capacity = 1024;
        while (capacity < 2 * words.size()) capacity *= 2;
        slots.assign(capacity, 0);
        std::size_t total = 0;
        for (const auto& w : words) total += w.size();
        block.reserve(total);
        starts.reserve(words.size() + 1);
        starts.push_back(0);
        for (const auto& w : words) {
            std::uint32_t* slot = find_slot(w);
            if (*slot != 0) continue;   // listed twice (Dutch and English share many words)
            *slot = static_cast<std::uint32_t>(starts.size());   // = the new word's index + 1
            block += w;
            starts.push_back(static_cast<std::uint32_t>(block.size()));
        }
    }

    std::size_t size() const { return starts.empty() ? 0 : starts.size() - 1; }
    std::string_view word(std::size_t i) const {
        return std::string_view(block).substr(starts[i], starts[i + 1] - starts[i]);
    }
    // The slot holding `w`, or the empty slot where it belongs.
    const std::uint32_t* find_slot(std::string_view w) const {
        const std::size_t mask = slots.size() - 1;
        for (std::size_t i = hash_word(w) & mask;; i = (i + 1) & mask)
            if (slots[i] == 0 || word(slots[i] - 1) == w) return &slots[i];
    }
    std::uint32_t* find_slot(std::string_view w) { return const_cast<std::uint32_t*>(std::as_const(*this).find_slot(w)); }
    bool contains(std::string_view w) const { return *find_slot(w) != 0; }
};

const Lexicon& lexicon() {
    static const Lexicon instance;
    return instance;
}

}  // namespace

bool is_common_word(std::string_view casefolded_word) { return lexicon().contains(casefolded_word); }

bool lexicon_available() { return lexicon().size() > 0; }

}  // namespace preflight::content
