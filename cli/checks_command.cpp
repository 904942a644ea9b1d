// The `checks` subcommand: every check id, what it finds and its policy options.
#include <iostream>

#include "commands.hpp"
#include "preflight/preflight.hpp"

namespace preflight::cli {

namespace {

int run_list_checks() {
    for (const auto& check : list_checks()) {
        std::cout << check.id << "\n    " << check.summary << "\n";
        for (const auto& option : check.options)
            std::cout << "    " << option.name << " (" << option.type << ", default " << option.default_text << ")"
                      << (option.help.empty() ? "" : ": " + option.help) << "\n";
    }
    return exit_ok;
}

}  // namespace

CLI::App* add_checks_command(CLI::App& app, CommandRun& run) {
    auto* checks = app.add_subcommand("checks", "List every check with its id, what it finds and its policy options.");
    checks->footer("Exit codes: 0 listed.");
    checks->callback([&run] { run = [] { return run_list_checks(); }; });
    return checks;
}

}  // namespace preflight::cli
