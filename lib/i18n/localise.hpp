// Turning a finding's structured fields into its three texts in the run's language.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/catalogue.hpp"
#include "preflight/finding.hpp"

namespace preflight::i18n {

/// The catalogue context of a finding: "check/code", or "check" when it has no code.
std::string context_of(const Finding& finding);

/// The values a finding's texts may name: every detail in the language's form (words of a
/// fixed set translated through "word/<key>"), plus {check}, and {page}, {element} and
/// {edge} ("left edge" / "linkerrand") when the finding has them.
std::map<std::string, std::string> placeholder_values(const Finding& finding, Language language);

/// Replaces `message` (what was found), `fix.action` (what the team does) and sets
/// `customer_message` from the catalogue in `language`: the entry "check/code" ("check" when
/// the code is empty), else "*/code", else the fallback "check/*" (not for the English
/// found/action texts: the check's own are more precise). A text whose entry is missing, or
/// names a value the finding lacks, stays as the check wrote it (English); the customer
/// sentence then stays empty. Never throws.
void localise(Finding& finding, Language language);

/// localise() for every finding, the language given by its code ("en", "nl").
void localise(std::vector<Finding>& findings, std::string_view language);

}  // namespace preflight::i18n
