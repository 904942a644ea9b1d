// product.category: the texts belong to another product than the one ordered (a wedding
// text on a birth card: "kaart in een verkeerde categorie").
#include <string>
#include <string_view>

#include "checks/content/card_texts.hpp"
#include "checks/product/product_checks.hpp"

namespace preflight::checks {

namespace {

struct Marker {
    std::string_view phrase;
    bool prefix;   // the last word may continue ("trouw" -> "trouwen")
};

// Words that say what a card is about. Kept to unmistakable ones: precision first.
constexpr Marker birth_markers[] = {
    {"geboren", false}, {"born", false}, {"geboorte", true}, {"it's a boy", false}, {"it's a girl", false},
    {"its a boy", false}, {"its a girl", false}, {"zusje van", false}, {"broertje van", false}, {"kraam", true},
    {"newborn", false}, {"welcome to the world", false}, {"welkom op de wereld", false},
};
constexpr Marker wedding_markers[] = {
    {"trouw", true}, {"getrouwd", false}, {"ondertrouw", true}, {"huwelijk", true}, {"bruiloft", false},
    {"bruid", true}, {"ja-woord", false}, {"ja woord", false}, {"jawoord", false}, {"wedding", true},
    {"getting married", false}, {"get married", false}, {"mr & mrs", false},
};
constexpr Marker invitation_markers[] = {
    {"uitnodig", true}, {"nodigen", false}, {"invit", true}, {"verjaardag", false}, {"birthday", false},
    {"jubileum", false}, {"jarig", true}, {"party", false}, {"feest", true}, {"borrel", false}, {"rsvp", false},
};
// Generous: any of these makes a card plausibly a birth card, so it is not flagged as one.
constexpr Marker birth_evidence[] = {
    {"geboren", false}, {"born", false}, {"geboorte", true}, {"kraam", true}, {"dochter", true}, {"zoon", true},
    {"zusje", true}, {"broertje", true}, {"baby", true}, {"hoera", true}, {"welkom", true}, {"welcome", true},
    {"newborn", false}, {"it's a", false}, {"its a", false},
};
// Strict: only these make a birth card read as an invitation.
constexpr Marker invitation_strong[] = {
    {"uitnodig", true}, {"nodigen", false}, {"invit", true}, {"verjaardag", false}, {"birthday", false},
    {"jubileum", false}, {"jarig", true},
};
constexpr Marker birthday_markers[] = {
    {"verjaardag", false}, {"birthday", false}, {"jarig", true},
};
constexpr Marker thanks_markers[] = {
    {"bedankt", false}, {"dank", true}, {"thank", true},
};

struct Hit {
    const ReadElement* read = nullptr;
    std::string text;   // the words as typed
};

template <std::size_t N>
Hit find_marker(const std::vector<ReadElement>& texts, const Marker (&markers)[N]) {
    for (const auto& read : texts) {
        const auto& folded = read.card.text.folded;
        for (const Marker& marker : markers) {
            std::size_t at = content::find_phrase(folded, marker.phrase, marker.prefix);
            if (at == std::string::npos) continue;
            std::size_t end = at + marker.phrase.size();
            while (end < folded.size() && ((folded[end] >= 'a' && folded[end] <= 'z') || static_cast<unsigned char>(folded[end]) >= 0x80))
                ++end;
            return Hit{&read, std::string(read.card.text.original(at, end))};
        }
    }
    return {};
}

void run(const core::CheckContext& ctx, const core::CheckOptions&, core::Findings& out) {
    if (!ctx.item || !ctx.design) return;
    const std::string& ordered = !ctx.item->product.empty() ? ctx.item->product : ctx.product;
    const auto texts = read_design_texts(*ctx.design);
    const Hit birth = find_marker(texts, birth_markers);
    const Hit wedding = find_marker(texts, wedding_markers);
    const Hit invitation = find_marker(texts, invitation_markers);

    Hit hit;
    std::string reads_as;
    if (is_birth(ordered)) {
        bool birth_like = find_marker(texts, birth_evidence).read != nullptr;
        for (const auto& read : texts)
            for (const auto& measure : read.card.measures)
                birth_like = birth_like || measure.kind == content::MeasureKind::length ||
                             (measure.value >= 400 && measure.value <= 6500);
        const Hit strong_invitation = find_marker(texts, invitation_strong);
        if (!birth_like && wedding.read) { hit = wedding; reads_as = "a wedding card"; }
        else if (!birth_like && strong_invitation.read) { hit = strong_invitation; reads_as = "an invitation"; }
    } else if (is_wedding(ordered)) {
        const bool thanks = find_marker(texts, thanks_markers).read != nullptr;
        const Hit birthday = find_marker(texts, birthday_markers);
        if (!wedding.read && !thanks && birth.read) { hit = birth; reads_as = "a birth announcement"; }
        else if (!wedding.read && birthday.read) { hit = birthday; reads_as = "a birthday invitation"; }
    } else if (is_invitation(ordered)) {
        if (!invitation.read && !wedding.read && birth.read) { hit = birth; reads_as = "a birth announcement"; }
    }
    if (!hit.read) return;
    std::string product_name = is_birth(ordered) ? "a birth announcement" : is_wedding(ordered) ? "a wedding card" : "an invitation";
    // Product words for the texts (translated through "word/product").
    auto product_word = [](const std::string& name) -> std::string {
        if (name == "a birth announcement") return "birth_announcement";
        if (name == "a wedding card") return "wedding";
        if (name == "a birthday invitation") return "birthday";
        return "invitation";
    };
    Finding finding = make_finding("product.category", Severity::warning, FixBy::service, hit.read->page->name,
                               hit.read->element->id,
                               "The card is ordered as " + product_name + " but its text reads as " + reads_as + " ('" +
                                   hit.text + "' on page " + hit.read->page->name + ").",
                               "Check with the customer that the right product was chosen; if not, cancel and re-order.");
    finding.details = {{"product", product_word(product_name)}, {"reads_as_product", product_word(reads_as)},
                       {"quote", hit.text}};
    out.push_back(std::move(finding));
}

}  // namespace

core::CheckSpec make_product_category_check() {
    core::CheckSpec spec;
    spec.id = "product.category";
    spec.summary = "The texts belong to another product than the one ordered (a wedding text on a birth card).";
    spec.scope = core::Scope::design;
    spec.run = run;
    return spec;
}

}  // namespace preflight::checks
