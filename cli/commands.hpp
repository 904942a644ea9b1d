// The subcommands of `preflight`: each adds itself to the app with its options and help, and
// sets `run` (what main calls after parsing) when it is the one chosen.
#pragma once

#include <CLI/CLI.hpp>

#include "common.hpp"

namespace preflight::cli {

CLI::App* add_check_command(CLI::App& app, CommandRun& run);
CLI::App* add_lint_command(CLI::App& app, CommandRun& run);
CLI::App* add_fix_command(CLI::App& app, CommandRun& run);
CLI::App* add_checks_command(CLI::App& app, CommandRun& run);

}  // namespace preflight::cli
