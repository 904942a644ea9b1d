// A fix writes only into its own new folder: never the design's folder (a trailing slash or a
// symlink to it), never inside it or an explicit --root, never a non-empty folder without
// --force, never through a planted symlink; --fix-dir folder names never collide.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "fix/fix_card.hpp"
#include "support/test_support.hpp"

namespace preflight {
namespace {

namespace fs = std::filesystem;

class FixOutput : public ::testing::Test {
protected:
    void SetUp() override {
        testing::write_fix_card(dir_.path(), false);
        original_ = testing::read_file(dir_ / "card/front.png");
        ASSERT_FALSE(original_.empty());
        testing::write_text(dir_ / "outside.txt", "not yours\n");
    }
    testing::CommandResult in_root(const std::string& arguments) const {
        return testing::run_command("cd " + dir_.path().string() + " && " + PREFLIGHT_CLI_PATH + " " + arguments + " 2>&1");
    }
    void expect_untouched() const {
        EXPECT_EQ(testing::read_file(dir_ / "card/front.png"), original_);
        EXPECT_EQ(testing::read_file(dir_ / "outside.txt"), "not yours\n");
    }
    testing::TempDir dir_;
    std::string original_;
};

TEST_F(FixOutput, DesignFolderByAnyNameIsRefused) {
    fs::create_directory_symlink(dir_ / "card", dir_ / "link");
    for (const char* out : {"card/", "card/.", "./card//", "link", "link/", "card/sub", "link/sub/deeper"}) {
        auto run = in_root(std::string("fix card/design.json -o ") + out);
        EXPECT_EQ(run.exit_code, 2) << out << ": " << run.out;
        EXPECT_NE(run.out.find("lies inside"), std::string::npos) << out << ": " << run.out;
        expect_untouched();
    }
    EXPECT_FALSE(fs::exists(dir_ / "card/sub"));
    EXPECT_FALSE(fs::exists(dir_ / "card/changes.json"));
}

TEST_F(FixOutput, ExplicitRootIsProtectedToo) {
    auto run = in_root("fix card/design.json --root . -o fixed");
    EXPECT_EQ(run.exit_code, 2) << run.out;
    EXPECT_FALSE(fs::exists(dir_ / "fixed"));
    auto outside = testing::run_command("cd " + dir_.path().string() + " && " + PREFLIGHT_CLI_PATH +
                                        " fix card/design.json --root . -o " + (dir_ / "../fix-output-elsewhere").string() +
                                        " 2>&1");
    EXPECT_EQ(outside.exit_code, 0) << outside.out;
    fs::remove_all(dir_ / "../fix-output-elsewhere");
}

TEST_F(FixOutput, PlantedSymlinkIsNeverWrittenThroughAndNonEmptyNeedsForce) {
    fs::create_directories(dir_ / "out");
    fs::create_symlink(dir_ / "outside.txt", dir_ / "out/changes.json");
    auto refused = in_root("fix card/design.json -o out");
    EXPECT_EQ(refused.exit_code, 2) << refused.out;
    EXPECT_NE(refused.out.find("not empty"), std::string::npos) << refused.out;
    expect_untouched();
    auto forced = in_root("fix card/design.json -o out --force");
    EXPECT_EQ(forced.exit_code, 0) << forced.out;
    expect_untouched();
    EXPECT_FALSE(fs::is_symlink(dir_ / "out/changes.json"));
    EXPECT_NE(testing::read_file(dir_ / "out/changes.json").find("\"applied\""), std::string::npos);
    // A new folder with a trailing slash is fine.
    auto fresh = in_root("fix card/design.json -o fresh/");
    EXPECT_EQ(fresh.exit_code, 0) << fresh.out;
    EXPECT_TRUE(fs::exists(dir_ / "fresh/design.json"));
}

// Two orders whose ids differ only where a lossy name would flatten them each get a folder.
TEST(FixDir, OrderIdsMapToDistinctFolders) {
    testing::TempDir dir;
    ASSERT_EQ(testing::run_command(std::string(PREFLIGHT_MAKE_SAMPLES_PATH) + " " + (dir / "export").string() + " >/dev/null 2>&1").exit_code, 0);
    std::string line;
    {
        std::ifstream in(dir / "export/orders.jsonl");
        for (std::string l; std::getline(in, l);)
            if (l.find("\"SP-1002\"") != std::string::npos) line = l;
    }
    ASSERT_FALSE(line.empty());
    std::string export_text;
    for (const char* id : {"A/1", "A_1", "A%2F1"}) {
        std::string copy = line;
        copy.replace(copy.find("\"SP-1002\""), 9, std::string("\"") + id + "\"");
        export_text += copy + "\n";
    }
    testing::write_text(dir / "export/ids.jsonl", export_text);
    const std::string check = std::string(PREFLIGHT_CLI_PATH) + " check " + (dir / "export/ids.jsonl").string() +
                              " --policy " + (dir / "export/policy.json").string() + " --now 2026-11-25T10:00:00+01:00";
    auto run = testing::run_command(check + " --fix-dir " + (dir / "fixed").string() + " 2>&1 >/dev/null");
    EXPECT_NE(run.out.find("3 held designs fixed"), std::string::npos) << run.out;
    for (const char* folder : {"A%2F1", "A%5F1", "A%252F1"})
        EXPECT_TRUE(fs::exists(dir / "fixed" / folder / "1/changes.json")) << folder;
    // Inside the export's folder: refused before anything is checked.
    auto inside = testing::run_command(check + " --fix-dir " + (dir / "export/fixed").string() + " 2>&1 >/dev/null");
    EXPECT_EQ(inside.exit_code, 2) << inside.out;
    EXPECT_FALSE(fs::exists(dir / "export/fixed"));
}

}  // namespace
}  // namespace preflight
