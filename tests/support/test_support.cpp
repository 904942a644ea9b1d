// Helpers shared by the tests (see test_support.hpp).
#include "support/test_support.hpp"

#include <gtest/gtest.h>
#include <vips/vips.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <sys/wait.h>
#include <fstream>
#include <iterator>
#include <random>
#include <stdexcept>
#include <unistd.h>

namespace preflight::testing {

TempDir::TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("preflight-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

void write_raster(const core::Raster& raster, const std::filesystem::path& file) {
    core::ensure_vips();
    VipsImage* image = vips_image_new_from_memory_copy(raster.pixels.data(), raster.pixels.size(), raster.width,
                                                       raster.height, 3, VIPS_FORMAT_UCHAR);
    if (!image) throw std::runtime_error(vips_error_buffer());
    image->Type = VIPS_INTERPRETATION_sRGB;
    int status = vips_image_write_to_file(image, file.c_str(), nullptr);
    g_object_unref(image);
    if (status != 0) throw std::runtime_error(std::string("writing ") + file.string() + ": " + vips_error_buffer());
}

core::Raster solid_raster(int width, int height, unsigned char r, unsigned char g, unsigned char b) {
    core::Raster raster;
    raster.width = width;
    raster.height = height;
    raster.pixels.resize(std::size_t(width) * height * 3);
    fill_rect(raster, {0, 0, width, height}, r, g, b);
    return raster;
}

void fill_rect(core::Raster& raster, core::PixelRect rect, unsigned char r, unsigned char g, unsigned char b) {
    rect.x0 = std::max(0, rect.x0);
    rect.y0 = std::max(0, rect.y0);
    rect.x1 = std::min(raster.width, rect.x1);
    rect.y1 = std::min(raster.height, rect.y1);
    for (int y = rect.y0; y < rect.y1; ++y) {
        auto* row = raster.row(y);
        for (int x = rect.x0; x < rect.x1; ++x) {
            row[x * 3] = r;
            row[x * 3 + 1] = g;
            row[x * 3 + 2] = b;
        }
    }
}

CommandResult run_command(const std::string& command) {
    CommandResult result;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return result;
    char buffer[65536];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
    const int status = ::pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

ShellOutcome run_shell(const std::string& command) {
    char name[] = "/tmp/preflight-test-stderr-XXXXXX";
    const int fd = ::mkstemp(name);
    if (fd < 0) return {};
    ::close(fd);
    const CommandResult result = run_command(command + " 2>" + name);
    ShellOutcome outcome{result.exit_code, result.out, read_file(name)};
    std::filesystem::remove(name);
    return outcome;
}

pid_t spawn(const std::vector<std::string>& args) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        std::vector<char*> argv;
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        const int devnull = ::open("/dev/null", O_WRONLY);
        ::dup2(devnull, 2);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    return pid;
}

int wait_exit(pid_t pid) {
    int status = 0;
    if (pid <= 0 || ::waitpid(pid, &status, 0) != pid) return -1;
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int run_to_end(const std::vector<std::string>& argv) { return wait_exit(spawn(argv)); }

std::string read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

long count_lines(const std::filesystem::path& file) {
    const std::string text = read_file(file);
    return long(std::count(text.begin(), text.end(), '\n'));
}

void write_text(const std::filesystem::path& file, const std::string& text) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out << text;
}

std::filesystem::path system_font(const std::string& file_name) {
    for (const char* dir : {"/usr/share/fonts/truetype", "/usr/share/fonts/opentype"}) {
        std::error_code ec;
        for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
             it != std::filesystem::recursive_directory_iterator(); ++it) {
            if (it->path().filename() == file_name) return it->path();
        }
    }
    ADD_FAILURE() << "font " << file_name << " not installed (run scripts/setup)";
    return {};
}

}  // namespace preflight::testing
