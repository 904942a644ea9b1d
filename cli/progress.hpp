// Progress on stderr, only when stderr is a terminal: orders done, orders per second, and a
// closing summary. NO_COLOR is honoured (no colour codes at all when it is set).
#pragma once

#include <chrono>

#include "preflight/batch.hpp"

namespace preflight::cli {

class Progress {
public:
    Progress();
    void update(long orders_done);
    void finish(const BatchSummary& summary);
private:
    bool enabled_ = false;
    bool colour_ = false;
    std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace preflight::cli
