// Inside lib/input: pixels a caller rendered (RenderedPixels) into the shared page raster.
#pragma once

#include <string>

#include "core/raster.hpp"
#include "preflight/assets.hpp"

namespace preflight::input {

/// Copies RGB8 or RGBA8 rows (alpha laid on paper white) into a packed RGB raster; false
/// with `error` when the description does not fit the bytes.
bool raster_from_rendered(const RenderedPixels& pixels, core::Raster& raster, std::string& error);

}  // namespace preflight::input
