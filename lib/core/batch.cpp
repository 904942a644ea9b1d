// Streaming a whole export through a pool of workers, writing verdicts in input order with a
// bounded window of orders in flight (memory stays flat however long the export is).
#include "preflight/batch.hpp"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "core/checker_impl.hpp"
#include "core/gating.hpp"
#include "input/read_ahead.hpp"
#include "i18n/localise.hpp"
#include "input/prepare.hpp"
#include "formats/readers.hpp"
#include "preflight/formats.hpp"

namespace preflight {

namespace {

// check_record (untimed), with the order's files from `assets` when given (else beneath export_root).
Verdict check_record_untimed(const ExportRecord& record, const std::filesystem::path& export_root,
                             const AssetSource* assets, const Checker& checker) {
    auto error_verdict = [&](std::optional<std::string> order_id, const std::string& reason) {
        Verdict verdict;
        verdict.order_id = std::move(order_id);
        verdict.line = record.line;
        verdict.verdict = VerdictKind::error;
        verdict.checked = Checked::none;
        verdict.reason = reason;
        verdict.findings.push_back(input::schema_finding(reason));
        i18n::localise(verdict.findings, checker.policy().language);   // texts in the run's language
        return verdict;
    };
    if (!record.error.empty()) {
        Verdict verdict = error_verdict(std::nullopt, record.error);
        Finding& finding = verdict.findings.front();
        finding.code = record.error_code;
        finding.details["line"] = double(record.line);
        if (record.export_line > 0) finding.details["export_line"] = double(record.export_line);
        return verdict;
    }
    auto parsed = formats::read_order_text(record.text);
    if (!parsed.value) {
        const std::string& message = parsed.problems.empty() ? std::string("not an order") : parsed.problems.front().message;
        Verdict verdict = error_verdict(std::nullopt, "line " + std::to_string(record.line) + " is " +
                                                          (message.rfind("not valid JSON", 0) == 0 ? message : "not an order: " + message));
        // Without a value, only a key written twice has a key path (see parse_order).
        if (!parsed.problems.empty() && !parsed.problems.front().key_path.empty()) {
            verdict.findings.front().code = "duplicate_key";
            verdict.findings.front().details["key"] = parsed.problems.front().key_path;
            verdict.findings.front().details["line"] = double(record.line);
        }
        return verdict;
    }
    std::optional<std::string> order_id;
    if (!parsed.value->order_id.empty()) order_id = parsed.value->order_id;
    if (!parsed.problems.empty()) {
        // Status and the gating flags decide first: an order that is not checked is skipped
        // even if the rest of it is malformed.
        core::Gate gate = core::decide_gate(*parsed.value);
        if (gate.skip) {
            Verdict skipped;
            skipped.order_id = order_id;
            skipped.line = record.line;
            skipped.verdict = VerdictKind::skip;
            skipped.reason = gate.reason;
            return skipped;
        }
        std::string reason;
        Verdict verdict = error_verdict(order_id, "");
        verdict.findings.clear();
        for (const auto& problem : parsed.problems) {
            Finding finding;
            finding.check = problem.check;
            finding.severity = Severity::error;
            finding.message = problem.message;
            finding.fix = {FixBy::shop, "Correct the order in the export; it does not follow the documented format."};
            verdict.findings.push_back(std::move(finding));
            if (reason.size() < 300) reason += (reason.empty() ? "" : "; ") + problem.message;
        }
        verdict.reason = reason;
        i18n::localise(verdict.findings, checker.policy().language);   // texts in the run's language
        return verdict;
    }
    Verdict verdict;
    try {
        verdict = assets ? checker.check_order(*parsed.value, *assets) : checker.check_order(*parsed.value, export_root);
    } catch (const std::exception& e) {
        verdict = error_verdict(order_id, std::string("internal error: ") + e.what());
    }
    verdict.line = record.line;
    return verdict;
}

// On the thread that checks it: this order's own time, whatever else runs beside it.
Verdict check_record_from(const ExportRecord& record, const std::filesystem::path& export_root,
                          const AssetSource* assets, const Checker& checker) {
    const auto start = std::chrono::steady_clock::now();
    Verdict verdict = check_record_untimed(record, export_root, assets, checker);
    verdict.check_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return verdict;
}

using ReadAhead = std::shared_ptr<input::ReadAheadFiles>;
constexpr std::size_t max_read_ahead_line_bytes = 1u << 20;

// Reads the files of `record`'s order beneath `folder` on another thread (nothing when the
// record is not an order); the result is empty if anything goes wrong (the checker reads then).
std::future<ReadAhead> start_read_ahead(const input::RootFolder& folder, std::shared_ptr<const ExportRecord> record,
                                        std::size_t budget, std::uint64_t max_file_bytes) {
    return std::async(std::launch::async, [&folder, record = std::move(record), budget, max_file_bytes]() -> ReadAhead {
        try {
            // A line far longer than any order (a long note) is parsed once, by its check.
            if (!record->error.empty() || record->text.size() > max_read_ahead_line_bytes) return nullptr;
            auto parsed = formats::read_order_text(record->text);
            if (!parsed.value || !parsed.problems.empty()) return nullptr;
            return std::make_shared<input::ReadAheadFiles>(input::read_ahead(folder, *parsed.value, budget, max_file_bytes));
        } catch (...) {
            return nullptr;
        }
    });
}

ReadAhead finish_read_ahead(std::future<ReadAhead>& files) {
    if (!files.valid()) return nullptr;
    try {
        return files.get();
    } catch (...) {
        return nullptr;
    }
}

}  // namespace

Verdict check_record(const ExportRecord& record, const std::filesystem::path& export_root, const Checker& checker) {
    return check_record_from(record, export_root, nullptr, checker);
}

namespace {

// One job: the next record's files are read (one open each, at most `budget` bytes) on a
// second thread while this record is checked; verdicts in input order, as without.
void check_reading_ahead(const std::function<std::optional<ExportRecord>()>& next_record,
                         const std::function<void(const Verdict&)>& emit, const std::filesystem::path& export_root,
                         const Checker& checker, std::size_t budget) {
    std::error_code ec;
    const auto root = std::filesystem::absolute(export_root.empty() ? std::filesystem::path(".") : export_root, ec)
                          .lexically_normal();
    const input::RootFolder folder(root.string());
    const std::uint64_t max_file_bytes = core::CheckerAccess::max_file_bytes(checker);
    auto read = [&](std::optional<ExportRecord> record, std::future<ReadAhead>& files) {
        if (!record) return std::shared_ptr<const ExportRecord>();
        auto shared = std::make_shared<const ExportRecord>(std::move(*record));
        files = start_read_ahead(folder, shared, budget, max_file_bytes);
        return shared;
    };
    std::future<ReadAhead> current_files, next_files;
    auto current = read(next_record(), current_files);
    while (current) {
        ReadAhead files = finish_read_ahead(current_files);
        auto next = read(next_record(), next_files);
        if (files) {
            const AssetSource assets = input::AssetReader::files_read_ahead(export_root, std::move(files));
            emit(check_record_from(*current, export_root, &assets, checker));
        } else {
            emit(check_record(*current, export_root, checker));
        }
        current = std::move(next);
        current_files = std::move(next_files);
    }
}

}  // namespace

namespace {

struct Slot {
    ExportRecord record;
    Verdict verdict;
    bool done = false;
    std::size_t bytes = 0;   // the record's text, counted against read_ahead_bytes until checked
};

// `jobs` threads that check the slots handed to them, one at a time each.
class Workers {
public:
    Workers(int jobs, const std::filesystem::path& export_root, const Checker& checker)
        : export_root_(export_root), checker_(checker) {
        for (int i = 0; i < jobs; ++i) threads_.emplace_back([this] { work(); });
    }
    ~Workers() {
        {
            std::lock_guard lock(mutex_);
            closing_ = true;
        }
        work_ready_.notify_all();
        for (auto& thread : threads_) thread.join();
    }
    void submit(std::shared_ptr<Slot> slot) {
        {
            std::lock_guard lock(mutex_);
            unchecked_bytes_ += slot->bytes;
            queue_.push_back(std::move(slot));
        }
        work_ready_.notify_one();
    }
    void wait_until_done(const Slot& slot) {
        std::unique_lock lock(mutex_);
        slot_done_.wait(lock, [&] { return slot.done; });
    }
    std::size_t unchecked_bytes() {
        std::lock_guard lock(mutex_);
        return unchecked_bytes_;
    }

private:
    void work() {
        for (;;) {
            std::shared_ptr<Slot> slot;
            {
                std::unique_lock lock(mutex_);
                work_ready_.wait(lock, [&] { return closing_ || !queue_.empty(); });
                if (queue_.empty()) return;
                slot = queue_.front();
                queue_.pop_front();
            }
            Verdict verdict = check_record(slot->record, export_root_, checker_);
            slot->record = {};   // free the order's text early
            {
                std::lock_guard lock(mutex_);
                slot->verdict = std::move(verdict);
                slot->done = true;
                unchecked_bytes_ -= slot->bytes;
            }
            slot_done_.notify_all();
        }
    }

