// The `checks` subcommand: every check id, what it finds and its policy options, as text for
// people or as the Markdown reference of docs/checks.md (which a test keeps current).
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "preflight/preflight.hpp"

namespace preflight::cli {

namespace {

void print_text(const std::vector<CheckInfo>& checks) {
    for (const auto& check : checks) {
        std::cout << check.id << "\n    " << check.summary << "\n";
        for (const auto& option : check.options)
            std::cout << "    " << option.name << " (" << option.type << ", default " << option.default_text << ")"
                      << (option.help.empty() ? "" : ": " + option.help) << "\n";
    }
}

std::string table_cell(std::string text) {
    for (std::size_t at = text.find('|'); at != std::string::npos; at = text.find('|', at + 2)) text.replace(at, 1, "\\|");
    return text;
}

// One section per check, each with an anchor named by its id (SARIF helpUri points there).
void print_markdown(const std::vector<CheckInfo>& checks) {
    std::string family;
    for (const auto& check : checks) {
        std::string this_family = check.id.substr(0, check.id.find('.'));
        if (this_family != family) {
            family = this_family;
            std::cout << "## `" << family << ".*`\n\n";
        }
        std::cout << "<a id=\"" << check.id << "\"></a>\n\n### `" << check.id << "`\n\n" << check.summary << "\n\n";
        std::cout << "| option | type | default | meaning |\n| --- | --- | --- | --- |\n";
        for (const auto& option : check.options)
            std::cout << "| `" << option.name << "` | " << option.type << " | `" << table_cell(option.default_text) << "` | "
                      << table_cell(option.help) << " |\n";
        std::cout << "\nPolicy: `\"checks\": {\"" << check.id << "\": {…}}`\n\n";
    }
}

}  // namespace

CLI::App* add_checks_command(CLI::App& app, CommandRun& run) {
    auto format = std::make_shared<std::string>("text");
    auto* checks = app.add_subcommand("checks", "List every check with its id, what it finds and its policy options.");
    checks->add_option("--format", *format, "text (people) or markdown (the reference section of docs/checks.md)")
        ->type_name("FORMAT")
        ->check(CLI::IsMember({"text", "markdown"}));
    checks->footer("Exit codes: 0 listed; 2 usage error.");
    checks->callback([format, &run] {
        run = [format] {
            if (*format == "markdown") print_markdown(list_checks());
            else print_text(list_checks());
            return exit_ok;
        };
    });
    return checks;
}

}  // namespace preflight::cli
