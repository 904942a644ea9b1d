// The preflight command line: a thin front end over the library (argument parsing, files,
// progress). No check logic lives here; each subcommand is in its own file (commands.hpp).
#include <CLI/CLI.hpp>

#include <iostream>
#include <malloc.h>

#include "commands.hpp"
#include "preflight/preflight.hpp"

int main(int argc, char** argv) {
    using namespace preflight::cli;
    // Each decoded page is several megabytes. Left to its defaults glibc hands such blocks back
    // to the kernel when an order is done and faults them in again for the next one (twice the
    // system time of decoding alone); a batch run keeps them in the heap instead.
    mallopt(M_MMAP_THRESHOLD, 8 * 1024 * 1024);   // a 300 dpi A6 page (7.2 MB) stays in the heap
    mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
    CLI::App app{"preflight: checks greeting-card designs before they are printed.\n"
                 "Reads the shop's order export, writes one JSON verdict line per order:\n"
                 "release, hold (with what to tell the customer), cancel, skip or error."};
    app.set_version_flag("--version", std::string("preflight ") + preflight::version());
    app.require_subcommand(1);
    app.footer("Examples:\n"
               "  preflight check samples/export/orders.jsonl --now 2026-11-25T09:00:00+01:00\n"
               "  preflight check orders.jsonl --policy shop-policy.json -o verdicts.jsonl --jobs 8\n"
               "  preflight lint templates/*/design.json --format junit > lint.xml\n"
               "  preflight fix card/design.json -o card-fixed   # generate bleed, fit text boxes; see changes.json\n"
               "  preflight checks          # every check id and its policy options\n\n"
               "Exit codes: 0 every order has its verdict (lint: no errors); 1 at least one verdict\n"
               "is `error` (lint: at least one error finding); 2 usage or policy error, nothing checked;\n"
               "130/143 stopped by SIGINT/SIGTERM after finishing the orders in flight (then --resume).");

    CommandRun run;
    add_check_command(app, run);
    add_lint_command(app, run);
    add_fix_command(app, run);
    add_checks_command(app, run);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
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
