// Where each page and element of a design document is written in its file (1-based line and
// column), for SARIF regions and editor annotations. A small scan of the JSON text: no
// second parse into values, no exceptions.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>

namespace preflight::formats {

struct TextPosition {
    long line = 1;     // 1-based
    long column = 1;   // 1-based, in characters (UTF-8 sequences count once)
};

struct DesignPositions {
    /// Page name -> the position of its "name" key (or of the page object).
    std::map<std::string, TextPosition> pages;
    /// (page name, element id) -> the position of the element's "id" key (or of its object).
    std::map<std::pair<std::string, std::string>, TextPosition> elements;
    /// Where a finding about `page` / `element` points: the element, else the page, else 1:1.
    TextPosition find(const std::string& page, const std::string& element) const;
};

/// Positions of pages[i] and pages[i].elements[j] in a design document's text. Text that is
/// not valid JSON gives whatever was found before the fault.
DesignPositions scan_design_positions(std::string_view json_text);

}  // namespace preflight::formats
