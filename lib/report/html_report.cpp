// The service team's morning report (see preflight/report.hpp): orders that need someone
// first (cancel, then hold by respond_by, then error), each finding numbered on its page.
#include "preflight/report.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "report/overlay.hpp"

namespace preflight {

namespace fs = std::filesystem;

namespace {

std::string html(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

// A file name that is safe on disk and in a URL, from an order id and page name.
std::string slug(const std::string& text) {
    std::string out;
    for (unsigned char c : text) out += std::isalnum(c) || c == '-' || c == '_' ? char(c) : '_';
    return out.empty() ? "_" : out.substr(0, 80);
}

struct Entry {
    Verdict verdict;
    std::map<std::string, std::string> images;     // page name -> img/ file
    std::map<const Finding*, int> numbers;
    std::vector<std::string> fix_previews;          // relative to the report folder
};

int urgency(VerdictKind kind) {
    switch (kind) {
        case VerdictKind::cancel: return 0;
        case VerdictKind::hold: return 1;
        case VerdictKind::error: return 2;
        case VerdictKind::release: return 3;
        case VerdictKind::skip: return 4;
    }
    return 5;
}

const char* style = R"CSS(
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f6f5f2;color:#222}
header{background:#23303d;color:#fff;padding:16px 24px}
header h1{margin:0 0 6px;font-size:21px}
.counts{display:flex;gap:10px;flex-wrap:wrap;margin-top:8px}
.count{background:#fff2;border-radius:6px;padding:6px 12px}
.count b{font-size:19px;margin-right:4px}
.filters{padding:12px 24px;background:#fff;border-bottom:1px solid #ddd;position:sticky;top:0;z-index:2}
.filters label{margin-right:16px}
main{padding:16px 24px}
.order{background:#fff;border:1px solid #ddd;border-radius:8px;margin:0 0 16px;padding:14px 18px}
.order h2{margin:0 0 4px;font-size:18px;display:flex;gap:10px;align-items:center;flex-wrap:wrap}
.badge{font-size:13px;font-weight:600;text-transform:uppercase;border-radius:4px;padding:2px 8px;color:#fff}
.v-hold{background:#c2410c}.v-cancel{background:#7f1d1d}.v-error{background:#6b21a8}.v-release{background:#15803d}.v-skip{background:#6b7280}
.meta{color:#555;font-size:14px}
.pages{display:flex;gap:16px;flex-wrap:wrap;margin-top:10px}
figure{margin:0}figure img{max-width:100%;width:560px;border:1px solid #ccc;border-radius:4px}
figcaption{font-size:13px;color:#555}
ol.findings{margin:10px 0 0;padding-left:22px}
ol.findings li{margin:4px 0}
.sev-error{color:#b91c1c;font-weight:600}.sev-warning{color:#b45309;font-weight:600}.sev-info{color:#1d4ed8}
.check{font-family:ui-monospace,monospace;font-size:13px;background:#eef;border-radius:3px;padding:0 4px}
.fix{color:#333;font-size:14px}
table{border-collapse:collapse;background:#fff;width:100%}
td,th{border-bottom:1px solid #e5e5e5;padding:5px 8px;text-align:left;font-size:14px}
.hidden{display:none}
)CSS";

const char* script = R"JS(
(function(){
  const verdict = document.getElementById('f-verdict'), check = document.getElementById('f-check');
  function apply(){
    let shown = 0;
    document.querySelectorAll('[data-verdict]').forEach(function(el){
      const okV = !verdict.value || el.dataset.verdict === verdict.value;
      const okC = !check.value || (' ' + el.dataset.checks + ' ').indexOf(' ' + check.value + ' ') >= 0;
      el.classList.toggle('hidden', !(okV && okC));
      if (okV && okC) shown++;
    });
    document.getElementById('shown').textContent = shown;
    const hash = [];
    if (verdict.value) hash.push('verdict=' + verdict.value);
    if (check.value) hash.push('check=' + check.value);
    history.replaceState(null, '', hash.length ? '#' + hash.join('&') : location.pathname);
  }
  new URLSearchParams(location.hash.slice(1)).forEach(function(value, key){
    if (key === 'verdict') verdict.value = value;
    if (key === 'check') check.value = value;
  });
  verdict.addEventListener('change', apply);
  check.addEventListener('change', apply);
  apply();
})();
)JS";

}  // namespace

struct HtmlReport::Impl {
    fs::path dir;
    std::vector<Entry> entries;
    std::map<std::string, int> check_counts;
    std::array<long, 5> by_verdict{};
};

HtmlReport::HtmlReport(fs::path dir) : impl_(std::make_unique<Impl>()) {
    impl_->dir = std::move(dir);
    std::error_code ec;
    fs::create_directories(impl_->dir / "img", ec);
}

HtmlReport::~HtmlReport() = default;

void HtmlReport::add(const Verdict& verdict) {
    Entry entry;
    entry.verdict = verdict;
    ++impl_->by_verdict[std::size_t(verdict.verdict)];
    for (const auto& finding : entry.verdict.findings) ++impl_->check_counts[finding.check];
    bool needs_someone = verdict.verdict == VerdictKind::hold || verdict.verdict == VerdictKind::cancel ||
                         verdict.verdict == VerdictKind::error;
    int number = 0;
    for (const auto& finding : entry.verdict.findings) entry.numbers[&finding] = ++number;
    if (needs_someone) {
        for (const auto& page : entry.verdict.pages) {
            std::vector<report::OverlayMark> marks;
            for (const auto& finding : entry.verdict.findings)
                if (finding.page == page.page && finding.where_mm)
                    marks.push_back({entry.numbers[&finding], *finding.where_mm, finding.severity});
            if (marks.empty()) continue;
            std::string name = slug(verdict.order_id.value_or("line-" + std::to_string(verdict.line))) + "-" +
                               std::to_string(verdict.line) + "-" + slug(page.page) + ".jpg";
            std::string error;
            if (report::write_overlay(page, marks, 900, (impl_->dir / "img" / name).string(), error))
                entry.images[page.page] = "img/" + name;
        }
    }
    entry.verdict.pages.clear();
    impl_->entries.push_back(std::move(entry));
}

void HtmlReport::add_fix_previews(const Verdict& verdict, const std::vector<fs::path>& previews) {
    for (auto it = impl_->entries.rbegin(); it != impl_->entries.rend(); ++it) {
        if (it->verdict.line != verdict.line) continue;
        for (const auto& preview : previews) {
            std::error_code ec;
            fs::path relative = fs::relative(fs::absolute(preview), fs::absolute(impl_->dir), ec);
            it->fix_previews.push_back(ec || relative.empty() ? fs::absolute(preview).string() : relative.string());
        }
        return;
    }
}

bool HtmlReport::finish(std::string& error) {
    auto& entries = impl_->entries;
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        int ua = urgency(a.verdict.verdict), ub = urgency(b.verdict.verdict);
        if (ua != ub) return ua < ub;
        // Held orders: the earliest respond_by first (ISO 8601 in one zone sorts as text
        // within the same offset; the instant decides across offsets in practice too).
        return a.verdict.respond_by.value_or("") < b.verdict.respond_by.value_or("");
    });
    std::ostringstream out;
    const auto& v = impl_->by_verdict;
    out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        << "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>preflight report</title><style>"
        << style << "</style></head><body>\n<header><h1>preflight: orders checked</h1><div class=\"counts\">";
    const char* names[] = {"release", "hold", "cancel", "skip", "error"};
    for (int i : {1, 2, 4, 0, 3})
        out << "<span class=\"count\" id=\"count-" << names[i] << "\"><b>" << v[std::size_t(i)] << "</b>" << names[i] << "</span>";
    out << "</div></header>\n<div class=\"filters\"><label>Verdict <select id=\"f-verdict\"><option value=\"\">all</option>";
    for (int i : {1, 2, 4, 0, 3}) out << "<option value=\"" << names[i] << "\">" << names[i] << "</option>";
    out << "</select></label><label>Check <select id=\"f-check\"><option value=\"\">all</option>";
    for (const auto& [check, count] : impl_->check_counts)
        out << "<option value=\"" << html(check) << "\">" << html(check) << " (" << count << ")</option>";
    out << "</select></label><span class=\"meta\"><span id=\"shown\">" << entries.size() << "</span> of " << entries.size()
        << " orders shown</span></div>\n<main>\n";

    bool table_open = false;
    for (const auto& entry : entries) {
        const Verdict& verdict = entry.verdict;
        std::set<std::string> checks;
        for (const auto& finding : verdict.findings) checks.insert(finding.check);
        std::string check_list;
        for (const auto& check : checks) check_list += (check_list.empty() ? "" : " ") + check;
        std::string verdict_name(to_string(verdict.verdict));
        std::string id = verdict.order_id ? *verdict.order_id : "line " + std::to_string(verdict.line);
        if (urgency(verdict.verdict) <= 2) {
            out << "<section class=\"order\" data-verdict=\"" << verdict_name << "\" data-checks=\"" << html(check_list)
                << "\" id=\"order-" << html(slug(id)) << "\"><h2>" << html(id) << " <span class=\"badge v-" << verdict_name
                << "\">" << verdict_name << "</span></h2><div class=\"meta\">checked: " << to_string(verdict.checked)
                << " · export line " << verdict.line;
            if (verdict.respond_by) out << " · <b>contact the customer by " << html(*verdict.respond_by) << "</b>";
            out << "</div>";
            if (!verdict.reason.empty()) out << "<p>" << html(verdict.reason) << "</p>";
            if (!entry.images.empty()) {
                out << "<div class=\"pages\">";
                for (const auto& [page, file] : entry.images)
                    out << "<figure><img src=\"" << html(file) << "\" alt=\"page " << html(page)
                        << " with the findings outlined\"><figcaption>" << html(page)
                        << " (grey: trim, green: safe zone)</figcaption></figure>";
                out << "</div>";
            }
            if (!entry.fix_previews.empty()) {
                out << "<p><b>Fixed automatically</b> (check and release): before and after</p><div class=\"pages\">";
                for (const auto& preview : entry.fix_previews)
                    out << "<figure><img src=\"" << html(preview) << "\" alt=\"before and after the fix\"></figure>";
                out << "</div>";
            }
            out << "<ol class=\"findings\">";
            for (const auto& finding : verdict.findings) {
                std::string severity(to_string(finding.severity));
                out << "<li value=\"" << entry.numbers.at(&finding) << "\"><span class=\"sev-" << severity << "\">" << severity
                    << "</span> <span class=\"check\">" << html(finding.check) << "</span> ";
                if (!finding.page.empty()) out << "<i>" << html(finding.page) << "</i> ";
                out << html(finding.message);
                if (finding.fix.by != FixBy::none)
                    out << "<div class=\"fix\">Fix by " << to_string(finding.fix.by) << ": " << html(finding.fix.action) << "</div>";
                out << "</li>";
            }
            out << "</ol></section>\n";
        } else {
            if (!table_open) {
                out << "<h3>Released and skipped</h3><table><tr><th>order</th><th>verdict</th><th>checked</th><th>notes</th></tr>\n";
                table_open = true;
            }
            std::string notes = verdict.reason;
            for (const auto& finding : verdict.findings)
                notes += (notes.empty() ? "" : "; ") + std::string(to_string(finding.severity)) + " " + finding.check + ": " + finding.message;
            out << "<tr data-verdict=\"" << verdict_name << "\" data-checks=\"" << html(check_list) << "\"><td>" << html(id)
                << "</td><td><span class=\"badge v-" << verdict_name << "\">" << verdict_name << "</span></td><td>"
                << to_string(verdict.checked) << "</td><td>" << html(notes) << "</td></tr>\n";
        }
    }
    if (table_open) out << "</table>\n";
    out << "</main><script>" << script << "</script></body></html>\n";

    fs::path file = impl_->dir / "index.html";
    std::ofstream html_file(file, std::ios::binary);
    html_file << out.str();
    if (!html_file) {
        error = "cannot write " + file.string();
        return false;
    }
    return true;
}

}  // namespace preflight
