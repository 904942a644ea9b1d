// bleed.coverage: where the artwork touches the trim it must continue to the outer edge of the
// bleed, or a white line can show after cutting. Judged like a prepress operator: unprinted paper
// at the trim (a white card, a white frame) needs no bleed; a stop is a step from artwork to
// paper (a cream background cut short counts, a soft fade into white does not).
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <deque>
#include <string>
#include <vector>

#include "checks/bleed/bleed_checks.hpp"
#include "checks/bleed/edge_reach.hpp"

namespace preflight::checks {

namespace {

constexpr const char* check_id = "bleed.coverage";

// "#RRGGBB" to a colour; anything else leaves the fallback (a check never throws on input).
kernels::Rgb8 parse_colour(const std::string& text, kernels::Rgb8 fallback) {
    unsigned r = 0, g = 0, b = 0;
    char end = 0;
    if (text.size() == 7 && std::sscanf(text.c_str(), "#%2x%2x%2x%c", &r, &g, &b, &end) == 3)
        return {std::uint8_t(r), std::uint8_t(g), std::uint8_t(b)};
    return fallback;
}

std::string format_mm(double mm) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", std::abs(mm) < 0.05 ? 0.0 : mm);
    return buffer;
}

double round_tenth(double v) { return std::round(v * 10) / 10; }

// A stretch of positions along an edge where the artwork stops short.
struct Shortfall {
    int begin = 0, end = 0;         // sample indices, half-open
    float shortest_reach_px = 0;
};

struct Settings {
    ReachSettings reach;
    double tolerance_mm = 0.2;
    double min_length_mm = 2.0;
    int min_contrast_levels = 14;
    double sliver_mm = 2.0;
};

// The share of an edge's positions that must bleed for the page to count as full-bleed on that
// edge, and that must bleed or show the sliver for a sliver to be one strip along the whole
// edge: a few positions of a photo's blown-out highlights or noise may not decide.
constexpr double whole_edge_share = 0.9;

// How far past the trim the artwork must reach, in pixels: the bleed less the tolerance and one
// pixel, as the raster may be a pixel off its nominal size (formats.md) and the trim falls
// between pixel edges.
double allowed_reach_px(const core::PageGeometry& g, const Settings& settings) {
    return (g.bleed_mm - settings.tolerance_mm) * g.px_per_mm() - 1.0;
}

// Positions along the edge covered by a photo frame that itself runs to the outer edge of the
// bleed there: paper-white pixels in that bleed are the photo's own highlights (a blown-out
// sky), not a missing bleed. A photo that does not fill its frame is photo.frame_fill's finding.
std::vector<bool> under_bleeding_photos(const core::PageView& page, const EdgeReach& reach, double tolerance_mm) {
    std::vector<bool> covered(reach.samples.size(), false);
    if (!page.page) return covered;
    const core::PageGeometry& g = page.geometry;
    const double outer = -(g.bleed_mm - tolerance_mm);   // how far past the trim counts as the bleed edge
    const bool rows_along = reach.edge == Edge::left || reach.edge == Edge::right;
    for (const Element& element : page.page->elements) {
        if (element.type != ElementType::photo) continue;
        const BoxMm& box = element.box_mm;
        bool reaches = false;
        switch (reach.edge) {
            case Edge::left: reaches = box.x <= outer; break;
            case Edge::top: reaches = box.y <= outer; break;
            case Edge::right: reaches = box.right() >= g.trim_width_mm - outer; break;
            case Edge::bottom: reaches = box.bottom() >= g.trim_height_mm - outer; break;
            case Edge::none: break;
        }
        if (!reaches) continue;
        const double from_px = rows_along ? g.y_px(box.y) : g.x_px(box.x);
        const double to_px = rows_along ? g.y_px(box.bottom()) : g.x_px(box.right());
        for (std::size_t i = 0; i < covered.size(); ++i) {
            const double centre = reach.first_position + double(i) + 0.5;
            if (centre >= from_px && centre < to_px) covered[i] = true;
        }
    }
    return covered;
}

// The longest part of a stretch (in positions) along which the stop runs parallel to the trim,
// its reach varying by at most `range_px`. A background or frame cut short stops along a
// straight line; the edge of a white petal or a sunlit cloud in a photo crosses the bleed at
// an angle or in a curve.
int longest_parallel_part(const EdgeReach& reach, const std::vector<bool>& is_short, const Shortfall& stretch,
                          double range_px) {
    std::deque<int> lowest, highest;   // indices of short positions, reaches ascending / descending
    int best = 0, left = stretch.begin;
    const auto reach_at = [&](int i) { return reach.samples[std::size_t(i)].reach_px; };
    for (int i = stretch.begin; i < stretch.end; ++i) {
        if (!is_short[std::size_t(i)]) continue;   // a gap of noise inside the stretch
        while (!lowest.empty() && reach_at(lowest.back()) >= reach_at(i)) lowest.pop_back();
        while (!highest.empty() && reach_at(highest.back()) <= reach_at(i)) highest.pop_back();
        lowest.push_back(i);
        highest.push_back(i);
        while (reach_at(highest.front()) - reach_at(lowest.front()) > range_px) {
            left = std::min(highest.front(), lowest.front()) + 1;
            while (!highest.empty() && highest.front() < left) highest.pop_front();
            while (!lowest.empty() && lowest.front() < left) lowest.pop_front();
        }
        best = std::max(best, i - left + 1);
    }
    return best;
}

// The share of an edge's positions where the artwork bleeds in full (or a photo frame that bleeds
// covers it) and, with `slivers`, where a strip of paper at the trim hides artwork behind it.
double share_of_edge(const core::PageView& page, const EdgeReach& reach, const Settings& settings, bool slivers) {
    if (reach.samples.empty()) return 0;
    const double allowed_px = allowed_reach_px(page.geometry, settings);
    const std::vector<bool> photo_bleeds = under_bleeding_photos(page, reach, settings.tolerance_mm);
    std::size_t count = 0;
    for (std::size_t i = 0; i < reach.samples.size(); ++i) {
        const EdgeSample& s = reach.samples[i];
        count += photo_bleeds[i] || (s.printed_at_trim && s.reach_px >= allowed_px) ||
                 (slivers && s.behind_sliver && s.contrast_levels >= settings.min_contrast_levels);
    }
    return double(count) / double(reach.samples.size());
}

// `slivers`: a strip of paper at the trim with artwork behind it counts as artwork stopping short
// (inside the trim) too; only for an edge of an otherwise full-bleed page (see run()).
void judge_edge(const core::PageView& page, const EdgeReach& reach, const Settings& settings, bool slivers,
                core::Findings& findings) {
    const core::PageGeometry& g = page.geometry;
    if (reach.samples.empty()) return;
    const double px_per_mm = g.px_per_mm();
    const double allowed_px = allowed_reach_px(g, settings);
    const int gap_px = std::max(1, int(std::lround(0.2 * px_per_mm)));   // noise may split one stretch

    const std::vector<bool> photo_bleeds = under_bleeding_photos(page, reach, settings.tolerance_mm);
    std::vector<Shortfall> stretches;
    const int n = int(reach.samples.size());
    std::vector<bool> is_short(reach.samples.size(), false);
    for (int i = 0; i < n; ++i) {
        const EdgeSample& s = reach.samples[std::size_t(i)];
        is_short[std::size_t(i)] = (s.printed_at_trim || (slivers && s.behind_sliver)) && s.reach_px < allowed_px &&
                                   s.contrast_levels >= settings.min_contrast_levels && !photo_bleeds[std::size_t(i)];
        if (!is_short[std::size_t(i)]) continue;
        if (!stretches.empty() && i - stretches.back().end <= gap_px) {
            stretches.back().end = i + 1;
            stretches.back().shortest_reach_px = std::min(stretches.back().shortest_reach_px, s.reach_px);
        } else {
            stretches.push_back({i, i + 1, s.reach_px});
        }
    }
    // Specks shorter than min_length_mm along the edge are noise or detail, not a missing bleed;
    // so is a stretch whose stop never runs parallel to the trim for that long (photo content).
    const double parallel_range_px = std::max(3.0, 0.25 * px_per_mm);
    std::erase_if(stretches, [&](const Shortfall& s) {
        return longest_parallel_part(reach, is_short, s, parallel_range_px) / px_per_mm < settings.min_length_mm;
    });
    if (stretches.empty()) return;

    float shortest_px = stretches.front().shortest_reach_px;
    int affected_px = 0;
    for (const auto& s : stretches) {
        shortest_px = std::min(shortest_px, s.shortest_reach_px);
        affected_px += s.end - s.begin;
    }
    // Reported to a tenth of a millimetre, and the region follows the reported number.
    const double reach_mm = round_tenth(shortest_px / px_per_mm);
    const double affected_mm = affected_px / px_per_mm;

    // The region where paper would show: from the outer edge of the bleed in to the shortest
    // reach, along the affected span (run on into the bleed corners when it reaches them).
    const bool rows_along = reach.edge == Edge::left || reach.edge == Edge::right;
    const double along_trim_mm = rows_along ? g.trim_height_mm : g.trim_width_mm;
    const auto along_mm = [&](int index) {
        const double px = reach.first_position + index;
        return rows_along ? g.y_mm(px) : g.x_mm(px);
    };
    double span_from = along_mm(stretches.front().begin), span_to = along_mm(stretches.back().end);
    if (stretches.front().begin == 0) span_from = -g.bleed_mm;
    if (stretches.back().end == n) span_to = along_trim_mm + g.bleed_mm;
    const double depth_mm = g.bleed_mm - reach_mm;
    std::array<double, 4> where{};
    switch (reach.edge) {
        case Edge::left: where = {-g.bleed_mm, span_from, depth_mm, span_to - span_from}; break;
        case Edge::right: where = {g.trim_width_mm + reach_mm, span_from, depth_mm, span_to - span_from}; break;
        case Edge::top: where = {span_from, -g.bleed_mm, span_to - span_from, depth_mm}; break;
        case Edge::bottom: where = {span_from, g.trim_height_mm + reach_mm, span_to - span_from, depth_mm}; break;
        case Edge::none: break;
    }
    for (double& v : where) v = std::round(v * 100) / 100;

    std::string stops;
    if (reach_mm >= 0.05) stops = format_mm(reach_mm) + " mm past the trim";
    else if (reach_mm > -0.05) stops = "at the trim";
    else stops = format_mm(-reach_mm) + " mm inside the trim";
    std::string message = "Artwork stops " + stops + " on the " + edge_name(reach.edge) + " edge along " +
                          format_mm(std::min(affected_mm, along_trim_mm)) + " mm of its " + format_mm(along_trim_mm) +
                          " mm, so paper can show after cutting; extend it to the outer edge of the bleed, " +
                          format_mm(g.bleed_mm) + " mm past the trim.";

    Finding finding;
    finding.check = check_id;
    finding.severity = Severity::error;
    finding.page = page.page ? page.page->name : std::string();
    finding.message = std::move(message);
    finding.where_mm = where;
    finding.measured = reach_mm;
    finding.limit = g.bleed_mm;
    finding.unit = "mm";
    finding.fix = {FixBy::service, "Extend the background to the outer edge of the bleed."};
    finding.code = reach_mm >= 0.05 ? "short" : reach_mm > -0.05 ? "at_trim" : "inside_trim";
    finding.edge = reach.edge;
    finding.details = {{"reach_mm", std::abs(reach_mm)}, {"needed_mm", g.bleed_mm},
                       {"along_mm", std::min(affected_mm, along_trim_mm)}, {"edge_length_mm", along_trim_mm}};
    findings.push_back(std::move(finding));
}

// Each edge of one page. Paper at the trim needs no bleed (a white card, an even white frame, a
// wide white band); but when the other three edges bleed in full and this one shows only a strip
// of paper narrower than sliver_mm along its whole length, the design was meant to bleed and sits
// a little off: that strip shows as a white line after cutting ("witte rand"), so it is judged as
// artwork stopping inside the trim.
void judge_page(const core::PageView& page, const Settings& settings, core::Findings& findings) {
    constexpr Edge edges[] = {Edge::left, Edge::top, Edge::right, Edge::bottom};
    std::array<EdgeReach, 4> reaches;
    std::array<bool, 4> bleeds{};
    for (std::size_t e = 0; e < 4; ++e) {
        reaches[e] = measure_edge_reach(*page.raster, page.geometry, edges[e], settings.reach);
        bleeds[e] = share_of_edge(page, reaches[e], settings, false) >= whole_edge_share;
    }
    for (std::size_t e = 0; e < 4; ++e) {
        bool slivers = false;
        const bool others_bleed = bleeds[(e + 1) % 4] && bleeds[(e + 2) % 4] && bleeds[(e + 3) % 4];
        if (settings.sliver_mm > 0 && others_bleed && !bleeds[e]) {
            ReachSettings deeper = settings.reach;   // measured again, only here: the common page pays nothing
            deeper.sliver_mm = settings.sliver_mm;
            EdgeReach with_slivers = measure_edge_reach(*page.raster, page.geometry, edges[e], deeper);
            if (share_of_edge(page, with_slivers, settings, true) >= whole_edge_share) {
                reaches[e] = std::move(with_slivers);
                slivers = true;
            }
        }
        judge_edge(page, reaches[e], settings, slivers, findings);
    }
}

void run(const core::CheckContext& context, const core::CheckOptions& options, core::Findings& findings) {
    Settings settings;
    settings.tolerance_mm = options.number("tolerance_mm");
    settings.min_length_mm = options.number("min_length_mm");
    settings.min_contrast_levels = int(options.number("min_contrast_levels"));
    settings.reach.paper_tolerance_levels = std::uint8_t(std::clamp(options.number("paper_tolerance_levels"), 0.0, 254.0));
    settings.reach.inside_mm = options.number("inside_mm");
    settings.reach.paper = parse_colour(options.word("paper_colour"), settings.reach.paper);
    settings.sliver_mm = options.number("sliver_mm");
    for (const core::PageView& page : context.pages) {
        if (!page.raster) continue;
        judge_page(page, settings, findings);
    }
}

}  // namespace

