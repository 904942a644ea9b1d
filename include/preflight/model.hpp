// The input value types: a design document and an order, as formats.md describes them.
// Plain data, no behaviour; parsing lives in the formats layer (preflight/formats.hpp).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace preflight {

/// A rectangle [x, y, width, height] in millimetres, origin at the top-left of the trim.
struct BoxMm {
    double x = 0, y = 0, width = 0, height = 0;
    double right() const { return x + width; }
    double bottom() const { return y + height; }
    // Spelt out (not defaulted) so that the public headers also compile as C++17.
    friend bool operator==(const BoxMm& a, const BoxMm& b) {
        return a.x == b.x && a.y == b.y && a.width == b.width && a.height == b.height;
    }
    friend bool operator!=(const BoxMm& a, const BoxMm& b) { return !(a == b); }
};

enum class ElementType { text, photo, graphic, other };
enum class TextAlign { left, center, right, justify };

/// One element of a page, in stacking order. Fields that do not apply to the type stay empty.
struct Element {
    std::string id;
    ElementType type = ElementType::other;
    std::string type_name;          // as written in the document (for messages on unknown types)
    BoxMm box_mm;
    bool foil = false;
    // text
    std::string text;               // UTF-8, explicit breaks as '\n'
    std::string font_file;          // as written (relative to the design document)
    double size_pt = 0;
    double line_height = 1.2;
    TextAlign align = TextAlign::left;
    std::array<unsigned char, 3> color_rgb{0, 0, 0};
    bool wrap = true;
    double rotation_deg = 0;
    // photo
    std::optional<std::array<int, 2>> source_px;     // width, height of the upload
    std::optional<std::array<int, 4>> crop_px;       // x, y, width, height shown in the frame
    std::string file;                                // original upload, optional
};

struct Page {
    std::string name;
    std::string raster;             // path as written, relative to the design document
    double dpi = 300;
    std::string foil_mask;          // optional
    std::vector<Element> elements;
};

struct Design {
    std::string design_id;
    std::string product;            // wedding, birth_announcement, invitation, or shop-defined
    double trim_width_mm = 0, trim_height_mm = 0;
    double bleed_mm = 3.0;
    double safe_mm = 4.0;
    std::vector<Page> pages;
};

struct Address {
    std::string name, street, house_number, house_number_addition, postcode, city, country;
};

struct Customer {
    std::string name, email, phone;
};

struct OrderItem {
    std::string type;               // card, envelope, or something preflight ignores
    std::string product;
    long quantity = 0;
    std::string paper;
    std::vector<std::string> finishes;
    std::string design;             // path of the design document, relative to the export
    std::string colour;
};

struct Order {
    std::string order_id;
    std::string status;             // new, notpaid, paid, queued, completed, cancelled, hold
    std::string placed_at;          // ISO 8601 with offset, as written
    bool check_service = false;
    bool proof = false;
    Customer customer;
    std::optional<Address> shipping_address;
    std::vector<OrderItem> items;
};

}  // namespace preflight
