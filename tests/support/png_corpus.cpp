// Writing the encoder corpus of png_corpus.hpp: libvips in process, the others as commands.
#include "support/png_corpus.hpp"

#include <vips/vips.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sys/wait.h>

namespace preflight::testing {

namespace fs = std::filesystem;

std::vector<std::uint8_t> read_file_bytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

namespace {

struct CommandResult {
    int exit_code = -1;
    std::string out;
};

// Runs a shell command, collecting its output (no GoogleTest here: the benchmark uses it too).
CommandResult run_command(const std::string& command) {
    CommandResult result;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return result;
    char buffer[4096];
    std::size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, got);
    const int status = ::pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

void write_text(const fs::path& file, const std::string& text) { std::ofstream(file) << text; }

// A mask that puts clear, graded and opaque alpha over the page.
VipsImage* with_alpha(VipsImage* rgb) {
    VipsImage *ramp = nullptr, *scaled = nullptr, *cast = nullptr, *joined = nullptr;
    if (vips_xyz(&ramp, rgb->Xsize, rgb->Ysize, nullptr) == 0 &&
        vips_linear1(ramp, &scaled, 1.0, 0.0, nullptr) == 0) {
        VipsImage* x = nullptr;
        if (vips_extract_band(scaled, &x, 0, nullptr) == 0) {
            VipsImage* wrapped = nullptr;
            if (vips_remainder_const1(x, &wrapped, 384, nullptr) == 0) {
                VipsImage* clipped = nullptr;
                if (vips_linear1(wrapped, &clipped, 1.0, -64.0, nullptr) == 0) {
                    vips_cast(clipped, &cast, VIPS_FORMAT_UCHAR, nullptr);   // clips to 0..255
                    g_object_unref(clipped);
                }
                g_object_unref(wrapped);
            }
            g_object_unref(x);
        }
    }
    if (cast) vips_bandjoin2(rgb, cast, &joined, nullptr);
    for (VipsImage* image : {ramp, scaled, cast})
        if (image) g_object_unref(image);
    return joined;
}

CorpusPng vips_png(VipsImage* image, const std::string& setting, int compression, VipsForeignPngFilter filter,
                   bool palette = false, int bitdepth = 8) {
    CorpusPng png{"libvips", setting, {}, {}};
    void* buffer = nullptr;
    std::size_t length = 0;
    if (vips_pngsave_buffer(image, &buffer, &length, "compression", compression, "filter", filter, "palette",
                            palette, "bitdepth", bitdepth, nullptr) != 0) {
        png.error = vips_error_buffer();
        vips_error_clear();
        return png;
    }
    png.bytes.assign(static_cast<std::uint8_t*>(buffer), static_cast<std::uint8_t*>(buffer) + length);
    g_free(buffer);
    return png;
}

VipsImage* vips_of(const core::Raster& page) {
    VipsImage* rgb = vips_image_new_from_memory_copy(page.pixels.data(), page.pixels.size(), page.width, page.height,
                                                     3, VIPS_FORMAT_UCHAR);
    rgb->Type = VIPS_INTERPRETATION_sRGB;
    return rgb;
}

CorpusPng vips_png_of(const core::Raster& page) {
    VipsImage* rgb = vips_of(page);
    auto png = vips_png(rgb, "plain", 1, VIPS_FOREIGN_PNG_FILTER_NONE);
    g_object_unref(rgb);
    return png;
}

void add_libvips(const core::Raster& page, std::vector<CorpusPng>& corpus) {
    VipsImage* rgb = vips_of(page);
    const std::pair<const char*, VipsForeignPngFilter> filters[] = {
        {"none", VIPS_FOREIGN_PNG_FILTER_NONE}, {"sub", VIPS_FOREIGN_PNG_FILTER_SUB},
        {"up", VIPS_FOREIGN_PNG_FILTER_UP}, {"avg", VIPS_FOREIGN_PNG_FILTER_AVG},
        {"paeth", VIPS_FOREIGN_PNG_FILTER_PAETH}, {"all", VIPS_FOREIGN_PNG_FILTER_ALL}};
    for (auto [name, filter] : filters) corpus.push_back(vips_png(rgb, std::string("filter=") + name + " z=6", 6, filter));
    corpus.push_back(vips_png(rgb, "filter=none z=1", 1, VIPS_FOREIGN_PNG_FILTER_NONE));
    corpus.push_back(vips_png(rgb, "filter=all z=9", 9, VIPS_FOREIGN_PNG_FILTER_ALL));
    corpus.push_back(vips_png(rgb, "palette", 6, VIPS_FOREIGN_PNG_FILTER_NONE, true));
    VipsImage* wide = nullptr;   // 16 bits per sample (libvips 8.14 saves 8-bit pixels as 16 only after a cast)
    if (vips_cast(rgb, &wide, VIPS_FORMAT_USHORT, "shift", TRUE, nullptr) == 0) {
        wide->Type = VIPS_INTERPRETATION_RGB16;
        corpus.push_back(vips_png(wide, "rgb16", 6, VIPS_FOREIGN_PNG_FILTER_ALL, false, 16));
        g_object_unref(wide);
    }
    if (VipsImage* rgba = with_alpha(rgb)) {
        corpus.push_back(vips_png(rgba, "rgba filter=all", 6, VIPS_FOREIGN_PNG_FILTER_ALL));
        g_object_unref(rgba);
    }
    VipsImage* grey = nullptr;
    if (vips_colourspace(rgb, &grey, VIPS_INTERPRETATION_B_W, nullptr) == 0) {
        corpus.push_back(vips_png(grey, "grey filter=all", 6, VIPS_FOREIGN_PNG_FILTER_ALL));
        g_object_unref(grey);
    }
    g_object_unref(rgb);
}

CorpusPng command_png(const std::string& encoder, const std::string& setting, const std::string& command,
                      const fs::path& output) {
    CorpusPng png{encoder, setting, {}, {}};
    fs::remove(output);
    auto result = run_command(command + " 2>&1");
    png.bytes = read_file_bytes(output);
    if (result.exit_code != 0 || png.bytes.empty()) png.error = "`" + command + "` failed: " + result.out;
    return png;
}

void add_imagemagick(const fs::path& ppm, const fs::path& dir, std::vector<CorpusPng>& corpus) {
    const fs::path out = dir / "imagemagick.png";
    auto run = [&](const std::string& setting, const std::string& options, const std::string& prefix = "") {
        corpus.push_back(command_png("imagemagick", setting,
                                     "convert '" + ppm.string() + "' " + options + " '" + prefix + out.string() + "'",
                                     out));
    };
    for (int filter = 0; filter <= 5; ++filter)
        run("filter=" + std::to_string(filter), "-define png:compression-filter=" + std::to_string(filter));
    run("default", "");
    run("z=9", "-quality 95");
    run("palette", "-colors 200", "PNG8:");
    run("rgb16", "-depth 16", "PNG48:");
    run("grey", "-colorspace Gray");
    run("rgba", "-alpha set -channel A -fx 'i%256/255' +channel", "PNG32:");
}

void add_pillow(const fs::path& ppm, const fs::path& dir, std::vector<CorpusPng>& corpus) {
    const fs::path out = dir / "pillow.png";
    auto run = [&](const std::string& setting, const std::string& python) {
        const std::string script = "from PIL import Image; im = Image.open('" + ppm.string() + "'); " + python;
        corpus.push_back(command_png("pillow", setting, "/usr/bin/python3 -c \"" + script + "\"", out));
    };
    const std::string save = ".save('" + out.string() + "'";
    run("default", "im" + save + ")");
    run("z=1", "im" + save + ", compress_level=1)");
    run("optimize", "im" + save + ", optimize=True)");
    run("palette", "im.quantize(256)" + save + ")");
    run("grey", "im.convert('L')" + save + ")");
    run("rgba", "a = Image.linear_gradient('L').resize(im.size); im.putalpha(a); im" + save + ")");
    run("grey_alpha", "g = im.convert('L'); g.putalpha(Image.linear_gradient('L').resize(im.size)); g" + save + ")");
}

void add_chromium(const core::Raster& page, const fs::path& png_page, const fs::path& dir,
                  std::vector<CorpusPng>& corpus) {
    const fs::path html = dir / "page.html";
    write_text(html, "<html><body style='margin:0;background:#fff'><img style='display:block' src='" +
                         png_page.filename().string() + "'></body></html>");
    const fs::path out = dir / "chromium.png";
    corpus.push_back(command_png(
        "chromium", "screenshot",
        "chromium --headless --no-sandbox --disable-gpu --disable-background-networking --hide-scrollbars"
        " --force-device-scale-factor=1 --window-size=" + std::to_string(page.width) + "," +
            std::to_string(page.height) + " --screenshot='" + out.string() + "' 'file://" + html.string() + "'",
        out));
}

}  // namespace

core::Raster card_page(int width, int height) {
    core::ensure_vips();
    core::Raster page;
    page.width = width;
    page.height = height;
    page.pixels.assign(std::size_t(width) * std::size_t(height) * 3, 255);   // paper white
    // A real photograph in a frame over the left 60 %, as a greeting card shows one.
    const int frame_width = std::max(1, width * 6 / 10), frame_height = std::max(1, height * 8 / 10);
    VipsImage* photo = nullptr;
    const std::string photo_file = "/usr/share/backgrounds/mate/nature/LadyBird.jpg";
    if (vips_thumbnail(photo_file.c_str(), &photo, frame_width, "height", frame_height, "crop",
                       VIPS_INTERESTING_CENTRE, "size", VIPS_SIZE_FORCE, nullptr) == 0) {
        VipsImage* rgb = nullptr;
        if (vips_colourspace(photo, &rgb, VIPS_INTERPRETATION_sRGB, nullptr) == 0) {
            std::size_t bytes = 0;
            auto* pixels = static_cast<std::uint8_t*>(vips_image_write_to_memory(rgb, &bytes));
            const int bands = rgb->Bands;
            for (int y = 0; pixels && y < std::min(frame_height, rgb->Ysize); ++y)
                for (int x = 0; x < std::min(frame_width, rgb->Xsize); ++x)
                    for (int c = 0; c < 3; ++c)
                        page.pixels[(std::size_t(y + height / 10) * std::size_t(width) + std::size_t(x + width / 20)) * 3 +
                                    std::size_t(c)] = pixels[(std::size_t(y) * std::size_t(rgb->Xsize) + std::size_t(x)) *
                                                             std::size_t(bands) + std::size_t(std::min(c, bands - 1))];
            g_free(pixels);
            g_object_unref(rgb);
        }
        g_object_unref(photo);
    }
    vips_error_clear();
    // Lines of dark "text" and a coloured band on the right: flat runs and hard edges.
    for (int y = height / 8; y < height * 7 / 8; ++y)
        for (int x = width * 7 / 10; x < width * 19 / 20; ++x) {
            std::uint8_t* p = page.pixels.data() + (std::size_t(y) * std::size_t(width) + std::size_t(x)) * 3;
            if ((y / 6) % 4 == 0 && (x / 5) % 7 != 0) p[0] = p[1] = p[2] = 30;
            else if (y > height * 3 / 4) p[0] = 200, p[1] = 40, p[2] = 90;
        }
    return page;
}

std::vector<CorpusPng> encoder_corpus(const core::Raster& page, const fs::path& work_dir, bool with_chromium) {
    core::ensure_vips();
    fs::create_directories(work_dir);
    std::vector<CorpusPng> corpus;
    add_libvips(page, corpus);
    const fs::path ppm = work_dir / "page.ppm";
    {
        std::ofstream out(ppm, std::ios::binary);
        out << "P6\n" << page.width << ' ' << page.height << "\n255\n";
        out.write(reinterpret_cast<const char*>(page.pixels.data()), std::streamsize(page.pixels.size()));
    }
    add_imagemagick(ppm, work_dir, corpus);
    add_pillow(ppm, work_dir, corpus);
    if (with_chromium) {
        const fs::path png_page = work_dir / "page.png";
        const auto plain = vips_png_of(page);
        std::ofstream(png_page, std::ios::binary)
            .write(reinterpret_cast<const char*>(plain.bytes.data()), std::streamsize(plain.bytes.size()));
        add_chromium(page, png_page, work_dir, corpus);
    }
    return corpus;
}

}  // namespace preflight::testing
