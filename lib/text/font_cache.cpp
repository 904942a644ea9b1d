// The font cache: each font file read and parsed once, shared by every thread and order.
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <mutex>
#include <system_error>

#include "text/font.hpp"

namespace preflight::text {

namespace {
// A font file larger than this is refused as unsafe (real fonts, even CJK, stay far below).
constexpr std::uintmax_t max_font_bytes = 64u * 1024 * 1024;

struct LoadResult {
    std::shared_ptr<const Font> font;
    std::string error_check;
    std::string error;
};

LoadResult load_font(const std::string& path) {
    namespace fs = std::filesystem;
    LoadResult result;
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        result.error_check = "input.missing_file";
        result.error = "font file '" + path + "' does not exist";
        return result;
    }
    if (!fs::is_regular_file(status)) {
        result.error_check = "input.unreadable";
        result.error = "font file '" + path + "' is not a regular file";
        return result;
    }
    const auto size = fs::file_size(path, ec);
    if (ec || size > max_font_bytes) {
        result.error_check = "input.unreadable";
        result.error = "font file '" + path + "' is too large to be a font";
        return result;
    }
    std::ifstream in(path, std::ios::binary);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    if (!in || !in.read(bytes.data(), std::streamsize(bytes.size()))) {
        result.error_check = "input.unreadable";
        result.error = "font file '" + path + "' cannot be read";
        return result;
    }
    std::string error;
    auto font = std::make_shared<Font>(path, std::move(bytes), error);
    if (!error.empty()) {
        result.error_check = "input.unreadable";
        result.error = "font file '" + path + "' is unusable: " + error;
        return result;
    }
    result.font = std::move(font);
    return result;
}
}  // namespace

struct FontCache::Impl {
    std::mutex mutex;
    // One shared future per file: the first caller loads, concurrent callers wait for it.
    std::map<std::string, std::shared_future<LoadResult>> entries;
};

FontCache::FontCache() : impl_(std::make_unique<Impl>()) {}
FontCache::~FontCache() = default;

std::shared_ptr<const Font> FontCache::get(const std::string& path, std::string& error_check,
                                           std::string& error) const {
    std::error_code ec;
    std::filesystem::path absolute = std::filesystem::absolute(path, ec);
    const std::string key = (ec ? std::filesystem::path(path) : absolute).lexically_normal().string();

    std::shared_future<LoadResult> future;
    std::promise<LoadResult> promise;
    bool loader = false;
    {
        std::lock_guard lock(impl_->mutex);
        auto it = impl_->entries.find(key);
        if (it != impl_->entries.end()) {
            future = it->second;
        } else {
            future = promise.get_future().share();
            impl_->entries.emplace(key, future);
            loader = true;
        }
    }
    if (loader) {
        LoadResult result = load_font(key);
        const bool failed = !result.font;
        promise.set_value(std::move(result));
        // Failures are not kept: the next design may bring the file (and the error is cheap).
        if (failed) {
            std::lock_guard lock(impl_->mutex);
            impl_->entries.erase(key);
        }
    }
    const LoadResult& result = future.get();
    error_check = result.error_check;
    error = result.error;
    return result.font;
}

bool font_has_glyph(const Font& font, char32_t codepoint) {
    hb_codepoint_t glyph = 0;
    return hb_font_get_nominal_glyph(font.hb(), codepoint, &glyph) && glyph != 0;
}

std::string font_family(const Font& font) {
    const std::string& style = font.style();
    if (style.empty() || style == "Regular" || style == "Book" || style == "Normal") return font.family();
    return font.family() + " " + style;
}

std::string font_family_name(const Font& font) { return font.family(); }
std::string font_style_name(const Font& font) { return font.style(); }
std::string font_path(const Font& font) { return font.path(); }
FontTraits font_traits(const Font& font) { return font.traits(); }

}  // namespace preflight::text
