// Helpers for the hostile-file tests (see hostile_support.hpp).
#include "hostile/hostile_support.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <dlfcn.h>
#include <fcntl.h>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/inotify.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "preflight/checker.hpp"
#include "preflight/formats.hpp"

namespace preflight::hostile {

namespace fs = std::filesystem;

namespace {

const char* const now_text = "2026-11-25T10:00:00+01:00";

}  // namespace

OneCardExport::OneCardExport() { testing::write_text(dir_ / "orders.jsonl", order_line() + "\n"); }

void OneCardExport::write_design(const std::string& raster, const std::string& elements_json) const {
    write_design_text(R"({"design_id": "hostile", "product": "christmas", "trim_mm": [20, 10], "bleed_mm": 1, "safe_mm": 1,
 "pages": [{"name": "front", "raster": ")" + raster + R"(", "dpi": 254, "elements": [)" + elements_json + "]}]}");
}

void OneCardExport::write_design_text(const std::string& json) const { testing::write_text(dir_ / "design.json", json); }

std::string OneCardExport::order_line(const std::string& order_id) {
    return R"({"order_id": ")" + order_id + R"(", "status": "paid", "placed_at": "2026-11-20T14:03:00+01:00", "check_service": true, "proof": false, "customer": {"name": "Anna de Vries", "email": "anna@example.nl", "phone": "0612345678"}, "shipping_address": {"name": "Anna de Vries", "street": "Kerkstraat", "house_number": "12", "postcode": "3511 AB", "city": "Utrecht", "country": "NL"}, "items": [{"type": "card", "product": "christmas", "quantity": 10, "paper": "linen-350", "finishes": [], "design": "design.json"}]})";
}

Verdict OneCardExport::check() const {
    auto order = parse_order(order_line());
    if (!order.ok()) throw std::logic_error("the hostile order line does not parse");
    static const Checker checker(Policy{}, CheckerOptions{parse_time(now_text)});
    return checker.check_order(*order, root());
}

bool has_finding(const Verdict& verdict, const std::string& check) {
    for (const auto& finding : verdict.findings)
        if (finding.check == check) return true;
    return false;
}

std::string finding_ids(const Verdict& verdict) {
    std::string ids;
    for (const auto& finding : verdict.findings) ids += finding.check + " (" + finding.message + ") ";
    return ids;
}

AccessWatch::AccessWatch(const fs::path& file) : fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
    EXPECT_GE(fd_, 0);
    EXPECT_GE(inotify_add_watch(fd_, file.c_str(), IN_OPEN | IN_ACCESS), 0);
}

AccessWatch::~AccessWatch() { ::close(fd_); }

int AccessWatch::events() {
    alignas(inotify_event) char buffer[4096];
    for (ssize_t got; (got = ::read(fd_, buffer, sizeof buffer)) > 0;)
        for (char* at = buffer; at < buffer + got;) {
            auto* event = reinterpret_cast<inotify_event*>(at);
            ++count_;
            at += sizeof(inotify_event) + event->len;
        }
    return count_;
}

std::string cli_path() {
    const char* other = std::getenv("PREFLIGHT_TEST_CLI");
    return other && *other ? other : PREFLIGHT_CLI_PATH;
}

CliRun run_cli(const std::vector<std::string>& args) {
    CliRun result;
    int pipe_fds[2];
    if (::pipe(pipe_fds) != 0) return result;
    auto start = std::chrono::steady_clock::now();
    pid_t pid = ::fork();
    if (pid == 0) {
        std::vector<char*> argv;
        std::string program = cli_path();
        argv.push_back(program.data());
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::dup2(pipe_fds[1], 1);
        ::close(pipe_fds[0]);
        ::close(pipe_fds[1]);
        int devnull = ::open("/dev/null", O_WRONLY);
        ::dup2(devnull, 2);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(pipe_fds[1]);
    char buffer[65536];
    ssize_t n;
    while ((n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0) result.out.append(buffer, std::size_t(n));
    ::close(pipe_fds[0]);
    int status = 0;
    struct rusage usage {};
    ::wait4(pid, &status, 0, &usage);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.peak_rss_mb = usage.ru_maxrss / 1024;
    return result;
}

CliRun run_check(const fs::path& export_file) {
    return run_cli({"check", export_file.string(), "--jobs", "1", "--now", now_text});
}

namespace {

// zlib is in the process through libpng (libvips), but the test program does not link it
// directly, so its two functions are looked up in the loaded libraries.
template <class Fn>
Fn zlib_function(const char* name) {
    auto* fn = reinterpret_cast<Fn>(::dlsym(RTLD_DEFAULT, name));
    if (!fn) throw std::runtime_error(std::string("zlib's ") + name + " is not loaded");
    return fn;
}

std::uint32_t crc_of(const std::string& bytes) {
    static auto crc = zlib_function<decltype(&::crc32)>("crc32");
    return std::uint32_t(crc(0, reinterpret_cast<const Bytef*>(bytes.data()), uInt(bytes.size())));
}

void append_u32(std::string& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(char((value >> shift) & 0xff));
}

void append_chunk(std::string& out, const char* type, const std::string& data) {
    append_u32(out, std::uint32_t(data.size()));
    std::string body = std::string(type, 4) + data;
    out += body;
    append_u32(out, crc_of(body));
}

}  // namespace

std::string png_bytes(unsigned width, unsigned height, int bit_depth, int colour_type, const std::string& raw,
                      const std::string& palette) {
    std::string out = "\x89PNG\r\n\x1a\n";
    std::string header;
    append_u32(header, width);
    append_u32(header, height);
    header += {char(bit_depth), char(colour_type), 0, 0, 0};
    append_chunk(out, "IHDR", header);
    if (!palette.empty()) append_chunk(out, "PLTE", palette);
    static auto compress = zlib_function<decltype(&::compress2)>("compress2");
    uLongf packed_size = uLongf(raw.size() + raw.size() / 1000 + 64);
    std::string packed(packed_size, '\0');
    if (compress(reinterpret_cast<Bytef*>(packed.data()), &packed_size, reinterpret_cast<const Bytef*>(raw.data()),
                    uLong(raw.size()), 9) != Z_OK)
        throw std::runtime_error("zlib failed");
    packed.resize(packed_size);
    append_chunk(out, "IDAT", packed);
    append_chunk(out, "IEND", "");
    return out;
}

std::string read_bytes(const fs::path& file) { return testing::read_file(file); }

void write_bytes(const fs::path& file, const std::string& bytes) {
    std::ofstream out(file, std::ios::binary);
    out.write(bytes.data(), std::streamsize(bytes.size()));
}

}  // namespace preflight::hostile
