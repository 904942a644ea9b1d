// The whole report page: summary, filters, the worklist sections in order (cancel and call
// first by deadline, then fix-ourselves, then export problems) and the released/skipped table.
#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <sstream>

#include "core/calendar.hpp"
#include "report/page_style.hpp"
#include "report/report_model.hpp"

namespace preflight::report {

namespace {

constexpr std::array<VerdictKind, 5> verdict_order{VerdictKind::hold, VerdictKind::cancel, VerdictKind::error,
                                                   VerdictKind::release, VerdictKind::skip};

void header(std::ostringstream& out, const std::vector<OrderEntry>& entries, const PageContext& context) {
    const Language language = context.language;
    std::array<long, 5> groups{};
    long released = 0, skipped = 0;
    for (const auto& entry : entries) {
        ++groups[std::size_t(entry.group)];
        released += entry.verdict.verdict == VerdictKind::release;
        skipped += entry.verdict.verdict == VerdictKind::skip;
    }
    out << "<header><h1>" << html(i18n::ui(language, "title")) << "</h1><p>"
        << html(ui_fill(language, "intro", {{"when", i18n::format_moment(context.now, language)}})) << "</p><ul class=\"counts\" aria-label=\""
        << html(i18n::ui(language, "summary_label")) << "\">";
    auto count = [&](const char* id, long value, const char* key) {
        out << "<li class=\"count\" id=\"count-" << id << "\"><b>" << value << "</b>" << html(i18n::ui(language, key)) << "</li>";
    };
    count("cancel", groups[std::size_t(Group::cancel)], "count_cancel");
    count("contact", groups[std::size_t(Group::contact)], "count_contact");
    count("self", groups[std::size_t(Group::self_fix)], "count_self");
    count("error", groups[std::size_t(Group::error)], "count_error");
    count("release", released, "count_release");
    count("skip", skipped, "count_skip");
    out << "</ul></header>\n";
}

void filters(std::ostringstream& out, const std::vector<OrderEntry>& entries, Language language) {
    std::map<std::string, int> check_counts;
    for (const auto& entry : entries)
        for (const auto& finding : entry.verdict.findings) ++check_counts[finding.check];
    out << "<div class=\"filters\"><label>" << html(i18n::ui(language, "filter_verdict")) << " <select id=\"f-verdict\"><option value=\"\">"
        << html(i18n::ui(language, "filter_all")) << "</option>";
    for (VerdictKind kind : verdict_order) {
        const std::string name(to_string(kind));
        out << "<option value=\"" << name << "\">" << html(i18n::ui(language, "verdict_" + name)) << "</option>";
    }
    out << "</select></label><label>" << html(i18n::ui(language, "filter_check")) << " <select id=\"f-check\"><option value=\"\">"
        << html(i18n::ui(language, "filter_all")) << "</option>";
    for (const auto& [check, count] : check_counts)
        out << "<option value=\"" << html(check) << "\">" << html(check) << " (" << count << ")</option>";
    out << "</select></label><span class=\"meta\"><span id=\"shown\">" << entries.size() << "</span> "
        << html(ui_fill(language, "orders_shown_of", {{"total", std::to_string(entries.size())}})) << "</span></div>\n";
}

void rest_table(std::ostringstream& out, const std::vector<OrderEntry>& entries, Language language) {
    out << "<h2>" << html(i18n::ui(language, "section_rest")) << "</h2>";
    out << "<table><thead><tr><th scope=\"col\">" << html(i18n::ui(language, "col_order")) << "</th><th scope=\"col\">"
        << html(i18n::ui(language, "col_verdict")) << "</th><th scope=\"col\">" << html(i18n::ui(language, "col_checked"))
        << "</th><th scope=\"col\">" << html(i18n::ui(language, "col_notes")) << "</th></tr></thead><tbody>\n";
    for (const auto& entry : entries) {
        if (entry.group != Group::rest) continue;
        const Verdict& verdict = entry.verdict;
        std::set<std::string> checks;
        std::string notes;
        for (const auto& finding : verdict.findings) {
            checks.insert(finding.check);
            notes += (notes.empty() ? "" : " \u00b7 ") + i18n::ui(language, "sev_" + std::string(to_string(finding.severity))) + " " +
                     finding.check + ": " + finding.message;
        }
        std::string check_list;
        for (const auto& check : checks) check_list += (check_list.empty() ? "" : " ") + check;
        const std::string name(to_string(verdict.verdict));
        const std::string id = verdict.order_id ? *verdict.order_id : "line " + std::to_string(verdict.line);
        out << "<tr data-verdict=\"" << name << "\" data-checks=\"" << html(check_list) << "\"><td class=\"oid\">" << html(id)
            << "</td><td><span class=\"badge v-" << name << "\">" << html(i18n::ui(language, "verdict_" + name)) << "</span></td><td>"
            << html(i18n::ui(language, "checked_" + std::string(to_string(verdict.checked)))) << "</td><td>" << html(notes);
        // Gate reasons (why an order was skipped) are the library's English words.
        if (!verdict.reason.empty())
            out << (notes.empty() ? "" : " \u00b7 ") << "<span lang=\"en\">" << html(verdict.reason) << "</span>"
                << (language == Language::en ? "" : " " + html(i18n::ui(language, "in_english")));
        out << "</td></tr>\n";
    }
    out << "</tbody></table>\n";
}

void section(std::ostringstream& out, const std::vector<OrderEntry>& entries, std::initializer_list<Group> groups,
             const char* heading, const char* note, const PageContext& context) {
    const Language language = context.language;
    out << "<h2>" << html(i18n::ui(language, heading)) << "</h2><p class=\"note\">" << html(i18n::ui(language, note)) << "</p>\n";
    bool any = false;
    for (const auto& entry : entries)
        if (std::find(groups.begin(), groups.end(), entry.group) != groups.end()) {
            out << order_html(entry, context);
            any = true;
        }
    if (!any) out << "<p class=\"meta\">" << html(i18n::ui(language, "nothing")) << "</p>\n";
}

}  // namespace

std::string page_html(std::vector<OrderEntry>& entries, const PageContext& context) {
    // Cancellations first, then calls by deadline (the instant, whatever the offset),
    // then what the team fixes itself, export problems, and the rest in export order.
    std::stable_sort(entries.begin(), entries.end(), [](const OrderEntry& a, const OrderEntry& b) {
        if (a.group != b.group) return a.group < b.group;
        if (a.group != Group::contact) return false;
        const auto due = [](const OrderEntry& e) {
            auto stamp = e.verdict.respond_by ? core::parse_timestamp(*e.verdict.respond_by) : std::nullopt;
            return stamp ? stamp->utc : std::chrono::sys_seconds::max();
        };
        return due(a) < due(b);
    });
    const Language language = context.language;
    std::ostringstream out;
    out << "<!DOCTYPE html>\n<html lang=\"" << i18n::language_code(language) << "\"><head><meta charset=\"utf-8\">"
        << "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>" << html(i18n::ui(language, "title"))
        << "</title><style>" << page_style << "</style></head><body>\n";
    header(out, entries, context);
    filters(out, entries, language);
    out << "<main>\n";
    section(out, entries, {Group::cancel, Group::contact}, "section_contact", "section_contact_note", context);
    section(out, entries, {Group::self_fix}, "section_self", "section_self_note", context);
    section(out, entries, {Group::error}, "section_error", "section_error_note", context);
    rest_table(out, entries, language);
    out << "</main><script>" << page_script << "</script></body></html>\n";
    return out.str();
}

}  // namespace preflight::report
