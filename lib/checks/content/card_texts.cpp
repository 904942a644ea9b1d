// Shared reading and date-role helpers for the content and product checks.
#include "checks/content/card_texts.hpp"

#include <array>

namespace preflight::checks {

std::vector<ReadElement> read_design_texts(const Design& design) {
    std::vector<ReadElement> out;
    for (std::size_t p = 0; p < design.pages.size(); ++p) {
        const Page& page = design.pages[p];
        for (const Element& element : page.elements) {
            if (element.type != ElementType::text || element.text.empty()) continue;
            out.push_back(ReadElement{&page, &element, p, content::read_card_text(element.text)});
        }
    }
    return out;
}

bool is_birth(std::string_view product) { return product == "birth_announcement"; }
bool is_wedding(std::string_view product) { return product == "wedding"; }
bool is_invitation(std::string_view product) { return product == "invitation"; }

date::year_month_day reference_day(const core::CheckContext& ctx) {
    return date::year_month_day{date::year{ctx.reference_date.year}, date::month{ctx.reference_date.month},
                                date::day{ctx.reference_date.day}};
}

bool has_any(std::string_view folded, std::initializer_list<std::string_view> phrases, bool prefix) {
    for (std::string_view phrase : phrases)
        if (content::contains_phrase(folded, phrase, prefix)) return true;
    return false;
}

bool line_has_any(const ReadElement& read, std::size_t line, const PhraseList& list) {
    auto [it, inserted] = read.line_memo.try_emplace({&list, line}, false);
    if (inserted) {
        const std::string_view text = read.card.folded_line(line);
        for (std::string_view phrase : list.phrases)
            if (content::contains_phrase(text, phrase, list.prefix)) {
                it->second = true;
                break;
            }
    }
    return it->second;
}

namespace {

// Visits, parties and reply-by dates are other events than the one the card announces.
const PhraseList event_words{{"kraamvisite", "kraambezoek", "bezoek", "visit", "kraamfeest", "babyborrel", "borrel",
                              "feest", "party", "receptie", "reception", "rsvp", "uiterlijk", "reageren", "reactie",
                              "laat ons weten", "laat het ons weten", "aanmelden", "afmelden", "before", "reply",
                              "respond", "kindly", "welkom vanaf", "langskomen", "uitgerekend", "verwacht", "expected",
                              "due date", "babyshower", "weten", "opgeven", "doorgeven"},
                             true};
const PhraseList birth_words{{"geboren", "born", "geboortedatum", "date of birth", "geboorte"}, true};
const PhraseList wedding_words{{"trouwen", "trouwdag", "huwelijk", "bruiloft", "wedding", "married", "marry", "ja-woord",
                                "ja woord", "jawoord", "zeggen ja", "say yes", "say i do", "elkaar het ja"},
                               true};

}  // namespace

DateRole date_role(const ReadElement& read, const content::DateMention& date) {
    const std::size_t line = date.line;
    if (line_has_any(read, line, event_words)) return DateRole::event;
    if (line_has_any(read, line, birth_words)) return DateRole::birth;
    if (line_has_any(read, line, wedding_words)) return DateRole::wedding;
    if (line == 0) return DateRole::unknown;
    // A label on the line above ("Geboren op\n12 maart 2026") when this line has no words of its own.
    if (line_has_any(read, line - 1, event_words)) return DateRole::event;
    if (line_has_any(read, line - 1, birth_words)) return DateRole::birth;
    if (line_has_any(read, line - 1, wedding_words)) return DateRole::wedding;
    return DateRole::unknown;
}

std::optional<date::year_month_day> full_date(const content::DateMention& mention) {
    if (mention.day == 0 || mention.month == 0 || mention.year == 0 || mention.month > 12) return std::nullopt;
    date::year_month_day day{date::year{mention.year}, date::month{mention.month}, date::day{mention.day}};
    if (!day.ok()) return std::nullopt;
    return day;
}

std::string month_name(unsigned month) {
    static constexpr std::array<std::string_view, 12> months{"januari", "februari", "maart", "april", "mei", "juni",
                                                            "juli", "augustus", "september", "oktober",
                                                            "november", "december"};
    return month >= 1 && month <= 12 ? std::string(months[month - 1]) : std::to_string(month);
}

std::string format_day(date::year_month_day day) {
    return std::to_string(static_cast<unsigned>(day.day())) + " " + month_name(static_cast<unsigned>(day.month())) + " " +
           std::to_string(static_cast<int>(day.year()));
}

std::string weekday_names(unsigned weekday) {
    static constexpr std::array<std::string_view, 7> dutch{"zondag", "maandag", "dinsdag", "woensdag",
                                                           "donderdag", "vrijdag", "zaterdag"};
    static constexpr std::array<std::string_view, 7> english{"Sunday", "Monday", "Tuesday", "Wednesday",
                                                             "Thursday", "Friday", "Saturday"};
    return std::string(dutch[weekday % 7]) + " (" + std::string(english[weekday % 7]) + ")";
}

Finding make_finding(std::string check, Severity severity, FixBy by, std::string page, std::string element,
                     std::string message, std::string action) {
    Finding finding;
    finding.check = std::move(check);
    finding.severity = severity;
    finding.page = std::move(page);
    finding.element = std::move(element);
    finding.message = std::move(message);
    finding.fix.by = by;
    finding.fix.action = std::move(action);
    return finding;
}

}  // namespace preflight::checks
