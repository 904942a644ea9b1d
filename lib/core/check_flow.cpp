// One order (or one design) through the input layer, the registered checks and the verdict
// rules. Data flows one way: order -> prepared designs (decoded once) -> checks -> verdict.
#include "core/checker_impl.hpp"


namespace preflight {

using namespace core;

std::chrono::sys_seconds Checker::Impl::now() const {
    auto moment = options.now ? *options.now : std::chrono::system_clock::now();
    return std::chrono::time_point_cast<std::chrono::seconds>(moment);
}

input::InputLimits Checker::Impl::limits_until(Clock::time_point deadline) const {
    input::InputLimits order_limits = limits;
    order_limits.decode.deadline = deadline;
    return order_limits;
}

Checker::Impl::RunOutcome Checker::Impl::run_checks(Scope scope, const CheckContext& context,
                                                    std::vector<Finding>& findings, Clock::time_point deadline) const {
    RunOutcome outcome;
    for (const auto& spec : registry.all()) {
        if (spec.scope != scope || !spec.run) continue;
        CheckOptions check_options = registry.options_for(spec.id, context.product, policy);
        if (!check_options.enabled()) continue;
        if (Clock::now() > deadline) {
            outcome.timed_out = true;
            break;
        }
        // A check that throws is a bug: an error finding (and an `error` verdict), not a lost order.
        try {
            spec.run(context, check_options, findings);
        } catch (const std::exception& e) {
            findings.push_back(internal_error(spec.id, e.what()));
            outcome.internal = true;
        }
    }
    return outcome;
}

CheckContext Checker::Impl::context_for(const input::PreparedDesign& prepared, const Order* order,
                                        const OrderItem* item, CivilDate reference) const {
    CheckContext context;
    context.policy = &policy;
    context.order = order;
    context.item = item;
    context.design = prepared.design.get();
    context.design_dir = prepared.design_dir;
    context.product = prepared.design->product.empty() && item ? item->product : prepared.design->product;
    context.pages = prepared.pages;
    context.reference_date = reference;
    context.fonts = fonts.get();
    context.scratch = std::make_shared<CheckScratch>();
    return context;
}

Finding Checker::Impl::time_limit_finding() const {
    return input::time_limit_finding(max_order_seconds);
}

Verdict Checker::Impl::failed_order(const Order& order, const std::string& what) const {
    Verdict verdict;
    verdict.order_id = order.order_id;
    verdict.verdict = VerdictKind::error;
    verdict.findings.push_back(internal_error("preflight", what));
    verdict.reason = verdict.findings.back().message;
    return verdict;
}

std::vector<Finding> Checker::Impl::check_design(
    const AssetSource& assets, const OrderItem* item,
    const std::function<input::PreparedDesign(input::OrderInputs&)>& prepare, input::PreparedDesign* keep) const {
    const Clock::time_point deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                                           std::chrono::duration<double>(max_order_seconds));
    input::OrderInputs inputs(assets, limits_until(deadline), *fonts);
    input::PreparedDesign prepared = prepare(inputs);
    std::vector<Finding> findings = std::move(prepared.problems);
    bool timed_out = inputs.timed_out();
    if (prepared.design && findings.empty() && !timed_out) {
        CheckContext context = context_for(prepared, nullptr, item, amsterdam_date(now()));
        context.nearby_fonts = &inputs.nearby_fonts();
        timed_out = run_checks(Scope::design, context, findings, deadline).timed_out;
    }
    if (timed_out) findings.push_back(time_limit_finding());
    if (keep) *keep = std::move(prepared);
    return findings;
}

std::uint64_t core::CheckerAccess::max_file_bytes(const Checker& checker) {
    return std::uint64_t(checker.impl_->limits.max_file_mb * 1024 * 1024);   // as OrderInputs::decode_file
}

std::vector<Finding> core::CheckerAccess::lint_prepared(const Checker& checker, const AssetSource& assets,
                                                        const std::string& design_path, input::PreparedDesign& prepared) {
    return checker.impl_->check_design(
        assets, nullptr, [&](input::OrderInputs& inputs) { return inputs.prepare("", design_path, design_path); },
        &prepared);
}

