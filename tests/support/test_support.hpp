// Helpers shared by the tests: temporary folders, writing rasters with libvips, fonts.
#pragma once

#include <filesystem>
#include <string>
#include <sys/types.h>
#include <vector>

#include "core/raster.hpp"

namespace preflight::testing {

/// A fresh folder under the system temp dir, removed at the end of the test.
class TempDir {
public:
    TempDir();
    ~TempDir();
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
private:
    std::filesystem::path path_;
};

/// Writes an 8-bit sRGB raster to a file; the format follows the extension (.png, .jpg, .tif, .webp).
void write_raster(const core::Raster& raster, const std::filesystem::path& file);

/// A raster of w x h filled with one colour.
core::Raster solid_raster(int width, int height, unsigned char r, unsigned char g, unsigned char b);

/// Fills a pixel rectangle of a raster with one colour (clipped).
void fill_rect(core::Raster& raster, core::PixelRect rect, unsigned char r, unsigned char g, unsigned char b);

/// What a shell command printed on stdout and how it exited (-1: killed or not run).
struct CommandResult {
    int exit_code = -1;
    std::string out;
};

/// Runs `command` with /bin/sh exactly as given (callers add their own redirections).
CommandResult run_command(const std::string& command);

/// Exit code, stdout and stderr (apart) of a shell command.
struct ShellOutcome {
    int exit_code = -1;
    std::string out, err;
};

/// Runs `command` with /bin/sh, its stderr captured apart (the command must not redirect 2).
ShellOutcome run_shell(const std::string& command);

/// Starts argv[0] with its arguments, no shell, stderr to /dev/null; the child's pid.
pid_t spawn(const std::vector<std::string>& argv);

/// Waits for a spawned process: its exit code, 128 + the signal that ended it, or -1.
int wait_exit(pid_t pid);

/// spawn, then wait_exit.
int run_to_end(const std::vector<std::string>& argv);

/// A file's bytes ("" when it cannot be read).
std::string read_file(const std::filesystem::path& file);

/// How many lines ('\n') a file holds; 0 when it does not exist (yet).
long count_lines(const std::filesystem::path& file);

/// Peak-memory bounds in tests are for the plain build; under AddressSanitizer
/// (scripts/test-sanitizers) shadow memory and the free quarantine raise every peak.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr long sanitizer_memory_scale = 3;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr long sanitizer_memory_scale = 3;
#else
inline constexpr long sanitizer_memory_scale = 1;
#endif
#else
inline constexpr long sanitizer_memory_scale = 1;
#endif

/// Writes a text file.
void write_text(const std::filesystem::path& file, const std::string& text);

/// A font shipped by a Debian package installed by scripts/setup (e.g. "DejaVuSans.ttf",
/// "DancingScript-Regular.otf"); fails the test if absent.
std::filesystem::path system_font(const std::string& file_name);

}  // namespace preflight::testing
