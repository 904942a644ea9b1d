// JSON parsing that refuses a key written twice in one object and can leave unneeded
// top-level values unstored: a SAX handler that builds the document itself (see json_fields.hpp).
#include "formats/json_fields.hpp"

namespace preflight::formats {

namespace {

class UniqueKeyBuilder {
public:
    explicit UniqueKeyBuilder(const std::set<std::string, std::less<>>* top_level_keys) : keep_(top_level_keys) {}

    bool null() { return add(Json(nullptr)) || true; }
    bool boolean(bool value) { return add(Json(value)) || true; }
    bool number_integer(Json::number_integer_t value) { return add(Json(value)) || true; }
    bool number_unsigned(Json::number_unsigned_t value) { return add(Json(value)) || true; }
    bool number_float(Json::number_float_t value, const Json::string_t&) { return add(Json(value)) || true; }
    bool string(Json::string_t& value) {
        if (dropping()) return next_element();
        return add(Json(value)) || true;
    }
    bool binary(Json::binary_t&) { return add(Json(nullptr)) || true; }
    bool start_object(std::size_t) { return open(Json::object(), false); }
    bool start_array(std::size_t) { return open(Json::array(), true); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(Json::string_t& key) {
        Frame& frame = frames_.back();
        if (!frame.keys.insert(key).second && duplicate_.empty()) duplicate_ = path_to(key);
        frame.last_key = key;
        frame.drop_value = frame.node == nullptr || (frames_.size() == 1 && keep_ && keep_->find(key) == keep_->end());
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
        error_ = readable_parse_error(e.what());
        return false;
    }

    Json& root() { return root_; }
    const std::string& duplicate() const { return duplicate_; }
    const std::string& error() const { return error_; }

private:
    struct Frame {
        Json* node;                      // nullptr: a value read past, not stored
        bool array;
        std::set<std::string, std::less<>> keys;
        std::string last_key;
        std::size_t index = 0;
        bool drop_value = false;
    };

    // Whether the value now being read is not stored.
    bool dropping() const { return !frames_.empty() && (frames_.back().node == nullptr || (!frames_.back().array && frames_.back().drop_value)); }
    bool next_element() {
        if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
        return true;
    }
    // Stores a value where it belongs; the stored value, or nullptr when read past.
    Json* add(Json&& value, bool container = false) {
        if (frames_.empty()) {
            root_ = std::move(value);
            return &root_;
        }
        const bool drop = dropping();
        Frame& parent = frames_.back();
        Json* stored = nullptr;
        if (!drop && parent.array) {
            parent.node->push_back(std::move(value));
            stored = &parent.node->back();
        } else if (!drop) {
            stored = &((*parent.node)[parent.last_key] = std::move(value));
        }
        if (!container) next_element();   // a container counts when it closes (path_to inside it)
        return stored;
    }
    bool open(Json&& container, bool array) {
        Json* node = add(std::move(container), true);
        frames_.push_back(Frame{node, array, {}, {}, 0, false});
        return true;
    }
    bool close() {
        frames_.pop_back();
        return next_element();
    }
    std::string path_to(const std::string& key) const {
        std::string path;
        for (std::size_t i = 0; i + 1 < frames_.size(); ++i) {
            if (frames_[i].array) path += "[" + std::to_string(frames_[i].index) + "]";
            else path += (path.empty() ? "" : ".") + frames_[i].last_key;
        }
        return path + (path.empty() ? "" : ".") + key;
    }

    const std::set<std::string, std::less<>>* keep_;
    std::vector<Frame> frames_;
    Json root_;
    std::string duplicate_, error_;
};

// --- Reading past long dropped strings without nlohmann's lexer -------------------------
// The lexer gathers every string token in a buffer of its own, even one the builder drops:
// a 60 MB note would cost 60 MB more per worker (and stay in its malloc arena). A text this
// long has its dropped top-level strings checked here and replaced by "" before parsing.
constexpr std::size_t reduce_above_bytes = 1u << 20;
constexpr std::size_t long_string_bytes = 4096;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// One valid JSON string token from text[at] == '"'; the offset past its closing quote, or npos.
std::size_t scan_string(std::string_view text, std::size_t at) {
    auto hex4 = [&](std::size_t i, unsigned& value) {
        if (i + 4 > text.size()) return false;
        value = 0;
        for (std::size_t k = i; k < i + 4; ++k) {
            char c = text[k];
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0) return false;
            value = value * 16 + unsigned(digit);
        }
        return true;
    };
    for (std::size_t i = at + 1; i < text.size();) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c == '"') return i + 1;
        if (c < 0x20) return std::string_view::npos;
        if (c == '\\') {
            if (i + 1 >= text.size()) return std::string_view::npos;
            char e = text[i + 1];
            if (e != 'u') {
                if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) return std::string_view::npos;
                i += 2;
                continue;
            }
            unsigned unit = 0, low = 0;
            if (!hex4(i + 2, unit)) return std::string_view::npos;
            i += 6;
            if (unit >= 0xDC00 && unit <= 0xDFFF) return std::string_view::npos;
            if (unit >= 0xD800 && unit <= 0xDBFF) {   // a high surrogate needs its low one
                if (i + 6 > text.size() || text[i] != '\\' || text[i + 1] != 'u' || !hex4(i + 2, low) || low < 0xDC00 || low > 0xDFFF)
                    return std::string_view::npos;
                i += 6;
            }
            continue;
        }
        if (c < 0x80) {
            ++i;
            continue;
        }
        // UTF-8: the lead byte's length, continuation bytes, no overlong forms or surrogates.
        std::size_t length = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        if (length == 0 || i + length > text.size()) return std::string_view::npos;
        for (std::size_t k = 1; k < length; ++k)
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return std::string_view::npos;
        auto second = static_cast<unsigned char>(text[i + 1]);
        if ((c == 0xE0 && second < 0xA0) || (c == 0xED && second > 0x9F) || (c == 0xF0 && second < 0x90) ||
            (c == 0xF4 && second > 0x8F))
            return std::string_view::npos;
        i += length;
    }
    return std::string_view::npos;
}

