// content.capitalisation: the same name or word written with inconsistent capitals across
// the card ("Sophie" here, "sophie" there: "consequent gebruik van hoofd-/kleine letters").
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include <utf8proc.h>

#include "checks/content/card_texts.hpp"
#include "checks/content/content_checks.hpp"
#include "content/lexicon.hpp"

namespace preflight::checks {

namespace {

enum class Form { lower, capitalised, upper, mixed };

struct Word {
    std::string text;
    std::string key;          // case-folded
    Form form = Form::lower;
    bool line_initial = false;  // first word of a sentence or line: capitals say nothing
    std::size_t line = 0;
};

// Dutch name particles ("van Dijk" but "Van Dijk" without first name) and other short words
// whose capitals legitimately vary.
bool is_particle(const std::string& key) {
    static const char* const particles[] = {"van", "de", "der", "den", "het", "ter", "ten", "te", "in", "op",
                                            "aan", "bij", "uit", "onder", "over", "voor", "la", "le", "du",
                                            "des", "von", "di", "da", "del", "della", "dos", "el", "y", "en",
                                            "and", "of", "the", "'t", "s"};
    for (const char* particle : particles)
        if (key == particle) return true;
    return false;
}

std::string casefold(const std::string& word) {
    utf8proc_uint8_t* mapped = nullptr;
    auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(word.data()), static_cast<utf8proc_ssize_t>(word.size()),
                          &mapped, utf8proc_option_t(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
    if (n < 0 || !mapped) return word;
    std::string out(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n));
    std::free(mapped);
    return out;
}

// Splits an NFC text into words with their case form and whether they open a sentence.
std::vector<Word> split_words(const std::string& nfc) {
    std::vector<Word> words;
    auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(nfc.data());
    const auto total = static_cast<utf8proc_ssize_t>(nfc.size());
    utf8proc_ssize_t pos = 0;
    bool sentence_start = true;
    std::size_t line = 0;
    Word current;
    int upper = 0, lower = 0, letters = 0;
    bool first_upper = false;
    auto finish = [&]() {
        if (letters == 0) return;
        if (letters >= 2) {
            if (lower == 0) current.form = Form::upper;
            else if (upper == 0) current.form = Form::lower;
            else if (first_upper) current.form = Form::capitalised;
            else current.form = Form::mixed;
            current.key = casefold(current.text);
            current.line = line;
            words.push_back(current);
        }
        sentence_start = false;
        current = Word{};
        upper = lower = letters = 0;
        first_upper = false;
    };
    while (pos < total) {
        utf8proc_int32_t cp = 0;
        auto used = utf8proc_iterate(bytes + pos, total - pos, &cp);
        if (used <= 0) { used = 1; cp = ' '; }
        auto category = utf8proc_category(cp);
        bool letter = category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO;
        bool mark = category >= UTF8PROC_CATEGORY_MN && category <= UTF8PROC_CATEGORY_ME;
        if (letter || (mark && letters > 0)) {
            if (letters == 0) current.line_initial = sentence_start;
            if (letter) {
                if (utf8proc_isupper(cp)) { ++upper; if (letters == 0) first_upper = true; }
                else if (utf8proc_islower(cp)) ++lower;
                ++letters;
            }
            current.text.append(nfc, static_cast<std::size_t>(pos), static_cast<std::size_t>(used));
        } else {
            finish();
            if (cp == '\n') { ++line; sentence_start = true; }
            else if (cp == '.' || cp == '!' || cp == '?' || cp == ':' || cp == ';' || cp == 0x2022) sentence_start = true;
            else if (category >= UTF8PROC_CATEGORY_ND && category <= UTF8PROC_CATEGORY_NO) sentence_start = false;
        }
        pos += used;
    }
    finish();
    // Title Case lines ("Save The Date", "Anna, Tom & Sophie") capitalise every word.
    std::map<std::size_t, std::pair<int, int>> per_line;   // line -> (words, capitalised or upper)
    for (const auto& w : words) {
        auto& [count, caps] = per_line[w.line];
        ++count;
        if (w.form == Form::capitalised || w.form == Form::upper) ++caps;
    }
    for (auto& w : words) {
        auto [count, caps] = per_line[w.line];
        if (count >= 3 && caps == count) w.line_initial = true;
    }
    return words;
}

struct Seen {
    const ReadElement* read;
    const Word* word;
};

void run(const core::CheckContext& ctx, const core::CheckOptions&, core::Findings& out) {
    if (!ctx.design) return;
    const auto texts = read_design_texts(*ctx.design);
    std::vector<std::vector<Word>> words(texts.size());
    std::map<std::string, std::pair<std::vector<Seen>, std::vector<Seen>>> by_key;   // key -> (lower, capitalised)
    for (std::size_t t = 0; t < texts.size(); ++t) {
        words[t] = split_words(texts[t].card.text.nfc);
        for (const auto& w : words[t]) {
            if (is_particle(w.key)) continue;
            if (w.form == Form::lower) by_key[w.key].first.push_back(Seen{&texts[t], &w});
            // A capital says "name" mid-sentence, or at a line start for a word no word
            // list knows in lower case ("Sophie", but not "Welkom").
            else if (w.form == Form::capitalised && (!w.line_initial || (content::lexicon_available() &&
                                                                           !content::is_common_word(w.key))))
                by_key[w.key].second.push_back(Seen{&texts[t], &w});
        }
    }
    for (const auto& [key, seen] : by_key) {
        const auto& [lowers, capitals] = seen;
        if (lowers.empty() || capitals.empty()) continue;
        const Seen& low = lowers.front();
        const Seen& cap = capitals.front();
        Finding finding = make_finding(
            "content.capitalisation", Severity::warning, FixBy::service, low.read->page->name, low.read->element->id,
            "'" + low.word->text + "' (page " + low.read->page->name + ") is written '" + cap.word->text + "' on page " +
                cap.read->page->name + ": the same name is capitalised inconsistently.",
            "Write '" + cap.word->text + "' the same way everywhere (ask the customer if unsure).");
        finding.details = {{"word", low.word->text}, {"capitalised", cap.word->text}, {"other_page", cap.read->page->name}};
        out.push_back(std::move(finding));
    }
}

}  // namespace

core::CheckSpec make_content_capitalisation_check() {
    core::CheckSpec spec;
    spec.id = "content.capitalisation";
    spec.summary = "The same name or word written with inconsistent capitals across the card.";
    spec.scope = core::Scope::design;
    spec.run = run;
    return spec;
}

}  // namespace preflight::checks
