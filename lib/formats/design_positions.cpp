// A position-tracking scan of a design document (see design_positions.hpp).
#include "formats/design_positions.hpp"

#include <vector>

namespace preflight::formats {

namespace {

struct Frame {
    bool object = false;
    std::string key;          // objects: the key whose value comes next
    long index = -1;          // arrays: the index of the current value
    TextPosition opened;      // where this object or array starts
    TextPosition key_at;      // where the current key starts
};

class Scanner {
public:
    explicit Scanner(std::string_view text) : text_(text) {}

    DesignPositions run() {
        while (at_ < text_.size()) {
            char c = text_[at_];
            if (c == '{' || c == '[') open(c == '{');
            else if (c == '}' || c == ']') close();
            else if (c == '"') string();
            else if (c == ',' || c == ':' || c == ' ' || c == '\t' || c == '\r' || c == '\n') advance();
            else scalar();
        }
        std::map<long, std::string> names = page_names_;
        for (const auto& [index, position] : page_objects_) {
            auto name = names.find(index);
            if (name == names.end()) continue;
            auto key = page_name_keys_.find(index);
            result_.pages[name->second] = key == page_name_keys_.end() ? position : key->second;
        }
        for (const auto& [where, id_and_position] : element_ids_) {
            auto name = names.find(where.first);
            if (name != names.end()) result_.elements[{name->second, id_and_position.first}] = id_and_position.second;
        }
        return result_;
    }

private:
    void advance() {
        unsigned char c = static_cast<unsigned char>(text_[at_++]);
        if (c == '\n') {
            ++position_.line;
            position_.column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++position_.column;
        }
    }

    // A value starts at the current position: count it in the enclosing array.
    void begin_value() {
        if (!stack_.empty() && !stack_.back().object) ++stack_.back().index;
    }

    // pages[i] (page) and pages[i].elements[j] (element) of the root object.
    bool is_page(std::size_t depth) const {
        return depth == 3 && stack_[0].object && stack_[0].key == "pages" && !stack_[1].object;
    }
    bool is_element(std::size_t depth) const {
        return depth == 5 && is_page(3) && stack_[2].key == "elements" && !stack_[3].object;
    }

    void open(bool object) {
        begin_value();
        stack_.push_back({object, {}, -1, position_, position_});
        if (object && is_page(stack_.size())) page_objects_[stack_[1].index] = position_;
        advance();
    }

    void close() {
        if (!stack_.empty()) stack_.pop_back();
        advance();
        if (!stack_.empty() && stack_.back().object) stack_.back().key.clear();
    }

    void string() {
        TextPosition start = position_;
        std::string value;
        advance();
        while (at_ < text_.size() && text_[at_] != '"') {
            if (text_[at_] == '\\' && at_ + 1 < text_.size()) {
                advance();
                value += text_[at_] == 'n' ? '\n' : text_[at_];   // enough for names and ids
            } else {
                value += text_[at_];
            }
            advance();
        }
        if (at_ < text_.size()) advance();
        if (!stack_.empty() && stack_.back().object && stack_.back().key.empty() && expecting_key()) {
            stack_.back().key = value;
            stack_.back().key_at = start;
            return;
        }
        begin_value();
        std::size_t depth = stack_.size();
        if (depth >= 3 && stack_.back().object && stack_.back().key == "name" && is_page(depth)) {
            page_names_[stack_[1].index] = value;
            page_name_keys_[stack_[1].index] = stack_.back().key_at;
        }
        if (depth >= 5 && stack_.back().object && stack_.back().key == "id" && is_element(depth))
            element_ids_[{stack_[1].index, stack_[3].index}] = {value, stack_.back().key_at};
        if (!stack_.empty() && stack_.back().object) stack_.back().key.clear();
    }

    // In an object a string is a key unless a ':' came after the last key.
    bool expecting_key() const {
        std::size_t i = at_;
        while (i < text_.size() && (text_[i] == ' ' || text_[i] == '\t' || text_[i] == '\r' || text_[i] == '\n')) ++i;
        return i < text_.size() && text_[i] == ':';
    }

    void scalar() {
        begin_value();
        while (at_ < text_.size() && std::string_view(",}] \t\r\n").find(text_[at_]) == std::string_view::npos) advance();
        if (!stack_.empty() && stack_.back().object) stack_.back().key.clear();
    }

    std::string_view text_;
    std::size_t at_ = 0;
    TextPosition position_;
    std::vector<Frame> stack_;
    std::map<long, TextPosition> page_objects_, page_name_keys_;
    std::map<long, std::string> page_names_;
    std::map<std::pair<long, long>, std::pair<std::string, TextPosition>> element_ids_;
    DesignPositions result_;
};

}  // namespace

TextPosition DesignPositions::find(const std::string& page, const std::string& element) const {
    if (!element.empty())
        if (auto it = elements.find({page, element}); it != elements.end()) return it->second;
    if (auto it = pages.find(page); it != pages.end()) return it->second;
    return {};
}

DesignPositions scan_design_positions(std::string_view json_text) { return Scanner(json_text).run(); }

}  // namespace preflight::formats
