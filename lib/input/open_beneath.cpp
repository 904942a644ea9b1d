// Confined opening (see open_beneath.hpp): openat2(RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS)
// where the kernel has it, else a component-wise O_NOFOLLOW walk; then fstat and read.
#include "input/open_beneath.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <tuple>
#include <utility>
#include <vector>

namespace preflight::input {

namespace {

constexpr int read_flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY;
std::atomic<bool> force_walk{false};

struct Fd {
    int fd = -1;
    explicit Fd(int value = -1) : fd(value) {}
    ~Fd() { if (fd >= 0) ::close(fd); }
    Fd(Fd&& other) noexcept : fd(other.fd) { other.fd = -1; }
    Fd& operator=(Fd&& other) noexcept { std::swap(fd, other.fd); return *this; }
};

long call_openat2(int dir_fd, const char* path, int flags, unsigned long long resolve) {
    open_how how{};
    how.flags = static_cast<unsigned long long>(flags);
    how.resolve = resolve;
    return ::syscall(SYS_openat2, dir_fd, path, &how, sizeof how);
}

bool openat2_available() {
    static const bool available = [] {
        Fd probe(int(call_openat2(AT_FDCWD, "/", O_PATH | O_CLOEXEC, RESOLVE_NO_MAGICLINKS)));
        return probe.fd >= 0;   // ENOSYS on old kernels, EPERM under some seccomp filters
    }();
    return available && !force_walk.load();
}

// One component at a time, never following a link: `..` may not climb above the root.
int open_by_walk(int root_fd, const std::string& relative) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= relative.size()) {
        std::size_t slash = relative.find('/', start);
        if (slash == std::string::npos) slash = relative.size();
        std::string part = relative.substr(start, slash - start);
        if (!part.empty() && part != ".") parts.push_back(part);
        start = slash + 1;
    }
    if (parts.empty()) { errno = EISDIR; return -1; }
    std::vector<Fd> stack;   // the folders below the root we are in
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const std::string& part = parts[i];
        if (part == "..") {
            if (stack.empty()) { errno = EXDEV; return -1; }
            stack.pop_back();
            continue;
        }
        int at = stack.empty() ? root_fd : stack.back().fd;
        bool last = i + 1 == parts.size();
        int fd = ::openat(at, part.c_str(), last ? read_flags | O_NOFOLLOW : O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0) {
            if (errno == ENOTDIR && !last) {
                struct stat st{};
                if (::fstatat(at, part.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode)) errno = ELOOP;
            }
            return -1;
        }
        if (last) return fd;
        stack.emplace_back(fd);
    }
    errno = EISDIR;
    return -1;
}

int openat2_retrying(int root_fd, const std::string& relative, unsigned long long resolve) {
    for (int attempt = 0; attempt < 8; ++attempt) {
        long fd = call_openat2(root_fd, relative.c_str(), read_flags, resolve);
        if (fd >= 0) return int(fd);
        if (errno != EAGAIN) return -1;   // EAGAIN: a rename raced the resolution; try again
    }
    return -1;
}

// RESOLVE_BENEATH refuses every absolute link, also one naming a file inside the root. Such
// a link is resolved by name to a candidate beneath the real root, which is then opened
// with no link followed at all: a link swapped meanwhile cannot lead the open outside.
int open_absolute_link_inside(int root_fd, const std::string& root_path, const std::string& relative) {
    char* real_root = ::realpath(root_path.c_str(), nullptr);
    char* real_file = real_root ? ::realpath((root_path + "/" + relative).c_str(), nullptr) : nullptr;
    std::string inside;
    if (real_root && real_file) {
        std::string top = real_root, file = real_file;
        if (top != "/" && file.size() > top.size() + 1 && file.compare(0, top.size(), top) == 0 && file[top.size()] == '/')
            inside = file.substr(top.size() + 1);
    }
    std::free(real_root);
    std::free(real_file);
    if (inside.empty()) {
        errno = EXDEV;
        return -1;
    }
    int fd = openat2_retrying(root_fd, inside, RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS);
    if (fd < 0 && errno == ELOOP) errno = EXDEV;
    return fd;
}

int open_beneath(int root_fd, const std::string& root_path, const std::string& relative) {
    if (!openat2_available()) return open_by_walk(root_fd, relative);
    int fd = openat2_retrying(root_fd, relative, RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS);
    if (fd < 0 && errno == EXDEV) return open_absolute_link_inside(root_fd, root_path, relative);
    return fd;
}

// What a non-regular file is: a word for programs, words for the message.
std::pair<std::string, std::string> kind_of(mode_t mode) {
    if (S_ISDIR(mode)) return {"folder", "a folder"};
    if (S_ISFIFO(mode)) return {"fifo", "a named pipe (FIFO)"};
    if (S_ISCHR(mode)) return {"character_device", "a character device"};
    if (S_ISBLK(mode)) return {"block_device", "a block device"};
    if (S_ISSOCK(mode)) return {"socket", "a socket"};
    return {"other", "something else"};
}

