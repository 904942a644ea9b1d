// Terminal progress (see progress.hpp).
#include "progress.hpp"

#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace preflight::cli {

Progress::Progress() {
    enabled_ = ::isatty(STDERR_FILENO) == 1;
    const char* no_colour = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    colour_ = enabled_ && !(no_colour && *no_colour) && !(term && std::string_view(term) == "dumb");
    start_ = last_ = std::chrono::steady_clock::now();
}

void Progress::update(long orders_done) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    double seconds = std::chrono::duration<double>(now - start_).count();
    std::fprintf(stderr, "\r%ld orders checked, %.1f orders/s ", orders_done, seconds > 0 ? orders_done / seconds : 0.0);
}

void Progress::finish(const BatchSummary& summary) {
    if (!enabled_) return;
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const auto& v = summary.by_verdict;
    const char* bold = colour_ ? "\033[1m" : "";
    const char* reset = colour_ ? "\033[0m" : "";
    std::fprintf(stderr, "\r%s%ld orders%s in %.1f s: %ld release, %ld hold, %ld cancel, %ld skip, %ld error\n", bold,
                 summary.orders, reset, seconds, v[0], v[1], v[2], v[3], v[4]);
}

}  // namespace preflight::cli
