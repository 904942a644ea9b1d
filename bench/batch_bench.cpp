// The formats layer and the batch runner: parsing orders, streaming an export, and the
// peak memory of a long export (it must not grow with the number of orders).
#include <benchmark/benchmark.h>

#include <cstring>
#include <sstream>
#include <sys/resource.h>

#include "preflight/batch.hpp"
#include "preflight/formats.hpp"

namespace {

const char* order_json =
    R"({"order_id": "SP-1042", "status": "paid", "placed_at": "2026-11-20T14:03:00+01:00", "check_service": false,)"
    R"( "customer": {"name": "Anna de Vries", "email": "anna@example.nl", "phone": "0612345678"},)"
    R"( "shipping_address": {"name": "Anna de Vries", "street": "Kerkstraat", "house_number": "12", "postcode": "3511 AB",)"
    R"( "city": "Utrecht", "country": "NL"}, "items": [{"type": "envelope", "quantity": 60, "colour": "kraft"}]})";

void BM_ParseOrder(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(preflight::parse_order(order_json));
    state.SetBytesProcessed(state.iterations() * long(std::strlen(order_json)));
}
BENCHMARK(BM_ParseOrder);

long peak_rss_kb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// An export of `count` copies of one order line, produced as it is read (so the benchmark's
// own input does not show up in the peak memory it measures).
class RepeatingExport : public std::streambuf {
public:
    RepeatingExport(std::string line, long count) : line_(std::move(line) + "\n"), remaining_(count) {}
protected:
    int_type underflow() override {
        if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
        if (remaining_-- <= 0) return traits_type::eof();
        setg(line_.data(), line_.data(), line_.data() + line_.size());
        return traits_type::to_int_type(*gptr());
    }
private:
    std::string line_;
    long remaining_;
};

// Streams N orders (no designs: address and product rules only) through check_export and
// reports the peak RSS: the same for 1 000 and 100 000 orders when memory stays flat.
void BM_StreamExport(benchmark::State& state) {
    preflight::Checker checker(preflight::Policy{});
    long verdicts = 0;
    for (auto _ : state) {
        RepeatingExport source(order_json, state.range(0));
        std::istream in(&source);
        auto summary = preflight::check_export(in, ".", checker, [&](const preflight::Verdict&, const std::string&) { ++verdicts; },
                                               {int(state.range(1))});
        benchmark::DoNotOptimize(summary);
    }
    state.SetItemsProcessed(verdicts);
    state.counters["peak_rss_MB"] = double(peak_rss_kb()) / 1024.0;
    state.counters["export_MB"] = double(state.range(0)) * double(std::strlen(order_json) + 1) / 1e6;
}
BENCHMARK(BM_StreamExport)->Args({1000, 1})->Args({10000, 1})->Args({10000, 2})->Args({100000, 2})->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
