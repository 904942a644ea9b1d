// Reading and writing the formats of formats.md. The JSON library stays behind this header.
#pragma once

#include <chrono>
#include <filesystem>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "preflight/finding.hpp"
#include "preflight/model.hpp"
#include "preflight/policy.hpp"
#include "preflight/result.hpp"

namespace preflight {

/// Parses one order from the text of a JSON object. Error: invalid_json or
/// invalid_document, with every problem and its key path.
PREFLIGHT_API Result<Order> parse_order(std::string_view json_text);

/// Parses a design document from its text (invalid_json, invalid_document).
PREFLIGHT_API Result<Design> parse_design(std::string_view json_text);

/// Reads and parses a design document from a file: opened once, regular files only, never
/// blocking on a FIFO. Error: not_found, unreadable (a folder, FIFO, device or over 64 MB),
/// invalid_json, invalid_document. Paths inside it are not opened (see Checker::lint_design).
PREFLIGHT_API Result<Design> read_design(const std::filesystem::path& file);

/// Parses a policy file's text (invalid_json, invalid_document; problems carry the key
/// path). It is not validated against the checks: see validate_policy, read_policy.
PREFLIGHT_API Result<Policy> parse_policy(std::string_view json_text);

/// Reads, parses and validates a policy file: a value here is accepted by Checker::create.
/// Error: not_found, unreadable, invalid_json, invalid_document or invalid_policy.
PREFLIGHT_API Result<Policy> read_policy(const std::filesystem::path& file);

/// One record of an order export: the raw JSON text of an order and where it came from.
struct ExportRecord {
    long line = 0;             // 1-based line (JSON Lines) or 1-based array index
    std::string text;          // the order's JSON text
    std::string error;         // non-empty: this record is not valid JSON (then text is empty)
    /// With `error`: which kind (input.schema's finding code): "line_too_long",
    /// "array_cut_off", "array_without_orders", "after_array".
    std::string error_code;
    /// after_array: the line of the export the record stands on (`line` counts records).
    long export_line = 0;
};

/// Streams an order export: JSON Lines, or one JSON array of orders. Memory stays flat for
/// JSON Lines; an array is parsed element by element as it is read.
class PREFLIGHT_API ExportReader {
public:
    explicit ExportReader(std::istream& in);
    ~ExportReader();
    /// The next record, or nothing at the end of the export.
    std::optional<ExportRecord> next();
private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// One verdict as one JSON line (without the newline).
PREFLIGHT_API std::string to_json_line(const Verdict& verdict);

/// One finding as a JSON object.
PREFLIGHT_API std::string to_json(const Finding& finding);

/// A verdict line read back (what --resume --report needs for the orders an interrupted run
/// wrote). `pages` stays empty: the line does not hold them. Nothing when it is no verdict line.
PREFLIGHT_API std::optional<Verdict> parse_verdict_line(std::string_view line);

}  // namespace preflight

namespace preflight {

/// Parses an ISO 8601 date-time with an offset ("2026-11-25T09:00:00+01:00", "...Z").
PREFLIGHT_API std::optional<std::chrono::system_clock::time_point> parse_time(std::string_view text);

/// The findings of one linted design.
struct LintResult {
    std::string design;             // the path as shown to people (as given, or as found)
    std::vector<Finding> findings;
    /// The design file, read again for the line and column of each page and element
    /// (SARIF regions, GitHub annotations); empty: `design` is the file.
    std::filesystem::path file;
};

struct LintFormatOptions {
    /// SARIF: artifact URIs are relative to this folder (uriBaseId "ROOT", mapped to its
    /// file:// URI); empty: the current folder.
    std::filesystem::path root;
    /// text: ANSI colours (the caller decides: a terminal, NO_COLOR unset).
    bool colour = false;
    /// SARIF helpUri of each rule: this URL + "#" + the check's anchor in docs/checks.md.
    std::string docs_url;
};

/// Formats lint results: "text" (people), "json" (one JSON object), "junit" (JUnit XML,
/// one test case per design), "sarif" (SARIF 2.1.0), "github" (Actions annotations).
/// Numbers are rounded to 2 decimals in every format.
PREFLIGHT_API std::string format_lint(const std::vector<LintResult>& results, std::string_view format,
                        const LintFormatOptions& options = {});

}  // namespace preflight
