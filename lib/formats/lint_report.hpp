// Pieces the lint formats share (lint_report.cpp: text, JSON, JUnit, GitHub; lint_sarif.cpp).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "formats/design_positions.hpp"
#include "preflight/formats.hpp"

namespace preflight::formats {

using OrderedJson = nlohmann::ordered_json;

/// A number rounded to 2 decimals (0.94, not 0.9400000000000001).
double round2(double value);

/// Every floating-point number in `json`, rounded to 2 decimals.
void round_numbers(OrderedJson& json);

/// The positions of pages and elements in each result's design file (read once each).
std::vector<DesignPositions> positions_of(const std::vector<LintResult>& results);

/// "page front, element name" (empty when the finding is about the whole design).
std::string finding_location(const Finding& finding);

std::string dump_json(const OrderedJson& json, int indent = -1);

std::string format_sarif(const std::vector<LintResult>& results, const LintFormatOptions& options);

}  // namespace preflight::formats
