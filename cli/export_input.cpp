// A non-throwing input buffer for the export (see export_input.hpp).
#include "export_input.hpp"
#include "input_file.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace preflight::cli {

ExportInput::ExportInput(const std::string& file) {
    if (file == "-") {
        fd_ = STDIN_FILENO;
    } else {
        fd_ = open_regular(file, error_);   // a FIFO, device or folder is refused at once
        owned_ = fd_ >= 0;
    }
    setg(buffer_, buffer_, buffer_);
}

ExportInput::~ExportInput() {
    if (owned_) ::close(fd_);
}

ExportInput::int_type ExportInput::underflow() {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    if (fd_ < 0 || !error_.empty()) return traits_type::eof();
    ssize_t got;
    do {
        got = ::read(fd_, buffer_, sizeof buffer_);
    } while (got < 0 && errno == EINTR);
    if (got < 0) error_ = std::strerror(errno);
    if (got <= 0) return traits_type::eof();
    setg(buffer_, buffer_, buffer_ + got);
    return traits_type::to_int_type(*gptr());
}

}  // namespace preflight::cli
