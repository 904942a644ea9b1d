// The bodies of the libFuzzer harnesses, shared with the GoogleTest replay of the corpus
// (tests/hostile/fuzz_corpus_replay_test.cpp), so a crash file found by scripts/fuzz is
// replayed by the normal test run. Each target takes arbitrary bytes, must never crash,
// leak or hang, and aborts when an invariant of the library's contract is broken.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <string_view>
#include <unistd.h>

#include "content/fold.hpp"
#include "content/reader.hpp"
#include "content/tokens.hpp"
#include "core/check.hpp"
#include "core/raster.hpp"
#include "input/decode.hpp"
#include "preflight/batch.hpp"
#include "preflight/checker.hpp"
#include "preflight/formats.hpp"

namespace preflight::fuzz {

/// Stops the run loudly: libFuzzer saves the input, GoogleTest reports the crash.
inline void invariant(bool holds, const char* what) {
    if (holds) return;
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

/// A verdict line must always be one valid JSON object (invalid UTF-8 replaced, never lost).
inline void expect_json_object_line(const std::string& line) {
    invariant(line.find('\n') == std::string::npos, "a verdict line holds a newline");
    auto json = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    invariant(json.is_object(), "a verdict line is not a JSON object");
}

/// An empty folder as the export root: designs named by fuzzed orders are never found there,
/// so every order goes through gating, the order-scope checks and the writer.
inline const std::filesystem::path& empty_export_root() {
    static const std::filesystem::path root = [] {
        auto path = std::filesystem::temp_directory_path() / ("preflight-fuzz-root-" + std::to_string(::getpid()));
        std::filesystem::create_directories(path);
        return path;
    }();
    return root;
}

inline const Checker& default_checker() {
    static const Checker checker(Policy{}, CheckerOptions{std::chrono::system_clock::time_point(std::chrono::hours(494000))});
    return checker;
}

/// Order export bytes: the streaming reader, parse_order, the order-scope checks (address,
/// postcode, house number, envelopes), the verdict rules and the writer.
inline void order_export(const std::uint8_t* data, std::size_t size) {
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    ExportReader reader(in);
    long last_line = 0;
    for (int records = 0; records < 64; ++records) {
        auto record = reader.next();
        if (!record) break;
        invariant(record->line > last_line, "export record lines do not increase");
        last_line = record->line;
        invariant(record->error.empty() || record->text.empty(), "a record has both text and an error");
        Verdict verdict = check_record(*record, empty_export_root(), default_checker());
        invariant(verdict.line == record->line, "the verdict lost its line");
        expect_json_object_line(to_json_line(verdict));
    }
}

/// Design document bytes: parse_design (every field, every element type).
inline void design_document(const std::uint8_t* data, std::size_t size) {
    auto parsed = parse_design(std::string_view(reinterpret_cast<const char*>(data), size));
    invariant(parsed.ok() || !parsed.error().problems.empty(), "a refused design has no problem");
}

/// Policy bytes: parse_policy, then validate_policy against the registry; a policy that
/// validates must construct a Checker.
inline void policy_document(const std::uint8_t* data, std::size_t size) {
    auto parsed = parse_policy(std::string_view(reinterpret_cast<const char*>(data), size));
    invariant(parsed.ok() || !parsed.error().problems.empty(), "a refused policy has no problem");
    if (!parsed.ok()) return;
    auto checker = Checker::create(*parsed);
    invariant(checker.ok() == validate_policy(*parsed).empty(), "Checker::create disagrees with validate_policy");
}

/// Card text bytes: folding, tokens, the readers of dates, times, weights, lengths, phones
/// and years, every content.* check on a design holding the text, and the address helpers.
inline void card_text(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto card = content::read_card_text(text);
    for (const auto& mention : card.dates) invariant(mention.begin <= mention.end && mention.end <= card.text.folded.size(), "date span");
    for (const auto& mention : card.phones) invariant(mention.begin <= mention.end && mention.end <= card.text.folded.size(), "phone span");
    for (const auto& mention : card.measures) invariant(mention.begin <= mention.end && mention.end <= card.text.folded.size(), "measure span");
    for (std::size_t line = 0; line < card.line_starts.size(); ++line) {
        (void)card.folded_line(line);
        (void)card.original_line(line);
    }
    (void)content::read_ordinal(text);
    (void)content::month_from_name(card.text.folded);
    (void)content::weekday_from_name(card.text.folded, true);
    (void)content::contains_phrase(card.text.folded, "geboren", true);

    // The content checks on a one-page design with this text, for a product picked by the
    // first byte (birth, wedding and invitation dates are judged differently).
    static const char* const products[] = {"birth_announcement", "wedding", "invitation", "christmas"};
    Design design;
    design.product = products[size ? data[0] % 4 : 0];
    design.trim_width_mm = 148;
    design.trim_height_mm = 105;
    Page page;
    page.name = "front";
    Element element;
    element.id = "t1";
    element.type = ElementType::text;
    element.box_mm = {10, 10, 100, 40};
    element.text = std::string(text);
    page.elements.push_back(element);
    design.pages.push_back(page);
    design.pages.push_back(page);   // a second page: dates are compared across pages
    design.pages[1].name = "back";
    Policy policy;
    core::CheckContext ctx;
    ctx.policy = &policy;
    ctx.design = &design;
    ctx.product = design.product;
    ctx.reference_date = {2026, 11, 25};
    const auto& registry = core::builtin_registry();
    for (const auto& spec : registry.all()) {
        if (spec.id.rfind("content.", 0) != 0 || !spec.run) continue;
        core::Findings findings;
        spec.run(ctx, registry.options_for(spec.id, ctx.product, policy), findings);
        for (const auto& finding : findings) invariant(!finding.message.empty(), "a finding without a message");
    }
}

/// Raster file bytes: decode_raster_bytes and decode_mask_bytes (the input layer's one
/// decoder, format chosen by magic bytes), with a small pixel limit so a header's claimed
/// size is refused before decoding.
inline void raster_file(const std::uint8_t* data, std::size_t size) {
    const std::span<const std::uint8_t> bytes(data, size);
    core::DecodeLimits limits;
    limits.max_megapixels = 2;
    auto decoded = input::decode_raster_bytes(bytes, limits);
    if (decoded.error_check.empty()) {
        const auto& raster = decoded.raster;
        invariant(raster.width > 0 && raster.height > 0, "decoded an empty raster");
        invariant(double(raster.width) * raster.height <= 2e6, "decoded past the pixel limit");
        invariant(raster.pixels.size() == std::size_t(raster.width) * raster.height * 3, "raster size mismatch");
    } else {
        invariant(!decoded.error.empty(), "a refused raster without a reason");
    }
    auto mask = input::decode_mask_bytes(bytes, limits);
    if (mask.error_check.empty())
        invariant(mask.mask.values.size() == std::size_t(mask.mask.width) * mask.mask.height, "mask size mismatch");
}

}  // namespace preflight::fuzz
