// Benchmarks of the content readers and checks: one text read, and every content check
// (plus product.category) on whole realistic birth and wedding designs.
#include <benchmark/benchmark.h>

#include <chrono>

#include "checks/content_support.hpp"
#include "content/lexicon.hpp"
#include "content/reader.hpp"

namespace {

using preflight::Design;
using preflight::testing::card_design;

const char* const content_checks[] = {"content.year", "content.date", "content.measure", "content.phone",
                                      "content.capitalisation"};

Design birth_card() {
    return card_design("birth_announcement",
                       {{"front", {"Welkom lieve Sophie", "12.03.2026"}},
                        {"inside", {"Wij zijn dolblij met de geboorte van onze dochter en zusje\nSophie Anna",
                                    "Geboren op donderdag 12 maart 2026 om 14.30 uur\n3.250 gram en 51,5 cm",
                                    "Anna de Vries & Tom van Dijk\nLotte en Mees", "Kraamvisite graag na een belletje: 06-12345678"}},
                         {"back", {"Kerkstraat 12\n3512 JC Utrecht", "Sophie slaapt tussen 12.00 en 14.00 uur"}}});
}

Design wedding_card() {
    return card_design("wedding",
                       {{"front", {"Anna & Tom", "19.06.2026"}},
                        {"inside", {"Na 8 jaar samen gaan wij trouwen!",
                                    "Vrijdag 19 juni 2026\nCeremonie om 14.00 uur in het stadhuis van Utrecht\nFeest vanaf 20.30 uur",
                                    "Laat je ons voor 1 mei 2026 weten of je komt?\nAnna: 06-12345678 / Tom: +31 6 8765 4321"}},
                         {"back", {"Kasteel de Haar\nKasteellaan 1\n3455 RR Haarzuilens"}}});
}

// Runs every content check once; the count of findings guards the timing's meaning.
std::size_t run_all(const Design& design, preflight::core::CivilDate ordered) {
    std::size_t findings = 0;
    for (const char* id : content_checks) findings += preflight::testing::run_on_design(id, design, ordered).size();
    return findings;
}

void BM_LexiconFirstUse(benchmark::State& state) {
    for (auto _ : state) {
        auto start = std::chrono::steady_clock::now();
        benchmark::DoNotOptimize(preflight::content::is_common_word("welkom"));
        state.SetIterationTime(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
}
BENCHMARK(BM_LexiconFirstUse)->Iterations(1)->UseManualTime()->Unit(benchmark::kMillisecond);

void BM_ReadCardText(benchmark::State& state) {
    const std::string text = "Geboren op donderdag 12 maart 2026 om 14.30 uur\n3.250 gram en 51,5 cm\nBel 06-12345678";
    for (auto _ : state) benchmark::DoNotOptimize(preflight::content::read_card_text(text));
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ReadCardText);

void BM_ContentChecksBirthCard(benchmark::State& state) {
    const Design design = birth_card();
    if (run_all(design, {2026, 3, 20}) != 0) {
        state.SkipWithError("the clean birth card has findings");
        return;
    }
    for (auto _ : state) benchmark::DoNotOptimize(run_all(design, {2026, 3, 20}));
    state.counters["designs/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ContentChecksBirthCard)->Unit(benchmark::kMicrosecond);

void BM_ContentChecksWeddingCard(benchmark::State& state) {
    const Design design = wedding_card();
    if (run_all(design, {2026, 1, 10}) != 0) {
        state.SkipWithError("the clean wedding card has findings");
        return;
    }
    for (auto _ : state) benchmark::DoNotOptimize(run_all(design, {2026, 1, 10}));
    state.counters["designs/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ContentChecksWeddingCard)->Unit(benchmark::kMicrosecond);

// Long texts: the readers and every content check must stay linear in the text's length.
// `repeats` copies of a short Dutch sentence with a date, a time and a year (one line, as a
// pasted text arrives), then on one line each.
std::string long_card_text(std::size_t bytes, bool one_line) {
    const std::string sentence = "Wij trouwen op zaterdag 19 juni 2026 om 14.00 uur, sinds 2018 samen";
    std::string text;
    while (text.size() < bytes) text += sentence + (one_line ? " " : "\n");
    return text;
}

void BM_ContentChecksLongText(benchmark::State& state) {
    const bool one_line = state.range(1) != 0;
    const Design design = card_design("wedding", {{"inside", {long_card_text(std::size_t(state.range(0)), one_line)}}});
    std::size_t findings = 0;
    for (auto _ : state) benchmark::DoNotOptimize(findings = run_all(design, {2026, 1, 10}));
    state.counters["findings"] = double(findings);
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * state.range(0)));
}
BENCHMARK(BM_ContentChecksLongText)->ArgsProduct({{64 << 10, 1 << 20}, {0, 1}})->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace
