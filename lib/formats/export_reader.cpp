// Streaming an order export: JSON Lines, or one JSON array of order objects, record by record
// with flat memory (an array is cut into its top-level elements as it is read).
#include <cctype>

#include "preflight/formats.hpp"

namespace preflight {

namespace {
constexpr std::size_t max_record_bytes = 64u * 1024 * 1024;
}

struct ExportReader::Impl {
    std::istream& in;
    enum class Mode { unknown, lines, array, done } mode = Mode::unknown;
    long line = 0;      // JSON Lines: current line; array: element index
    explicit Impl(std::istream& stream) : in(stream) {}

    int peek_significant() {
        for (;;) {
            int c = in.rdbuf()->sgetc();
            if (c == EOF) return EOF;
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                in.rdbuf()->sbumpc();
                continue;
            }
            return c;
        }
    }

    void detect_mode() {
        // Skip a UTF-8 byte order mark.
        auto* buf = in.rdbuf();
        if (buf->sgetc() == 0xEF) {
            buf->sbumpc();
            if (buf->sgetc() == 0xBB) buf->sbumpc();
            if (buf->sgetc() == 0xBF) buf->sbumpc();
        }
        // Leading blank lines belong to the line count of a JSON Lines file.
        for (;;) {
            int c = buf->sgetc();
            if (c == '\n') { ++line; buf->sbumpc(); continue; }
            if (c == ' ' || c == '\t' || c == '\r') { buf->sbumpc(); continue; }
            if (c == '[') {
                buf->sbumpc();
                mode = Mode::array;
                line = 0;
            } else {
                mode = Mode::lines;
            }
            return;
        }
    }

    std::optional<ExportRecord> next_line() {
        auto* buf = in.rdbuf();
        for (;;) {
            if (buf->sgetc() == EOF) return std::nullopt;
            ++line;
            ExportRecord record;
            record.line = line;
            bool too_long = false;
            for (int c = buf->sbumpc(); c != EOF && c != '\n'; c = buf->sbumpc()) {
                if (record.text.size() < max_record_bytes) record.text.push_back(char(c));
                else too_long = true;
            }
            if (!record.text.empty() && record.text.back() == '\r') record.text.pop_back();
            bool blank = record.text.find_first_not_of(" \t") == std::string::npos;
            if (blank && !too_long) continue;   // blank lines are not orders
            if (too_long) {
                record.text.clear();
                record.error = "line " + std::to_string(line) + " is longer than 64 MB";
            }
            return record;
        }
    }

    std::optional<ExportRecord> next_array_element() {
        auto* buf = in.rdbuf();
        int c = peek_significant();
        if (c == ',') {
            buf->sbumpc();
            c = peek_significant();
        }
        if (c == ']' || c == EOF) {
            if (c == EOF && line == 0) {
                // "[" and nothing else: a broken export, reported once.
                mode = Mode::done;
                return ExportRecord{1, {}, "the export starts a JSON array but ends before its first order"};
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
            c = buf->sgetc();
            if (c == EOF) break;
            if (!in_string && depth == 0 && (c == ',' || c == ']')) break;
            buf->sbumpc();
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
        } else if (c == EOF && (depth != 0 || in_string)) {
            record.error = "order " + std::to_string(line) + " of the array is cut off at the end of the export";
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
        default: return std::nullopt;
    }
}

}  // namespace preflight
