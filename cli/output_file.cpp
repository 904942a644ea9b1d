// Crash-safe output file (see output_file.hpp).
#include "output_file.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <unistd.h>

namespace preflight::cli {

namespace {

// Keeps the complete lines of a partial file (a kill may have cut the last one) and counts them.
long keep_complete_lines(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return 0;
    long lines = 0;
    std::uintmax_t complete_bytes = 0, bytes = 0;
    char c;
    while (in.get(c)) {
        ++bytes;
        if (c == '\n') {
            ++lines;
            complete_bytes = bytes;
        }
    }
    in.close();
    std::error_code ec;
    std::filesystem::resize_file(file, complete_bytes, ec);
    return ec ? 0 : lines;
}

}  // namespace

OutputFile::OutputFile(const std::string& target, bool resume) {
    if (target.empty() || target == "-") {
        file_ = stdout;
        return;
    }
    target_ = target;
    partial_ = target_;
    partial_ += ".partial";
    std::error_code ec;
    if (resume && std::filesystem::exists(partial_, ec)) resumed_lines_ = keep_complete_lines(partial_);
    file_ = std::fopen(partial_.c_str(), resume ? "ab" : "wb");
    if (!file_) error_ = std::strerror(errno);
}

OutputFile::~OutputFile() {
    // An unfinished run keeps FILE.partial for --resume; FILE itself was never touched.
    if (file_ && file_ != stdout) std::fclose(file_);
}

void OutputFile::write_line(const std::string& line) {
    if (!file_ || failed_) return;
    if (std::fwrite(line.data(), 1, line.size(), file_) != line.size() || std::fputc('\n', file_) == EOF) {
        failed_ = true;
        error_ = std::strerror(errno);
    }
    // Each verdict reaches the kernel as it is made: a killed run loses no finished line,
    // and a reader of a pipe sees every verdict at once.
    std::fflush(file_);
}

bool OutputFile::commit() {
    if (!file_) return false;
    if (file_ == stdout) return std::fflush(stdout) == 0 && !failed_;
    bool good = !failed_ && std::fflush(file_) == 0 && ::fsync(fileno(file_)) == 0;
    if (!good && error_.empty()) error_ = std::strerror(errno);
    std::fclose(file_);
    file_ = nullptr;
    if (good) {
        std::error_code ec;
        std::filesystem::rename(partial_, target_, ec);
        if (ec) {
            error_ = ec.message();
            good = false;
        }
    }
    return good;
}

}  // namespace preflight::cli
