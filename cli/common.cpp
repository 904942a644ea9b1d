// Shared pieces of the subcommands (see common.hpp).
#include "common.hpp"

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
    std::ifstream in(file, std::ios::binary);
    std::error_code ec;
    if (!in || std::filesystem::is_directory(file, ec)) {
        std::cerr << "preflight: cannot open policy file '" << file << "'\n";
        return std::nullopt;
    }
    std::stringstream text;
    text << in.rdbuf();
    auto parsed = parse_policy(text.str());
    if (!parsed.ok()) {
        for (const auto& problem : parsed.problems)
            std::cerr << "preflight: policy " << file << ": " << (problem.key_path.empty() ? "" : problem.key_path + ": ")
                      << problem.message << "\n";
        return std::nullopt;
    }
    auto errors = validate_policy(*parsed.value);
    if (!errors.empty()) {
        for (const auto& error : errors) std::cerr << "preflight: policy " << file << ": " << error.key_path << ": " << error.message << "\n";
        return std::nullopt;
    }
    return parsed.value;
}

std::string nearest_word(const std::string& word, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t best_distance = std::max<std::size_t>(1, word.size() / 3) + 1;
    for (const auto& candidate : candidates) {
        // Levenshtein distance, one row at a time.
        std::vector<std::size_t> row(candidate.size() + 1);
        for (std::size_t j = 0; j <= candidate.size(); ++j) row[j] = j;
        for (std::size_t i = 1; i <= word.size(); ++i) {
            std::size_t diagonal = row[0];
            row[0] = i;
            for (std::size_t j = 1; j <= candidate.size(); ++j) {
                std::size_t above = row[j];
                row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (word[i - 1] == candidate[j - 1] ? 0 : 1)});
                diagonal = above;
            }
        }
        if (row.back() < best_distance) {
            best_distance = row.back();
            best = candidate;
        }
    }
    return best;
}

bool colour_enabled(int fd) {
    if (::isatty(fd) != 1) return false;
    const char* no_colour = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    return !(no_colour && *no_colour) && !(term && std::string_view(term) == "dumb");
}

}  // namespace preflight::cli
