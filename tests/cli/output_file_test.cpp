// Output that cannot lie: a full disk, a full stdout, a device, a folder or the export as -o,
// and two runs on one -o each end with a message naming the file and exit code 3; FILE is
// never created or replaced, FILE.partial keeps whole lines and --resume completes it.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <thread>

#include "support/test_support.hpp"

namespace preflight {
namespace {

namespace fs = std::filesystem;

class OutputGuarantees : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new testing::TempDir();
        ASSERT_EQ(testing::run_command(std::string(PREFLIGHT_MAKE_SAMPLES_PATH) + " " + (dir_->path() / "export").string() +
                                       " >/dev/null 2>&1").exit_code, 0);
        std::string orders = testing::read_file(dir_->path() / "export/orders.jsonl");
        std::ofstream out(dir_->path() / "export/long.jsonl");
        for (int i = 0; i < 12; ++i) out << orders;
        out.close();
        run_check(dir_->path() / "reference.jsonl");
        reference_ = new std::string(testing::read_file(dir_->path() / "reference.jsonl"));
    }
    static void TearDownTestSuite() {
        delete reference_;
        delete dir_;
    }
    // `preflight check long.jsonl ... -o output EXTRA`, with `shell_prefix` run before it in the same shell.
    static testing::ShellOutcome run_check(const fs::path& output, const std::string& extra = "",
                                           const std::string& shell_prefix = "") {
        return testing::run_shell(shell_prefix + std::string(PREFLIGHT_CLI_PATH) + " check " +
                                  (dir_->path() / "export/long.jsonl").string() + " --policy " +
                                  (dir_->path() / "export/policy.json").string() + " --now 2026-11-25T10:00:00+01:00" +
                                  (output.empty() ? std::string() : " -o '" + output.string() + "'") + " " + extra);
    }
    static testing::TempDir* dir_;
    static std::string* reference_;
};
testing::TempDir* OutputGuarantees::dir_ = nullptr;
std::string* OutputGuarantees::reference_ = nullptr;

constexpr int exit_output = 3;

