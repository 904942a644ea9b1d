// Regular-file-only inputs for the CLI (see input_file.hpp).
#include "input_file.hpp"

#include <cerrno>
#include <cstring>
#include <ext/stdio_filebuf.h>
#include <fcntl.h>
#include <iostream>
#include <sys/stat.h>
#include <unistd.h>

namespace preflight::cli {

namespace {

std::string kind_of(mode_t mode) {
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

// Opens without blocking (a FIFO with no writer would wait forever) and accepts regular files only.
int open_regular(const std::string& path, std::string& error) {
    int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        error = "cannot open '" + path + "': " + std::strerror(errno);
        return -1;
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        error = "cannot read '" + path + "': it is " + kind_of(info.st_mode) + ", not a regular file";
        ::close(fd);
        return -1;
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    return fd;
}

}  // namespace

bool read_regular_file(const std::string& path, std::string& text, std::string& error) {
    int fd = open_regular(path, error);
    if (fd < 0) return false;
    text.clear();
    char buffer[1 << 16];
    for (;;) {
        ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            error = "cannot read '" + path + "': " + std::strerror(errno);
            ::close(fd);
            return false;
        }
        if (n == 0) break;
        text.append(buffer, std::size_t(n));
    }
    ::close(fd);
    return true;
}

struct InputFile::Impl {
    std::unique_ptr<__gnu_cxx::stdio_filebuf<char>> buffer;
    std::unique_ptr<std::istream> stream;
};

InputFile::InputFile() : impl_(std::make_unique<Impl>()) {}
InputFile::~InputFile() = default;

bool InputFile::open(const std::string& path, std::string& error) {
    if (path == "-") return true;
    int fd = open_regular(path, error);
    if (fd < 0) return false;
    impl_->buffer = std::make_unique<__gnu_cxx::stdio_filebuf<char>>(fd, std::ios::in, std::size_t(1) << 16);
    impl_->stream = std::make_unique<std::istream>(impl_->buffer.get());
    return true;
}

std::istream& InputFile::stream() { return impl_->stream ? *impl_->stream : std::cin; }

}  // namespace preflight::cli
