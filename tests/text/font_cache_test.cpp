// FontCache: load once, errors as input.* findings, safe under concurrency.
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <thread>

#include "support/test_support.hpp"
#include "text/layout.hpp"

namespace preflight::text {
namespace {

using testing::system_font;

TEST(FontCache, LoadsEachFileOnce) {
    FontCache cache;
    std::string check, error;
    auto a = cache.get(system_font("Lato-Regular.ttf").string(), check, error);
    auto b = cache.get(system_font("Lato-Regular.ttf").string(), check, error);
    ASSERT_TRUE(a);
    EXPECT_EQ(a.get(), b.get());
    EXPECT_TRUE(check.empty());
    EXPECT_EQ(font_family(*a), "Lato");
}

TEST(FontCache, MissingAndUnreadableFiles) {
    testing::TempDir dir;
    FontCache cache;
    std::string check, error;
    EXPECT_FALSE(cache.get((dir / "nope.ttf").string(), check, error));
    EXPECT_EQ(check, "input.missing_file");
    EXPECT_NE(error.find("nope.ttf"), std::string::npos);

    testing::write_text(dir / "junk.ttf", "this is not a font at all");
    EXPECT_FALSE(cache.get((dir / "junk.ttf").string(), check, error));
    EXPECT_EQ(check, "input.unreadable");

    // A truncated real font.
    std::ifstream in(system_font("DejaVuSans.ttf"), std::ios::binary);
    std::string bytes(200, '\0');
    in.read(bytes.data(), 200);
    testing::write_text(dir / "cut.ttf", bytes);
    EXPECT_FALSE(cache.get((dir / "cut.ttf").string(), check, error));
    EXPECT_EQ(check, "input.unreadable");

    EXPECT_FALSE(cache.get(dir.path().string(), check, error));
    EXPECT_EQ(check, "input.unreadable");
}

// Many threads load and lay out on the same fonts: same results as one thread.
TEST(FontCache, ConcurrentLayoutIsConsistent) {
    FontCache cache;
    const std::vector<std::string> files = {"DancingScript-Regular.otf", "lobster.otf", "DejaVuSans.ttf",
                                            "Lato-Regular.ttf", "EBGaramond12-Regular.otf"};
    std::vector<std::string> paths;
    for (const auto& f : files) paths.push_back(system_font(f).string());
    Element e;
    e.type = ElementType::text;
    e.text = "Sophie van Dijk\nGeboren 12 maart 2026, 3250 gram — ĳs €";
    e.size_pt = 18;
    e.box_mm = {10, 10, 60, 40};
    std::vector<BoxMm> expected;
    {
        FontCache single;
        std::string check, error;
        for (const auto& p : paths) expected.push_back(layout_text(e, *single.get(p, check, error)).ink_box_mm);
    }
    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < 20; ++round) {
                const std::size_t i = std::size_t(t + round) % paths.size();
                std::string check, error;
                auto font = cache.get(paths[i], check, error);
                if (!font || !(layout_text(e, *font).ink_box_mm == expected[i])) ++mismatches;
                if (font) (void)font_traits(*font);
            }
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace preflight::text
