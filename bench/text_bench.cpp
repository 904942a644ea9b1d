// Text hot paths with a warm font cache: layout_text per element, and every text check per
// element (clean elements, and an overflowing one that searches the size that fits).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "core/check.hpp"
#include "text/layout.hpp"

namespace {

using namespace preflight;

std::string font_file(const std::string& name) {
    for (const char* dir : {"/usr/share/fonts/truetype", "/usr/share/fonts/opentype"}) {
        std::error_code ec;
        for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
             it != std::filesystem::recursive_directory_iterator(); ++it)
            if (it->path().filename() == name) return it->path().string();
    }
    return name;
}

Element text(const std::string& id, const std::string& content, const std::string& font, double size_pt, BoxMm box,
             TextAlign align) {
    Element e;
    e.id = id;
    e.type = ElementType::text;
    e.text = content;
    e.font_file = font_file(font);
    e.size_pt = size_pt;
    e.box_mm = box;
    e.align = align;
    e.color_rgb = {0x3A, 0x3A, 0x3A};
    return e;
}

/// A card page of typical text elements, laid out, on a white 300 dpi raster.
struct Card {
    text::FontCache fonts;
    Design design;
    core::CheckContext context;

    explicit Card(bool overflowing) {
        design.trim_width_mm = 148;
        design.trim_height_mm = 105;
        design.pages.push_back({});
        design.pages[0].name = "front";
        auto& elements = design.pages[0].elements;
        elements.push_back(text("name", "Sophie van Dijk", "DancingScript-Regular.otf", 30, {14, 50, 120, 14},
                                TextAlign::center));
        elements.push_back(text("date", "12 maart 2026", "Lato-Regular.ttf", 11, {14, 66, 120, 6}, TextAlign::center));
        elements.push_back(text("body",
                                "Wij zijn dolblij met de geboorte van onze dochter en ons zusje. Kom gerust "
                                "kraamschudden, maar bel even van tevoren.",
                                "EBGaramond12-Regular.otf", 10, {20, 74, 108, 16}, TextAlign::justify));
        elements.push_back(text("names", "Thijs & Floor", "lobster.otf", 16, {14, 91, 120, 8}, TextAlign::center));
        if (overflowing) {
            for (auto& e : elements) {   // boxes too small: the size search runs
                e.box_mm.width *= 0.4;
                e.box_mm.height *= 0.7;
            }
        }
        core::PageView view;
        view.page = &design.pages[0];
        view.geometry = {300, 3, 148, 105};
        auto raster = std::make_shared<core::Raster>();
        raster->width = view.geometry.expected_width_px();
        raster->height = view.geometry.expected_height_px();
        raster->pixels.assign(std::size_t(raster->width) * raster->height * 3, 255);
        view.raster = raster;
        for (const auto& e : elements) {
            std::string check, error;
            auto font = fonts.get(e.font_file, check, error);
            view.fonts.push_back(font);
            view.text_layouts.push_back(font ? std::make_shared<text::TextLayout>(text::layout_text(e, *font)) : nullptr);
        }
        context.design = &design;
        context.fonts = &fonts;
        context.pages.push_back(std::move(view));
    }
};

void BM_LayoutText(benchmark::State& state) {
    Card card(false);
    const auto& elements = card.design.pages[0].elements;
    for (auto _ : state) {
        for (std::size_t i = 0; i < elements.size(); ++i) {
            auto layout = text::layout_text(elements[i], *card.context.pages[0].fonts[i]);
            benchmark::DoNotOptimize(layout);
        }
    }
    state.counters["per_element"] = benchmark::Counter(
        double(elements.size()), benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_LayoutText)->Unit(benchmark::kMicrosecond);

// One long wrapped paragraph (a pasted essay): a line's glyphs are found by bisection, so
// this grows with the text, not with its square (9 s CPU for 600 kB before).
void BM_LayoutLongParagraph(benchmark::State& state) {
    Card card(false);
    Element element = card.design.pages[0].elements[0];
    element.text.clear();
    for (std::int64_t i = 0; i < state.range(0); ++i) element.text += "ab ";
    element.wrap = true;
    for (auto _ : state) {
        auto layout = text::layout_text(element, *card.context.pages[0].fonts[0]);
        benchmark::DoNotOptimize(layout);
    }
    state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_LayoutLongParagraph)->RangeMultiplier(4)->Range(1 << 10, 1 << 16)->Complexity()->Unit(benchmark::kMillisecond);

void run_text_checks(benchmark::State& state, bool overflowing) {
    Card card(overflowing);
    const auto& registry = core::builtin_registry();
    const Policy policy;
    std::vector<std::pair<const core::CheckSpec*, core::CheckOptions>> checks;
    for (const char* id : {"text.overflow", "safe_zone.text", "text.missing_glyph", "text.too_small",
                           "text.low_contrast", "text.alignment", "text.placeholder"})
        checks.emplace_back(registry.find(id), registry.options_for(id, "", policy));
    const auto& elements = card.design.pages[0].elements;
    std::size_t finding_count = 0;
    for (auto _ : state) {
        core::Findings findings;
        // Layout is part of the per-element cost: the pipeline lays out, then the checks run.
        for (std::size_t i = 0; i < elements.size(); ++i) {
            auto layout = text::layout_text(elements[i], *card.context.pages[0].fonts[i]);
            benchmark::DoNotOptimize(layout);
        }
        for (const auto& [spec, options] : checks) spec->run(card.context, options, findings);
        finding_count = findings.size();
    }
    if (std::getenv("TEXT_BENCH_VERBOSE")) {
        core::Findings findings;
        for (const auto& [spec, options] : checks) spec->run(card.context, options, findings);
        for (const auto& f : findings) std::fprintf(stderr, "%s %s: %s\n", f.check.c_str(), f.element.c_str(), f.message.c_str());
    }
    state.counters["findings"] = double(finding_count);
    state.counters["per_element"] = benchmark::Counter(
        double(elements.size()), benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

void BM_TextChecksClean(benchmark::State& state) { run_text_checks(state, false); }
void BM_TextChecksOverflowing(benchmark::State& state) { run_text_checks(state, true); }
BENCHMARK(BM_TextChecksClean)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_TextChecksOverflowing)->Unit(benchmark::kMicrosecond);

/// One check alone on the clean card (to see where the time goes).
void BM_OneTextCheck(benchmark::State& state, const char* id) {
    Card card(false);
    const auto& registry = core::builtin_registry();
    const core::CheckSpec* spec = registry.find(id);
    const auto options = registry.options_for(id, "", Policy{});
    for (auto _ : state) {
        core::Findings findings;
        spec->run(card.context, options, findings);
        benchmark::DoNotOptimize(findings);
    }
    state.counters["per_element"] = benchmark::Counter(
        double(card.design.pages[0].elements.size()),
        benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK_CAPTURE(BM_OneTextCheck, overflow, "text.overflow")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_OneTextCheck, safe_zone, "safe_zone.text")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_OneTextCheck, missing_glyph, "text.missing_glyph")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_OneTextCheck, too_small, "text.too_small")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_OneTextCheck, low_contrast, "text.low_contrast")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_OneTextCheck, alignment, "text.alignment")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_OneTextCheck, placeholder, "text.placeholder")->Unit(benchmark::kMicrosecond);

}  // namespace
