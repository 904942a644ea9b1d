// The input family: problems with the files and documents themselves. The pipeline reports
// these (no run function); they are registered so they can be listed and configured.
#include "core/check.hpp"

namespace preflight::core {

void register_input_checks(Registry& registry) {
    // An input problem means the order itself cannot be checked: verdict `error`, in every kind
    // of check.
    auto add = [&](CheckSpec spec) {
        spec.reports_input = true;
        spec.counts_in_production = true;
        registry.add(std::move(spec));
    };
    auto with_settings = [](CheckSpec spec, SettingsFn settings) {
        spec.settings = std::move(settings);
        return spec;
    };
    add({"input.missing_file", "a raster, mask, font or design that is not there", Scope::design, {}, nullptr});
    add(with_settings({"input.unreadable",
                  "a file that is corrupt, truncated, not an image, or too large to be safe",
                  Scope::design,
                  {{"max_megapixels", 150.0, "largest raster decoded, in megapixels (decompression bombs)", 1, 2000},
                   {"max_file_mb", 200.0, "largest file opened, in megabytes", 1, 10000},
                   {"max_order_megapixels", 60.0,
                    "decoded pixels of one order (pages, masks, photo originals; each file once), in megapixels: "
                    "60 keeps a job under 300 MB", 1, 10000},
                   {"font_cache_mb", 96.0, "fonts kept between orders, in megabytes (least recently used dropped)", 1, 4096}},
                  nullptr},
                      [](const CheckOptions& options, OptionSettings& settings) {
                          settings.input.max_megapixels = options.number("max_megapixels");
                          settings.input.max_file_mb = options.number("max_file_mb");
                          settings.input.max_order_megapixels = options.number("max_order_megapixels");
                          settings.input.font_cache_mb = options.number("font_cache_mb");
                      }));
    add(with_settings({"input.raster_size", "raster pixel size does not match trim, bleed and dpi", Scope::design,
                       {{"tolerance_px", 1.0, "allowed difference in pixels on each axis, for the page raster and its foil mask alike", 0, 100}}, nullptr},
                      [](const CheckOptions& options, OptionSettings& settings) {
                          settings.input.raster_size_tolerance_px = options.number("tolerance_px");
                      }));
    add(with_settings({"input.time_limit", "an order that takes longer to check than allowed", Scope::design,
                       {{"max_order_seconds", 60.0, "time one order may take, in seconds (checked between pages and checks)", 1, 3600}},
                       nullptr},
                      [](const CheckOptions& options, OptionSettings& settings) {
                          settings.input.max_order_seconds = options.number("max_order_seconds");
                      }));
    add({"input.path_outside", "a path that escapes the export's root", Scope::design, {}, nullptr});
    add({"input.schema", "a required key missing or of the wrong type", Scope::design, {}, nullptr});
}

}  // namespace preflight::core
