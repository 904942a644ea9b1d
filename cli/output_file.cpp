// Atomic output file (see output_file.hpp).
#include "output_file.hpp"

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace preflight::cli {

OutputFile::OutputFile(const std::string& target) {
    if (target.empty() || target == "-") {
        file_ = stdout;
        return;
    }
    target_ = target;
    temporary_ = target_;
    temporary_ += ".tmp-" + std::to_string(::getpid());
    file_ = std::fopen(temporary_.c_str(), "wb");
    if (!file_) error_ = std::strerror(errno);
}

OutputFile::~OutputFile() {
    if (file_ && file_ != stdout) {
        std::fclose(file_);
        std::error_code ec;
        std::filesystem::remove(temporary_, ec);   // not committed: leave the old file as it was
    }
}

void OutputFile::write_line(const std::string& line) {
    if (!file_ || failed_) return;
    if (std::fwrite(line.data(), 1, line.size(), file_) != line.size() || std::fputc('\n', file_) == EOF) {
        failed_ = true;
        error_ = std::strerror(errno);
    }
    // Line by line to a pipe, so a reader downstream sees each verdict as it is made.
    if (file_ == stdout) std::fflush(file_);
}

bool OutputFile::commit() {
    if (!file_) return false;
    if (file_ == stdout) return std::fflush(stdout) == 0 && !failed_;
    bool good = !failed_ && std::fflush(file_) == 0 && ::fsync(fileno(file_)) == 0;
    if (!good && error_.empty()) error_ = std::strerror(errno);
    std::fclose(file_);
    file_ = nullptr;
    std::error_code ec;
    if (good) {
        std::filesystem::rename(temporary_, target_, ec);
        if (ec) {
            error_ = ec.message();
            good = false;
        }
    }
    if (!good) std::filesystem::remove(temporary_, ec);
    return good;
}

}  // namespace preflight::cli
