// Words of the report: escaping, deadlines in working hours, tel: and mailto: links with the
// customer sentences (see report_model.hpp).
#include <algorithm>
#include <cctype>
#include <map>

#include "core/calendar.hpp"
#include "report/report_model.hpp"

namespace preflight::report {

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

std::string slug(const std::string& text) {
    std::string out;
    for (unsigned char c : text) out += std::isalnum(c) || c == '-' || c == '_' ? char(c) : '_';
    return out.empty() ? "_" : out.substr(0, 80);
}

std::string ui_fill(Language language, const std::string& key, const std::map<std::string, std::string>& values) {
    const std::string pattern = i18n::ui(language, key);
    return i18n::fill(pattern, values).value_or(pattern);
}

std::string working_hours_left(std::chrono::sys_seconds now, std::chrono::sys_seconds due, Language language) {
    if (due <= now) return i18n::ui(language, "overdue");
    // Whole working hours that still fit before the deadline (respond_by is 8 at most).
    int hours = 0;
    while (hours < 200 && core::add_working_hours(now, hours + 1) <= due) ++hours;
    if (hours == 0) return i18n::ui(language, "hours_left_less");
    if (hours == 1) return i18n::ui(language, "hours_left_one");
    return ui_fill(language, "hours_left_many", {{"hours", std::to_string(hours)}});
}

std::string tel_target(const std::string& phone) {
    std::string digits;
    for (char c : phone)
        if (std::isdigit(static_cast<unsigned char>(c)) || (c == '+' && digits.empty())) digits += c;
    return digits.find_first_of("0123456789") == std::string::npos ? std::string() : "tel:" + digits;
}

namespace {

// RFC 3986 percent-encoding of UTF-8 (mailto: fields).
std::string percent_encode(const std::string& text, bool address = false) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || (address && (c == '@' || c == '+'))) out += char(c);
        else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

template <typename Get>
std::vector<std::string> unique_texts(const Verdict& verdict, Get get) {
    std::vector<std::string> texts;
    for (const auto& finding : verdict.findings) {
        const std::string& text = get(finding);
        if (!text.empty() && std::find(texts.begin(), texts.end(), text) == texts.end()) texts.push_back(text);
    }
    return texts;
}

}  // namespace

std::vector<std::string> customer_sentences(const Verdict& verdict) {
    return unique_texts(verdict, [](const Finding& f) -> const std::string& {
        static const std::string none;
        return f.severity == Severity::info ? none : f.customer_message;
    });
}

std::vector<std::string> team_actions(const Verdict& verdict) {
    return unique_texts(verdict, [](const Finding& f) -> const std::string& { return f.fix.action; });
}

std::string mail_target(const Verdict& verdict, Language language) {
    if (verdict.customer.email.empty()) return {};
    const std::string order = verdict.order_id.value_or("");
    std::string body = verdict.customer.name.empty()
                           ? i18n::ui(language, "mail_greeting_anonymous")
                           : ui_fill(language, "mail_greeting", {{"name", verdict.customer.name}});
    body += "\n\n" + ui_fill(language, "mail_intro", {{"order", order}}) + "\n\n";
    for (const auto& sentence : customer_sentences(verdict)) body += "- " + sentence + "\n";
    body += "\n" + i18n::ui(language, "mail_outro") + "\n\n" + i18n::ui(language, "mail_closing") + "\n";
    // CRLF line ends: what RFC 6068 asks of a mailto body.
    std::string crlf;
    for (char c : body) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    return "mailto:" + percent_encode(verdict.customer.email, true) + "?subject=" +
           percent_encode(ui_fill(language, "mail_subject", {{"order", order}})) + "&body=" + percent_encode(crlf);
}

}  // namespace preflight::report
