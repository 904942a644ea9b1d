// The order export as a stream buffer that never throws: a read error (an export on a
// failing disk or network share, a folder) ends the stream and is kept for the run to report,
// where libstdc++'s filebuf would throw std::ios_failure through the library into main.
#pragma once

#include <streambuf>
#include <string>

namespace preflight::cli {

class ExportInput : public std::streambuf {
public:
    /// "-": standard input.
    explicit ExportInput(const std::string& file);
    ~ExportInput() override;
    ExportInput(const ExportInput&) = delete;
    ExportInput& operator=(const ExportInput&) = delete;
    /// False when the file could not be opened (error() says why).
    bool is_open() const { return fd_ >= 0; }
    /// Why opening or reading failed; empty while all is well.
    const std::string& error() const { return error_; }

protected:
    int_type underflow() override;

private:
    int fd_ = -1;
    bool owned_ = false;
    std::string error_;
    char buffer_[1 << 16];
};

}  // namespace preflight::cli
