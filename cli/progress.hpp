// Progress on stderr, only when stderr is a terminal: orders done of the total (when the
// export is a file whose records can be counted first), percentage, rate and time left.
// The line is cleared before a verdict goes to the same terminal, so the two never mix.
// NO_COLOR is honoured (no colour codes at all when it is set).
#pragma once

#include <chrono>
#include <string>

namespace preflight::cli {

class Progress {
public:
    /// `total` <= 0: unknown (stdin, a JSON array). `verdicts_on_terminal`: stdout is a
    /// terminal too, so the progress line must be cleared before each verdict.
    Progress(long total, bool verdicts_on_terminal);
    bool enabled() const { return enabled_; }
    void update(long orders_done);
    /// Removes the progress line (before a verdict is written to the same terminal).
    void clear();
    /// Removes the progress line for good (before the summary).
    void finish();
    /// The same text with bold codes when colour is allowed.
    std::string bold(const std::string& text) const;
private:
    bool enabled_ = false;
    bool colour_ = false;
    bool shown_ = false;
    bool clear_before_verdicts_ = false;
    long total_ = 0;
    std::chrono::steady_clock::time_point start_, last_;
};

/// Records in an export file, counted without parsing them (non-blank lines of JSON Lines);
/// -1 for stdin, a JSON array or a file that cannot be read.
long count_export_records(const std::string& export_file);

}  // namespace preflight::cli
