// Reading the resumed part of a run back into its report (see resume_report.hpp).
#include "resume_report.hpp"

#include <iostream>

#include "preflight/formats.hpp"

namespace preflight::cli {

void add_resumed_verdicts(const OutputFile& out, HtmlReport& report) {
    if (out.resumed_lines() == 0) return;
    long added = 0;
    std::string unreadable;
    long unreadable_count = 0;
    long position = 0;
    for (const std::string& line : out.resumed_text_lines()) {
        ++position;
        if (auto verdict = parse_verdict_line(line)) {
            report.add(*verdict);
            ++added;
        } else {
            ++unreadable_count;
            if (unreadable.size() < 200) unreadable += (unreadable.empty() ? "" : ", ") + std::to_string(position);
        }
    }
    std::cerr << "preflight: report: " << added << " order" << (added == 1 ? "" : "s") << " of the interrupted run read back from "
              << out.partial_path().string() << " (listed without page pictures)\n";
    if (unreadable_count > 0)
        std::cerr << "preflight: report: it lacks " << unreadable_count << " order" << (unreadable_count == 1 ? "" : "s")
                  << ": line(s) " << unreadable << (unreadable.size() >= 200 ? ", ..." : "") << " of "
                  << out.partial_path().string() << " are not verdict lines\n";
}

}  // namespace preflight::cli
