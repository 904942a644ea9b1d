// The preflight command line: a thin front end over the library (argument parsing, files,
// progress). No check logic lives here; each subcommand is in its own file (commands.hpp).
#include <CLI/CLI.hpp>

#include <iostream>
#include <malloc.h>

#include "commands.hpp"
#include "preflight/build_info.hpp"
#include "process_settings.hpp"
#include "preflight/preflight.hpp"
#include "preflight/suggest.hpp"

namespace {

using namespace preflight::cli;

std::string version_text() {
    auto info = preflight::build_info();
    return "preflight " + info.version + "\nlibvips " + info.libvips + ", HarfBuzz " + info.harfbuzz + ", FreeType " +
           info.freetype + ", OpenCV " + info.opencv + ", Highway " + info.highway + "\nSIMD target: " + info.simd_target +
           " (PREFLIGHT_SIMD=off runs the scalar kernels)";
}

// `preflight chek ...`: a first word that is no subcommand, suggested before CLI11 would
// only say that a subcommand is required. True when it printed the problem.
bool unknown_subcommand(const CLI::App& app, int argc, char** argv) {
    if (argc < 2 || argv[1][0] == '-') return false;
    std::vector<std::string> names;
    for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) names.push_back(sub->get_name());
    if (std::find(names.begin(), names.end(), argv[1]) != names.end()) return false;
    std::string nearest = preflight::nearest_word(argv[1], names);
    std::cerr << "preflight: unknown command '" << argv[1] << "'"
              << (nearest.empty() ? "" : "; did you mean '" + nearest + "'?") << "\nCommands: check, lint, fix, checks; run "
              << "preflight --help for more information.\n";
    return true;
}

// After a parse error: for every argument left over that looks like an option, the nearest
// option of the subcommand it was given to.
void suggest_options(const CLI::App& app) {
    std::vector<const CLI::App*> scopes{&app};
    for (const auto* sub : app.get_subcommands()) scopes.push_back(sub);
    for (const auto* scope : scopes) {
        std::vector<std::string> names;
        for (const auto* option : scope->get_options()) {
            for (const auto& name : option->get_lnames()) names.push_back("--" + name);
            for (const auto& name : option->get_snames()) names.push_back("-" + name);
        }
        for (const auto& extra : scope->remaining(false)) {
            if (extra.size() < 2 || extra[0] != '-') continue;
            std::string word = extra.substr(0, extra.find('='));
            std::string nearest = preflight::nearest_word(word, names);
            if (!nearest.empty())
                std::cerr << "preflight: unknown option '" << word << "'"
                          << (scope == &app ? "" : " of " + scope->get_name()) << "; did you mean '" << nearest << "'?\n";
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    // Each decoded page is several megabytes. Left to its defaults glibc hands such blocks back
    // to the kernel when an order is done and faults them in again for the next one (twice the
    // system time of decoding alone); a batch run keeps them in the heap instead.
    mallopt(M_MMAP_THRESHOLD, 8 * 1024 * 1024);   // a 300 dpi A6 page (7.2 MB) stays in the heap
    mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
    preflight::cli::tune_process_for_batch_checking();
    CLI::App app{"preflight: checks greeting-card designs before they are printed.\n"
                 "Reads the shop's order export, writes one JSON verdict line per order:\n"
                 "release, hold (with what to tell the customer), cancel, skip or error."};
    app.set_version_flag("--version", version_text, "print the version, the libraries' versions and the SIMD target");
    app.require_subcommand(1);
    app.footer("Examples:\n"
               "  preflight check samples/export/orders.jsonl --now 2026-11-25T09:00:00+01:00\n"
               "  preflight check orders.jsonl --policy shop-policy.json -o verdicts.jsonl --jobs 8\n"
               "  preflight lint templates/ --format sarif > lint.sarif\n"
               "  preflight fix card/design.json -o card-fixed   # generate bleed, fit text boxes; see changes.json\n"
               "  preflight checks          # every check id and its policy options\n\n"
               "Each command has its own help and exit codes: preflight COMMAND --help.\n"
               "Exit code 2 always means a usage, policy or path error: nothing was checked.\n"
               "Documentation: docs/formats.md, docs/checks.md, man preflight.");

    CommandRun run;
    add_check_command(app, run);
    add_lint_command(app, run);
    add_fix_command(app, run);
    add_checks_command(app, run);

    if (unknown_subcommand(app, argc, argv)) return exit_usage;
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() != 0) suggest_options(app);
        int code = app.exit(e);
        return code == 0 ? exit_ok : exit_usage;
    }
    if (!run) return exit_usage;
    try {
        int code = run();
        std::cout.flush();
        return code;
    } catch (const std::exception& e) {
        std::cerr << "preflight: " << e.what() << "\n";
        return exit_usage;
    }
}
