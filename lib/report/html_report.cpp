// The service team's morning report (see preflight/report.hpp): collects verdicts and what
// the automatic fix did, draws the pictures into the report folder, writes index.html.
#include "preflight/report.hpp"

#include <algorithm>
#include <fstream>

#include "core/calendar.hpp"
#include "core/check.hpp"
#include "report/overlay.hpp"
#include "report/report_folder.hpp"
#include "report/report_model.hpp"

namespace preflight {

namespace fs = std::filesystem;
using namespace report;

namespace {

Group group_of(const Verdict& verdict) {
    switch (verdict.verdict) {
        case VerdictKind::cancel: return Group::cancel;
        case VerdictKind::hold: return all_errors_fixable(verdict) ? Group::self_fix : Group::contact;
        case VerdictKind::error: return Group::error;
        default: return Group::rest;
    }
}

std::string size_text(const BoxMm& box, Language language) {
    return i18n::format_number(box.width, 1, language) + " x " + i18n::format_number(box.height, 1, language) + " mm";
}

std::string edge_word(const std::string& edge, Language language) {
    const char* word = i18n::find_text(language, "edge", edge);
    return word ? word : edge;
}

// One sentence per change of a fix, from its structured fields (never its English texts).
std::string change_line(const FixChange& change, Language language) {
    if (change.status == FixStatus::applied && core::repair_of(change.check) == core::Repair::generate_bleed)
        return ui_fill(language, "change_bleed", {{"edge", edge_word(change.edge, language)},
                                                  {"method", i18n::ui(language, "method_" + change.method)}});
    if (change.status == FixStatus::applied && change.box_before && change.box_after)
        return ui_fill(language, "change_box", {{"element", change.element}, {"before", size_text(*change.box_before, language)},
                                                {"after", size_text(*change.box_after, language)}});
    if (change.status == FixStatus::applied && change.size_pt_before && change.size_pt_after)
        return ui_fill(language, "change_size", {{"element", change.element},
                                                 {"before", i18n::format_number(*change.size_pt_before, 1, language) + " pt"},
                                                 {"after", i18n::format_number(*change.size_pt_after, 1, language) + " pt"}});
    return ui_fill(language, change.status == FixStatus::proposed ? "change_proposed" : "change_unfixed", {{"check", change.check}});
}

}  // namespace

struct HtmlReport::Impl {
    explicit Impl(fs::path dir) : folder(std::move(dir)) {}
    ReportFolder folder;
    HtmlReportOptions options;
    Language language = Language::en;
    std::vector<OrderEntry> entries;

