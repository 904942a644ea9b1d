// fix_design: lint a design, fix what is safe (bleed in the rasters, text boxes in the element
// list), write the corrected design next to changes.json (see preflight/fix.hpp).
#include "preflight/fix.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <variant>

#include "core/checker_impl.hpp"
#include "input/open_beneath.hpp"
#include "input/prepare.hpp"
#include "core/check.hpp"
#include "core/gating.hpp"
#include "fix/bleed_fill.hpp"
#include "i18n/localise.hpp"
#include "fix/output_folder.hpp"
#include "formats/design_output.hpp"
#include "fix/preview.hpp"
#include "fix/text_fix.hpp"

namespace preflight {

std::string_view to_string(FixStatus status) {
    switch (status) {
        case FixStatus::applied: return "applied";
        case FixStatus::proposed: return "proposed";
        case FixStatus::unfixed: return "unfixed";
    }
    return "unfixed";
}

int FixResult::applied() const {
    return int(std::count_if(changes.begin(), changes.end(), [](const FixChange& c) { return c.status == FixStatus::applied; }));
}

namespace {

namespace fs = std::filesystem;
using fix::Edge;

// The edge a generated-bleed finding is about, from its structured field (never its message,
// which is a text for people in the run's language).
std::optional<Edge> finding_edge(const Finding& finding) {
    if (finding.edge == Edge::none) return std::nullopt;
    return finding.edge;
}

std::string file_name_for(const std::string& page_name, std::size_t index, const std::string& suffix,
                          std::set<std::string>& taken) {
    std::string base;
    for (char c : page_name) base += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
    if (base.empty()) base = "page" + std::to_string(index + 1);
    base += suffix;
    std::string name = base + ".png";
    for (int n = 2; taken.count(name); ++n) name = base + "-" + std::to_string(n) + ".png";
    taken.insert(name);
    return name;
}

struct BleedSettings {
    checks::ReachSettings reach;
    double texture_threshold_levels = 0.8;
};

// Generates the bleed one bleed.coverage finding asks for, in `raster`.
FixChange fix_bleed(core::Raster& raster, const core::PageGeometry& geometry, const Finding& finding,
                    const BleedSettings& settings) {
    FixChange change;
    const auto edge = finding_edge(finding);
    if (!edge || !finding.where_mm) {
        change.status = FixStatus::unfixed;
        change.reason = "The finding does not say which edge and region it is about.";
        change.action = finding.fix.action;
        return change;
    }
    change.edge = checks::edge_name(*edge);
    const bool rows_along = *edge == Edge::left || *edge == Edge::right;
    const auto& where = *finding.where_mm;
    const double from_px = rows_along ? geometry.y_px(where[1]) : geometry.x_px(where[0]);
    const double to_px = rows_along ? geometry.y_px(where[1] + where[3]) : geometry.x_px(where[0] + where[2]);
    const int along = rows_along ? raster.height : raster.width;
    const int from = std::clamp(int(std::floor(from_px)), 0, along), to = std::clamp(int(std::ceil(to_px)), 0, along);

    const fix::EdgeFill filled =
        fix::generate_bleed(raster, geometry, *edge, from, to, settings.reach, settings.texture_threshold_levels);
    char mm[32];
    std::snprintf(mm, sizeof mm, "%.1f", filled.inside_trim / geometry.px_per_mm());
    const std::string inside_reason = std::string("Along ") + mm + " mm the artwork ends just inside the trim, so paper would "
                                      "show at the cut whatever the bleed: extend the artwork in the editor.";
    if (filled.positions == 0) {
        change.status = FixStatus::unfixed;
        change.reason = filled.inside_trim > 0 ? inside_reason : "No artwork reaches the trim there to continue into the bleed.";
        change.action = finding.fix.action;
        return change;
    }
    if (filled.inside_trim > 0) change.reason = inside_reason;
    const fix::FillMethod method = filled.method;
    const int count = filled.positions_in_trim;
    const double texture = filled.texture_levels;
    const double reach_after_px = filled.reach_after_px;

    change.status = FixStatus::applied;
    change.method = fix::fill_method_name(method);
    change.texture_levels = texture;
    change.reach_before_mm = finding.measured;
    change.reach_after_mm = reach_after_px / geometry.px_per_mm();
    char buffer[200];
    std::snprintf(buffer, sizeof buffer, "Generated the bleed on the %s edge along %.1f mm by %s the artwork at the trim (%s).",
                  change.edge.c_str(), count / geometry.px_per_mm(), method == fix::FillMethod::mirror ? "mirroring" : "stretching",
                  method == fix::FillMethod::mirror ? "textured, like a photo" : "flat colour or gradient");
    change.action = buffer;
    return change;
}

// What happens to a finding that no fixer handles.
FixChange not_handled(const Finding& finding) {
    FixChange change;
    change.action = finding.fix.action;
    if (finding.fix.by == FixBy::customer) {
        change.status = FixStatus::proposed;
        change.reason = "It changes what the customer wrote or chose: needs the customer's consent.";
    } else {
        change.status = FixStatus::unfixed;
        change.reason = "No automatic fix for " + finding.check + ": the service team fixes it in the editor.";
    }
    return change;
}

// Nothing fixed: the reason, with the design's input findings as the error's problems.
Error failure(ErrorCode code, std::string message, const std::vector<Finding>& findings) {
    Error error{code, std::move(message), {}};
    for (const Finding& finding : findings)
        if (core::reports_input(finding.check)) error.problems.push_back({finding.check, "", finding.message});
    return error;
}

}  // namespace

Result<FixResult> fix_design(const Checker& checker, const fs::path& design_file, const fs::path& root, const fs::path& out_dir,
                             const FixOptions& options) {
    FixResult result;
    std::string error;
    const fs::path file = fs::absolute(design_file).lexically_normal();
    const fs::path top = root.empty() ? file.parent_path() : fs::absolute(root).lexically_normal();
    fs::path out = fs::absolute(out_dir).lexically_normal();
    if (out.has_relative_path() && out.filename().empty()) out = out.parent_path();   // "card-fixed/"
    // Never into the design's folder nor the folders the caller protects (the export root).
    std::vector<fs::path> keep_out = options.keep_out;
    keep_out.push_back(file.parent_path());
    if (!fix::OutputFolder::acceptable(out_dir, keep_out, options.force, error)) return failure(ErrorCode::invalid_argument, error, {});
    const std::string name = file.lexically_relative(top).generic_string();
    if (name.empty() || name.rfind("..", 0) == 0) {
        return failure(ErrorCode::invalid_argument, "the design lies outside the root '" + top.string() + "'; nothing fixed", {});
    }
    // One prepared design for the findings and the fixes: the pages are decoded once.
    input::PreparedDesign loaded;
    result.findings = core::CheckerAccess::lint_prepared(checker, AssetSource::files(top), name, loaded);
    i18n::localise(result.findings, checker.policy().language);   // texts in the run's language
    for (const Finding& finding : result.findings)
        if (core::reports_input(finding.check)) {
            return failure(ErrorCode::invalid_document,
                           "the design cannot be checked (" + finding.check + ": " + finding.message + "); nothing fixed",
                           result.findings);
        }
    if (!loaded.design) {
        return failure(ErrorCode::invalid_document, "the design cannot be loaded; nothing fixed", result.findings);
    }
    const Design& before = *loaded.design;
    Design after = before;
    const Policy& policy = checker.policy();
    const std::string& product = before.product;

    fix::TextFixSettings text_settings;
    text_settings.trim_width_mm = before.trim_width_mm;
    text_settings.trim_height_mm = before.trim_height_mm;
    text_settings.safe_mm = before.safe_mm;
    // What the checks' options say for this product (each check names its own options). The
    // FixOptions values stand where the policy leaves a check at its default.
    const core::Registry& registry = core::builtin_registry();
    const core::OptionSettings::Fix set = registry.settings_for(product, policy).fix;
    const core::OptionSettings::Fix defaults = registry.settings_for(product, Policy{}).fix;
    text_settings.min_size_pt = set.min_text_pt != defaults.min_text_pt ? set.min_text_pt : options.min_size_pt;
    text_settings.overflow_tolerance_mm = set.text_overflow_tolerance_mm != defaults.text_overflow_tolerance_mm
                                              ? set.text_overflow_tolerance_mm
                                              : options.overflow_tolerance_mm;
    text_settings.safe_tolerance_mm = set.safe_zone_tolerance_mm;
    BleedSettings bleed_settings;
    bleed_settings.texture_threshold_levels = options.texture_threshold_levels;
    bleed_settings.reach.inside_mm = set.bleed_inside_mm;
    bleed_settings.reach.paper = {set.paper_rgb[0], set.paper_rgb[1], set.paper_rgb[2]};
    bleed_settings.reach.paper_tolerance_levels = std::uint8_t(set.paper_tolerance_levels);

    result.changes.resize(result.findings.size());
    std::map<std::size_t, core::Raster> new_rasters;   // page index -> corrected raster
    std::set<std::size_t> rerender;
    for (std::size_t p = 0; p < loaded.pages.size(); ++p) {
        const core::PageView& view = loaded.pages[p];
        const std::string& page_name = before.pages[p].name;
        // Bleed: left and right first, so that top and bottom continue into the corners they filled.
        std::vector<std::size_t> bleed;
        for (std::size_t f = 0; f < result.findings.size(); ++f)
            if (core::repair_of(result.findings[f].check) == core::Repair::generate_bleed && result.findings[f].page == page_name)
                bleed.push_back(f);
        std::stable_sort(bleed.begin(), bleed.end(), [&](std::size_t a, std::size_t b) {
            const auto rank = [&](std::size_t f) {
                const auto e = finding_edge(result.findings[f]);
                return e == Edge::left || e == Edge::right ? 0 : 1;
            };
            return rank(a) < rank(b);
        });
        for (std::size_t f : bleed) {
            if (!view.raster) continue;
            auto [it, inserted] = new_rasters.try_emplace(p);
            if (inserted) it->second = *view.raster;
            result.changes[f] = fix_bleed(it->second, view.geometry, result.findings[f], bleed_settings);
        }
        if (auto it = new_rasters.find(p); it != new_rasters.end() && it->second.pixels == view.raster->pixels)
            new_rasters.erase(it);

        // Text: overflow first (it may change the size), then the safe zone with the new layout.
        std::vector<Element>& elements = after.pages[p].elements;
        for (const core::Repair repair : {core::Repair::fit_text, core::Repair::move_into_safe_zone}) {
            std::map<std::string, std::size_t> done;   // element id -> change index (one fix per element)
            for (std::size_t f = 0; f < result.findings.size(); ++f) {
                const Finding& finding = result.findings[f];
                if (core::repair_of(finding.check) != repair || finding.page != page_name) continue;
                if (auto d = done.find(finding.element); d != done.end()) {
                    result.changes[f] = result.changes[d->second];
                    continue;
                }
                done[finding.element] = f;
                const auto e = std::find_if(elements.begin(), elements.end(), [&](const Element& el) { return el.id == finding.element; });
                const std::size_t index = std::size_t(e - elements.begin());
                if (e == elements.end() || index >= view.fonts.size() || !view.fonts[index]) {
                    result.changes[f] = not_handled(finding);
                    continue;
                }
                std::vector<fix::Obstacle> others;
                for (const Element& other : elements)
                    if (&other != &*e) others.push_back({other.id, other.box_mm});
                const fix::TextFixOutcome outcome = repair == core::Repair::fit_text
                                                        ? fix::fix_overflow(*e, *view.fonts[index], others, text_settings)
                                                        : fix::fix_safe_zone(*e, *view.fonts[index], others, text_settings);
                FixChange& change = result.changes[f];
                change.status = outcome.status;
                change.action = outcome.action;
                change.reason = outcome.reason;
                if (outcome.status == FixStatus::applied && !(outcome.after.box_mm == e->box_mm)) {
                    change.box_before = e->box_mm;
                    change.box_after = outcome.after.box_mm;
                }
                if (outcome.status == FixStatus::applied && outcome.after.size_pt != e->size_pt) {
                    change.size_pt_before = e->size_pt;
                    change.size_pt_after = outcome.after.size_pt;
                }
                if (outcome.status == FixStatus::applied && (change.box_after || change.size_pt_after)) {
                    *e = outcome.after;
                    rerender.insert(p);
                }
            }
        }
    }
    for (std::size_t f = 0; f < result.findings.size(); ++f) {
        const Finding& finding = result.findings[f];
        FixChange& change = result.changes[f];
        if (core::repair_of(finding.check) == core::Repair::none)
            change = not_handled(finding);
        else if (change.action.empty())
            change = not_handled(finding);   // on a page without a raster or layout
        change.check = finding.check;
        change.page = finding.page;
        change.element = finding.element;
        change.finding = finding.message;
    }

    // Write: rasters, the corrected document, changes.json.
    auto folder = fix::OutputFolder::open(out, keep_out, options.force, error);
    if (!folder) return failure(ErrorCode::unwritable, error, {});
    fix::DesignEdits edits{&before, &after, {}, loaded.design_dir, out};
    std::set<std::string> taken{"design.json", "changes.json"};
    for (std::size_t p = 0; p < before.pages.size(); ++p) {
        FixedPage page;
        page.name = before.pages[p].name;
        page.needs_rerender = rerender.count(p) > 0;
        const auto corrected = new_rasters.find(p);
        if (corrected != new_rasters.end()) {
            page.raster = file_name_for(page.name, p, "", taken);
            if (!folder->write_png(page.raster, corrected->second, error)) return failure(ErrorCode::unwritable, error, {});
            edits.new_rasters[p] = page.raster;
            page.raster_changed = true;
        } else {
            page.raster = (loaded.design_dir / before.pages[p].raster).lexically_normal().lexically_relative(out).generic_string();
        }
        if ((page.raster_changed || page.needs_rerender) && loaded.pages[p].raster) {
            std::vector<fix::BoxChange> boxes;
            for (const FixChange& change : result.changes)
                if (change.page == page.name && change.box_before && change.box_after)
                    boxes.push_back({*change.box_before, *change.box_after});
            const core::Raster& old_raster = *loaded.pages[p].raster;
            const core::Raster preview = fix::before_after_preview(
                old_raster, page.raster_changed ? corrected->second : old_raster, loaded.pages[p].geometry, boxes);
            page.preview = file_name_for(page.name, p, "-before-after", taken);
            if (!folder->write_png(page.preview, preview, error)) return failure(ErrorCode::unwritable, error, {});
        }
        result.pages.push_back(std::move(page));
    }
    // The document's own text (its keys are kept), read again beneath the root like the first time.
    const input::FileRead document = input::RootFolder(top.string()).read(name, 64u * 1024 * 1024);
    if (!document.ok()) return failure(ErrorCode::unreadable, "the design document " + document.error + "; nothing fixed", {});
    const std::string corrected = fix::corrected_design_json(
        std::string(document.bytes->begin(), document.bytes->end()), edits, error);
    if (corrected.empty()) return failure(ErrorCode::invalid_document, error, {});
    result.design_out = out / "design.json";
    result.changes_out = out / "changes.json";
    if (!folder->write("design.json", corrected, error)) return failure(ErrorCode::unwritable, error, {});
    if (!folder->write("changes.json", fix::changes_json(result, file.string()), error)) return failure(ErrorCode::unwritable, error, {});
    return result;
}

}  // namespace preflight