void describe_open_error(int error, FileRead& result) {
    switch (error) {
        case ENOENT:
        case ENOTDIR:
            result.error_check = "input.missing_file";
            result.error = "not found";
            break;
        case EXDEV:
            result.error_check = "input.path_outside";
            result.error = "leads outside the export folder";
            break;
        case ELOOP:
            result.error_check = "input.path_outside";
            result.error = "is a link that is not followed (it leads outside the export folder, or loops)";
            break;
        case EISDIR:
            result.error_check = "input.unreadable";
            result.code = "not_a_file";
            result.kind = "folder";
            result.error = "is a folder, not a file";
            break;
        default:
            result.error_check = "input.unreadable";
            result.error = std::string("cannot be opened: ") + std::strerror(error);
    }
}

// fstat, then read at most max_bytes from the descriptor we opened (never by name again).
FileRead read_open_file(int fd, std::uint64_t max_bytes, bool want_bytes, std::uint64_t budget = UINT64_MAX) {
    FileRead result;
    struct stat st{};
    if (::fstat(fd, &st) != 0) {
        result.error_check = "input.unreadable";
        result.error = std::string("cannot be examined: ") + std::strerror(errno);
        return result;
    }
    if (!S_ISREG(st.st_mode)) {
        result.error_check = "input.unreadable";
        result.code = "not_a_file";
        std::tie(result.kind, result.error) = kind_of(st.st_mode);
        result.error = "is " + result.error + ", not a file";
        return result;
    }
    result.size_bytes = std::uint64_t(st.st_size);
    result.identity = std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino) + ":" + std::to_string(st.st_size) +
                      ":" + std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
    if (result.size_bytes > max_bytes) {
        result.error_check = "input.unreadable";
        result.code = "too_large";
        result.error = "is " + std::to_string(result.size_bytes / (1024 * 1024)) + " MB, over the limit of " +
                       std::to_string(max_bytes / (1024 * 1024)) + " MB";
        return result;
    }
    if (!want_bytes) return result;
    if (result.size_bytes > budget) {
        result.deferred = true;
        return result;
    }
    auto bytes = std::make_shared<Bytes>();
    bytes->resize(std::size_t(result.size_bytes));
    std::size_t filled = 0;
    while (filled < bytes->size()) {
        ssize_t got = ::read(fd, bytes->data() + filled, bytes->size() - filled);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            result.error_check = "input.unreadable";
            result.error = std::string("cannot be read: ") + std::strerror(errno);
            return result;
        }
        if (got == 0) break;   // shrank while we read: keep what is there
        filled += std::size_t(got);
    }
    bytes->resize(filled);
    result.bytes = std::move(bytes);
    return result;
}

}  // namespace

RootFolder::RootFolder(const std::string& path) : path_(path) {
    fd_ = ::open(path.empty() ? "." : path.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (fd_ < 0) error_ = "the folder '" + path + "' cannot be opened: " + std::strerror(errno);
}

RootFolder::~RootFolder() {
    if (fd_ >= 0) ::close(fd_);
}

FileRead RootFolder::read(const std::string& relative, std::uint64_t max_bytes, bool want_bytes,
                          std::uint64_t budget) const {
    FileRead result;
    if (fd_ < 0) {
        result.error_check = "input.missing_file";
        result.error = "not found (" + error_ + ")";
        return result;
    }
    if (relative.empty() || relative.find('\0') != std::string::npos) {
        result.error_check = "input.path_outside";
        result.error = "is not a usable relative path";
        return result;
    }
    Fd fd(open_beneath(fd_, path_, relative));
    if (fd.fd < 0) {
        describe_open_error(errno, result);
        return result;
    }
    return read_open_file(fd.fd, max_bytes, want_bytes, budget);
}

std::vector<std::string> RootFolder::list_files(const std::string& relative, std::size_t max_names) const {
    std::vector<std::string> names;
    if (fd_ < 0 || relative.find('\0') != std::string::npos) return names;
    const bool root = relative.empty() || relative == ".";
    Fd fd(root ? ::openat(fd_, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC) : open_beneath(fd_, path_, relative));
    struct stat st{};
    if (fd.fd < 0 || ::fstat(fd.fd, &st) != 0 || !S_ISDIR(st.st_mode)) return names;
    DIR* folder = ::fdopendir(fd.fd);
    if (!folder) return names;
    fd.fd = -1;   // the DIR owns it now
    while (const dirent* entry = ::readdir(folder)) {
        if (names.size() >= max_names) break;
        struct stat entry_st{};
        if (::fstatat(::dirfd(folder), entry->d_name, &entry_st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(entry_st.st_mode))
            names.emplace_back(entry->d_name);
    }
    ::closedir(folder);
    return names;
}

FileRead read_regular_file(const std::string& path, std::uint64_t max_bytes) {
    FileRead result;
    Fd fd(::open(path.c_str(), read_flags));
    if (fd.fd < 0) {
        int error = errno;
        describe_open_error(error == EXDEV || error == ELOOP ? EINVAL : error, result);
        return result;
    }
    return read_open_file(fd.fd, max_bytes, true);
}

void force_walk_fallback_for_tests(bool on) { force_walk.store(on); }

}  // namespace preflight::input
