// content.measure: a birth weight or length that cannot be right ("gewicht (afwijkende
// waarden)", "getallen missen bij gewicht/lengte"), usually a digit missing or too many.
#include <cmath>
#include <cstdio>
#include <string>

#include "checks/content/card_texts.hpp"
#include "checks/content/content_checks.hpp"

namespace preflight::checks {

namespace {

std::string number_text(double value) {
    char buffer[32];
    if (std::fabs(value - std::round(value)) < 1e-9) std::snprintf(buffer, sizeof buffer, "%.0f", value);
    else std::snprintf(buffer, sizeof buffer, "%.2f", value);
    return buffer;
}

void run(const core::CheckContext& ctx, const core::CheckOptions& options, core::Findings& out) {
    if (!ctx.design) return;
    const bool birth = is_birth(ctx.product);
    const double min_g = options.number("min_weight_g");
    const double max_g = options.number("max_weight_g");
    const double min_cm = options.number("min_length_cm");
    const double max_cm = options.number("max_length_cm");
    for (const auto& read : read_design_texts(*ctx.design)) {
        for (const auto& m : read.card.measures) {
            // Off birth cards a weight or length is judged only when labelled as the baby's.
            static const PhraseList labels{{"gewicht", "weight", "lengte", "length", "geboortegewicht",
                                            "geboortelengte", "weegt", "weighs", "geboren", "born"}};
            bool labelled = m.unit.empty() || line_has_any(read, m.line, labels);
            if (!birth && !labelled) continue;
            const bool weight = m.kind == content::MeasureKind::weight;
            const double low = weight ? min_g : min_cm;
            const double high = weight ? max_g : max_cm;
            if (m.value >= low && m.value <= high) continue;
            std::string unit = weight ? "g" : "cm";
            std::string hint = m.value < low ? "a digit is probably missing" : "a digit too many or the wrong unit";
            Finding finding = make_finding(
                "content.measure", Severity::error, FixBy::customer, read.page->name, read.element->id,
                "'" + m.text + "' reads as " + number_text(m.value) + " " + unit + ", outside a plausible birth " +
                    (weight ? "weight" : "length") + " of " + number_text(low) + "-" + number_text(high) + " " + unit +
                    ": " + hint + ".",
                std::string("Check the ") + (weight ? "weight" : "length") + " with the customer and correct it in the editor.");
            finding.measured = m.value;
            finding.limit = m.value < low ? low : high;
            finding.unit = unit;
            finding.code = weight ? (m.value < low ? "weight_low" : "weight_high") : (m.value < low ? "length_low" : "length_high");
            finding.details = {{"measure_text", m.text}, {"value", m.value}, {"unit", unit}, {"min", low}, {"max", high}};
            out.push_back(std::move(finding));
        }
    }
}

}  // namespace

core::CheckSpec make_content_measure_check() {
    core::CheckSpec spec;
    spec.id = "content.measure";
    spec.summary = "Implausible birth weight or length (digits missing or too many).";
    spec.scope = core::Scope::design;
    spec.options = {
        {"min_weight_g", 400.0, "lightest plausible birth weight, grams", 0, 100000},
        {"max_weight_g", 6500.0, "heaviest plausible birth weight, grams", 0, 100000},
        {"min_length_cm", 30.0, "shortest plausible birth length, centimetres", 0, 1000},
        {"max_length_cm", 60.0, "longest plausible birth length, centimetres", 0, 1000},
    };
    spec.run = run;
    return spec;
}

}  // namespace preflight::checks
