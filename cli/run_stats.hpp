// What a `check` run did, for the closing summary line on stderr and `--stats FILE`: orders
// per verdict, findings per check, time between verdicts, pages decoded, peak memory.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "preflight/batch.hpp"
#include "preflight/finding.hpp"

namespace preflight::cli {

class RunStats {
public:
    explicit RunStats(int jobs);
    /// Records one verdict as it is written (calling thread, input order).
    void add(const Verdict& verdict);
    /// "24 orders in 3.2 s (7.5 orders/s): 10 release, 5 hold, 1 cancel, 6 skip, 2 error".
    std::string summary_line(const BatchSummary& summary) const;
    /// The JSON of --stats (formats.md: "Run statistics").
    std::string to_json(const BatchSummary& summary) const;
    double seconds() const;
private:
    int jobs_ = 1;
    std::chrono::steady_clock::time_point start_, last_;
    std::vector<double> interval_ms_;
    std::vector<double> check_ms_;   // each order's own time (Verdict::check_ms)
    std::map<std::string, std::array<long, 3>> findings_by_check_;   // info, warning, error
    std::map<std::string, long> orders_by_check_;                    // orders with an error of the check
    long pages_ = 0;
};

/// Peak resident memory of this process so far, in MB (getrusage).
double peak_memory_mb();

}  // namespace preflight::cli
