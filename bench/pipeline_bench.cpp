// The pipeline per order, piece by piece, on the sample birth announcement (two 300 dpi A6
// pages, a real photo, script and serif fonts): loading (decode + layout) against every
// registered check, so the profile of a whole run can be read per check.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>

#include "core/check.hpp"
#include "input/prepare.hpp"

namespace {

namespace fs = std::filesystem;
using namespace preflight;

const fs::path& sample_export() {
    static const fs::path dir = [] {
        fs::path out = fs::temp_directory_path() / "preflight-bench-samples";
        std::string command = std::string(PREFLIGHT_MAKE_SAMPLES_PATH) + " " + out.string() + " 2>/dev/null";
        if (std::system(command.c_str()) != 0) std::abort();
        return out;
    }();
    return dir;
}

const text::FontCache& fonts() {
    static text::FontCache cache;
    return cache;
}

input::PreparedDesign load(const std::string& design) {
    const AssetSource assets = AssetSource::files(sample_export());
    input::OrderInputs inputs(assets, input::InputLimits{}, fonts());
    return inputs.prepare("", design, "design");
}

void BM_LoadDesign(benchmark::State& state) {
    for (auto _ : state) {
        auto loaded = load("SP-1001/design.json");
        if (!loaded.problems.empty()) state.SkipWithError(loaded.problems[0].message.c_str());
        benchmark::DoNotOptimize(loaded);
    }
}
BENCHMARK(BM_LoadDesign)->Unit(benchmark::kMillisecond);

void BM_Check(benchmark::State& state, std::string id) {
    static const auto loaded = load("SP-1001/design.json");
    static const Policy policy;
    static const Order order = [] {
        Order o;
        o.order_id = "bench";
        o.status = "paid";
        return o;
    }();
    static const OrderItem item{"card", "birth_announcement", 60, "linen-350", {}, "SP-1001/design.json", ""};
    const auto& registry = core::builtin_registry();
    const core::CheckSpec* spec = registry.find(id);
    core::CheckContext context;
    context.policy = &policy;
    context.order = &order;
    context.item = &item;
    context.design = loaded.design.get();
    context.design_dir = loaded.design_dir;
    context.product = loaded.design->product;
    context.pages = loaded.pages;
    context.reference_date = {2026, 11, 20};
    context.fonts = &fonts();
    auto options = registry.options_for(id, context.product, policy);
    for (auto _ : state) {
        core::Findings findings;
        spec->run(context, options, findings);
        benchmark::DoNotOptimize(findings);
    }
}

// One benchmark per registered design-scope check, named after its id.
[[maybe_unused]] const bool registered = [] {
    for (const auto& spec : core::builtin_registry().all())
        if (spec.run && spec.scope == core::Scope::design)
            benchmark::RegisterBenchmark(("BM_Check/" + spec.id).c_str(), BM_Check, spec.id)->Unit(benchmark::kMicrosecond);
    return true;
}();

}  // namespace
