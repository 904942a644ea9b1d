// Paths named in documents never leave the export root: '..', absolute paths, symlinks out.
#include "input/asset_reader.hpp"

#include <gtest/gtest.h>

#include "support/test_support.hpp"

namespace preflight {
namespace {

namespace fs = std::filesystem;

std::string read_check(const fs::path& root, const std::string& base, const std::string& name) {
    auto joined = input::join_beneath(base, name);
    if (!joined.ok()) return joined.error_check;
    input::RootFolder folder(root.string());
    return folder.read(joined.from_root, 1 << 20).error_check;
}

TEST(Paths, RelativePathsInsideAreResolved) {
    testing::TempDir dir;
    testing::write_text(dir / "SP-1/front.png", "x");
    testing::write_text(dir / "fonts/a.ttf", "x");
    auto joined = input::join_beneath("SP-1", "front.png");
    ASSERT_TRUE(joined.ok()) << joined.error;
    EXPECT_EQ(joined.from_root, "SP-1/front.png");
    EXPECT_EQ(read_check(dir.path(), "SP-1", "front.png"), "");
    // Up and down again, still inside.
    EXPECT_EQ(read_check(dir.path(), "SP-1", "../fonts/a.ttf"), "");
    EXPECT_EQ(read_check(dir.path(), "SP-1", "nope.png"), "input.missing_file");
}

TEST(Paths, EscapesAreRefused) {
    testing::TempDir dir;
    fs::create_directories(dir / "SP-1");
    EXPECT_EQ(read_check(dir.path(), "SP-1", "../../etc/passwd"), "input.path_outside");
    EXPECT_EQ(read_check(dir.path(), "SP-1", "/etc/passwd"), "input.path_outside");
    EXPECT_EQ(read_check(dir.path(), "", ".."), "input.path_outside");
    EXPECT_EQ(read_check(dir.path(), "", ""), "input.schema");
}

TEST(Paths, SymlinksLeadingOutAreRefused) {
    testing::TempDir dir, outside;
    testing::write_text(outside / "secret.png", "x");
    fs::create_directories(dir / "SP-1");
    fs::create_symlink(outside / "secret.png", dir / "SP-1/front.png");
    fs::create_directory_symlink(outside.path(), dir / "SP-1/linked");
    fs::create_symlink("../../" + outside.path().filename().string() + "/secret.png", dir / "SP-1/relative_out.png");
    EXPECT_EQ(read_check(dir.path(), "SP-1", "front.png"), "input.path_outside");
    EXPECT_EQ(read_check(dir.path(), "SP-1", "linked/secret.png"), "input.path_outside");
    EXPECT_EQ(read_check(dir.path(), "SP-1", "relative_out.png"), "input.path_outside");
    // Symlinks that stay inside are fine, relative or absolute.
    testing::write_text(dir / "shared/bg.png", "x");
    fs::create_symlink(dir / "shared/bg.png", dir / "SP-1/bg.png");
    fs::create_symlink("../shared/bg.png", dir / "SP-1/bg2.png");
    EXPECT_EQ(read_check(dir.path(), "SP-1", "bg.png"), "");
    EXPECT_EQ(read_check(dir.path(), "SP-1", "bg2.png"), "");
}

TEST(Paths, WalkFallbackRefusesEveryLink) {
    testing::TempDir dir, outside;
    testing::write_text(outside / "secret.png", "x");
    testing::write_text(dir / "shared/bg.png", "x");
    fs::create_directories(dir / "SP-1");
    fs::create_symlink(outside / "secret.png", dir / "SP-1/front.png");
    fs::create_symlink("../shared/bg.png", dir / "SP-1/bg.png");
    fs::create_directory_symlink(outside.path(), dir / "SP-1/linked");
    input::force_walk_fallback_for_tests(true);
    EXPECT_EQ(read_check(dir.path(), "SP-1", "front.png"), "input.path_outside");
    EXPECT_EQ(read_check(dir.path(), "SP-1", "bg.png"), "input.path_outside");
    EXPECT_EQ(read_check(dir.path(), "SP-1", "linked/secret.png"), "input.path_outside");
    EXPECT_EQ(read_check(dir.path(), "SP-1", "../shared/bg.png"), "");
    EXPECT_EQ(read_check(dir.path(), "SP-1", "missing.png"), "input.missing_file");
    input::force_walk_fallback_for_tests(false);
}

}  // namespace
}  // namespace preflight