core::CheckSpec make_bleed_coverage_check() {
    core::CheckSpec spec;
    spec.id = check_id;
    spec.summary = "Artwork that touches the trim must continue to the outer edge of the bleed on every edge.";
    spec.scope = core::Scope::design;
    spec.options = {
        {"tolerance_mm", 0.2, "how much short of the full bleed is still accepted (plus one pixel of rounding)", 0, 10},
        {"min_length_mm", 2.0, "stretches along an edge shorter than this (or whose stop runs parallel to the trim for less) are ignored as specks or photo detail", 0, 1000},
        {"paper_tolerance_levels", 8.0, "a pixel within this many levels (0-255, per channel) of the paper colour is unprinted paper", 0, 64},
        {"min_contrast_levels", 14.0, "a stop counts only where the artwork differs this much from paper (soft fades into white do not)", 0, 255},
        {"inside_mm", 0.25, "artwork ending this close inside the trim still counts as touching it", 0, 5},
        // 2 mm: twice the ~1 mm a guillotine cut may wander; the red team's misplaced backgrounds
        // left 0.4-1.2 mm, a white band meant as design is wider (tests: 2.5 mm and more stay clean).
        {"sliver_mm", 2.0, "on a page that bleeds on its other three edges, a strip of paper narrower than this between the trim and the artwork along a whole edge is a misplaced background, not a margin (0: off)", 0, 20},
        {"paper_colour", std::string("#FFFFFF"), "the colour of unprinted paper in the page rasters (#RRGGBB)"},
    };
    spec.run = run;
    spec.repair = core::Repair::generate_bleed;   // mirror or stretch the edge
    // What the generated bleed keeps to: the same paper and reach as the check.
    spec.settings = [](const core::CheckOptions& options, core::OptionSettings& settings) {
        settings.fix.bleed_inside_mm = options.number("inside_mm");
        settings.fix.paper_tolerance_levels = std::clamp(options.number("paper_tolerance_levels"), 0.0, 254.0);
        const kernels::Rgb8 paper = parse_colour(options.word("paper_colour"), kernels::Rgb8{255, 255, 255});
        settings.fix.paper_rgb = {paper.r, paper.g, paper.b};
    };
    return spec;
}

}  // namespace preflight::checks
