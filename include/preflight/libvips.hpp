// For a program that tunes libvips for its whole process (a library never does): preflight
// starts libvips lazily, the first time an image needs it, and runs the program's tuning then.
#pragma once

#include "preflight/export.hpp"

namespace preflight {

/// Registers `tune`, run once right after preflight starts libvips (vips_init) and before it
/// opens any image through it. preflight starts libvips only when a file needs it (a TIFF or
/// WebP, an ICC profile, EXIF rotation, a broken file; plain PNG and JPEG pages are decoded
/// without it), so a run that never needs it never pays libvips' start-up (its modules).
/// Call it before the first check; if libvips is already started, `tune` runs at once.
/// preflight itself changes no libvips setting.
PREFLIGHT_API void on_libvips_start(void (*tune)());

}  // namespace preflight
