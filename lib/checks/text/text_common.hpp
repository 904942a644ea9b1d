// What the text checks share: the laid-out text elements of a context, and number formatting.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "core/check.hpp"

namespace preflight::checks {

/// One text element with its layout and font (both present: the pipeline laid it out).
struct TextItem {
    const core::PageView* page = nullptr;
    std::size_t index = 0;
    const Element* element = nullptr;
    const text::TextLayout* layout = nullptr;
    const text::Font* font = nullptr;
};

/// Every text element of every page that has a layout and a font, in page and stacking order.
std::vector<TextItem> text_items(const core::CheckContext& context);

/// "4.2" (one decimal, no "-0.0").
std::string format_mm(double value);
/// A finding about one element with the common fields filled.
/// The start of a text on one line (whole UTF-8 characters, "…" when cut): the words a
/// customer recognises their text by.
std::string text_quote(const std::string& text, std::size_t max_bytes = 40);
Finding element_finding(const std::string& check, Severity severity, const TextItem& item, std::string message,
                        FixBy by, std::string action);
/// Box as [x, y, w, h].
std::array<double, 4> to_array(const BoxMm& box);

}  // namespace preflight::checks
