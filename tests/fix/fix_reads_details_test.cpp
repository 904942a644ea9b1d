// fix reads a finding's structured fields, never its text: with every message in Dutch (no
// "left edge" anywhere) the bleed is still generated on each edge the findings name.
#include <gtest/gtest.h>

#include "fix/fix_card.hpp"
#include "preflight/fix.hpp"
#include "preflight/preflight.hpp"
#include "support/test_support.hpp"

namespace preflight {
namespace {

TEST(FixReadsDetails, BleedIsGeneratedWhateverTheMessagesSay) {
    testing::TempDir dir;
    testing::write_fix_card(dir.path(), false);
    Policy dutch;
    dutch.language = "nl";
    const Checker checker(dutch);
    const Result<FixResult> fixed = fix_design(checker, dir / "card" / "design.json", dir.path(), dir / "card-fixed");
    ASSERT_TRUE(fixed.ok()) << fixed.error().message;
    const FixResult& result = *fixed;
    std::set<std::string> edges;
    for (std::size_t i = 0; i < result.changes.size(); ++i) {
        const Finding& finding = result.findings[i];
        if (finding.check != "bleed.coverage") continue;
        // The message is the Dutch text: nothing in it that the old English search would find.
        EXPECT_EQ(finding.message.find(" edge"), std::string::npos) << finding.message;
        EXPECT_NE(finding.message.find("rand"), std::string::npos) << finding.message;
        EXPECT_EQ(result.changes[i].status, FixStatus::applied) << result.changes[i].reason;
        EXPECT_EQ(result.changes[i].edge, std::string(to_string(finding.edge)));
        edges.insert(result.changes[i].edge);
    }
    EXPECT_EQ(edges, (std::set<std::string>{"left", "top", "right", "bottom"}));
    for (const auto& finding : checker.lint_design(dir / "card-fixed" / "design.json", dir.path()))
        EXPECT_NE(finding.check, "bleed.coverage") << finding.message;
}

}  // namespace
}  // namespace preflight
