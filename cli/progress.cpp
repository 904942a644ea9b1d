// Terminal progress (see progress.hpp).
#include "progress.hpp"

#include <cstdio>
#include <fstream>
#include <unistd.h>

#include "common.hpp"

namespace preflight::cli {

Progress::Progress(long total, bool verdicts_on_terminal) {
    enabled_ = ::isatty(STDERR_FILENO) == 1;
    colour_ = colour_enabled(STDERR_FILENO);
    clear_before_verdicts_ = verdicts_on_terminal;
    total_ = total;
    start_ = std::chrono::steady_clock::now();
    last_ = start_ - std::chrono::seconds(1);
}

void Progress::update(long orders_done) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    double seconds = std::chrono::duration<double>(now - start_).count();
    double rate = seconds > 0 ? double(orders_done) / seconds : 0.0;
    char line[160];
    if (total_ > 0) {
        long left = std::max(0L, total_ - orders_done);
        long eta = rate > 0 ? long(double(left) / rate + 0.5) : -1;
        char eta_text[32] = "--:--";
        if (eta >= 0) std::snprintf(eta_text, sizeof eta_text, "%ld:%02ld", eta / 60, eta % 60);
        std::snprintf(line, sizeof line, "%ld/%ld orders (%.0f%%), %.1f orders/s, %s left", orders_done, total_,
                      100.0 * double(std::min(orders_done, total_)) / double(total_), rate, eta_text);
    } else {
        std::snprintf(line, sizeof line, "%ld orders, %.1f orders/s", orders_done, rate);
    }
    std::fprintf(stderr, "\r\033[K%s", line);
    std::fflush(stderr);
    shown_ = true;
}

void Progress::clear() {
    if (!enabled_ || !shown_ || !clear_before_verdicts_) return;
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
    shown_ = false;
    last_ = std::chrono::steady_clock::now() - std::chrono::seconds(1);   // draw again at the next update
}

void Progress::finish() {
    if (!enabled_ || !shown_) return;
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
    shown_ = false;
}

std::string Progress::bold(const std::string& text) const {
    return colour_ ? "\033[1m" + text + "\033[0m" : text;
}

long count_export_records(const std::string& export_file) {
    if (export_file == "-") return -1;
    std::ifstream in(export_file, std::ios::binary);
    if (!in) return -1;
    char first = 0;
    while (in.get(first) && (first == ' ' || first == '\n' || first == '\r' || first == '\t' || first == '\xEF' ||
                             first == '\xBB' || first == '\xBF')) {}
    if (!in || first == '[') return -1;   // an array: its elements are not lines
    long records = 1;   // the line holding `first`
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line))
        if (line.find_first_not_of(" \t\r") != std::string::npos) ++records;
    return records;
}

}  // namespace preflight::cli
