// Run statistics of `check` (see run_stats.hpp).
#include "run_stats.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sys/resource.h>
#include <thread>

namespace preflight::cli {

namespace {

// Divides by a power of ten, so the shortest decimal form of the result has `decimals` digits.
double rounded(double value, int decimals = 2) {
    double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

double percentile(std::vector<double> values, double fraction) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    std::size_t index = std::size_t(std::ceil(fraction * double(values.size()))) - 1;
    return values[std::min(index, values.size() - 1)];
}

}  // namespace

double peak_memory_mb() {
    rusage usage{};
    if (::getrusage(RUSAGE_SELF, &usage) != 0) return 0;
    return double(usage.ru_maxrss) / 1024.0;   // Linux: kilobytes
}

RunStats::RunStats(int jobs) : jobs_(jobs > 0 ? jobs : int(std::max(1u, std::thread::hardware_concurrency()))) { start_ = last_ = std::chrono::steady_clock::now(); }

double RunStats::seconds() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }

void RunStats::add(const Verdict& verdict) {
    auto now = std::chrono::steady_clock::now();
    interval_ms_.push_back(std::chrono::duration<double, std::milli>(now - last_).count());
    check_ms_.push_back(verdict.check_ms);
    last_ = now;
    pages_ += long(verdict.pages.size());
    std::map<std::string, bool> erred;
    for (const auto& finding : verdict.findings) {
        ++findings_by_check_[finding.check][std::size_t(finding.severity)];
        if (finding.severity == Severity::error) erred[finding.check] = true;
    }
    for (const auto& [check, unused] : erred) ++orders_by_check_[check];
}

std::string RunStats::summary_line(const BatchSummary& summary) const {
    double elapsed = seconds();
    const auto& v = summary.by_verdict;
    char line[256];
    std::snprintf(line, sizeof line, "%ld order%s in %.1f s (%.1f orders/s): %ld release, %ld hold, %ld cancel, %ld skip, %ld error",
                  summary.orders, summary.orders == 1 ? "" : "s", elapsed, elapsed > 0 ? double(summary.orders) / elapsed : 0.0,
                  v[0], v[1], v[2], v[3], v[4]);
    return line;
}

std::string RunStats::to_json(const BatchSummary& summary) const {
    using Json = nlohmann::ordered_json;
    double elapsed = seconds();
    Json verdicts = Json::object();
    for (auto kind : {VerdictKind::release, VerdictKind::hold, VerdictKind::cancel, VerdictKind::skip, VerdictKind::error})
        verdicts[std::string(preflight::to_string(kind))] = summary.by_verdict[std::size_t(kind)];
    Json checks = Json::object();
    for (const auto& [check, counts] : findings_by_check_) {
        auto orders = orders_by_check_.find(check);
        checks[check] = {{"info", counts[0]}, {"warning", counts[1]}, {"error", counts[2]},
                         {"orders_with_error", orders == orders_by_check_.end() ? 0 : orders->second}};
    }
    Json stats = {
        {"orders", summary.orders},
        {"interrupted", summary.interrupted},
        {"verdicts", verdicts},
        {"findings_by_check", checks},
        {"seconds", rounded(elapsed)},
        {"orders_per_second", rounded(elapsed > 0 ? double(summary.orders) / elapsed : 0.0)},
        {"jobs", jobs_},
        // Time from one verdict to the next, as written in input order: with --jobs 1 the time
        // each order took; with more jobs, the wall time the run spent per order.
        {"order_interval_ms",
         {{"p50", rounded(percentile(interval_ms_, 0.50))},
          {"p95", rounded(percentile(interval_ms_, 0.95))},
          {"max", rounded(interval_ms_.empty() ? 0.0 : *std::max_element(interval_ms_.begin(), interval_ms_.end()))}}},
        // Each order's own time, from reading its record to its verdict, on the worker that
        // checked it (Verdict::check_ms): the same with any --jobs.
        {"order_check_ms",
         {{"p50", rounded(percentile(check_ms_, 0.50))},
          {"p95", rounded(percentile(check_ms_, 0.95))},
          {"max", rounded(check_ms_.empty() ? 0.0 : *std::max_element(check_ms_.begin(), check_ms_.end()))}}},
        {"pages_decoded", pages_},
        {"peak_memory_mb", rounded(peak_memory_mb(), 1)},
    };
    return stats.dump(2) + "\n";
}

}  // namespace preflight::cli
