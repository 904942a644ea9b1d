// One Checker serving several threads at once, as a service hosts it: every order of the
// sample export (different designs) and one order checked by every thread at the same time
// (identical designs) give exactly the verdicts of a serial run. scripts/test-tsan runs this
// program under ThreadSanitizer.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "preflight/preflight.hpp"

namespace preflight {
namespace {

namespace fs = std::filesystem;

struct SampleExport {
    fs::path root;
    std::vector<Order> orders;
    std::vector<std::string> designs;   // design paths relative to root
    bool owned = true;
    SampleExport() {
        // scripts/test-tsan generates the export outside ThreadSanitizer (the generator is
        // not under test) and names it here.
        if (const char* given = std::getenv("PREFLIGHT_SAMPLES_DIR"); given && *given) {
            root = given;
            owned = false;
        } else {
            root = fs::temp_directory_path() / ("preflight_threads_" + std::to_string(::getpid()));
            fs::remove_all(root);
            const std::string command = std::string(PREFLIGHT_MAKE_SAMPLES_PATH) + " " + root.string() + " >/dev/null 2>&1";
            if (std::system(command.c_str()) != 0) return;
        }
        std::ifstream in(root / "orders.jsonl");
        for (std::string line; std::getline(in, line);) {
            auto order = parse_order(line);
            if (!order) continue;
            for (const auto& item : order->items)
                if (item.type == "card" && fs::exists(root / item.design)) designs.push_back(item.design);
            orders.push_back(std::move(*order));
        }
    }
    ~SampleExport() {
        std::error_code ec;
        if (owned) fs::remove_all(root, ec);
    }
};

std::unique_ptr<Checker> sample_checker(const fs::path& root) {
    auto policy = read_policy(root / "policy.json");
    EXPECT_TRUE(policy.ok()) << policy.error().message;
    auto checker = Checker::create(policy.ok() ? *policy : Policy{}, CheckerOptions{parse_time("2026-11-25T09:00:00+01:00")});
    EXPECT_TRUE(checker.ok()) << checker.error().message;
    return checker.ok() ? std::move(*checker) : nullptr;
}

std::string lint_text(const Checker& checker, const fs::path& root, const std::string& design) {
    return format_lint({{design, checker.lint_design(root / design, root)}}, "json");
}

// Runs `work(thread, results)` on `threads` threads at once and joins them.
template <class Work>
void run_threads(int threads, Work work) {
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) pool.emplace_back([&, t] { work(t); });
    for (auto& thread : pool) thread.join();
}

TEST(CheckerThreads, ManyThreadsOnOneCheckerGiveTheSerialVerdicts) {
    const SampleExport samples;
    ASSERT_GE(samples.orders.size(), 15u) << "the sample export was not generated";
    ASSERT_GE(samples.designs.size(), 5u);
    const auto checker = sample_checker(samples.root);
    ASSERT_TRUE(checker);
    std::vector<std::string> serial_orders, serial_designs;
    for (const auto& order : samples.orders) serial_orders.push_back(to_json_line(checker->check_order(order, samples.root)));
    for (const auto& design : samples.designs) serial_designs.push_back(lint_text(*checker, samples.root, design));

    // Different orders: each thread walks the export from its own starting point.
    constexpr int threads = 4;
    const std::size_t count = samples.orders.size();
    std::vector<std::vector<std::string>> orders_seen(threads, std::vector<std::string>(count));
    run_threads(threads, [&](int t) {
        for (std::size_t k = 0; k < count; ++k) {
            const std::size_t i = (k + std::size_t(t) * count / threads) % count;
            orders_seen[std::size_t(t)][i] = to_json_line(checker->check_order(samples.orders[i], samples.root));
        }
    });
    for (int t = 0; t < threads; ++t)
        for (std::size_t i = 0; i < count; ++i) EXPECT_EQ(orders_seen[std::size_t(t)][i], serial_orders[i]) << "thread " << t;

    // Identical designs: every thread lints the same designs at the same moment.
    std::vector<std::vector<std::string>> designs_seen(threads);
    run_threads(threads, [&](int t) {
        for (const auto& design : samples.designs)
            designs_seen[std::size_t(t)].push_back(lint_text(*checker, samples.root, design));
    });
    for (int t = 0; t < threads; ++t) EXPECT_EQ(designs_seen[std::size_t(t)], serial_designs) << "thread " << t;
}

TEST(CheckerThreads, CheckersCreatedAndDestroyedOnManyThreads) {
    // Creating checkers concurrently (the registry, the font cache) is as safe as using one.
    const SampleExport samples;
    ASSERT_FALSE(samples.designs.empty());
    const auto reference = sample_checker(samples.root);
    ASSERT_TRUE(reference);
    const std::string expected = lint_text(*reference, samples.root, samples.designs.front());
    std::vector<std::string> seen(3);
    run_threads(3, [&](int t) {
        auto checker = sample_checker(samples.root);
        if (checker) seen[std::size_t(t)] = lint_text(*checker, samples.root, samples.designs.front());
    });
    for (const auto& text : seen) EXPECT_EQ(text, expected);
}

}  // namespace
}  // namespace preflight
