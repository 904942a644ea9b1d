// The user reference stays true: docs/checks.md holds what `preflight checks --format
// markdown` prints today (scripts/update-docs rewrites it), and every relative link and
// anchor in README.md and docs/*.md leads to something in the repository.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "support/test_support.hpp"

namespace preflight {
namespace {

namespace fs = std::filesystem;

const fs::path source_dir = PREFLIGHT_SOURCE_DIR;

TEST(Docs, ChecksReferenceIsCurrent) {
    const std::string doc = testing::read_file(source_dir / "docs/checks.md");
    const std::string begin = "<!-- BEGIN preflight checks --format markdown (scripts/update-docs) -->\n\n";
    const std::string end = "<!-- END preflight checks -->";
    auto from = doc.find(begin), to = doc.find(end);
    ASSERT_NE(from, std::string::npos);
    ASSERT_NE(to, std::string::npos);
    const std::string in_doc = doc.substr(from + begin.size(), to - from - begin.size());
    auto printed = testing::run_command(std::string(PREFLIGHT_CLI_PATH) + " checks --format markdown");
    ASSERT_EQ(printed.exit_code, 0);
    EXPECT_TRUE(in_doc == printed.out) << "docs/checks.md is out of date: run scripts/update-docs";
    // Every check is in it, with the anchor SARIF's helpUri points at.
    auto ids = testing::run_command(std::string(PREFLIGHT_CLI_PATH) + " checks | grep -v '^ '");
    std::istringstream lines(ids.out);
    int count = 0;
    for (std::string id; std::getline(lines, id); ++count) EXPECT_NE(doc.find("<a id=\"" + id + "\"></a>"), std::string::npos) << id;
    EXPECT_GT(count, 25);
}

// GitHub's anchor of a heading: lower case, punctuation but '-' and '_' dropped, spaces to '-'.
std::string heading_anchor(const std::string& heading) {
    std::string anchor;
    for (unsigned char c : heading) {
        if (std::isalnum(c) || c == '-' || c == '_' || c >= 0x80) anchor += char(std::tolower(c));
        else if (c == ' ') anchor += '-';
    }
    return anchor;
}

std::set<std::string> anchors_of(const fs::path& file) {
    std::set<std::string> anchors;
    std::istringstream lines(testing::read_file(file));
    bool fenced = false;
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("```", 0) == 0) fenced = !fenced;
        if (!fenced && line.rfind("#", 0) == 0) anchors.insert(heading_anchor(line.substr(line.find_first_not_of("# "))));
        std::smatch id;
        if (std::regex_search(line, id, std::regex(R"(<a id="([^"]+)\">)"))) anchors.insert(id[1]);
    }
    return anchors;
}

TEST(Docs, LinksResolveInsideTheRepository) {
    std::vector<fs::path> documents{source_dir / "README.md"};
    for (const auto& entry : fs::directory_iterator(source_dir / "docs"))
        if (entry.path().extension() == ".md") documents.push_back(entry.path());
    ASSERT_GE(documents.size(), 3u);
    int links = 0;
    const std::regex link(R"(\]\(([^)\s]+)\))");
    for (const auto& document : documents) {
        const std::string text = testing::read_file(document);
        for (std::sregex_iterator it(text.begin(), text.end(), link), end; it != end; ++it) {
            std::string target = (*it)[1];
            if (target.rfind("http://", 0) == 0 || target.rfind("https://", 0) == 0 || target.rfind("mailto:", 0) == 0) continue;
            ++links;
            std::string path = target.substr(0, target.find('#'));
            std::string anchor = target.find('#') == std::string::npos ? "" : target.substr(target.find('#') + 1);
            fs::path file = path.empty() ? document : (document.parent_path() / path).lexically_normal();
            EXPECT_TRUE(fs::exists(file)) << document.filename() << ": " << target;
            EXPECT_EQ(file.lexically_relative(source_dir).string().rfind("..", 0), std::string::npos)
                << document.filename() << ": " << target << " leaves the repository";
            if (!anchor.empty() && fs::is_regular_file(file)) {
                EXPECT_TRUE(anchors_of(file).count(anchor)) << document.filename() << ": " << target << ": no such anchor";
            }
        }
    }
    EXPECT_GT(links, 5);
}

}  // namespace
}  // namespace preflight
