// The output value types: findings and the verdict of one order (formats.md section 3).
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "preflight/model.hpp"
#include "preflight/export.hpp"

namespace preflight {

enum class Severity { info, warning, error };
enum class FixBy { none, automatic, service, customer, shop };

struct Fix {
    FixBy by = FixBy::none;
    std::string action;
};

/// The edge of a page a finding is about (bleed, safe zone); none when it is not about one.
enum class Edge { none, left, top, right, bottom };

/// A named, machine-readable value of a finding: a number (in the unit its key names,
/// e.g. "reach_mm", "size_pt", "ppi") or a word (e.g. "font": "Lato-Regular.ttf").
using DetailValue = std::variant<double, std::string>;

/// One thing a check found. `check` is a stable id from checks.md.
/// Programs read `check`, `code`, `edge`, `details` and the numbers; the texts (`message`,
/// `fix.action`, `customer_message`) are for people, in the run's language, and are never
/// parsed.
struct Finding {
    std::string check;
    Severity severity = Severity::error;
    std::string page;                              // page name, empty when not about a page
    std::string element;                           // element id, empty when not about an element
    std::string message;                           // what was found (for the service team)
    std::optional<std::array<double, 4>> where_mm; // [x, y, width, height]
    std::optional<double> measured;
    std::optional<double> limit;
    std::string unit;
    Fix fix;                                       // who fixes it and what they do
    /// Which kind of finding of this check (stable, e.g. "short", "across_trim"); selects
    /// the texts in each language. Empty: the check has one kind.
    std::string code;
    Edge edge = Edge::none;
    /// Named values: measurements, the box or size that fits, the font suggested, ...
    /// Every placeholder of the finding's texts is one of these.
    std::map<std::string, DetailValue> details;
    /// A ready sentence for the customer in plain words (no print jargon).
    std::string customer_message;
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
    Customer customer;                     // the order's customer, for the report (not written to the line)
    double check_ms = 0;                   // time this order took to read and check (check_record, check_export;
                                           // wall time on its worker thread; not written to the line)
};

PREFLIGHT_API std::string_view to_string(Severity);
PREFLIGHT_API std::string_view to_string(FixBy);
PREFLIGHT_API std::string_view to_string(VerdictKind);
PREFLIGHT_API std::string_view to_string(Checked);
PREFLIGHT_API std::string_view to_string(Edge);   // "left", "top", "right", "bottom"; "" for none

}  // namespace preflight
