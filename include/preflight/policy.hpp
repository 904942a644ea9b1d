// The shop's policy (formats.md section 4): paper catalogue and check options.
#pragma once

#include <map>
#include <string>
#include <variant>
#include <vector>

namespace preflight {

/// The value of one check option: a flag, a number, a word, or a list of words.
using OptionValue = std::variant<bool, double, std::string, std::vector<std::string>>;

/// Options set by the policy for one check: option name -> value.
using OptionSet = std::map<std::string, OptionValue>;

struct Paper {
    std::vector<std::string> finishes;
};

struct Policy {
    /// Paper id -> what it takes. Empty: no catalogue, product.foil_paper cannot judge.
    std::map<std::string, Paper> papers;
    bool has_paper_catalogue = false;
    /// Check id -> options for every product (may contain "enabled").
    std::map<std::string, OptionSet> checks;
    /// Product -> check id -> options overriding `checks` for that product.
    std::map<std::string, std::map<std::string, OptionSet>> products;
    /// Language of every human text (messages, report): "en" or "nl" (`"language"`;
    /// the CLI's --lang overrides it).
    std::string language = "en";
};

}  // namespace preflight
