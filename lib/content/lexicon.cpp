// Loads the system word lists once: their lower-case words, indexed by hash over their own text.
#include "content/lexicon.hpp"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace preflight::content {

namespace {

// FNV-1a, folded to 32 bits and mixed (MurmurHash3's finaliser) so that its top bits,
// which pick the bucket, depend on every byte.
std::uint32_t hash_of(std::string_view word) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : word) h = (h ^ c) * 0x100000001b3ull;
    auto x = std::uint32_t(h ^ (h >> 32));
    x ^= x >> 16, x *= 0x85ebca6bu, x ^= x >> 13, x *= 0xc2b2ae35u, x ^= x >> 16;
    return x;
}

// Whether a word-list line is written in lower case: "Sophie" is a name, "welkom" a word.
bool listed_in_lower_case(std::string_view line) {
    const auto first = static_cast<unsigned char>(line[0]);
    if (first >= 'A' && first <= 'Z') return false;
    // À-Þ: upper-case Latin-1 letters (UTF-8 C3 80..C3 9E).
    return !(first == 0xC3 && line.size() > 1 && static_cast<unsigned char>(line[1]) >= 0x80 &&
             static_cast<unsigned char>(line[1]) <= 0x9E);
}

// The words stay in the lists' own text, one per line; an index groups them by hash into
// 4 096 buckets (a counting sort: two sequential passes, no comparison sort, no allocation
// per word, no random access into a large table). A lookup compares ~130 hashes of its
// bucket. First use ~10 ms for half a million words, where sorting them took ~50 ms that a
// second worker spent waiting on the first (bench/README.md, session 5).
struct Lexicon {
    struct Entry {
        std::uint32_t hash, offset;
    };
    static constexpr int bucket_bits = 12;
    std::string text;                   // the lists, '\n'-terminated lines ('\r' removed)
    std::vector<std::uint32_t> starts;  // bucket b holds entries[starts[b] .. starts[b + 1])
    std::vector<Entry> entries;

    Lexicon() {
        const char* const paths[] = {"/usr/share/dict/dutch", "/usr/share/dict/american-english",
                                     "/usr/share/dict/british-english"};
        for (const char* path : paths) append_file(path);
        if (text.size() >= 0xFFFFFFFFu) return;   // offsets are 32-bit; the lists are a few MB
        std::vector<Entry> listed;
        listed.reserve(text.size() / 8);
        for (std::size_t start = 0; start < text.size();) {
            const std::size_t end = text.find('\n', start);
            const std::string_view line(text.data() + start, end - start);
            if (!line.empty() && listed_in_lower_case(line)) listed.push_back({hash_of(line), std::uint32_t(start)});
            start = end + 1;
        }
        starts.assign((1u << bucket_bits) + 1, 0);
        for (const Entry& e : listed) ++starts[(e.hash >> (32 - bucket_bits)) + 1];
        for (std::size_t b = 1; b < starts.size(); ++b) starts[b] += starts[b - 1];
        entries.resize(listed.size());
        std::vector<std::uint32_t> next(starts.begin(), starts.end() - 1);
        for (const Entry& e : listed) entries[next[e.hash >> (32 - bucket_bits)]++] = e;
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
        if (text.find('\r', at) != std::string::npos)   // CRLF lists: drop '\r' in place
            text.erase(std::remove(text.begin() + std::ptrdiff_t(at), text.end(), '\r'), text.end());
        if (text.size() > at && text.back() != '\n') text.push_back('\n');
    }

    bool contains(std::string_view word) const {
        if (entries.empty() || word.empty() || word.find('\n') != std::string_view::npos) return false;
        const std::uint32_t h = hash_of(word);
        const std::uint32_t bucket = h >> (32 - bucket_bits);
        for (std::uint32_t i = starts[bucket]; i < starts[bucket + 1]; ++i) {
            const Entry& e = entries[i];
            if (e.hash != h || e.offset + word.size() >= text.size()) continue;
            if (text[e.offset + word.size()] == '\n' && text.compare(e.offset, word.size(), word) == 0) return true;
        }
        return false;
    }

    std::size_t size() const { return entries.size(); }
};

const Lexicon& lexicon() {
    static const Lexicon instance;
    return instance;
}

}  // namespace

bool is_common_word(std::string_view casefolded_word) { return lexicon().contains(casefolded_word); }

bool lexicon_available() { return lexicon().size() > 0; }

}  // namespace preflight::content
