// Streaming an order export: JSON Lines, or one JSON array of order objects, record by record
// with flat memory (an array is cut into its top-level elements as it is read). No record is
// dropped: a first line that is a whole array followed by more lines makes the export JSON
// Lines, and whatever follows a closed multi-line array gets one error record per line.
#include <cctype>

#include "preflight/formats.hpp"

namespace preflight {

namespace {
constexpr std::size_t max_record_bytes = 64u * 1024 * 1024;

bool is_blank(int c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Where a JSON text that starts with '[' closes its outer array: the offset just past the
// matching ']', or npos when `text` ends first.
std::size_t array_end(const std::string& text) {
    int depth = 0;
    bool in_string = false, escaped = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            ++depth;
        } else if ((c == ']' || c == '}') && --depth == 0) {
            return i + 1;
        }
    }
    return std::string::npos;
}
}  // namespace

struct ExportReader::Impl {
    std::istream& in;
    enum class Mode { unknown, lines, array, after_array, done } mode = Mode::unknown;
    long line = 0;            // JSON Lines: current line; array: element index (and past it)
    long physical_line = 1;   // array: the line of the export being read
    std::string pending;      // bytes read ahead (the first line) that come before the stream
    std::size_t pending_at = 0;
    explicit Impl(std::istream& stream) : in(stream) {}

    int peek() {
        if (pending_at < pending.size()) return static_cast<unsigned char>(pending[pending_at]);
        return in.rdbuf()->sgetc();
    }
    int get() {
        int c;
        if (pending_at < pending.size()) {
            c = static_cast<unsigned char>(pending[pending_at++]);
            if (pending_at == pending.size()) {
                pending.clear();
                pending_at = 0;
            }
        } else {
            c = in.rdbuf()->sbumpc();
        }
        if (c == '\n') ++physical_line;
        return c;
    }

    int peek_significant() {
        for (int c = peek();; c = peek()) {
            if (!is_blank(c)) return c;
            get();
        }
    }

    void detect_mode() {
        // Skip a UTF-8 byte order mark.
        if (peek() == 0xEF) {
            get();
            if (peek() == 0xBB) get();
            if (peek() == 0xBF) get();
        }
        // Leading blank lines belong to the line count of a JSON Lines file.
        for (;;) {
            int c = peek();
            if (c == '\n') { ++line; get(); continue; }
            if (c == ' ' || c == '\t' || c == '\r') { get(); continue; }
            if (c == '[') decide_array_or_lines();
            else mode = Mode::lines;
            return;
        }
    }

    // The export starts with '['. A JSON array, unless its first line is a whole array and more
    // lines follow: then it is JSON Lines whose first line happens to be an array.
    void decide_array_or_lines() {
        std::string first;
        int c = get();
        for (; c != EOF && c != '\n' && first.size() < max_record_bytes; c = get()) first.push_back(char(c));
        if (c != EOF && c != '\n') first.push_back(char(c));   // 64 MB and still going: an array
        const std::string newline = c == '\n' ? "\n" : "";
        const long first_line = line + 1;
        std::size_t end = array_end(first);
        bool whole_line = !newline.empty() && end != std::string::npos &&
                          first.find_first_not_of(" \t\r", end) == std::string::npos;
        std::string after;   // blank lines after the first one
        if (whole_line) {
            for (int next = peek(); is_blank(next); next = peek()) after.push_back(char(get()));
        }
        if (whole_line && peek() != EOF) {
            mode = Mode::lines;
            pending = first + newline + after;
            line = first_line - 1;
            physical_line = 1;
            return;
        }
        mode = Mode::array;
        pending = first.substr(1) + newline + after;   // past the '['
        physical_line = first_line;
        line = 0;
    }

    std::optional<ExportRecord> next_line() {
        for (;;) {
            if (peek() == EOF) return std::nullopt;
            ++line;
            ExportRecord record;
            record.line = line;
            bool too_long = false;
            for (int c = get(); c != EOF && c != '\n'; c = get()) {
                if (record.text.size() < max_record_bytes) record.text.push_back(char(c));
                else too_long = true;
            }
            if (!record.text.empty() && record.text.back() == '\r') record.text.pop_back();
            bool blank = record.text.find_first_not_of(" \t") == std::string::npos;
            if (blank && !too_long) continue;   // blank lines are not orders
            if (too_long) {
                record.text.clear();
                record.error = "line " + std::to_string(line) + " is longer than 64 MB";
                record.error_code = "line_too_long";
            }
            return record;
        }
    }

    // After the closing ']' of a multi-line array: each further non-blank line is its own error.
    std::optional<ExportRecord> next_after_array() {
        for (;;) {
            if (peek() == EOF) return std::nullopt;
            long at = physical_line;
            bool blank = true;
            for (int c = get(); c != EOF && c != '\n'; c = get()) blank = blank && is_blank(c);
            if (blank) continue;
            ++line;
            return ExportRecord{line, {},
                                "line " + std::to_string(at) +
                                    " of the export follows the end of its JSON array: an export is one JSON array or "
                                    "JSON Lines, not both",
                                "after_array", at};
        }
    }

    std::optional<ExportRecord> next_array_element() {
        int c = peek_significant();
        if (c == ',') {
            get();
            c = peek_significant();
        }
        if (c == ']' || c == EOF) {
            if (c == EOF && line == 0) {
                // "[" and nothing else: a broken export, reported once.
                mode = Mode::done;
                return ExportRecord{1, {}, "the export starts a JSON array but ends before its first order",
                                    "array_without_orders", 0};
            }
            if (c == ']') {
                get();
                mode = Mode::after_array;
                // The rest of the closing line may hold more: that is its own error too.
                return next_after_array();
            }
            mode = Mode::done;
            return std::nullopt;
        }
        ++line;
        ExportRecord record;
        record.line = line;
        int depth = 0;
        bool in_string = false, escaped = false, too_long = false;
        for (;;) {
            c = peek();
            if (c == EOF) break;
            if (!in_string && depth == 0 && (c == ',' || c == ']')) break;
            get();
            if (record.text.size() < max_record_bytes) record.text.push_back(char(c));
            else too_long = true;
            if (in_string) {
                if (escaped) escaped = false;
                else if (c == '\\') escaped = true;
                else if (c == '"') in_string = false;
            } else if (c == '"') {
                in_string = true;
            } else if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                --depth;
            }
        }
        while (!record.text.empty() && std::isspace(static_cast<unsigned char>(record.text.back()))) record.text.pop_back();
        if (too_long) {
            record.text.clear();
            record.error = "order " + std::to_string(line) + " of the array is longer than 64 MB";
            record.error_code = "line_too_long";
        } else if (c == EOF && (depth != 0 || in_string)) {
            record.error = "order " + std::to_string(line) + " of the array is cut off at the end of the export";
            record.error_code = "array_cut_off";
            record.text.clear();
            mode = Mode::done;
        }
        return record;
    }
};

ExportReader::ExportReader(std::istream& in) : impl_(std::make_unique<Impl>(in)) {}
ExportReader::~ExportReader() = default;

std::optional<ExportRecord> ExportReader::next() {
    if (impl_->mode == Impl::Mode::unknown) impl_->detect_mode();
    switch (impl_->mode) {
        case Impl::Mode::lines: return impl_->next_line();
        case Impl::Mode::array: return impl_->next_array_element();
        case Impl::Mode::after_array: return impl_->next_after_array();
        default: return std::nullopt;
    }
}

}  // namespace preflight
