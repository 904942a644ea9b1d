// The `fix` subcommand: arguments, the policy file, one line per finding on stdout. The fixing
// itself is fix_design in the library.
#include "commands.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "input_file.hpp"
#include "preflight/fix.hpp"
#include "preflight/formats.hpp"
#include "preflight/preflight.hpp"

namespace preflight::cli {

namespace {

struct FixArgs {
    std::string design, out_dir, policy_file, root;
    bool force = false;
};

constexpr int exit_remaining = 1;

int run_fix(const FixArgs& args) {
    auto policy = load_policy(args.policy_file);
    if (!policy) return exit_usage;
    const Checker checker(std::move(*policy));
    const std::filesystem::path root = args.root.empty() ? std::filesystem::current_path() : std::filesystem::path(args.root);
    FixOptions options;
    options.force = args.force;
    if (!args.root.empty()) options.keep_out.push_back(root);   // an explicit root is protected like an export's
    const Result<FixResult> fixed = fix_design(checker, args.design, root, args.out_dir, options);
    if (!fixed) {
        std::cerr << "preflight: " << args.design << ": " << fixed.error().message << "\n";
        return exit_usage;
    }
    const FixResult& result = *fixed;
    bool errors_remain = false;
    int proposed = 0, unfixed = 0;
    for (std::size_t i = 0; i < result.changes.size(); ++i) {
        const auto& change = result.changes[i];
        const auto& finding = result.findings[i];
        // An applied change with a reason was partial: the reason says what remains.
        if ((change.status != FixStatus::applied || !change.reason.empty()) &&
            finding.severity == Severity::error)
            errors_remain = true;
        proposed += change.status == FixStatus::proposed;
        unfixed += change.status == FixStatus::unfixed;
        std::cout << to_string(change.status) << "\t" << change.check << "\t" << change.page
                  << (change.element.empty() ? "" : "/" + change.element) << "\t" << change.action
                  << (change.reason.empty() ? "" : " " + change.reason) << "\n";
    }
    for (const auto& page : result.pages)
        if (page.needs_rerender) std::cout << "page " << page.name << ": needs re-render by the editor (text boxes or sizes changed)\n";
    std::cout << result.applied() << " applied, " << proposed << " proposed, " << unfixed << " unfixed; wrote "
              << result.design_out.string() << " and " << result.changes_out.string() << "\n";
    return errors_remain ? exit_remaining : exit_ok;
}

}  // namespace

CLI::App* add_fix_command(CLI::App& app, CommandRun& run) {
    auto args = std::make_shared<FixArgs>();
    auto* fix = app.add_subcommand(
        "fix", "Fix what is safe (missing bleed, text boxes that overflow or leave the safe zone) into a new folder, "
               "with changes.json listing what changed and what is only proposed.");
    fix->add_option("DESIGN", args->design, "the design.json FILE to fix")->required()->type_name("FILE");
    fix->add_option("-o,--output", args->out_dir, "a new (or empty) folder DIR for the corrected design.json, its rasters and changes.json; never the design's folder or inside it, nor inside --root")
        ->required()
        ->type_name("DIR");
    fix->add_flag("--force", args->force, "write into an output DIR that exists and is not empty (same-named files are replaced)");
    fix->add_option("--policy", args->policy_file, "the shop's policy FILE")->type_name("FILE");
    fix->add_option("--root", args->root, "the folder DIR every path must stay in (default: the current folder)")->type_name("DIR");
    fix->footer("Exit codes: 0 written, no error left; 1 written, errors remain that need a person (see changes.json);\n"
                "2 usage, policy or input error: nothing written.");
    fix->callback([args, &run] { run = [args] { return run_fix(*args); }; });
    return fix;
}

}  // namespace preflight::cli
