// Reading the next order's files while one is checked (check_export with one job): verdicts
// identical and in order with and without it, the byte bound held, the bytes read once taken
// by the checker (the file is not opened again), FIFOs and links out refused as before.
#include "input/read_ahead.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <future>
#include <sstream>

#include "hostile/hostile_support.hpp"
#include "preflight/batch.hpp"
#include "preflight/checker.hpp"
#include "preflight/formats.hpp"

namespace preflight {
namespace {

namespace fs = std::filesystem;
using hostile::OneCardExport;

std::string read_text(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const fs::path& sample_export() {
    static testing::TempDir* dir = [] {
        auto* made = new testing::TempDir();
        testing::run_command(std::string(PREFLIGHT_MAKE_SAMPLES_PATH) + " " + (made->path() / "export").string() + " >/dev/null 2>&1");
        return made;
    }();
    static const fs::path root = dir->path() / "export";
    return root;
}

const Checker& sample_checker() {
    static const Checker checker(*parse_policy(read_text(sample_export() / "policy.json")),
                                 CheckerOptions{parse_time("2026-11-25T10:00:00+01:00")});
    return checker;
}

std::vector<std::string> check_lines(const std::string& export_text, const fs::path& root, const Checker& checker,
                                     int jobs, std::size_t read_ahead) {
    std::istringstream in(export_text);
    std::vector<std::string> lines;
    BatchOptions options;
    options.jobs = jobs;
    options.read_ahead_file_bytes = read_ahead;
    check_export(in, root, checker, [&](const Verdict&, const std::string& line) { lines.push_back(line); }, options);
    return lines;
}

Order sample_order(const std::string& id) {
    std::istringstream in(read_text(sample_export() / "orders.jsonl"));
    for (std::string line; std::getline(in, line);)
        if (line.find("\"order_id\":\"" + id + "\"") != std::string::npos) return *parse_order(line);
    ADD_FAILURE() << "no order " << id;
    return {};
}

TEST(ReadAhead, VerdictsAreIdenticalAndInOrderWithAndWithout) {
    const std::string orders = read_text(sample_export() / "orders.jsonl");
    const auto without = check_lines(orders, sample_export(), sample_checker(), 1, 0);
    ASSERT_GT(without.size(), 20u);
    EXPECT_EQ(check_lines(orders, sample_export(), sample_checker(), 1, 16u << 20), without);
    EXPECT_EQ(check_lines(orders, sample_export(), sample_checker(), 1, 40'000), without);   // partly read ahead
    EXPECT_EQ(check_lines(orders, sample_export(), sample_checker(), 2, 16u << 20), without);
}

TEST(ReadAhead, HoldsTheByteBound) {
    const input::RootFolder folder(sample_export().string());
    const Order order = sample_order("SP-1001");   // design, a 1.4 MB photo page, a small back page
    const auto everything = input::read_ahead(folder, order, 16u << 20, 200u << 20);
    std::size_t total = 0;
    for (const auto& [path, entry] : everything.files) {
        ASSERT_TRUE(entry.file.ok()) << path << ": " << entry.file.error;
        total += entry.file.bytes->size();
        EXPECT_EQ(entry.file.bytes->size(), fs::file_size(sample_export() / path)) << path;
    }
    EXPECT_EQ(everything.bytes, total);
    EXPECT_GE(everything.files.size(), 3u);
    EXPECT_GT(total, 1'000'000u);
    for (std::size_t budget : {std::size_t(0), std::size_t(1000), std::size_t(200'000), total - 1}) {
        const auto bounded = input::read_ahead(folder, order, budget, 200u << 20);
        EXPECT_LE(bounded.bytes, budget);
        EXPECT_LT(bounded.files.size(), everything.files.size()) << budget;
    }
}

TEST(ReadAhead, TheCheckerTakesTheBytesReadAndDoesNotOpenTheFileAgain) {
    OneCardExport order;
    testing::write_raster(testing::solid_raster(hostile::page_width_px, hostile::page_height_px, 240, 240, 240), order / "front.png");
    order.write_design("front.png");
    const input::RootFolder folder(order.root().string());
    const Order parsed = *parse_order(OneCardExport::order_line());
    auto files = std::make_shared<input::ReadAheadFiles>(input::read_ahead(folder, parsed, 1u << 20, 200u << 20));
    ASSERT_EQ(files->files.count("front.png"), 1u);
    fs::remove(order / "front.png");   // the checker must not look for it again
    const Checker checker(Policy{}, CheckerOptions{parse_time("2026-11-25T10:00:00+01:00")});
    const Verdict taken = checker.check_order(parsed, input::AssetReader::files_read_ahead(order.root(), files));
    EXPECT_FALSE(hostile::has_finding(taken, "input.missing_file")) << hostile::finding_ids(taken);
    EXPECT_NE(taken.verdict, VerdictKind::error) << taken.reason;
    EXPECT_TRUE(files->files.empty()) << "each file is taken (and its bytes freed) when the checker reads it";
    const Verdict opened = checker.check_order(parsed, AssetSource::files(order.root()));
    EXPECT_TRUE(hostile::has_finding(opened, "input.missing_file")) << hostile::finding_ids(opened);
}

// check_export with one job and read-ahead over the one-order export, on another thread: the
// test fails instead of hanging if anything blocks on a FIFO.
std::vector<std::string> check_within(const OneCardExport& order, double seconds) {
    const Checker checker(Policy{}, CheckerOptions{parse_time("2026-11-25T10:00:00+01:00")});
    auto lines = std::async(std::launch::async, [&] {
        return check_lines(OneCardExport::order_line() + "\n" + OneCardExport::order_line("H-2") + "\n", order.root(),
                           checker, 1, 16u << 20);
    });
    if (lines.wait_for(std::chrono::duration<double>(seconds)) != std::future_status::ready) {
        ADD_FAILURE() << "blocked";
        std::abort();   // a thread stuck on a FIFO cannot be joined
    }
    return lines.get();
}

TEST(ReadAhead, FifoAndLinkOutStayRefused) {
    OneCardExport order;
    testing::TempDir outside;
    testing::write_raster(testing::solid_raster(hostile::page_width_px, hostile::page_height_px, 9, 9, 9), outside / "out.png");
    ASSERT_EQ(::mkfifo((order / "front.png").c_str(), 0600), 0);
    ASSERT_EQ(::symlink((outside / "out.png").c_str(), (order / "foil.png").c_str()), 0);
    order.write_design_text(R"({"design_id": "hostile", "product": "christmas", "trim_mm": [20, 10], "bleed_mm": 1, "safe_mm": 1,
 "pages": [{"name": "front", "raster": "front.png", "foil_mask": "foil.png", "dpi": 254, "elements": []}]})");
    const input::RootFolder folder(order.root().string());
    const auto files = input::read_ahead(folder, *parse_order(OneCardExport::order_line()), 1u << 20, 200u << 20);
    ASSERT_EQ(files.files.count("front.png"), 1u);
    EXPECT_EQ(files.files.at("front.png").file.kind, "fifo");
    ASSERT_EQ(files.files.count("foil.png"), 1u);
    EXPECT_EQ(files.files.at("foil.png").file.error_check, "input.path_outside");
    const auto lines = check_within(order, 20);
    ASSERT_EQ(lines.size(), 2u);
    for (const auto& line : lines) {
        EXPECT_NE(line.find("\"kind\":\"fifo\""), std::string::npos) << line;
        EXPECT_NE(line.find("input.path_outside"), std::string::npos) << line;
    }
    EXPECT_NE(lines[0].find("\"H-1\""), std::string::npos);
    EXPECT_NE(lines[1].find("\"H-2\""), std::string::npos);
}

}  // namespace
}  // namespace preflight
