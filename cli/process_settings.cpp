// Process-wide settings of the CLI (see process_settings.hpp).
#include "process_settings.hpp"

#include "preflight/libvips.hpp"

#include <opencv2/core.hpp>
#include <vips/vips.h>

namespace preflight::cli {

namespace {

// Run by the library right after it starts libvips, before any image is opened through it
// (which a run of plain PNG and JPEG pages may never do: then libvips' start-up is saved).
void tune_libvips() {
    vips_cache_set_max(0);
    vips_concurrency_set(1);
    // Loaders that shell out or read other files (ImageMagick, SVG, PDF, FITS, Matrix, CSV,
    // Analyze, ...) are marked untrusted by libvips; every other loader but ours is blocked too.
    vips_block_untrusted_set(TRUE);
    vips_operation_block_set("VipsForeignLoad", TRUE);
    for (const char* allowed : {"VipsForeignLoadPngBuffer", "VipsForeignLoadJpegBuffer", "VipsForeignLoadTiffBuffer",
                                "VipsForeignLoadWebpBuffer"})
        vips_operation_block_set(allowed, FALSE);
}

}  // namespace

void tune_process_for_batch_checking() {
    cv::setNumThreads(1);
    g_log_set_handler("VIPS", GLogLevelFlags(G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO),
                      [](const gchar*, GLogLevelFlags, const gchar*, gpointer) {}, nullptr);
    preflight::on_libvips_start(tune_libvips);
}

}  // namespace preflight::cli