    OrderEntry* find(const Verdict& verdict) {
        for (auto it = entries.rbegin(); it != entries.rend(); ++it)
            if (it->verdict.line == verdict.line && it->verdict.order_id == verdict.order_id) return &*it;
        return nullptr;
    }
    // The folder a page's raster is read beneath: the export root, else the design's folder.
    fs::path page_root(const PageRef& page) const {
        return options.root.empty() ? fs::path(page.design_file).parent_path() : options.root;
    }
    std::string base_name(const Verdict& verdict) const {
        return slug(verdict.order_id.value_or("line")) + "-" + std::to_string(verdict.line);
    }
    void fix_pictures(OrderEntry& entry, const FixResult& fix, const std::vector<const PageRef*>& originals, std::size_t n);
};

HtmlReport::HtmlReport(fs::path dir, HtmlReportOptions options) : impl_(std::make_unique<Impl>(std::move(dir))) {
    impl_->options = std::move(options);
    std::error_code ec;
    if (!impl_->options.root.empty()) impl_->options.root = fs::absolute(impl_->options.root, ec).lexically_normal();
    impl_->language = i18n::language_from(impl_->options.language);
}

HtmlReport::~HtmlReport() = default;

void HtmlReport::add(const Verdict& verdict) {
    OrderEntry entry;
    entry.verdict = verdict;
    entry.group = group_of(verdict);
    if (entry.group != Group::rest) {
        for (const auto& page : verdict.pages) {
            std::vector<OverlayMark> marks;
            for (std::size_t i = 0; i < verdict.findings.size(); ++i) {
                const Finding& finding = verdict.findings[i];
                if (finding.page == page.page && finding.where_mm) marks.push_back({int(i + 1), *finding.where_mm, finding.severity});
            }
            if (marks.empty()) continue;
            const std::string name = "img/" + impl_->base_name(verdict) + "-" + slug(page.page) + ".jpg";
            std::string error;
            if (write_overlay(impl_->page_root(page), page, marks, 900, impl_->folder.add_file(name).string(), error))
                entry.pages.push_back({name, ui_fill(impl_->language, "page_alt", {{"page", page.page},
                                                                                  {"order", verdict.order_id.value_or("")}})});
        }
    }
    entry.verdict.pages.clear();
    impl_->entries.push_back(std::move(entry));
}

void HtmlReport::Impl::fix_pictures(OrderEntry& entry, const FixResult& fix, const std::vector<const PageRef*>& originals,
                                    std::size_t n) {
    const Verdict& verdict = entry.verdict;
    for (const FixedPage& fixed : fix.pages) {
        if (!fixed.raster_changed && !fixed.needs_rerender) continue;
        const auto original = std::find_if(originals.begin(), originals.end(), [&](const PageRef* p) { return p->page == fixed.name; });
        if (original == originals.end()) continue;
        const PageRef& page = **original;
        // Before: the export's raster; after: the fix's own copy, read beneath its own folder.
        const RasterRef before_raster{page_root(page), page.raster_file};
        std::error_code ec;
        const fs::path fix_folder = fs::absolute(fix.design_out.parent_path(), ec).lexically_normal();
        const RasterRef after_raster = fixed.raster_changed ? RasterRef{fix_folder, (fix_folder / fixed.raster).string()} : before_raster;
        const std::string base = "fix/" + base_name(verdict) + "-" + std::to_string(n + 1) + "-" + slug(fixed.name);
        std::string error;
        int zoom = 0;
        // Generated bleed: each edge enlarged, the generated band outlined in blue, before and after.
        for (std::size_t i = 0; i < fix.changes.size() && i < fix.findings.size(); ++i) {
            const FixChange& change = fix.changes[i];
            const auto& where = fix.findings[i].where_mm;
            if (change.page != fixed.name || core::repair_of(change.check) != core::Repair::generate_bleed || change.status != FixStatus::applied || !where) continue;
            const bool vertical = change.edge == "left" || change.edge == "right";
            const double deep = page.bleed_mm + 8;   // the bleed and 8 mm of the card
            const double along_from = vertical ? (*where)[1] : (*where)[0], along_size = vertical ? (*where)[3] : (*where)[2];
            const double span = std::min(along_size, 16.0), start = along_from + (along_size - span) / 2;
            std::array<double, 4> crop{};
            if (change.edge == "left") crop = {-page.bleed_mm, start, deep, span};
            else if (change.edge == "right") crop = {page.trim_width_mm + page.bleed_mm - deep, start, deep, span};
            else if (change.edge == "top") crop = {start, -page.bleed_mm, span, deep};
            else crop = {start, page.trim_height_mm + page.bleed_mm - deep, span, deep};
            const std::vector<Outline> band{{*where, {37, 99, 235}, 2}};
            const int number = ++zoom;
            for (int after = 0; after < 2; ++after) {
                const std::string file = base + "-edge" + std::to_string(number) + (after ? "-after" : "-before") + ".jpg";
                const std::string when = i18n::ui(language, after ? "after" : "before");
                if (write_picture(after ? after_raster : before_raster, page, band, crop, vertical ? 200 : 340,
                                  folder.add_file(file).string(), error))
                    entry.fix_pictures.push_back({file, ui_fill(language, "picture_bleed", {{"when", when},
                                                                                          {"edge", edge_word(change.edge, language)}})});
            }
        }
        // A changed text box: the whole page, the old box red in both, the new one green after.
        std::vector<Outline> before_boxes, after_boxes;
        for (const FixChange& change : fix.changes) {
            if (change.page != fixed.name || !change.box_before || !change.box_after) continue;
            const auto as_array = [](const BoxMm& b) { return std::array<double, 4>{b.x, b.y, b.width, b.height}; };
            before_boxes.push_back({as_array(*change.box_before), {220, 38, 38}, 3});
            after_boxes.push_back({as_array(*change.box_before), {220, 38, 38}, 1});
            after_boxes.push_back({as_array(*change.box_after), {22, 163, 74}, 3});
        }
        if (before_boxes.empty()) continue;
        for (int after = 0; after < 2; ++after) {
            const std::string file = base + (after ? "-page-after.jpg" : "-page-before.jpg");
            const std::string when = i18n::ui(language, after ? "after" : "before");
            if (write_picture(after ? after_raster : before_raster, page, after ? after_boxes : before_boxes, std::nullopt, 520,
                              folder.add_file(file).string(), error))
                entry.fix_pictures.push_back({file, ui_fill(language, "picture_page", {{"when", when}, {"page", fixed.name}})});
        }
    }
}

void HtmlReport::add_fixes(const Verdict& verdict, const std::vector<Result<FixResult>>& fixes) {
    OrderEntry* entry = impl_->find(verdict);
    if (!entry || fixes.empty()) return;
    const Language language = impl_->language;
    // fix_held_order fixes the order's designs in the order their pages were checked.
    std::vector<std::string> designs;
    for (const auto& page : verdict.pages)
        if (std::find(designs.begin(), designs.end(), page.design_file) == designs.end()) designs.push_back(page.design_file);
    bool failed = false, rerender = false, remaining = false, raster_changed = false;
    for (std::size_t n = 0; n < fixes.size(); ++n) {
        if (!fixes[n]) {
            failed = true;
            continue;
        }
        const FixResult& fix = *fixes[n];
        for (std::size_t i = 0; i < fix.changes.size(); ++i) {
            const FixChange& change = fix.changes[i];
            const bool error = i < fix.findings.size() && fix.findings[i].severity == Severity::error;
            if (error && (change.status != FixStatus::applied || !change.reason.empty())) remaining = true;
            entry->fix_lines.push_back(change_line(change, language));
        }
        for (const FixedPage& page : fix.pages) {
            rerender |= page.needs_rerender;
            raster_changed |= page.raster_changed;
        }
        entry->fix_folders.push_back(fix.design_out.parent_path().string());
        std::vector<const PageRef*> originals;
        for (const auto& page : verdict.pages)
            if (n < designs.size() && page.design_file == designs[n]) originals.push_back(&page);
        impl_->fix_pictures(*entry, fix, originals, n);
    }
    // Exactly what happened; "ready" only when nothing waits for a re-render or a person.
    if (rerender) entry->fix_state = FixState::rerender;
    else if (failed && !raster_changed) entry->fix_state = FixState::failed;
    else if (failed || remaining || !raster_changed) entry->fix_state = FixState::partial;
    else entry->fix_state = FixState::ready_after_look;
    std::sort(entry->fix_lines.begin(), entry->fix_lines.end());
    entry->fix_lines.erase(std::unique(entry->fix_lines.begin(), entry->fix_lines.end()), entry->fix_lines.end());
}

void HtmlReport::add_fix_previews(const Verdict& verdict, const std::vector<fs::path>& previews) {
    OrderEntry* entry = impl_->find(verdict);
    if (!entry) return;
    for (const auto& preview : previews) {
        const std::string file = "fix/" + impl_->base_name(verdict) + "-" + slug(preview.stem().string()) + preview.extension().string();
        std::error_code ec;
        fs::copy_file(preview, impl_->folder.add_file(file), fs::copy_options::overwrite_existing, ec);
        if (ec) continue;
        entry->fix_pictures.push_back({file, i18n::ui(impl_->language, "picture_old")});
        if (entry->fix_state == FixState::none) entry->fix_state = FixState::pictures_only;
    }
}

Result<void> HtmlReport::finish() {
    PageContext context;
    context.language = impl_->language;
    const auto now = impl_->options.now ? *impl_->options.now : std::chrono::system_clock::now();
    context.now = std::chrono::time_point_cast<std::chrono::seconds>(now);
    const std::string page = page_html(impl_->entries, context);
    const fs::path file = impl_->folder.add_file("index.html");
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << page;
    out.close();
    if (!out) return Error{ErrorCode::unwritable, "cannot write " + file.string(), {}};
    return {};
}

}  // namespace preflight
