// text.placeholder: template text left unchanged (lorem ipsum, "Naam", "[datum]",
// "dd-mm-jjjj", "xx-xx-xxxx", the template's own sample texts). Compared case- and
// diacritics-insensitively on whole words, so a real name containing "naam" never matches.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <set>

#include <utf8proc.h>

#include "checks/text/text_checks.hpp"
#include "checks/text/text_common.hpp"

namespace preflight::checks {

namespace {

/// Case-folded, marks stripped, NFKC: "Ëlla" -> "ella", "ĳ" -> "ij".
std::string fold(const std::string& text) {
    utf8proc_uint8_t* output = nullptr;
    auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()), utf8proc_ssize_t(text.size()), &output,
                          utf8proc_option_t(UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
                                            UTF8PROC_STRIPMARK | UTF8PROC_IGNORE));
    if (n < 0) {
        std::string lower = text;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        return lower;
    }
    std::string result(reinterpret_cast<char*>(output), std::size_t(n));
    std::free(output);
    return result;
}

bool is_word_byte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

/// Words (letters/digits, any non-ASCII counts as a letter) of folded text.
std::vector<std::string> words_of(const std::string& folded) {
    std::vector<std::string> words;
    std::string current;
    for (unsigned char c : folded) {
        if (is_word_byte(c)) {
            current += char(c);
        } else if (!current.empty()) {
            words.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) words.push_back(std::move(current));
    return words;
}

// Words that are placeholders when they stand alone on a line or in brackets.
const std::set<std::string>& placeholder_words() {
    static const std::set<std::string> words = {
        "naam", "namen", "voornaam", "achternaam", "roepnaam", "name", "names", "firstname", "lastname",
        "datum", "date", "geboortedatum", "trouwdatum", "tijd", "time", "plaats", "place", "locatie",
        "location", "adres", "address", "tekst", "text", "gewicht", "lengte", "weight", "length"};
    return words;
}
// Words that may join placeholder words on a line ("Naam & Naam", "jouw naam", "your name").
const std::set<std::string>& joining_words() {
    static const std::set<std::string> words = {"en", "and", "jouw", "your", "uw", "hier", "here", "de", "het", "van"};
    return words;
}

/// "dd-mm-jjjj", "xx-xx-xxxx", "dd/mm/yyyy", "00-00-0000" and shorter year forms.
bool is_date_mask(const std::string& token) {
    std::vector<std::string> parts(1);
    for (char c : token) {
        if (c == '-' || c == '/' || c == '.') parts.emplace_back();
        else parts.back() += c;
    }
    if (parts.size() != 3) return false;
    static const std::set<std::string> day = {"d", "dd", "x", "xx", "00"}, month = {"m", "mm", "x", "xx", "00"},
                                       year = {"jj", "jjjj", "yy", "yyyy", "xx", "xxxx", "0000"};
    return day.count(parts[0]) && month.count(parts[1]) && year.count(parts[2]);
}

/// What placeholder the folded text contains, or empty.
std::string find_placeholder(const std::string& folded, const std::vector<std::string>& samples) {
    // lorem ipsum, anywhere.
    const auto words = words_of(folded);
    for (std::size_t i = 0; i + 1 < words.size(); ++i)
        if (words[i] == "lorem" && words[i + 1] == "ipsum") return "lorem ipsum";
    // Bracketed placeholder: [naam], {datum}, <voornaam>, [jouw tekst hier].
    for (std::size_t open = 0; open < folded.size(); ++open) {
        const char c = folded[open];
        const char close = c == '[' ? ']' : c == '{' ? '}' : c == '<' ? '>' : 0;
        if (!close) continue;
        const auto end = folded.find(close, open + 1);
        if (end == std::string::npos || end - open > 40) continue;
        const auto inner = words_of(folded.substr(open + 1, end - open - 1));
        if (!inner.empty() && std::any_of(inner.begin(), inner.end(), [](const std::string& w) {
                return placeholder_words().count(w) > 0;
            }))
            return folded.substr(open, end - open + 1);
    }
    // Date masks, as whole tokens.
    std::string token;
    for (std::size_t i = 0; i <= folded.size(); ++i) {
        const unsigned char c = i < folded.size() ? folded[i] : ' ';
        if (is_word_byte(c) || c == '-' || c == '/' || c == '.') {
            token += char(c);
            continue;
        }
        while (!token.empty() && token.back() == '.') token.pop_back();
        if (is_date_mask(token)) return token;
        token.clear();
    }
    // A line of nothing but placeholder words (and joiners): "Naam", "Naam & Naam", "Your name".
    std::size_t start = 0;
    while (start <= folded.size()) {
        auto end = folded.find('\n', start);
        if (end == std::string::npos) end = folded.size();
        const std::string raw_line = folded.substr(start, end - start);
        // A label with a fill-in field ("Naam: ........", "Datum: ____") is a form, not a
        // forgotten placeholder (reply cards are filled in by hand).
        if (raw_line.find(':') != std::string::npos || raw_line.find("__") != std::string::npos ||
            raw_line.find("...") != std::string::npos || raw_line.find("\xE2\x80\xA6") != std::string::npos) {
            start = end + 1;
            continue;
        }
        const auto line = words_of(raw_line);
        bool any = false, all = !line.empty();
        for (const auto& w : line) {
            if (placeholder_words().count(w)) any = true;
            else if (!joining_words().count(w)) all = false;
        }
        if (any && all) return folded.substr(start, end - start);
        start = end + 1;
    }
    // The template's own sample texts, as whole words.
    for (const auto& sample : samples) {
        const auto sample_words = words_of(fold(sample));
        if (sample_words.empty() || sample_words.size() > words.size()) continue;
        for (std::size_t i = 0; i + sample_words.size() <= words.size(); ++i)
            if (std::equal(sample_words.begin(), sample_words.end(), words.begin() + std::ptrdiff_t(i))) return sample;
    }
    return {};
}

void run(const core::CheckContext& context, const core::CheckOptions& options, core::Findings& findings) {
    const auto& samples = options.list("samples");
    if (!context.design) return;
    for (const auto& page : context.pages) {
        if (!page.page) continue;
        // Text elements are judged on their text alone: no layout or font needed.
        for (const Element& element : page.page->elements) {
            if (element.type != ElementType::text) continue;
            const std::string found = find_placeholder(fold(element.text), samples);
            if (found.empty()) continue;
            Finding finding;
            finding.check = "text.placeholder";
            finding.severity = Severity::error;
            finding.page = page.page->name;
            finding.element = element.id;
            finding.message = "Text '" + element.id + "' still contains the template's placeholder \"" + found +
                              "\"; ask the customer for the real text.";
            finding.where_mm = to_array(element.box_mm);
            finding.fix = {FixBy::customer, "Replace the placeholder with the customer's own text."};
            finding.details["placeholder"] = found;
            findings.push_back(std::move(finding));
        }
    }
}

}  // namespace

core::CheckSpec make_text_placeholder_check() {
    core::CheckSpec spec;
    spec.id = "text.placeholder";
    spec.summary = "Template text left unchanged (lorem ipsum, [Naam], dd-mm-jjjj, the template's sample texts)";
    spec.options = {{"samples", std::vector<std::string>{}, "the template's own sample texts (whole words, any case)"}};
    spec.run = run;
    return spec;
}

}  // namespace preflight::checks
