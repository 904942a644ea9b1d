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
    // through an open-addressing hash table of their indexes: built as the lists are read, no sort.
    std::string block;
    std::vector<std::uint32_t> starts;   // offset of each word in block; one extra end entry
    std::vector<std::uint32_t> slots;    // word index + 1, 0 = empty; a power of two long

    Lexicon() {
        // One file at a time, read whole and split in place; each lower-case word goes straight
        // into the block (no allocation per word, and only one file's text held besides).
        const char* const paths[] = {"/usr/share/dict/dutch", "/usr/share/dict/american-english",
                                     "/usr/share/dict/british-english"};
        slots.assign(1u << 16, 0);
        starts.push_back(0);
        for (const char* path : paths) {
            std::ifstream in(path, std::ios::binary | std::ios::ate);
            if (!in) continue;
            const std::streamoff size = in.tellg();
            if (size <= 0) continue;
            std::string text(std::size_t(size), '\0');
            in.seekg(0);
            if (!in.read(text.data(), size)) text.resize(std::size_t(std::max<std::streamsize>(0, in.gcount())));
            block.reserve(block.size() + text.size() / 2);
            std::string_view rest = text;
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
                add(line);
            }
        }
    }

    // Adds `w` unless listed already (Dutch and English share many words); the table is kept
    // at most half full.
    void add(std::string_view w) {
        std::uint32_t* slot = find_slot(w);
        if (*slot != 0) return;
        *slot = static_cast<std::uint32_t>(starts.size());   // = the new word's index + 1
        block += w;
        starts.push_back(static_cast<std::uint32_t>(block.size()));
        if (2 * size() > slots.size()) grow();
    }

    void grow() {
        slots.assign(slots.size() * 2, 0);
        const std::size_t mask = slots.size() - 1;
        for (std::size_t i = 0; i < size(); ++i) {
            std::size_t at = hash_word(word(i)) & mask;
            while (slots[at] != 0) at = (at + 1) & mask;
            slots[at] = static_cast<std::uint32_t>(i + 1);
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