TEST_F(OutputGuarantees, FullDiskNeverReplacesFileAndResumeCompletesIt) {
    ASSERT_GT(reference_->size(), 64'000u);   // twice what the 32 KiB disk holds
    fs::path disk = dir_->path() / "small-disk";
    fs::create_directories(disk);
    // A 32 KiB tmpfs; where mounting is not allowed, a 32 KiB file size limit fails the
    // writes the same way (EFBIG instead of ENOSPC).
    const bool mounted = ::mount("tmpfs", disk.c_str(), "tmpfs", 0, "size=32k") == 0;
    struct Unmount {   // also when an assertion below ends the test early
        const fs::path& disk;
        bool mounted;
        ~Unmount() {
            if (mounted) ::umount2(disk.c_str(), MNT_DETACH);
        }
    } unmount{disk, mounted};
    const std::string limit = mounted ? "" : "trap '' XFSZ; ulimit -f 32; ";
    fs::path output = disk / "verdicts.jsonl";
    testing::write_text(output, "yesterday's verdicts\n");
    testing::ShellOutcome full = run_check(output, "--jobs 2", limit);
    EXPECT_EQ(full.exit_code, exit_output) << full.err;
    EXPECT_NE(full.err.find("verdicts.jsonl.partial"), std::string::npos) << full.err;
    EXPECT_NE(full.err.find(mounted ? "No space left on device" : "File too large"), std::string::npos) << full.err;
    EXPECT_EQ(testing::read_file(output), "yesterday's verdicts\n");   // FILE untouched
    std::string partial = testing::read_file(disk / "verdicts.jsonl.partial");
    ASSERT_FALSE(partial.empty());
    EXPECT_EQ(partial.back(), '\n');                         // whole lines only
    EXPECT_EQ(reference_->compare(0, partial.size(), partial), 0);
    // Space again: --resume completes the run to exactly the reference.
    if (mounted) {
        ASSERT_EQ(::mount("tmpfs", disk.c_str(), "tmpfs", MS_REMOUNT, "size=16m"), 0);
    }
    testing::ShellOutcome resumed = run_check(output, "--jobs 2 --resume");
    EXPECT_EQ(resumed.exit_code, 1) << resumed.err;
    EXPECT_EQ(testing::read_file(output), *reference_);
    EXPECT_FALSE(fs::exists(disk / "verdicts.jsonl.partial"));
}

TEST_F(OutputGuarantees, FullStdoutIsAnErrorWithItsOwnExitCode) {
    testing::ShellOutcome full = run_check("", "> /dev/full");
    EXPECT_EQ(full.exit_code, exit_output);
    EXPECT_NE(full.err.find("standard output"), std::string::npos) << full.err;
    EXPECT_NE(full.err.find("No space left on device"), std::string::npos) << full.err;
}

TEST_F(OutputGuarantees, DeviceFolderAndTheExportAreRefused) {
    fs::path device = dir_->path() / "null-device";
    ASSERT_EQ(::mknod(device.c_str(), S_IFCHR | 0666, makedev(1, 3)), 0) << "mknod needs root";
    testing::ShellOutcome on_device = run_check(device);
    EXPECT_EQ(on_device.exit_code, exit_output);
    EXPECT_NE(on_device.err.find("it is a device"), std::string::npos) << on_device.err;
    struct stat info {};
    ASSERT_EQ(::lstat(device.c_str(), &info), 0);
    EXPECT_TRUE(S_ISCHR(info.st_mode));                       // the node is still a device
    EXPECT_FALSE(fs::exists(dir_->path() / "null-device.partial"));

    fs::path folder = dir_->path() / "a-folder";
    fs::create_directories(folder);
    // A folder or the export itself is a usage error found before any order (exit 2).
    testing::ShellOutcome on_folder = run_check(folder);
    EXPECT_EQ(on_folder.exit_code, 2);
    EXPECT_NE(on_folder.err.find("is a folder"), std::string::npos) << on_folder.err;

    fs::path export_file = dir_->path() / "export/long.jsonl";
    std::string before = testing::read_file(export_file);
    testing::ShellOutcome on_export = run_check(export_file);
    EXPECT_EQ(on_export.exit_code, 2);
    EXPECT_NE(on_export.err.find("is the export itself"), std::string::npos) << on_export.err;
    EXPECT_EQ(testing::read_file(export_file), before);
}

TEST_F(OutputGuarantees, SecondRunOnTheSameOutputIsRefused) {
    fs::path output = dir_->path() / "shared.jsonl";
    fs::path first_err = dir_->path() / "first-stderr.txt";
    std::thread first([&] {
        testing::run_command(std::string(PREFLIGHT_CLI_PATH) + " check " + (dir_->path() / "export/long.jsonl").string() +
                             " --policy " + (dir_->path() / "export/policy.json").string() +
                             " --now 2026-11-25T10:00:00+01:00 --jobs 1 -o " + output.string() + " 2>" + first_err.string());
    });
    // Wait until the first run has written a verdict, then start the second.
    fs::path partial = dir_->path() / "shared.jsonl.partial";
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline && (!fs::exists(partial) || fs::file_size(partial) == 0))
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    testing::ShellOutcome second = run_check(output, "--jobs 1");
    first.join();
    EXPECT_EQ(second.exit_code, exit_output);
    EXPECT_NE(second.err.find("another preflight run"), std::string::npos) << second.err;
    EXPECT_EQ(testing::read_file(output), *reference_);   // the first run's output, whole, no NUL bytes
}

TEST_F(OutputGuarantees, PlantedPartialSymlinkIsNeverWrittenThrough) {
    fs::path outside = dir_->path() / "outside.txt";
    testing::write_text(outside, "keep me\n");
    fs::path output = dir_->path() / "planted.jsonl";
    fs::create_symlink(outside, dir_->path() / "planted.jsonl.partial");
    testing::ShellOutcome run = run_check(output);
    EXPECT_EQ(run.exit_code, exit_output);
    EXPECT_NE(run.err.find("symbolic link"), std::string::npos) << run.err;
    EXPECT_EQ(testing::read_file(outside), "keep me\n");
    EXPECT_FALSE(fs::exists(output));
}

}  // namespace
}  // namespace preflight
