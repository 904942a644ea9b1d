// What the report keeps per order between add() and finish(), and the helpers that turn it
// into words and HTML (report_texts.cpp, order_html.cpp, page_html.cpp).
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "i18n/catalogue.hpp"
#include "preflight/finding.hpp"

namespace preflight::report {

using i18n::Language;

/// Where an order stands on the worklist, in page order.
enum class Group { cancel, contact, self_fix, error, rest };

struct Picture {
    std::string file;      // relative to the report folder
    std::string caption;   // also the alternative text
};

/// What the automatic fix did to an order, as the team must read it.
enum class FixState { none, ready_after_look, rerender, partial, failed, pictures_only };

struct OrderEntry {
    Verdict verdict;
    Group group = Group::rest;
    std::vector<Picture> pages;          // overlays of the pages with findings
    FixState fix_state = FixState::none;
    std::vector<std::string> fix_lines;  // one sentence per change, in the run's language
    std::vector<std::string> fix_folders;
    std::vector<Picture> fix_pictures;
};

struct PageContext {
    Language language = Language::en;
    std::chrono::sys_seconds now{};
};

// report_texts.cpp
std::string html(const std::string& text);
/// A safe file-name part from an order id or page name.
std::string slug(const std::string& text);
/// "nog 7 werkuren" / "7 working hours left" from now to `due` (Dutch working time).
std::string working_hours_left(std::chrono::sys_seconds now, std::chrono::sys_seconds due, Language language);
/// The catalogue text "report"/key with {name} values filled in (the key itself when missing).
std::string ui_fill(Language language, const std::string& key, const std::map<std::string, std::string>& values);
/// tel: link target from a phone number as the customer typed it ("" when no digits).
std::string tel_target(const std::string& phone);
/// mailto: target with subject and body pre-filled with the order's customer sentences.
std::string mail_target(const Verdict& verdict, Language language);
/// The customer sentences of an order, each once, in finding order.
std::vector<std::string> customer_sentences(const Verdict& verdict);
/// The team's actions of an order, each once, in finding order.
std::vector<std::string> team_actions(const Verdict& verdict);

// order_html.cpp
std::string order_html(const OrderEntry& entry, const PageContext& context);

// page_html.cpp
std::string page_html(std::vector<OrderEntry>& entries, const PageContext& context);

}  // namespace preflight::report
