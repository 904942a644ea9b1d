// Opening the CLI's own inputs (the export, the policy): regular files only (stdin for the
// export is export_input.hpp). A FIFO, device or folder is refused at once instead of blocking the run forever.
#pragma once

#include <string>

namespace preflight::cli {

/// Reads a whole regular file. False with `error` ("'p.json' is a FIFO; ...") otherwise.
bool read_regular_file(const std::string& path, std::string& text, std::string& error);

/// Opens a regular file for reading, without ever blocking on a FIFO: the descriptor, or -1
/// with `error` ("'p.json' is a FIFO; ...").
int open_regular(const std::string& path, std::string& error);

}  // namespace preflight::cli
