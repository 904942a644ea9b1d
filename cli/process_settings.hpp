// The CLI's own process: settings a library must not change in its host, chosen here once.
#pragma once

namespace preflight::cli {

/// Tunes this process for checking many orders, one per thread: OpenCV and libvips each on
/// one thread (parallelism comes from --jobs), no libvips operation cache (every file is
/// decoded once), libvips warnings off stderr (they reach the findings through the error
/// buffer), and libvips' untrusted loaders blocked (defence in depth: the library only
/// calls the PNG, JPEG, TIFF and WebP buffer loaders anyway). Call once, before any work.
void tune_process_for_batch_checking();

}  // namespace preflight::cli
