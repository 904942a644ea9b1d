// --resume --report: the orders an interrupted run already wrote go into the report too, read
// back from FILE.partial, so the report covers every order of the finished run.
#pragma once

#include "output_file.hpp"
#include "preflight/report.hpp"

namespace preflight::cli {

/// Adds every verdict line FILE.partial held when the run resumed; says on stderr how many
/// came from there and names any line that could not be read back (the report lacks it).
void add_resumed_verdicts(const OutputFile& out, HtmlReport& report);

}  // namespace preflight::cli
