// `preflight fix DESIGN.json -o OUTDIR`: the fix subcommand, added to the app by main.
#pragma once

#include <CLI/CLI.hpp>

/// Adds the `fix` subcommand with its options; its callback runs the fix and ends the process
/// with the command's exit code (0: written, no error left; 1: written, errors remain that
/// need a person; 2: usage, policy or input error, nothing written).
void add_fix_command(CLI::App& app);
