// The fix's own output folder (see output_folder.hpp): refused inside the design's folder or
// the export root, written file by file through openat with O_EXCL | O_NOFOLLOW.
#include "fix/output_folder.hpp"

#include <vips/vips.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace preflight::fix {

namespace fs = std::filesystem;

namespace {

// The path with symlinks resolved as far as it exists and no trailing slash.
fs::path resolved(const fs::path& path) {
    std::error_code ec;
    fs::path absolute = fs::absolute(path, ec).lexically_normal();
    if (absolute.has_relative_path() && absolute.filename().empty()) absolute = absolute.parent_path();
    fs::path canonical = fs::weakly_canonical(absolute, ec);
    return ec ? absolute : canonical;
}

// Whether `inner` is `outer` or lies inside it (both resolved).
bool is_inside(const fs::path& inner, const fs::path& outer) {
    auto i = inner.begin();
    for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
        if (o->empty()) continue;   // a trailing separator
        if (i == inner.end() || *i != *o) return false;
    }
    return true;
}

}  // namespace

bool OutputFolder::acceptable(const fs::path& out, const std::vector<fs::path>& keep_out, bool force, std::string& error) {
    if (out.empty()) {
        error = "no output folder given";
        return false;
    }
    const fs::path target = resolved(out);
    for (const fs::path& folder : keep_out) {
        if (folder.empty()) continue;
        if (is_inside(target, resolved(folder))) {
            error = "the output folder " + out.string() + " is or lies inside " + folder.string() +
                    " (originals could be overwritten): choose a new folder outside it";
            return false;
        }
    }
    struct stat info {};
    if (::lstat(target.c_str(), &info) == 0) {
        if (!S_ISDIR(info.st_mode)) {
            error = "the output folder " + out.string() + " exists and is not a folder";
            return false;
        }
        std::error_code ec;
        if (!force && !fs::is_empty(target, ec)) {
            error = "the output folder " + out.string() +
                    " exists and is not empty (a fix writes only into a new or empty folder; "
                    "`preflight fix --force` writes into it anyway)";
            return false;
        }
    }
    return true;
}

std::optional<OutputFolder> OutputFolder::open(const fs::path& out, const std::vector<fs::path>& keep_out, bool force,
                                               std::string& error) {
    if (!acceptable(out, keep_out, force, error)) return std::nullopt;
    fs::path path = out;
    if (path.has_relative_path() && path.filename().empty()) path = path.parent_path();
    std::error_code ec;
    fs::create_directories(path, ec);
    if (ec) {
        error = "cannot create " + path.string() + ": " + ec.message();
        return std::nullopt;
    }
    int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        error = "cannot open " + path.string() + ": " + std::strerror(errno);
        return std::nullopt;
    }
    // Checked again on what was opened: a folder swapped in between is refused too.
    if (!acceptable(path, keep_out, true, error)) {
        ::close(fd);
        return std::nullopt;
    }
    return OutputFolder(fd, path, force);
}

OutputFolder::OutputFolder(OutputFolder&& other) noexcept
    : fd_(other.fd_), path_(std::move(other.path_)), force_(other.force_) {
    other.fd_ = -1;
}

OutputFolder::~OutputFolder() {
    if (fd_ >= 0) ::close(fd_);
}

bool OutputFolder::write(const std::string& name, const std::string& bytes, std::string& error) const {
    const fs::path shown = path_ / name;
    if (name.empty() || name.find('/') != std::string::npos || name == "." || name == "..") {
        error = "cannot write " + shown.string() + ": not a plain file name";
        return false;
    }
    if (force_) ::unlinkat(fd_, name.c_str(), 0);   // removes a planted symlink itself, never its target
    int file = ::openat(fd_, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (file < 0) {
        error = "cannot write " + shown.string() + ": " + std::strerror(errno) +
                (errno == EEXIST ? " (a fix only creates new files)" : "");
        return false;
    }
    std::size_t written = 0;
    while (written < bytes.size()) {
        ssize_t n = ::write(file, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            error = "cannot write " + shown.string() + ": " + std::strerror(n < 0 ? errno : ENOSPC);
            ::close(file);
            return false;
        }
        written += std::size_t(n);
    }
    if (::close(file) != 0) {
        error = "cannot write " + shown.string() + ": " + std::strerror(errno);
        return false;
    }
    return true;
}

bool OutputFolder::write_png(const std::string& name, const core::Raster& raster, std::string& error) const {
    core::ensure_vips();
    VipsImage* image = vips_image_new_from_memory(raster.pixels.data(), raster.pixels.size(), raster.width,
                                                  raster.height, 3, VIPS_FORMAT_UCHAR);
    if (!image) {
        char* copy = vips_error_buffer_copy();   // copied and cleared under libvips' lock
        error = std::string(copy ? copy : "");
        g_free(copy);
        return false;
    }
    image->Type = VIPS_INTERPRETATION_sRGB;
    void* buffer = nullptr;
    std::size_t length = 0;
    const int status = vips_pngsave_buffer(image, &buffer, &length, nullptr);
    g_object_unref(image);
    if (status != 0) {
        char* copy = vips_error_buffer_copy();   // copied and cleared under libvips' lock
        error = "cannot write " + (path_ / name).string() + ": " + std::string(copy ? copy : "");
        g_free(copy);
        return false;
    }
    std::string bytes(static_cast<const char*>(buffer), length);
    g_free(buffer);
    return write(name, bytes, error);
}

}  // namespace preflight::fix
