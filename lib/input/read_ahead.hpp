// Reading the next order's files while the current one is checked (check_export, one job):
// each file is opened once, by the read-ahead, and the checker takes its bytes as read.
#pragma once

#include <cstdint>
#include <cstddef>

#include "input/asset_reader.hpp"
#include "preflight/model.hpp"

namespace preflight::input {

/// Reads beneath `folder` what checking `order` will read, in the checker's order: each card
/// item's design document, then per page its raster, foil mask and photo originals (never
/// fonts: the font cache keeps those across orders). Stops before the bytes held would pass
/// `budget` (a file larger than what is left is measured, not read: the checker reads it).
/// Refusals (missing, FIFO, link out of the root, too large) are kept as read, so the checker
/// reports them without opening the file again. Nothing for an order that is not checked.
ReadAheadFiles read_ahead(const RootFolder& folder, const Order& order, std::size_t budget,
                          std::uint64_t max_file_bytes);

}  // namespace preflight::input
