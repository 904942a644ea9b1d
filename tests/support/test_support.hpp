// Helpers shared by the tests: temporary folders, writing rasters with libvips, fonts.
#pragma once

#include <filesystem>
#include <string>

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

/// Writes a text file.
void write_text(const std::filesystem::path& file, const std::string& text);

/// A font shipped by a Debian package installed by scripts/setup (e.g. "DejaVuSans.ttf",
/// "DancingScript-Regular.otf"); fails the test if absent.
std::filesystem::path system_font(const std::string& file_name);

}  // namespace preflight::testing
