// Verdict lines read back (for --resume --report): every written field round-trips, and what
// is no verdict line is refused.
#include <gtest/gtest.h>

#include "preflight/formats.hpp"

namespace preflight {
namespace {

TEST(VerdictReader, WrittenLinesRoundTrip) {
    Verdict verdict;
    verdict.order_id = "SP-1002";
    verdict.line = 7;
    verdict.verdict = VerdictKind::hold;
    verdict.checked = Checked::full;
    verdict.respond_by = "2026-11-26T10:00:00+01:00";
    Finding finding;
    finding.check = "bleed.coverage";
    finding.severity = Severity::error;
    finding.page = "front";
    finding.message = "The background stops 2.1 mm short of the bleed edge on the left.";
    finding.where_mm = std::array<double, 4>{-3, -3, 2.1, 111};
    finding.measured = 0.9;
    finding.limit = 3;
    finding.unit = "mm";
    finding.fix = {FixBy::automatic, "Extend the background into the bleed."};
    verdict.findings.push_back(finding);
    Finding other;
    other.check = "content.year";
    other.severity = Severity::warning;
    verdict.findings.push_back(other);
    const std::string line = to_json_line(verdict);
    auto read = parse_verdict_line(line);
    ASSERT_TRUE(read);
    EXPECT_EQ(to_json_line(*read), line);
    EXPECT_EQ(read->findings.size(), 2u);
    EXPECT_EQ(read->findings[0].fix.by, FixBy::automatic);

    Verdict error;
    error.line = 3;
    error.reason = "line 3 is not valid JSON";
    auto read_error = parse_verdict_line(to_json_line(error));
    ASSERT_TRUE(read_error);
    EXPECT_FALSE(read_error->order_id);
    EXPECT_EQ(to_json_line(*read_error), to_json_line(error));
}

TEST(VerdictReader, RefusesWhatIsNoVerdictLine) {
    EXPECT_FALSE(parse_verdict_line(""));
    EXPECT_FALSE(parse_verdict_line("{\"order_id\": \"A\"}"));
    EXPECT_FALSE(parse_verdict_line("{\"line\": 1, \"verdict\": \"maybe\"}"));
    EXPECT_FALSE(parse_verdict_line("{\"line\": 1, \"verdict\": \"hold\", \"findings\": [3]}"));
    EXPECT_FALSE(parse_verdict_line("{\"line\": 1, \"verdict\": \"hold\""));
}

}  // namespace
}  // namespace preflight
