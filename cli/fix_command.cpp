// The `fix` subcommand: arguments, the policy file, one line per finding on stdout. The fixing
// itself is preflight::fix_design in the library.
#include "fix_command.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "preflight/fix.hpp"
#include "preflight/formats.hpp"
#include "preflight/preflight.hpp"

namespace {

struct FixArgs {
    std::string design, out_dir, policy_file, root;
};

constexpr int exit_ok = 0, exit_remaining = 1, exit_usage = 2;

int run_fix(const FixArgs& args) {
    preflight::Policy policy;
    if (!args.policy_file.empty()) {
        std::ifstream in(args.policy_file, std::ios::binary);
        if (!in) {
            std::cerr << "preflight: cannot open policy file '" << args.policy_file << "'\n";
            return exit_usage;
        }
        std::stringstream text;
        text << in.rdbuf();
        auto parsed = preflight::parse_policy(text.str());
        if (!parsed.ok()) {
            for (const auto& problem : parsed.error().problems)
                std::cerr << "preflight: policy " << args.policy_file << ": "
                          << (problem.key_path.empty() ? "" : problem.key_path + ": ") << problem.message << "\n";
            return exit_usage;
        }
        const auto errors = preflight::validate_policy(*parsed);
        for (const auto& error : errors)
            std::cerr << "preflight: policy " << args.policy_file << ": " << error.key_path << ": " << error.message << "\n";
        if (!errors.empty()) return exit_usage;
        policy = std::move(*parsed);
    }
    const preflight::Checker checker(std::move(policy));
    const std::filesystem::path root = args.root.empty() ? std::filesystem::current_path() : std::filesystem::path(args.root);
    const preflight::FixResult result = preflight::fix_design(checker, args.design, root, args.out_dir);
    if (!result.ok) {
        std::cerr << "preflight: " << args.design << ": " << result.error << "\n";
        return exit_usage;
    }
    bool errors_remain = false;
    int proposed = 0, unfixed = 0;
    for (std::size_t i = 0; i < result.changes.size(); ++i) {
        const auto& change = result.changes[i];
        const auto& finding = result.findings[i];
        // An applied change with a reason was partial: the reason says what remains.
        if ((change.status != preflight::FixStatus::applied || !change.reason.empty()) &&
            finding.severity == preflight::Severity::error)
            errors_remain = true;
        proposed += change.status == preflight::FixStatus::proposed;
        unfixed += change.status == preflight::FixStatus::unfixed;
        std::cout << preflight::to_string(change.status) << "\t" << change.check << "\t" << change.page
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

void add_fix_command(CLI::App& app) {
    auto args = std::make_shared<FixArgs>();
    auto* fix = app.add_subcommand(
        "fix", "Fix what is safe (missing bleed, text boxes that overflow or leave the safe zone) into a new folder, "
               "with changes.json listing what changed and what is only proposed.");
    fix->add_option("DESIGN", args->design, "the design.json to fix")->required();
    fix->add_option("-o,--output", args->out_dir, "the folder for the corrected design.json, its rasters and changes.json")
        ->required();
    fix->add_option("--policy", args->policy_file, "the shop's policy file");
    fix->add_option("--root", args->root, "the folder every path must stay in (default: the current folder)");
    fix->callback([args] {
        int code = exit_usage;
        try {
            code = run_fix(*args);
        } catch (const std::exception& e) {
            std::cerr << "preflight: " << e.what() << "\n";
        }
        std::cout.flush();
        std::exit(code);
    });
}
