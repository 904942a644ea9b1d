// The font cache: each font file read and parsed once, shared by every thread and order.
#include <filesystem>
#include <future>
#include <list>
#include <map>
#include <mutex>
#include <system_error>

#include "input/open_beneath.hpp"
#include "text/font.hpp"

namespace preflight::text {

namespace {
// A font file larger than this is refused as unsafe (real fonts, even CJK, stay far below).
constexpr std::uint64_t max_font_bytes = 64u * 1024 * 1024;

struct LoadResult {
    std::shared_ptr<const Font> font;
    std::string error_check;
    std::string error;
};

LoadResult parse_font(const std::string& shown_path, FontCache::FileBytes file) {
    LoadResult result;
    if (!file.error_check.empty()) {
        result.error_check = file.error_check;
        result.error = file.error;
        return result;
    }
    std::string error;
    auto font = std::make_shared<Font>(shown_path, std::move(file.bytes), error);
    if (!error.empty()) {
        result.error_check = "input.unreadable";
        result.error = "is unusable: " + error;
        return result;
    }
    result.font = std::move(font);
    return result;
}

struct Entry {
    std::shared_future<LoadResult> future;
    std::size_t bytes = 0;                          // 0 while loading
    std::list<std::string>::iterator recent;        // position in Impl::recency
};
}  // namespace

struct FontCache::Impl {
    std::mutex mutex;
    // One shared future per font: the first caller loads, concurrent callers wait for it.
    std::map<std::string, Entry> entries;
    std::list<std::string> recency;   // most recently used first
    Stats stats;

    // Drops the least recently used loaded fonts until the budget holds (caller holds mutex).
    void evict() {
        auto it = recency.end();
        while (stats.bytes > stats.max_bytes && it != recency.begin()) {
            --it;
            auto entry = entries.find(*it);
            if (entry == entries.end() || entry->second.bytes == 0) continue;   // still loading
            stats.bytes -= entry->second.bytes;
            --stats.fonts;
            ++stats.evictions;
            entries.erase(entry);
            it = recency.erase(it);
        }
    }
};

FontCache::FontCache(std::size_t max_bytes) : impl_(std::make_unique<Impl>()) { impl_->stats.max_bytes = max_bytes; }
FontCache::~FontCache() = default;

std::shared_ptr<const Font> FontCache::get(const std::string& identity, const std::string& shown_path,
                                           const std::function<FileBytes()>& read, std::string& error_check,
                                           std::string& error) const {
    std::shared_future<LoadResult> future;
    std::promise<LoadResult> promise;
    bool loader = false;
    {
        std::lock_guard lock(impl_->mutex);
        auto it = impl_->entries.find(identity);
        if (it != impl_->entries.end()) {
            future = it->second.future;
            impl_->recency.splice(impl_->recency.begin(), impl_->recency, it->second.recent);
        } else {
            future = promise.get_future().share();
            impl_->recency.push_front(identity);
            impl_->entries.emplace(identity, Entry{future, 0, impl_->recency.begin()});
            loader = true;
        }
    }
    if (loader) {
        LoadResult result = parse_font(shown_path, read());
        std::size_t bytes = result.font ? result.font->memory_bytes() : 0;
        promise.set_value(std::move(result));
        std::lock_guard lock(impl_->mutex);
        ++impl_->stats.loads;
        auto it = impl_->entries.find(identity);
        if (bytes == 0) {
            // Failures are not kept: the next design may bring the file (and the error is cheap).
            if (it != impl_->entries.end()) {
                impl_->recency.erase(it->second.recent);
                impl_->entries.erase(it);
            }
        } else if (it != impl_->entries.end()) {
            it->second.bytes = bytes;
            impl_->stats.bytes += bytes;
            ++impl_->stats.fonts;
            impl_->evict();
        }
    }
    const LoadResult& result = future.get();
    error_check = result.error_check;
    error = result.error;
    return result.font;
}

std::shared_ptr<const Font> FontCache::get(const std::string& path, std::string& error_check,
                                           std::string& error) const {
    std::error_code ec;
    std::filesystem::path absolute = std::filesystem::absolute(path, ec);
    const std::string key = (ec ? std::filesystem::path(path) : absolute).lexically_normal().string();
    input::FileRead file = input::read_regular_file(key, max_font_bytes);
    if (!file.ok()) {
        error_check = file.error_check;
        error = "font file '" + path + "' " + file.error;
        return nullptr;
    }
    auto bytes = file.bytes;
    auto font = get("file:" + file.identity, key,
                    [&] { return FileBytes{std::string(bytes->begin(), bytes->end()), {}, {}}; }, error_check, error);
    if (!font) error = "font file '" + path + "' " + error;
    return font;
}

FontCache::Stats FontCache::stats() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->stats;
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
