// text.too_small: text set below the smallest size that prints legibly. Hairline faces get
// a larger minimum: a face counts as hairline when its measured thin strokes are thinner
// than hairline_stroke_em of the em (Lato Hairline/Thin), or when it is classified as a
// script face (OS/2 family class 10 or PANOSE "hand written") and its thin strokes are
// below script_stroke_em (Dancing Script Regular; not Dancing Script Bold or Lobster).
#include "checks/text/text_checks.hpp"
#include "checks/text/text_common.hpp"

namespace preflight::checks {

namespace {

void run(const core::CheckContext& context, const core::CheckOptions& options, core::Findings& findings) {
    const double min_pt = options.number("min_pt");
    const double hairline_min_pt = options.number("hairline_min_pt");
    const double hairline_stroke_em = options.number("hairline_stroke_em");
    const double script_stroke_em = options.number("script_stroke_em");
    for (const TextItem& item : text_items(context)) {
        const Element& element = *item.element;
        if (!item.layout->has_ink) continue;
        if (element.size_pt >= std::max(min_pt, hairline_min_pt)) continue;   // common case: no measuring
        const text::FontTraits traits = text::font_traits(*item.font);
        const bool hairline = traits.thin_stroke_em > 0 &&
                              (traits.thin_stroke_em < hairline_stroke_em ||
                               (traits.script && traits.thin_stroke_em < script_stroke_em));
        const double limit = hairline ? std::max(min_pt, hairline_min_pt) : min_pt;
        if (element.size_pt >= limit) continue;
        const std::string family = text::font_family(*item.font);
        std::string message = "Text '" + element.id + "' is set in " + format_mm(element.size_pt) + " pt" +
                              (hairline ? " in " + family + ", whose hairline strokes need at least " + format_mm(limit) + " pt"
                                        : ", below the " + format_mm(limit) + " pt that prints legibly") +
                              "; ask the customer to set it to at least " + format_mm(limit) + " pt" +
                              (hairline ? " or choose a sturdier font." : ".");
        Finding finding = element_finding("text.too_small", Severity::warning, item, std::move(message),
                                          FixBy::customer, "Enlarge the text to at least " + format_mm(limit) + " pt.");
        finding.where_mm = to_array(item.layout->ink_page_mm);
        finding.measured = element.size_pt;
        finding.limit = limit;
        finding.unit = "pt";
        finding.code = hairline ? "hairline" : "small";
        finding.details["size_pt"] = element.size_pt;
        finding.details["min_size_pt"] = limit;
        finding.details["font"] = family;
        findings.push_back(std::move(finding));
    }
}

}  // namespace

core::CheckSpec make_text_too_small_check() {
    core::CheckSpec spec;
    spec.id = "text.too_small";
    spec.summary = "Text below the smallest size that prints legibly (larger minimum for hairline faces)";
    spec.options = {
        {"min_pt", 6.0, "smallest size for ordinary faces", 0.0, 72.0},
        {"hairline_min_pt", 8.0, "smallest size for hairline and thin script faces", 0.0, 72.0},
        {"hairline_stroke_em", 0.025, "thin strokes below this fraction of the em make any face hairline", 0.0, 1.0},
        {"script_stroke_em", 0.035, "thin strokes below this fraction of the em make a script face hairline", 0.0, 1.0},
    };
    spec.run = run;
    // fix never shrinks text below what this check accepts.
    spec.settings = [](const core::CheckOptions& options, core::OptionSettings& settings) {
        settings.fix.min_text_pt = options.number("min_pt");
    };
    return spec;
}

}  // namespace preflight::checks
