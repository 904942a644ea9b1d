// The morning report for the service team: one HTML page (works offline, opened from disk)
// listing the orders that need someone first, each finding outlined on its page.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "preflight/batch.hpp"
#include "preflight/finding.hpp"

namespace preflight {

class PREFLIGHT_API HtmlReport {
public:
    /// Writes into `dir` (created): index.html and img/ with one overlay per page with findings.
    explicit HtmlReport(std::filesystem::path dir);
    ~HtmlReport();
    HtmlReport(const HtmlReport&) = delete;
    HtmlReport& operator=(const HtmlReport&) = delete;

    /// Records one verdict; for held, cancelled and errored orders it draws the overlays now
    /// (the page rasters are read again, shrunk, and the findings' regions outlined).
    void add(const Verdict& verdict);

    /// Before/after pictures of an order that `check --fix-dir` fixed (files anywhere; the
    /// report links them relative to its folder). Call after add() for that verdict.
    void add_fix_previews(const Verdict& verdict, const std::vector<std::filesystem::path>& previews);

    /// Writes index.html. False with `error` set when it cannot be written.
    bool finish(std::string& error);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace preflight
