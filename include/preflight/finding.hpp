// The output value types: findings and the verdict of one order (formats.md section 3).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace preflight {

enum class Severity { info, warning, error };
enum class FixBy { none, automatic, service, customer, shop };

struct Fix {
    FixBy by = FixBy::none;
    std::string action;
};

/// One thing a check found. `check` is a stable id from checks.md.
struct Finding {
    std::string check;
    Severity severity = Severity::error;
    std::string page;                              // page name, empty when not about a page
    std::string element;                           // element id, empty when not about an element
    std::string message;
    std::optional<std::array<double, 4>> where_mm; // [x, y, width, height]
    std::optional<double> measured;
    std::optional<double> limit;
    std::string unit;
    Fix fix;
};

enum class VerdictKind { release, hold, cancel, skip, error };
enum class Checked { full, production, none };

/// A page that was checked, so that reports and fixes can find its raster again.
/// Not part of the verdict line.
struct PageRef {
    std::string design_file;   // absolute path of the design document
    std::string page;          // page name
    std::string raster_file;   // absolute path of the page raster
    double dpi = 300;
    double bleed_mm = 3;
    double trim_width_mm = 0;
    double trim_height_mm = 0;
    double safe_mm = 4;
};

/// The one line of output for one input order.
struct Verdict {
    std::optional<std::string> order_id;   // null when the line could not be read
    long line = 0;                         // 1-based line (JSON Lines) or array index + 1
    VerdictKind verdict = VerdictKind::error;
    Checked checked = Checked::none;
    std::vector<Finding> findings;
    std::string reason;                    // for skip and error
    std::optional<std::string> respond_by; // for hold, ISO 8601 with offset
    std::vector<PageRef> pages;            // pages checked (not written to the line)
};

std::string_view to_string(Severity);
std::string_view to_string(FixBy);
std::string_view to_string(VerdictKind);
std::string_view to_string(Checked);

}  // namespace preflight
