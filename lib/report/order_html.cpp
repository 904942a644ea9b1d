// One order on the worklist: who to contact and how, by when, what to say, what the team
// does, what was found (with the pages outlined) and what the automatic fix did.
#include <map>
#include <set>
#include <sstream>

#include "core/calendar.hpp"
#include "report/report_model.hpp"

namespace preflight::report {

namespace {

const char* badge_key(Group group) {
    switch (group) {
        case Group::cancel: return "badge_cancel";
        case Group::contact: return "badge_contact";
        case Group::self_fix: return "badge_self";
        case Group::error: return "badge_error";
        case Group::rest: break;
    }
    return "verdict_release";
}

void deadline(std::ostringstream& out, const OrderEntry& entry, const PageContext& context) {
    const Language language = context.language;
    if (entry.group == Group::cancel) {
        out << "<p class=\"due\"><b>" << html(i18n::ui(language, "cancel_due")) << "</b></p>";
        return;
    }
    if (entry.group != Group::contact || !entry.verdict.respond_by) return;
    auto due = core::parse_timestamp(*entry.verdict.respond_by);
    if (!due) return;
    out << "<p class=\"due\"><b>"
        << html(ui_fill(language, "respond_by", {{"when", i18n::format_moment(due->utc, language)}}))
        << "</b> <span class=\"left\">(" << html(working_hours_left(context.now, due->utc, language)) << ")</span></p>";
}

void contact(std::ostringstream& out, const Verdict& verdict, Language language) {
    const Customer& customer = verdict.customer;
    const std::string name = customer.name.empty() ? verdict.order_id.value_or("") : customer.name;
    out << "<p class=\"contact\"><span class=\"label\">" << html(i18n::ui(language, "customer")) << ":</span> <b>"
        << html(customer.name) << "</b>";
    const std::string tel = tel_target(customer.phone), mail = mail_target(verdict, language);
    if (!tel.empty())
        out << " <a class=\"tel\" href=\"" << html(tel) << "\" title=\"" << html(ui_fill(language, "call", {{"name", name}}))
            << "\">" << html(customer.phone) << "</a>";
    if (!mail.empty())
        out << " <a class=\"mail\" href=\"" << html(mail) << "\" title=\"" << html(ui_fill(language, "mail", {{"name", name}}))
            << "\">" << html(customer.email) << "</a>";
    if (tel.empty() && mail.empty()) out << " <span class=\"meta\">" << html(i18n::ui(language, "no_contact")) << "</span>";
    out << "</p>";
}

void list(std::ostringstream& out, const std::string& heading, const std::vector<std::string>& items, const char* css) {
    if (items.empty()) return;
    out << "<h4>" << html(heading) << "</h4><ul class=\"" << css << "\">";
    for (const auto& item : items) out << "<li>" << html(item) << "</li>";
    out << "</ul>";
}

void findings(std::ostringstream& out, const OrderEntry& entry, Language language) {
    const Verdict& verdict = entry.verdict;
    if (verdict.findings.empty()) return;
    out << "<h4>" << html(i18n::ui(language, "found_heading")) << "</h4>";
    if (!entry.pages.empty()) {
        out << "<div class=\"pages\">";
        for (const auto& picture : entry.pages)
            out << "<figure><img src=\"" << html(picture.file) << "\" alt=\"" << html(picture.caption)
                << "\" loading=\"lazy\"><figcaption>" << html(picture.caption) << "</figcaption></figure>";
        out << "</div>";
    }
    out << "<ol class=\"findings\">";
    for (std::size_t i = 0; i < verdict.findings.size(); ++i) {
        const Finding& finding = verdict.findings[i];
        const std::string severity(to_string(finding.severity));
        out << "<li value=\"" << i + 1 << "\"><span class=\"sev-" << severity << "\">"
            << html(i18n::ui(language, "sev_" + severity)) << "</span> <code class=\"check\">" << html(finding.check)
            << "</code> ";
        if (!finding.page.empty()) out << "<i>" << html(i18n::ui(language, "page_word")) << " " << html(finding.page) << "</i> ";
        out << html(finding.message) << "</li>";
    }
    out << "</ol>";
}

const char* fix_state_key(FixState state) {
    switch (state) {
        case FixState::ready_after_look: return "fix_ready";
        case FixState::rerender: return "fix_rerender";
        case FixState::partial: return "fix_partial";
        case FixState::failed: return "fix_failed";
        case FixState::pictures_only: return "picture_old";
        case FixState::none: break;
    }
    return "";
}

void fix_block(std::ostringstream& out, const OrderEntry& entry, Language language) {
    if (entry.fix_state == FixState::none) return;
    const char* state = entry.fix_state == FixState::ready_after_look ? "ready" : "not-ready";
    out << "<div class=\"fixed fix-" << state << "\"><h4>" << html(i18n::ui(language, "fix_heading")) << "</h4><p class=\"fix-status\"><b>"
        << html(i18n::ui(language, fix_state_key(entry.fix_state))) << "</b></p>";
    if (!entry.fix_lines.empty()) {
        out << "<ul>";
        for (const auto& line : entry.fix_lines) out << "<li>" << html(line) << "</li>";
        out << "</ul>";
    }
    for (const auto& folder : entry.fix_folders)
        out << "<p class=\"meta path\">" << html(ui_fill(language, "fix_folder", {{"path", folder}})) << "</p>";
    if (!entry.fix_pictures.empty()) {
        out << "<div class=\"pages fix-pictures\">";
        for (const auto& picture : entry.fix_pictures)
            out << "<figure><img src=\"" << html(picture.file) << "\" alt=\"" << html(picture.caption)
                << "\" loading=\"lazy\"><figcaption>" << html(picture.caption) << "</figcaption></figure>";
        out << "</div>";
    }
    out << "</div>";
}

}  // namespace

std::string order_html(const OrderEntry& entry, const PageContext& context) {
    const Language language = context.language;
    const Verdict& verdict = entry.verdict;
    std::set<std::string> checks;
    for (const auto& finding : verdict.findings) checks.insert(finding.check);
    std::string check_list;
    for (const auto& check : checks) check_list += (check_list.empty() ? "" : " ") + check;
    const std::string verdict_name(to_string(verdict.verdict));
    const std::string id = verdict.order_id ? *verdict.order_id : "line " + std::to_string(verdict.line);
    std::ostringstream out;
    out << "<section class=\"order g-" << badge_key(entry.group) << "\" data-verdict=\"" << verdict_name << "\" data-checks=\""
        << html(check_list) << "\" id=\"order-" << html(slug(id)) << "\" aria-labelledby=\"h-" << html(slug(id)) << "-"
        << verdict.line << "\"><h3 id=\"h-" << html(slug(id)) << "-" << verdict.line << "\"><span class=\"oid\">" << html(id)
        << "</span> <span class=\"badge b-" << badge_key(entry.group) << "\">" << html(i18n::ui(language, badge_key(entry.group)))
        << "</span></h3>";
    deadline(out, entry, context);
    if (entry.group == Group::cancel || entry.group == Group::contact) {
        contact(out, verdict, language);
        list(out, i18n::ui(language, "say_heading"), customer_sentences(verdict), "say");
    }
    std::vector<std::string> actions;
    if (entry.group == Group::cancel) actions.push_back(i18n::ui(language, "cancel_do"));
    if (entry.group == Group::contact) actions.push_back(i18n::ui(language, "hold_do"));
    for (const auto& action : team_actions(verdict)) actions.push_back(action);
    list(out, i18n::ui(language, "do_heading"), actions, "do");
    // An error verdict's reason repeats its findings; alone it is the gate's English text.
    if (!verdict.reason.empty() && entry.group == Group::error && verdict.findings.empty())
        out << "<p><b>" << html(i18n::ui(language, "reason")) << ":</b> <span lang=\"en\">" << html(verdict.reason) << "</span>"
            << (language == Language::en ? "" : " " + html(i18n::ui(language, "in_english"))) << "</p>";
    fix_block(out, entry, language);
    findings(out, entry, language);
    out << "<p class=\"meta\">" << html(i18n::ui(language, "checked_" + std::string(to_string(verdict.checked)))) << " \u00b7 "
        << html(ui_fill(language, "export_line", {{"line", std::to_string(verdict.line)}})) << "</p></section>\n";
    return out.str();
}

}  // namespace preflight::report
