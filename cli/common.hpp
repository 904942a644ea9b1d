// What the subcommands share: exit codes, reading the policy file, terminal colour.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "preflight/policy.hpp"

namespace preflight::cli {

constexpr int exit_ok = 0;
constexpr int exit_findings = 1;
constexpr int exit_usage = 2;

/// What a subcommand does once its arguments are parsed; returns the exit code.
using CommandRun = std::function<int()>;

/// Reads and validates the policy file (empty name: the defaults); prints every problem with
/// its key path on stderr and returns nothing when the run must stop (exit 2).
std::optional<Policy> load_policy(const std::string& file);

/// True when colour codes may be written to `fd`: a terminal, NO_COLOR unset, TERM not dumb.
bool colour_enabled(int fd);

}  // namespace preflight::cli
