// Checking `check`'s arguments before the run (see check_paths.hpp).
#include "check_paths.hpp"

#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <unistd.h>

namespace preflight::cli {

namespace fs = std::filesystem;

namespace {

bool whole_number(const std::string& text, long& value) {
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    return !text.empty() && ec == std::errc{} && ptr == end;
}

// A folder that exists (or is created now) and takes a new file.
bool writable_folder(const std::string& option, const std::string& dir) {
    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
        std::cerr << "preflight: " << option << " '" << dir << "' is a file, not a folder\n";
        return false;
    }
    fs::create_directories(dir, ec);
    if (ec || ::access(dir.c_str(), W_OK | X_OK) != 0) {
        std::cerr << "preflight: " << option << " '" << dir << "' cannot be created or written"
                  << (ec ? ": " + ec.message() : std::string()) << "\n";
        return false;
    }
    return true;
}

// A file that can be created or replaced: not a folder, in a folder that exists and takes files.
bool writable_file(const std::string& option, const std::string& file) {
    std::error_code ec;
    if (fs::is_directory(file, ec)) {
        std::cerr << "preflight: " << option << " '" << file << "' is a folder; give a file name\n";
        return false;
    }
    fs::path parent = fs::absolute(file, ec).parent_path();
    if (!fs::is_directory(parent, ec) || ::access(parent.c_str(), W_OK | X_OK) != 0) {
        std::cerr << "preflight: " << option << " '" << file << "': folder '" << parent.string() << "' does not exist or cannot be written\n";
        return false;
    }
    return true;
}

bool same_file(const std::string& a, const std::string& b) {
    std::error_code ec;
    if (fs::equivalent(a, b, ec)) return true;
    return fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec) && !ec;
}

}  // namespace

bool check_output_paths(const OutputPaths& paths) {
    bool ok = true;
    std::error_code ec;
    const bool from_file = paths.export_file != "-";
    if (from_file && fs::is_directory(paths.export_file, ec)) {
        std::cerr << "preflight: export '" << paths.export_file << "' is a folder; give the export file (e.g. "
                  << (fs::path(paths.export_file) / "orders.jsonl").string() << ")\n";
        ok = false;
    } else if (from_file && !fs::exists(paths.export_file, ec)) {
        std::cerr << "preflight: export '" << paths.export_file << "' does not exist\n";
        ok = false;
    }
    if (!paths.output.empty() && paths.output != "-") {
        if (from_file && ok && same_file(paths.output, paths.export_file)) {
            std::cerr << "preflight: -o '" << paths.output << "' is the export itself; the verdicts would overwrite the orders\n";
            ok = false;
        } else {
            ok = writable_file("-o", paths.output) && ok;
        }
    }
    if (!paths.stats_file.empty()) {
        if (from_file && same_file(paths.stats_file, paths.export_file)) {
            std::cerr << "preflight: --stats '" << paths.stats_file << "' is the export itself\n";
            ok = false;
        } else {
            ok = writable_file("--stats", paths.stats_file) && ok;
        }
    }
    if (!paths.report_dir.empty()) ok = writable_folder("--report", paths.report_dir) && ok;
    if (!paths.fix_dir.empty()) ok = writable_folder("--fix-dir", paths.fix_dir) && ok;
    return ok;
}

bool parse_shard(const std::string& text, int& index, int& count, std::string& error) {
    auto slash = text.find('/');
    long k = 0, n = 0;
    if (slash == std::string::npos || !whole_number(text.substr(slash + 1), n) || n < 1 || n > 1000000) {
        error = "must be K/N or env/N with N a whole number from 1 (e.g. 0/4, env/4)";
        return false;
    }
    std::string k_text = text.substr(0, slash), source = "K";
    if (k_text == "env") {
        const char* names[] = {"JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID", "AWS_BATCH_JOB_ARRAY_INDEX"};
        const char* name = nullptr;
        for (const char* candidate : names)
            if (std::getenv(candidate)) {
                name = candidate;
                break;
            }
        if (!name) {
            error = "env/N needs JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID or AWS_BATCH_JOB_ARRAY_INDEX, and none is set";
            return false;
        }
        k_text = std::getenv(name);
        source = std::string(name) + "=" + k_text;
        if (std::string(name) == "SLURM_ARRAY_TASK_ID") {
            long min = 0;
            const char* min_text = std::getenv("SLURM_ARRAY_TASK_MIN");
            if (min_text && !whole_number(min_text, min)) {
                error = std::string("SLURM_ARRAY_TASK_MIN=") + min_text + " is not a whole number";
                return false;
            }
            if (!whole_number(k_text, k)) {
                error = source + " is not a whole number";
                return false;
            }
            k -= min;
            if (min_text) source += " minus SLURM_ARRAY_TASK_MIN=" + std::string(min_text);
            k_text = std::to_string(k);
        }
    }
    if (!whole_number(k_text, k)) {
        error = source + (source == "K" ? " '" + k_text + "'" : "") + " is not a whole number";
        return false;
    }
    if (k < 0 || k >= n) {
        error = source + (source == "K" ? " = " + k_text : "") + " must lie from 0 to N-1 = " + std::to_string(n - 1);
        return false;
    }
    index = int(k);
    count = int(n);
    return true;
}

CLI::Validator jobs_validator() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            long value = 0;
            if (whole_number(text, value) && value >= 0 && value <= 1024) return {};
            return "'" + text + "' is not a number of jobs: give a whole number from 0 (one per core) to 1024";
        },
        "", "jobs");
}

}  // namespace preflight::cli
