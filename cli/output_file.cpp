// Crash-safe, checked output file (see output_file.hpp): every write, sync and rename is
// checked, FILE.partial is locked with flock so a second run on the same -o is refused.
#include "output_file.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <iostream>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace preflight::cli {

namespace {

std::string in_quotes(const std::filesystem::path& file) { return "'" + file.string() + "'"; }

// What a non-regular file is, for messages.
std::string kind_of(mode_t mode) {
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISLNK(mode)) return "a symbolic link";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

// Counts the complete lines at the start of an open file; their byte length in `bytes`.
bool count_complete_lines(int fd, long& lines, long long& bytes) {
    lines = 0;
    bytes = 0;
    long long offset = 0;
    char buffer[1 << 16];
    for (;;) {
        ssize_t n = ::pread(fd, buffer, sizeof buffer, offset);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return false;
        if (n == 0) return true;
        for (ssize_t i = 0; i < n; ++i)
            if (buffer[i] == '\n') {
                ++lines;
                bytes = offset + i + 1;
            }
        offset += n;
    }
}

// Syncs a folder so a rename inside it survives a power cut.
int sync_folder(const std::filesystem::path& folder) {
    int dir = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0) return errno;
    int result = ::fsync(dir) == 0 ? 0 : errno;
    ::close(dir);
    return result;
}

}  // namespace

OutputFile::OutputFile(const std::string& target, bool resume, const std::vector<std::string>& inputs) {
    if (target.empty() || target == "-") {
        fd_ = STDOUT_FILENO;
        return;
    }
    target_ = target;
    partial_ = target_;
    partial_ += ".partial";
    owns_fd_ = true;
    if (!open_file(resume, inputs) && fd_ >= 0) {
        ::close(fd_);
        fd_ = -1;
    }
}

OutputFile::~OutputFile() {
    // An unfinished run keeps FILE.partial for --resume; FILE itself was never touched.
    if (owns_fd_ && fd_ >= 0) ::close(fd_);
}

bool OutputFile::fail(const std::string& what, int error_number) {
    failed_ = true;
    if (error_.empty()) error_ = what + ": " + std::strerror(error_number);
    return false;
}

bool OutputFile::open_file(bool resume, const std::vector<std::string>& inputs) {
    struct stat target_stat {};
    bool target_exists = ::lstat(target_.c_str(), &target_stat) == 0;
    if (target_exists && !S_ISREG(target_stat.st_mode)) {
        failed_ = true;
        error_ = "cannot write " + in_quotes(target_) + ": it is " + kind_of(target_stat.st_mode) +
                 "; -o must name a regular file or a new one";
        return false;
    }
    for (const auto& input : inputs) {
        struct stat input_stat {};
        if (input.empty() || input == "-" || ::stat(input.c_str(), &input_stat) != 0) continue;
        if (target_exists && input_stat.st_dev == target_stat.st_dev && input_stat.st_ino == target_stat.st_ino) {
            failed_ = true;
            error_ = "cannot write " + in_quotes(target_) + ": it is the input " + in_quotes(input) + " itself";
            return false;
        }
    }
    // The lock lives on FILE.partial; a run that takes it checks that the name still points at
    // the locked file (the run before may have just renamed it over FILE).
    for (int attempt = 0; attempt < 5; ++attempt) {
        fd_ = ::open(partial_.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0644);
        if (fd_ < 0) {
            if (errno == ELOOP) {
                failed_ = true;
                error_ = "cannot write " + in_quotes(partial_) + ": it is a symbolic link";
                return false;
            }
            return fail("cannot write " + in_quotes(partial_), errno);
        }
        struct stat open_stat {};
        if (::fstat(fd_, &open_stat) != 0) return fail("cannot write " + in_quotes(partial_), errno);
        if (!S_ISREG(open_stat.st_mode)) {
            failed_ = true;
            error_ = "cannot write " + in_quotes(partial_) + ": it is " + kind_of(open_stat.st_mode);
            return false;
        }
        if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
            if (errno != EWOULDBLOCK) return fail("cannot lock " + in_quotes(partial_), errno);
            failed_ = true;
            error_ = "cannot write " + in_quotes(target_) + ": another preflight run is writing it (" +
                     partial_.filename().string() + " is locked); wait for that run or choose another -o";
            return false;
        }
        struct stat path_stat {};
        if (::stat(partial_.c_str(), &path_stat) == 0 && path_stat.st_dev == open_stat.st_dev &&
            path_stat.st_ino == open_stat.st_ino)
            break;
        ::close(fd_);
        fd_ = -1;
    }
    if (fd_ < 0) return fail("cannot lock " + in_quotes(partial_), EAGAIN);
    ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) & ~O_NONBLOCK);
    if (resume) {
        if (!count_complete_lines(fd_, resumed_lines_, size_)) return fail("cannot read " + in_quotes(partial_), errno);
        resumed_bytes_ = size_;
    }
    // A kill may have cut the last line: keep only complete ones (all of them only with --resume).
    if (::ftruncate(fd_, size_) != 0) return fail("cannot write " + in_quotes(partial_), errno);
    if (::lseek(fd_, size_, SEEK_SET) < 0) return fail("cannot write " + in_quotes(partial_), errno);
    return true;
}