Verdict Checker::Impl::check_order(const Order& order, const AssetSource& assets) const {
    const Clock::time_point deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                                           std::chrono::duration<double>(max_order_seconds));
    Verdict verdict;
    verdict.order_id = order.order_id;
    Gate gate = decide_gate(order);
    std::vector<Finding> findings;
    auto input_problem = [&](const std::string& message) {
        findings.push_back(input::schema_finding(message));
    };
    if (gate.unknown_status) {
        input_problem("status: " + gate.reason);
        verdict.verdict = VerdictKind::error;
        verdict.reason = gate.reason;
        verdict.findings = std::move(findings);
        return verdict;
    }
    if (gate.skip) {
        verdict.verdict = VerdictKind::skip;
        verdict.checked = Checked::none;
        verdict.reason = gate.reason;
        return verdict;
    }
    verdict.checked = gate.checked;

    CivilDate reference = amsterdam_date(now());
    if (order.placed_at.empty()) {
        input_problem("required key 'placed_at' is missing (the reference date for year and date checks)");
    } else if (auto stamp = parse_timestamp(order.placed_at)) {
        reference = stamp->local_date;
    } else {
        input_problem("placed_at: '" + order.placed_at + "' is not an ISO 8601 date-time with an offset");
    }

    RunOutcome outcome;
    // One OrderInputs per order: a file named by several pages or designs is decoded once,
    // and the pixel budget and deadline hold for the whole order.
    input::OrderInputs inputs(assets, limits_until(deadline), *fonts);
    for (std::size_t i = 0; i < order.items.size() && !outcome.timed_out; ++i) {
        const OrderItem& item = order.items[i];
        if (item.type != "card") continue;
        input::PreparedDesign prepared = inputs.prepare("", item.design, "items[" + std::to_string(i) + "].design");
        for (auto& problem : prepared.problems) findings.push_back(std::move(problem));
        for (auto& page : prepared.page_refs) verdict.pages.push_back(std::move(page));
        outcome.timed_out |= inputs.timed_out();
        if (!prepared.design || !prepared.problems.empty() || outcome.timed_out) continue;
        CheckContext context = context_for(prepared, &order, &item, reference);
        context.nearby_fonts = &inputs.nearby_fonts();
        RunOutcome design_outcome = run_checks(Scope::design, context, findings, deadline);
        outcome.internal |= design_outcome.internal;
        outcome.timed_out |= design_outcome.timed_out;
    }
    if (!outcome.timed_out) {
        CheckContext order_context;
        order_context.policy = &policy;
        order_context.order = &order;
        order_context.reference_date = reference;
        order_context.fonts = fonts.get();
        for (const auto& item : order.items)
            if (item.type == "card" && !item.product.empty()) order_context.product = item.product;
        RunOutcome order_outcome = run_checks(Scope::order, order_context, findings, deadline);
        outcome.internal |= order_outcome.internal;
        outcome.timed_out |= order_outcome.timed_out;
    }
    if (outcome.timed_out) findings.push_back(time_limit_finding());

    if (gate.checked == Checked::production) {
        for (auto& finding : findings)
            if (!counts_in_production(finding.check) && finding.severity == Severity::error) finding.severity = Severity::warning;
    }
    verdict.findings = std::move(findings);
    verdict.verdict = outcome.internal ? VerdictKind::error : decide_verdict(verdict.findings);
    if (verdict.verdict == VerdictKind::error) {
        int count = 0;
        for (const auto& finding : verdict.findings) {
            if (finding.severity != Severity::error) continue;
            if (!outcome.internal && !reports_input(finding.check)) continue;
            if (count++ < 3) verdict.reason += (verdict.reason.empty() ? "" : "; ") + finding.message;
        }
        if (count > 3) verdict.reason += "; and " + std::to_string(count - 3) + " more";
    }
    if (verdict.verdict == VerdictKind::hold) verdict.respond_by = format_amsterdam(add_working_hours(now(), 8));
    return verdict;
}

}  // namespace preflight