    const std::filesystem::path& export_root_;
    const Checker& checker_;
    std::mutex mutex_;
    std::condition_variable work_ready_, slot_done_;
    std::deque<std::shared_ptr<Slot>> queue_;   // waiting for a worker
    bool closing_ = false;
    std::size_t unchecked_bytes_ = 0;           // order text read and not yet checked
    std::vector<std::thread> threads_;
};

// Several jobs. In flight: at most a few orders per worker and read_ahead_bytes of unchecked
// order text; verdicts written strictly in input order.
void check_with_workers(const std::function<std::optional<ExportRecord>()>& next_record,
                        const std::function<void(const Verdict&)>& emit, const std::filesystem::path& export_root,
                        const Checker& checker, int jobs, std::size_t read_ahead_bytes) {
    Workers workers(jobs, export_root, checker);
    const std::size_t window = std::size_t(jobs) * 4;
    std::deque<std::shared_ptr<Slot>> in_flight;
    bool more = true;
    while (more || !in_flight.empty()) {
        while (more && in_flight.size() < window &&
               (in_flight.empty() || workers.unchecked_bytes() < read_ahead_bytes)) {
            auto record = next_record();
            if (!record) {
                more = false;
                break;
            }
            auto slot = std::make_shared<Slot>();
            slot->bytes = record->text.size() + 1;
            slot->record = std::move(*record);
            in_flight.push_back(slot);
            workers.submit(std::move(slot));
        }
        if (in_flight.empty()) break;
        std::shared_ptr<Slot> front = in_flight.front();
        workers.wait_until_done(*front);
        in_flight.pop_front();
        emit(front->verdict);
    }
}

}  // namespace

BatchSummary check_export(std::istream& in, const std::filesystem::path& export_root, const Checker& checker,
                          const std::function<void(const Verdict&, const std::string&)>& write,
                          const BatchOptions& options) {
    BatchSummary summary;
    ExportReader raw_reader(in);
    long record_number = -1, selected = 0;
    // The records this run checks: past the resumed ones, in this shard, until stopped.
    auto next_record = [&]() -> std::optional<ExportRecord> {
        for (;;) {
            if (options.stop && options.stop->load()) {
                summary.interrupted = true;
                return std::nullopt;
            }
            auto record = raw_reader.next();
            if (!record) return std::nullopt;
            ++record_number;
            if (options.shard_count > 1 && record_number % options.shard_count != options.shard_index) continue;
            if (++selected <= options.skip_records) continue;
            return record;
        }
    };
    auto emit = [&](const Verdict& verdict) {
        write(verdict, to_json_line(verdict));
        ++summary.orders;
        ++summary.by_verdict[std::size_t(verdict.verdict)];
        if (options.on_progress) options.on_progress(summary.orders);
    };
    const int jobs = options.jobs > 0 ? options.jobs : int(std::max(1u, std::thread::hardware_concurrency()));
    if (jobs > 1)
        check_with_workers(next_record, emit, export_root, checker, jobs, options.read_ahead_bytes);
    else if (options.read_ahead_file_bytes > 0)
        check_reading_ahead(next_record, emit, export_root, checker, options.read_ahead_file_bytes);
    else
        while (auto record = next_record()) emit(check_record(*record, export_root, checker));
    return summary;
}

}  // namespace preflight
