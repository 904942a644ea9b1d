// Shared helpers of the text checks (see text_common.hpp).
#include "checks/text/text_common.hpp"

#include <cmath>
#include <cstdio>

namespace preflight::checks {

std::vector<TextItem> text_items(const core::CheckContext& context) {
    std::vector<TextItem> items;
    for (const auto& page : context.pages) {
        if (!page.page) continue;
        const auto& elements = page.page->elements;
        for (std::size_t i = 0; i < elements.size(); ++i) {
            if (elements[i].type != ElementType::text) continue;
            if (i >= page.text_layouts.size() || i >= page.fonts.size()) continue;
            if (!page.text_layouts[i] || !page.fonts[i]) continue;
            // Degenerate geometry (the reader should refuse it) is no basis for a measurement.
            const BoxMm& box = elements[i].box_mm;
            if (!std::isfinite(box.x) || !std::isfinite(box.y) || !std::isfinite(box.width) ||
                !std::isfinite(box.height) || !std::isfinite(elements[i].size_pt) || !(elements[i].size_pt > 0))
                continue;
            items.push_back({&page, i, &elements[i], page.text_layouts[i].get(), page.fonts[i].get()});
        }
    }
    return items;
}

std::string format_mm(double value) {
    if (std::fabs(value) < 0.05) value = 0;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

std::string text_quote(const std::string& text, std::size_t max_bytes) {
    std::string quote;
    for (char c : text) quote += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    if (quote.size() <= max_bytes) return quote;
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(quote[cut]) & 0xC0) == 0x80) --cut;   // whole UTF-8 characters
    return quote.substr(0, cut) + "\u2026";
}

Finding element_finding(const std::string& check, Severity severity, const TextItem& item, std::string message,
                        FixBy by, std::string action) {
    Finding finding;
    finding.check = check;
    finding.severity = severity;
    finding.page = item.page->page->name;
    finding.element = item.element->id;
    finding.message = std::move(message);
    finding.fix = {by, std::move(action)};
    finding.details["text"] = text_quote(item.element->text);   // the customer's words, for the texts
    return finding;
}

std::array<double, 4> to_array(const BoxMm& box) { return {box.x, box.y, box.width, box.height}; }

}  // namespace preflight::checks