std::vector<std::string> OutputFile::resumed_text_lines() const {
    std::vector<std::string> lines;
    if (fd_ < 0 || !is_file()) return lines;
    std::string text(std::size_t(resumed_bytes_), '\0');
    std::size_t done = 0;
    while (done < text.size()) {
        ssize_t n = ::pread(fd_, text.data() + done, text.size() - done, static_cast<off_t>(done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        done += std::size_t(n);
    }
    text.resize(done);
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) break;
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

bool OutputFile::write_line(const std::string& line) {
    if (fd_ < 0 || failed_) return false;
    // One write per verdict: a killed run loses no finished line, and a reader of a pipe sees
    // every verdict at once.
    std::string buffer;
    buffer.reserve(line.size() + 1);
    buffer.append(line).push_back('\n');
    std::size_t written = 0;
    while (written < buffer.size()) {
        ssize_t n = ::write(fd_, buffer.data() + written, buffer.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            int error_number = n < 0 ? errno : ENOSPC;
            if (!is_file()) return fail("cannot write the verdicts to standard output", error_number);
            // Leave FILE.partial with whole lines only, for --resume.
            if (::ftruncate(fd_, size_) == 0) ::lseek(fd_, size_, SEEK_SET);
            return fail("cannot write " + in_quotes(partial_), error_number);
        }
        written += std::size_t(n);
    }
    size_ += static_cast<long long>(buffer.size());
    return true;
}

bool OutputFile::commit() {
    if (fd_ < 0 || failed_) return false;
    if (!is_file()) return true;
    if (::fsync(fd_) != 0) return fail("cannot write " + in_quotes(partial_) + " to disk", errno);
    const std::filesystem::path folder = partial_.parent_path();
    if (int e = sync_folder(folder)) return fail("cannot sync the folder of " + in_quotes(partial_), e);
    // FILE may have been replaced by something else while the run went.
    struct stat target_stat {};
    if (::lstat(target_.c_str(), &target_stat) == 0 && !S_ISREG(target_stat.st_mode)) {
        failed_ = true;
        error_ = "cannot write " + in_quotes(target_) + ": it is " + kind_of(target_stat.st_mode) + " now";
        return false;
    }
    if (::rename(partial_.c_str(), target_.c_str()) != 0)
        return fail("cannot move " + in_quotes(partial_) + " to " + in_quotes(target_), errno);
    sync_folder(folder);   // best effort: FILE is in place and whole either way
    ::close(fd_);   // releases the lock, now on FILE
    fd_ = -1;
    return true;
}

int report_output_failure(const OutputFile& out) {
    std::cerr << "preflight: " << out.error();
    if (out.is_file())
        std::cerr << "; the run stopped and " << out.partial_path().string()
                  << " keeps every complete verdict: fix the cause and run the same command with --resume";
    std::cerr << "\n";
    return exit_output;
}

}  // namespace preflight::cli
