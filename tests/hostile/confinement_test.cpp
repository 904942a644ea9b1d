// Confinement (issue 14): a page raster that is really SVG/XML pointing at an outside file,
// libvips filename syntax, Analyze sibling files, a file swapped for a link during a run and
// a FIFO in place of a raster or mask. An inotify watch proves the outside decoy is never
// opened or read; the FIFO cases must end within seconds.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include "hostile/hostile_support.hpp"

namespace preflight::hostile {
namespace {

namespace fs = std::filesystem;

// A real page of another size: if it were ever judged, input.raster_size would say so.
fs::path write_decoy(const testing::TempDir& outside) {
    fs::path decoy = outside / "outside.png";
    testing::write_raster(testing::solid_raster(100, 50, 10, 10, 10), decoy);
    return decoy;
}

const Finding* finding_of(const Verdict& verdict, const std::string& check) {
    for (const auto& finding : verdict.findings)
        if (finding.check == check) return &finding;
    return nullptr;
}

TEST(Confinement, SvgTextNamedPngNeverOpensWhatItPointsAt) {
    OneCardExport order;
    testing::TempDir outside;
    fs::path decoy = write_decoy(outside);
    std::string comment(20000, 'x');
    write_bytes(order / "front.png", "<?xml version=\"1.0\"?>\n<!-- " + comment + " -->\n"
                "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"220\" "
                "height=\"120\"><image xlink:href=\"" + decoy.string() + "\" href=\"" + decoy.string() +
                "\" width=\"220\" height=\"120\"/></svg>\n");
    order.write_design("front.png");
    AccessWatch watch(decoy);
    Verdict verdict = order.check();
    EXPECT_EQ(watch.events(), 0) << "the outside file was opened";
    EXPECT_EQ(verdict.verdict, VerdictKind::error);
    const Finding* unreadable = finding_of(verdict, "input.unreadable");
    ASSERT_NE(unreadable, nullptr) << finding_ids(verdict);
    EXPECT_NE(unreadable->message.find("SVG"), std::string::npos) << unreadable->message;
    EXPECT_EQ(unreadable->code, "format");
    ASSERT_TRUE(unreadable->details.count("format"));
    EXPECT_EQ(std::get<std::string>(unreadable->details.at("format")), "svg_xml");
    EXPECT_EQ(std::get<std::string>(unreadable->details.at("file")), "front.png");
    // The watch itself works: reading the decoy is seen.
    EXPECT_FALSE(read_bytes(decoy).empty());
    EXPECT_GT(watch.events(), 0);
}

TEST(Confinement, OtherFormatsNamedAsRastersAreNamedAndRefused) {
    struct Case {
        std::string bytes;
        std::string named;
        std::string id;
    };
    std::string fits = "SIMPLE  =                    T";
    fits += std::string(2880 - fits.size(), ' ');
    const std::vector<Case> cases = {
        {"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n", "PDF", "pdf"},
        {"0,0,0\n255,255,255\n10,20,30\n", "text", "text"},
        {"3 2\n1 2 3\n4 5 6\n", "text", "text"},
        {fits, "FITS", "fits"},
        {"", "empty", "empty"},
    };
    for (const auto& c : cases) {
        OneCardExport order;
        write_bytes(order / "front.png", c.bytes);
        order.write_design("front.png");
        Verdict verdict = order.check();
        EXPECT_EQ(verdict.verdict, VerdictKind::error) << c.named;
        const Finding* unreadable = finding_of(verdict, "input.unreadable");
        ASSERT_NE(unreadable, nullptr) << c.named << ": " << finding_ids(verdict);
        EXPECT_NE(unreadable->message.find(c.named), std::string::npos) << unreadable->message;
        EXPECT_EQ(unreadable->code, "format");
        EXPECT_EQ(std::get<std::string>(unreadable->details.at("format")), c.id);
    }
}

TEST(Confinement, FilenameOptionsSyntaxOpensNothingElse) {
    OneCardExport order;
    testing::TempDir outside;
    fs::path decoy = write_decoy(outside);
    fs::create_symlink(decoy, order / "front.png");
    order.write_design("front.png[]");
    AccessWatch watch(decoy);
    Verdict verdict = order.check();
    EXPECT_EQ(watch.events(), 0) << "the outside file was opened";
    EXPECT_EQ(verdict.verdict, VerdictKind::error);
    EXPECT_TRUE(has_finding(verdict, "input.missing_file")) << finding_ids(verdict);
    EXPECT_FALSE(has_finding(verdict, "input.raster_size")) << finding_ids(verdict);
}

TEST(Confinement, AnalyzeHeaderNeverOpensItsSiblingImage) {
    OneCardExport order;
    testing::TempDir outside;
    fs::path decoy = outside / "outside.img";
    write_bytes(decoy, std::string(220 * 120, '\x40'));
    // Analyze 7.5: a 348-byte header (sizeof_hdr, extents, regular, dims, datatype uchar, bitpix 8).
    std::string header(348, '\0');
    auto put16 = [&](std::size_t at, int value) { header[at] = char(value & 0xff), header[at + 1] = char(value >> 8); };
    auto put32 = [&](std::size_t at, int value) { put16(at, value & 0xffff), put16(at + 2, value >> 16); };
    put32(0, 348);
    put32(32, 16384);
    header[38] = 'r';
    put16(40, 4), put16(42, 220), put16(44, 120), put16(46, 1), put16(48, 1);
    put16(70, 2), put16(72, 8);
    write_bytes(order / "front.hdr", header);
    fs::create_symlink(decoy, order / "front.img");
    order.write_design("front.hdr");
    AccessWatch watch(decoy);
    Verdict verdict = order.check();
    EXPECT_EQ(watch.events(), 0) << "the sibling outside the export was opened";
    const Finding* unreadable = finding_of(verdict, "input.unreadable");
    ASSERT_NE(unreadable, nullptr) << finding_ids(verdict);
    EXPECT_NE(unreadable->message.find("Analyze"), std::string::npos) << unreadable->message;
}

TEST(Confinement, FileSwappedForALinkOutIsNeverJudged) {
    OneCardExport order;
    testing::TempDir outside;
    fs::path decoy = write_decoy(outside);
    testing::write_raster(testing::solid_raster(page_width_px, page_height_px, 240, 240, 240), order / "real.png");
    fs::copy_file(order / "real.png", order / "front.png");
    order.write_design("front.png");
    std::atomic<bool> stop{false};
    std::thread swapper([&] {
        const std::string front = (order / "front.png").string(), link = (order / "link.tmp").string(),
                          copy = (order / "copy.tmp").string(), real = (order / "real.png").string();
        for (bool out = true; !stop.load(); out = !out) {
            if (out) {
                ::unlink(link.c_str());
                if (::symlink(decoy.c_str(), link.c_str()) == 0) ::rename(link.c_str(), front.c_str());
            } else {
                ::unlink(copy.c_str());
                if (::link(real.c_str(), copy.c_str()) == 0) ::rename(copy.c_str(), front.c_str());
            }
        }
    });
    int judged_outside = 0, refused = 0, judged_inside = 0;
    std::string other;   // any other outcome, for the failure message
    // At least 400 orders, and on until both outcomes were seen, for up to 60 s: a loaded
    // machine may leave the swapper unscheduled for a while (4000 orders in 0.6 s once saw no
    // swap at all under a parallel ctest), so every 50th order this thread sleeps a moment.
    int runs = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    for (; (runs < 400 || refused == 0 || judged_inside == 0) && std::chrono::steady_clock::now() < deadline; ++runs) {
        if (runs % 50 == 49) std::this_thread::sleep_for(std::chrono::microseconds(300));
        Verdict verdict = order.check();
        if (has_finding(verdict, "input.raster_size")) ++judged_outside;
        else if (has_finding(verdict, "input.path_outside")) ++refused;
        else if (verdict.verdict != VerdictKind::error) ++judged_inside;
        else if (other.size() < 2000) other += verdict.reason + " | ";
    }
    stop = true;
    swapper.join();
    EXPECT_EQ(judged_outside, 0) << "orders judged on the outside image";
    EXPECT_EQ(refused + judged_inside, runs) << other;
    EXPECT_GT(judged_inside, 0);
    EXPECT_GT(refused, 0) << "the swap never happened during a check: the test proves nothing";
}

// Runs the check on another thread; if it does not end in `seconds`, a writer opens the
// FIFO (so the thread can end) and the test fails.
Verdict check_with_timeout(const OneCardExport& order, const fs::path& fifo, double seconds, bool& finished) {
    auto promise = std::make_shared<std::promise<Verdict>>();
    auto future = promise->get_future();
    std::thread([&order, promise] { promise->set_value(order.check()); }).detach();
    finished = future.wait_for(std::chrono::duration<double>(seconds)) == std::future_status::ready;
    if (!finished) {
        int writer = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
        if (writer >= 0) ::close(writer);
        future.wait();
    }
    return future.get();
}

TEST(Confinement, FifoAsRasterEndsAtOnceAsUnreadable) {
    OneCardExport order;
    ASSERT_EQ(::mkfifo((order / "front.png").c_str(), 0600), 0);
    order.write_design("front.png");
    bool finished = false;
    Verdict verdict = check_with_timeout(order, order / "front.png", 10, finished);
    EXPECT_TRUE(finished) << "blocked on the FIFO";
    const Finding* unreadable = finding_of(verdict, "input.unreadable");
    ASSERT_NE(unreadable, nullptr) << finding_ids(verdict);
    EXPECT_NE(unreadable->message.find("FIFO"), std::string::npos) << unreadable->message;
    EXPECT_EQ(unreadable->code, "not_a_file");
    EXPECT_EQ(std::get<std::string>(unreadable->details.at("kind")), "fifo");
}

TEST(Confinement, FifoAsFoilMaskEndsAtOnceAsUnreadable) {
    OneCardExport order;
    testing::write_raster(testing::solid_raster(page_width_px, page_height_px, 240, 240, 240), order / "front.png");
    ASSERT_EQ(::mkfifo((order / "foil.png").c_str(), 0600), 0);
    order.write_design_text(R"({"design_id": "hostile", "product": "christmas", "trim_mm": [20, 10], "bleed_mm": 1, "safe_mm": 1,
 "pages": [{"name": "front", "raster": "front.png", "foil_mask": "foil.png", "dpi": 254, "elements": []}]})");
    bool finished = false;
    Verdict verdict = check_with_timeout(order, order / "foil.png", 10, finished);
    EXPECT_TRUE(finished) << "blocked on the FIFO";
    const Finding* unreadable = finding_of(verdict, "input.unreadable");
    ASSERT_NE(unreadable, nullptr) << finding_ids(verdict);
    EXPECT_NE(unreadable->message.find("foil_mask"), std::string::npos) << unreadable->message;
    EXPECT_NE(unreadable->message.find("FIFO"), std::string::npos) << unreadable->message;
}

TEST(Confinement, FoldersAndDevicesAreNamed) {
    OneCardExport order;
    fs::create_directory(order / "front.png");
    order.write_design("front.png");
    const Finding* unreadable = nullptr;
    Verdict verdict = order.check();
    unreadable = finding_of(verdict, "input.unreadable");
    ASSERT_NE(unreadable, nullptr) << finding_ids(verdict);
    EXPECT_NE(unreadable->message.find("folder"), std::string::npos) << unreadable->message;
    fs::remove(order / "front.png");
    fs::create_symlink("/dev/zero", order / "front.png");   // absolute, outside
    verdict = order.check();
    EXPECT_TRUE(has_finding(verdict, "input.path_outside")) << finding_ids(verdict);
}

}  // namespace
}  // namespace preflight::hostile
