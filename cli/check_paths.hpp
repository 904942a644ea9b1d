// Arguments of `check` that are checked before any order is read: the export and every
// output path, the shard and the number of jobs. Problems go to stderr, one line each.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace preflight::cli {

struct OutputPaths {
    std::string export_file;   // "-": stdin
    std::string output;        // "" or "-": stdout
    std::string report_dir, fix_dir, stats_file;   // "": not asked for
};

/// The export exists and is a file (not a folder); -o is not the export nor a folder and its
/// folder exists; --report and --fix-dir are folders that exist or can be created and can be
/// written; --stats can be written. False after printing every problem.
bool check_output_paths(const OutputPaths& paths);

/// "K/N" with 0 <= K < N, or "env/N" with K from JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID
/// (minus SLURM_ARRAY_TASK_MIN) or AWS_BATCH_JOB_ARRAY_INDEX. Whole numbers only ("4x" is
/// refused). False with `error` naming what is wrong (and the variable, for env/N).
bool parse_shard(const std::string& text, int& index, int& count, std::string& error);

/// --jobs: a whole number from 0 (one per core) to 1024.
CLI::Validator jobs_validator();

}  // namespace preflight::cli