// The past-the-end offset of any JSON value's text from `at` (not validated, strings aware).
std::size_t scan_value(std::string_view text, std::size_t at) {
    int depth = 0;
    bool in_string = false, escaped = false;
    for (std::size_t i = at; i < text.size(); ++i) {
        char c = text[i];
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
            if (!in_string && depth == 0) return i + 1;
            continue;
        }
        if (c == '"') in_string = true;
        else if (c == '{' || c == '[') ++depth;
        else if (c == '}' || c == ']') {
            if (depth == 0) return i;
            if (--depth == 0) return i + 1;
        } else if (depth == 0 && (c == ',' || is_space(c))) return i;
    }
    return text.size();
}

// The object's text with every long string value of a dropped top-level key replaced by "";
// empty when nothing was replaced or the text is not a plain object (then nlohmann reads it all).
std::string without_dropped_strings(std::string_view text, const std::set<std::string, std::less<>>& keep) {
    std::string reduced;
    bool replaced = false;
    std::size_t i = 0, copied = 0;
    auto skip_space = [&] { while (i < text.size() && is_space(text[i])) ++i; };
    skip_space();
    if (i >= text.size() || text[i] != '{') return {};
    ++i;
    for (;;) {
        skip_space();
        if (i >= text.size() || text[i] != '"') return {};
        std::size_t key_end = scan_string(text, i);
        if (key_end == std::string_view::npos) return {};
        std::string_view key = text.substr(i + 1, key_end - i - 2);
        const bool plain_key = key.find('\\') == std::string_view::npos;   // escaped keys are always kept
        i = key_end;
        skip_space();
        if (i >= text.size() || text[i] != ':') return {};
        ++i;
        skip_space();
        std::size_t value_end = i < text.size() && text[i] == '"' ? scan_string(text, i) : scan_value(text, i);
        if (value_end == std::string_view::npos) return {};
        if (text[i] == '"' && value_end - i > long_string_bytes && plain_key && keep.find(key) == keep.end()) {
            reduced.append(text.substr(copied, i - copied)).append("\"\"");
            copied = value_end;
            replaced = true;
        }
        i = value_end;
        skip_space();
        if (i < text.size() && text[i] == ',') {
            ++i;
            continue;
        }
        if (i < text.size() && text[i] == '}') break;
        return {};
    }
    if (!replaced) return {};
    reduced.append(text.substr(copied));
    return reduced;
}

}  // namespace

std::optional<Json> parse_json_unique_keys(std::string_view text, std::string& error, std::string& duplicate_path,
                                           const std::set<std::string, std::less<>>* top_level_keys) {
    duplicate_path.clear();
    if (!depth_within_limit(text)) {
        error = "nested deeper than " + std::to_string(max_json_depth) + " levels";
        return std::nullopt;
    }
    std::string reduced;
    if (top_level_keys && text.size() > reduce_above_bytes) reduced = without_dropped_strings(text, *top_level_keys);
    if (!reduced.empty()) text = reduced;
    UniqueKeyBuilder builder(top_level_keys);
    bool ok = false;
    try {
        ok = Json::sax_parse(text.begin(), text.end(), &builder);
    } catch (const Json::exception& e) {
        error = readable_parse_error(e.what());
        return std::nullopt;
    }
    if (!ok) {
        error = builder.error().empty() ? std::string("not valid JSON") : builder.error();
        return std::nullopt;
    }
    if (!builder.duplicate().empty()) {
        duplicate_path = builder.duplicate();
        error = "key '" + duplicate_path + "' appears twice in one object (which value is meant?)";
        return std::nullopt;
    }
    return std::move(builder.root());
}

}  // namespace preflight::formats
