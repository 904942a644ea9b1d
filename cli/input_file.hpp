// Opening the CLI's own inputs (the export, the policy): regular files only, or stdin for the
// export. A FIFO, device or folder is refused at once instead of blocking the run forever.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>

namespace preflight::cli {

/// Reads a whole regular file. False with `error` ("'p.json' is a FIFO; ...") otherwise.
bool read_regular_file(const std::string& path, std::string& text, std::string& error);

/// The export as a stream: a regular file opened once (checked on its descriptor), or stdin for "-".
class InputFile {
public:
    InputFile();
    ~InputFile();
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;
    /// False with `error` when the file cannot be opened or is not a regular file.
    bool open(const std::string& path, std::string& error);
    std::istream& stream();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace preflight::cli
