// Finds flat bands along a region's sides that end at a straight edge (uncovered frame parts).
#include "photo/frame_fill.hpp"

#include <algorithm>
#include <cstdlib>

namespace preflight::photo {

namespace {

// A line of the region, walked from one side inward: `index` lines in from `side`.
struct Line {
    const RgbView& region;
    Side side;
    int length() const { return side == Side::top || side == Side::bottom ? region.width : region.height; }
    int depth() const { return side == Side::top || side == Side::bottom ? region.height : region.width; }
    const std::uint8_t* pixel(int index, int along) const {
        int x = 0, y = 0;
        switch (side) {
            case Side::top: x = along; y = index; break;
            case Side::bottom: x = along; y = region.height - 1 - index; break;
            case Side::left: x = index; y = along; break;
            case Side::right: x = region.width - 1 - index; y = along; break;
        }
        return region.row(y) + 3 * x;
    }
};

// True when every pixel of line `index` is within `tolerance` of `colour` on each channel.
bool line_is(const Line& line, int index, const std::array<int, 3>& colour, int tolerance) {
    for (int along = 0; along < line.length(); ++along) {
        const std::uint8_t* p = line.pixel(index, along);
        for (int c = 0; c < 3; ++c)
            if (std::abs(int(p[c]) - colour[c]) > tolerance) return false;
    }
    return true;
}

}  // namespace

const char* to_string(Side side) {
    switch (side) {
        case Side::top: return "top";
        case Side::right: return "right";
        case Side::bottom: return "bottom";
        case Side::left: return "left";
    }
    return "?";
}

std::array<EmptyBand, 4> find_empty_bands(const RgbView& region, const EmptyBandOptions& options) {
    std::array<EmptyBand, 4> bands{};
    for (std::size_t s = 0; s < all_sides.size(); ++s) bands[s].side = all_sides[s];
    if (region.empty() || region.width < 4 || region.height < 4) return bands;
    for (std::size_t s = 0; s < all_sides.size(); ++s) {
        Line line{region, all_sides[s]};
        // The band's colour: the middle pixel of the outermost line.
        const std::uint8_t* first = line.pixel(0, line.length() / 2);
        const std::array<int, 3> colour{first[0], first[1], first[2]};
        const int deepest = int(options.max_share * line.depth());
        int width = 0;
        while (width <= deepest && line_is(line, width, colour, options.flat_tolerance)) ++width;
        if (width == 0 || width > deepest) continue;
        // The band must stop at a straight edge: most of a line clearly differs within a
        // few lines (lossy compression rings next to the edge; those lines join the band).
        int edge = -1;
        for (int next = width; next < std::min(width + options.edge_search_lines + 1, line.depth()); ++next) {
            int differing = 0;
            for (int along = 0; along < line.length(); ++along) {
                const std::uint8_t* p = line.pixel(next, along);
                int difference = 0;
                for (int c = 0; c < 3; ++c) difference = std::max(difference, std::abs(int(p[c]) - colour[c]));
                if (difference > options.edge_difference) ++differing;
            }
            if (double(differing) >= options.min_edge_share * line.length()) {
                edge = next;
                break;
            }
        }
        if (edge < 0 || edge > deepest) continue;
        width = edge;
        bands[s].width_px = width;
        bands[s].colour_rgb = colour;
    }
    return bands;
}

}  // namespace preflight::photo
