// Shared pieces of the subcommands (see common.hpp).
#include "common.hpp"
#include "input_file.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string_view>
#include <unistd.h>

#include "preflight/formats.hpp"
#include "preflight/preflight.hpp"

namespace preflight::cli {

std::optional<Policy> load_policy(const std::string& file) {
    if (file.empty()) return Policy{};
    std::string text, error;
    if (!read_regular_file(file, text, error)) {   // regular files only: a FIFO never blocks the run
        std::cerr << "preflight: policy file: " << error << "\n";
        return std::nullopt;
    }
    auto parsed = parse_policy(text);
    if (!parsed.ok()) {
        for (const auto& problem : parsed.error().problems)
            std::cerr << "preflight: policy " << file << ": " << (problem.key_path.empty() ? "" : problem.key_path + ": ")
                      << problem.message << "\n";
        return std::nullopt;
    }
    auto errors = validate_policy(*parsed);
    if (!errors.empty()) {
        for (const auto& error : errors) std::cerr << "preflight: policy " << file << ": " << error.key_path << ": " << error.message << "\n";
        return std::nullopt;
    }
    return std::move(*parsed);
}

bool colour_enabled(int fd) {
    if (::isatty(fd) != 1) return false;
    const char* no_colour = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    return !(no_colour && *no_colour) && !(term && std::string_view(term) == "dumb");
}

}  // namespace preflight::cli
