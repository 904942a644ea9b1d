// Loads the system word lists once into a hash set of lower-case words over their own text.
#include "content/lexicon.hpp"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace preflight::content {

namespace {

// 64-bit FNV-1a: short keys, no dependencies, good enough spread for a power-of-two table.
std::uint64_t hash_of(std::string_view word) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : word) h = (h ^ c) * 0x100000001b3ull;
    return h ^ (h >> 29);
}

// Whether a word-list line is written in lower case: "Sophie" is a name, "welkom" a word.
bool listed_in_lower_case(std::string_view line) {
    const auto first = static_cast<unsigned char>(line[0]);
    if (first >= 'A' && first <= 'Z') return false;
    // À-Þ: upper-case Latin-1 letters (UTF-8 C3 80..C3 9E).
    return !(first == 0xC3 && line.size() > 1 && static_cast<unsigned char>(line[1]) >= 0x80 &&
             static_cast<unsigned char>(line[1]) <= 0x9E);
}

// The words stay in the lists' own text, one per line; the table holds where each starts
// (open addressing, linear probing, at most half full). Built in one pass, no sort and no
// allocation per word: ~15 ms for half a million words, where sorting them took ~50 ms
// that a second worker spent waiting on the first (bench/README.md, session 5).
struct Lexicon {
    static constexpr std::uint32_t empty = 0xFFFFFFFFu;
    std::string text;                   // the lists, '\n'-terminated lines ('\r' removed)
    std::vector<std::uint32_t> slots;   // offset of a word in text, or `empty`
    std::size_t count = 0;

    Lexicon() {
        const char* const paths[] = {"/usr/share/dict/dutch", "/usr/share/dict/american-english",
                                     "/usr/share/dict/british-english"};
        for (const char* path : paths) append_file(path);
        std::size_t lines = 0;
        for (char c : text) lines += c == '\n';
        std::size_t capacity = 1024;
        while (capacity < 2 * lines) capacity *= 2;
        if (text.size() >= empty) return;   // offsets are 32-bit; the lists are a few MB
        slots.assign(capacity, empty);
        std::size_t start = 0;
        while (start < text.size()) {
            const std::size_t end = text.find('\n', start);
            const std::string_view line(text.data() + start, end - start);
            if (!line.empty() && listed_in_lower_case(line)) insert(line, std::uint32_t(start));
            start = end + 1;
        }
    }

    void append_file(const char* path) {
        std::ifstream in(path, std::ios::binary | std::ios::ate);
        if (!in) return;
        const std::streamoff size = in.tellg();
        if (size <= 0) return;
        const std::size_t at = text.size();
        text.resize(at + std::size_t(size));
        in.seekg(0);
        if (!in.read(text.data() + at, size)) text.resize(at + std::size_t(std::max<std::streamsize>(0, in.gcount())));
        std::size_t out = at;   // drop '\r' in place (CRLF lists)
        for (std::size_t i = at; i < text.size(); ++i)
            if (text[i] != '\r') text[out++] = text[i];
        text.resize(out);
        if (text.size() > at && text.back() != '\n') text.push_back('\n');
    }

    std::string_view word_at(std::uint32_t offset) const {
        const std::size_t end = text.find('\n', offset);
        return std::string_view(text.data() + offset, end - offset);
    }

    // The slot holding `word`, or the empty slot where it would go.
    std::size_t find_slot(std::string_view word) const {
        const std::size_t mask = slots.size() - 1;
        for (std::size_t i = hash_of(word) & mask;; i = (i + 1) & mask)
            if (slots[i] == empty || word_at(slots[i]) == word) return i;
    }

    void insert(std::string_view word, std::uint32_t offset) {
        const std::size_t slot = find_slot(word);
        if (slots[slot] != empty) return;   // listed twice (Dutch and English share words)
        slots[slot] = offset;
        ++count;
    }

    bool contains(std::string_view word) const {
        return count > 0 && !word.empty() && word.find('\n') == std::string_view::npos &&
               slots[find_slot(word)] != empty;
    }
};

const Lexicon& lexicon() {
    static const Lexicon instance;
    return instance;
}

}  // namespace

bool is_common_word(std::string_view casefolded_word) { return lexicon().contains(casefolded_word); }

bool lexicon_available() { return lexicon().count > 0; }

}  // namespace preflight::content
