// Paths named in documents never leave the export root: '..', absolute paths, symlinks out.
#include "core/paths.hpp"

#include <gtest/gtest.h>

#include "support/test_support.hpp"

namespace preflight {
namespace {

namespace fs = std::filesystem;

TEST(Paths, RelativePathsInsideAreResolved) {
    testing::TempDir dir;
    testing::write_text(dir / "SP-1/front.png", "x");
    auto resolved = core::resolve_inside(dir.path(), dir / "SP-1", "front.png");
    ASSERT_TRUE(resolved.ok()) << resolved.error;
    EXPECT_EQ(resolved.path, dir / "SP-1/front.png");
    // Up and down again, still inside.
    EXPECT_TRUE(core::resolve_inside(dir.path(), dir / "SP-1", "../fonts/a.ttf").ok());
    // Inside but absent: ok here, reported as missing by the caller.
    EXPECT_TRUE(core::resolve_inside(dir.path(), dir / "SP-1", "nope.png").ok());
}

TEST(Paths, EscapesAreRefused) {
    testing::TempDir dir;
    fs::create_directories(dir / "SP-1");
    EXPECT_EQ(core::resolve_inside(dir.path(), dir / "SP-1", "../../etc/passwd").error_check, "input.path_outside");
    EXPECT_EQ(core::resolve_inside(dir.path(), dir / "SP-1", "/etc/passwd").error_check, "input.path_outside");
    EXPECT_EQ(core::resolve_inside(dir.path(), dir.path(), "..").error_check, "input.path_outside");
    EXPECT_EQ(core::resolve_inside(dir.path(), dir.path(), "").error_check, "input.schema");
}

TEST(Paths, SymlinksLeadingOutAreRefused) {
    testing::TempDir dir, outside;
    testing::write_text(outside / "secret.png", "x");
    fs::create_directories(dir / "SP-1");
    fs::create_symlink(outside / "secret.png", dir / "SP-1/front.png");
    fs::create_directory_symlink(outside.path(), dir / "SP-1/linked");
    EXPECT_EQ(core::resolve_inside(dir.path(), dir / "SP-1", "front.png").error_check, "input.path_outside");
    EXPECT_EQ(core::resolve_inside(dir.path(), dir / "SP-1", "linked/secret.png").error_check, "input.path_outside");
    // A symlink that stays inside is fine.
    testing::write_text(dir / "shared/bg.png", "x");
    fs::create_symlink(dir / "shared/bg.png", dir / "SP-1/bg.png");
    EXPECT_TRUE(core::resolve_inside(dir.path(), dir / "SP-1", "bg.png").ok());
}

}  // namespace
}  // namespace preflight
