// Writes the bundled sample export deterministically: an orders.jsonl covering every gating
// row, every input.* case and each product, with its design documents, page rasters painted
// here (backgrounds, a real photograph from Debian's mate-backgrounds, text set with libvips
// on Debian's fonts) and the fonts copied in, so every path stays inside the export.
//
// Usage: preflight_make_samples OUTDIR
#include <nlohmann/json.hpp>
#include <vips/vips.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

constexpr double trim_w_mm = 148, trim_h_mm = 105, bleed_mm = 3, dpi = 300;
const char* photo_source = "/usr/share/backgrounds/mate/nature/FreshFlower.jpg";

struct Rgb { unsigned char r, g, b; };

// A page being painted: RGB bytes over the whole bleed box.
struct Canvas {
    int width, height;
    std::vector<unsigned char> pixels;
    Canvas(int w, int h) : width(w), height(h), pixels(std::size_t(w) * h * 3, 255) {}
    static double px(double mm) { return mm * dpi / 25.4; }
    // Box in design mm (trim origin) -> pixel bounds.
    void bounds(double x_mm, double y_mm, double w_mm, double h_mm, int& x0, int& y0, int& x1, int& y1) const {
        x0 = std::max(0, int(std::lround(px(x_mm + bleed_mm))));
        y0 = std::max(0, int(std::lround(px(y_mm + bleed_mm))));
        x1 = std::min(width, int(std::lround(px(x_mm + w_mm + bleed_mm))));
        y1 = std::min(height, int(std::lround(px(y_mm + h_mm + bleed_mm))));
    }
    void fill(double x_mm, double y_mm, double w_mm, double h_mm, Rgb c) {
        int x0, y0, x1, y1;
        bounds(x_mm, y_mm, w_mm, h_mm, x0, y0, x1, y1);
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x) {
                auto* p = &pixels[(std::size_t(y) * width + x) * 3];
                p[0] = c.r; p[1] = c.g; p[2] = c.b;
            }
    }
    // A photo scaled to cover the box, centre-cropped (as the editor shows it).
    void photo(double x_mm, double y_mm, double w_mm, double h_mm, const char* file) {
        int x0, y0, x1, y1;
        bounds(x_mm, y_mm, w_mm, h_mm, x0, y0, x1, y1);
        VipsImage* image = nullptr;
        if (vips_thumbnail(file, &image, x1 - x0, "height", y1 - y0, "crop", VIPS_INTERESTING_CENTRE, "size",
                           VIPS_SIZE_FORCE, nullptr) != 0) {
            std::cerr << "make_samples: cannot read " << file << " (scripts/setup installs mate-backgrounds): "
                      << vips_error_buffer() << "\n";
            std::exit(1);
        }
        VipsImage* srgb = nullptr;
        vips_colourspace(image, &srgb, VIPS_INTERPRETATION_sRGB, nullptr);
        size_t size = 0;
        auto* data = static_cast<unsigned char*>(vips_image_write_to_memory(srgb, &size));
        int w = vips_image_get_width(srgb), bands = vips_image_get_bands(srgb);
        for (int y = y0; y < y1 && y - y0 < vips_image_get_height(srgb); ++y)
            for (int x = x0; x < x1 && x - x0 < w; ++x)
                for (int b = 0; b < 3; ++b)
                    pixels[(std::size_t(y) * width + x) * 3 + b] = data[(std::size_t(y - y0) * w + (x - x0)) * bands + b];
        g_free(data);
        g_object_unref(srgb);
        g_object_unref(image);
    }
    // Text set by libvips/Pango on the font file, aligned in the box like the editor.
    void text(double x_mm, double y_mm, double w_mm, const std::string& content, const std::string& font_file,
              const std::string& family, double size_pt, const std::string& align, Rgb c) {
        std::string markup;
        for (char ch : content) {
            if (ch == '&') markup += "&amp;";
            else if (ch == '<') markup += "&lt;";
            else if (ch == '>') markup += "&gt;";
            else markup += ch;
        }
        VipsImage* mask = nullptr;
        std::string font = family + " " + std::to_string(int(std::lround(size_pt)));
        VipsAlign vips_align = align == "center" ? VIPS_ALIGN_CENTRE : align == "right" ? VIPS_ALIGN_HIGH : VIPS_ALIGN_LOW;
        if (vips_text(&mask, markup.c_str(), "font", font.c_str(), "fontfile", font_file.c_str(), "dpi", int(dpi),
                      "width", int(px(w_mm)), "align", vips_align, nullptr) != 0) {
            std::cerr << "make_samples: cannot set text: " << vips_error_buffer() << "\n";
            std::exit(1);
        }
        size_t size = 0;
        auto* alpha = static_cast<unsigned char*>(vips_image_write_to_memory(mask, &size));
        int mw = vips_image_get_width(mask), mh = vips_image_get_height(mask);
        int x0 = int(std::lround(px(x_mm + bleed_mm)));
        if (align == "center") x0 += (int(px(w_mm)) - mw) / 2;
        else if (align == "right") x0 += int(px(w_mm)) - mw;
        int y0 = int(std::lround(px(y_mm + bleed_mm)));
        for (int y = 0; y < mh; ++y)
            for (int x = 0; x < mw; ++x) {
                int px_x = x0 + x, px_y = y0 + y;
                if (px_x < 0 || px_y < 0 || px_x >= width || px_y >= height) continue;
                double a = alpha[std::size_t(y) * mw + x] / 255.0;
                auto* p = &pixels[(std::size_t(px_y) * width + px_x) * 3];
                p[0] = static_cast<unsigned char>(std::lround(p[0] * (1 - a) + c.r * a));
                p[1] = static_cast<unsigned char>(std::lround(p[1] * (1 - a) + c.g * a));
                p[2] = static_cast<unsigned char>(std::lround(p[2] * (1 - a) + c.b * a));
            }
        g_free(alpha);
        g_object_unref(mask);
    }
    void save(const fs::path& file) const {
        VipsImage* image = vips_image_new_from_memory(pixels.data(), pixels.size(), width, height, 3, VIPS_FORMAT_UCHAR);
        image->Type = VIPS_INTERPRETATION_sRGB;
        if (vips_image_write_to_file(image, file.c_str(), nullptr) != 0) {
            std::cerr << "make_samples: cannot write " << file << ": " << vips_error_buffer() << "\n";
            std::exit(1);
        }
        g_object_unref(image);
    }
};

int page_width_px() { return int(std::lround((trim_w_mm + 2 * bleed_mm) * dpi / 25.4)); }
int page_height_px() { return int(std::lround((trim_h_mm + 2 * bleed_mm) * dpi / 25.4)); }

struct Font {
    const char* file;     // inside the export's fonts/ folder
    const char* family;   // for Pango
};
const Font script{"DancingScript-Regular.otf", "Dancing Script"};
const Font lobster{"lobster.otf", "Lobster Two"};
const Font sans{"Lato-Regular.ttf", "Lato"};
const Font serif{"EBGaramond12-Regular.otf", "EB Garamond 12"};

std::string hex(Rgb c) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "#%02X%02X%02X", c.r, c.g, c.b);
    return buffer;
}

// One page under construction: its raster and its element list, kept in step.
struct PageBuilder {
    fs::path dir;
    std::string name;
    Canvas canvas{page_width_px(), page_height_px()};
    Json elements = Json::array();
    void background(Rgb c, double short_left_mm = 0) {
        canvas.fill(-bleed_mm + short_left_mm, -bleed_mm, trim_w_mm + 2 * bleed_mm - short_left_mm, trim_h_mm + 2 * bleed_mm, c);
    }
    void text(const std::string& id, double x, double y, double w, double h, const std::string& content, const Font& font,
              double size_pt, const std::string& align, Rgb c, bool foil = false) {
        canvas.text(x, y + 0.1 * size_pt * 25.4 / 72, w, content, (dir.parent_path() / "fonts" / font.file).string(),
                    font.family, size_pt, align, c);
        elements.push_back({{"id", id}, {"type", "text"}, {"box_mm", {x, y, w, h}}, {"text", content},
                            {"font_file", std::string("../fonts/") + font.file}, {"size_pt", size_pt},
                            {"line_height", 1.2}, {"align", align}, {"color", hex(c)}, {"wrap", true}, {"foil", foil}});
    }
    void photo(const std::string& id, double x, double y, double w, double h) {
        canvas.photo(x, y, w, h, photo_source);
        // The upload is 1600 x 1203; the editor shows the part with the frame's aspect.
        int source_w = 1600, source_h = 1203;
        int crop_h = int(std::lround(source_w * h / w));
        if (crop_h > source_h) crop_h = source_h;
        int crop_w = int(std::lround(crop_h * w / h));
        elements.push_back({{"id", id}, {"type", "photo"}, {"box_mm", {x, y, w, h}}, {"source_px", {source_w, source_h}},
                            {"crop_px", {(source_w - crop_w) / 2, (source_h - crop_h) / 2, crop_w, crop_h}}});
    }
    void graphic(const std::string& id, double x, double y, double w, double h, Rgb c, bool foil) {
        canvas.fill(x, y, w, h, c);
        elements.push_back({{"id", id}, {"type", "graphic"}, {"box_mm", {x, y, w, h}}, {"foil", foil}});
    }
    Json finish(const std::string& raster_name) {
        canvas.save(dir / raster_name);
        return {{"name", name}, {"raster", raster_name}, {"dpi", dpi}, {"elements", elements}};
    }
};

void write_json(const fs::path& file, const Json& json) {
    fs::create_directories(file.parent_path());
    std::ofstream(file) << json.dump(2) << "\n";
}

Json design_doc(const std::string& id, const std::string& product, Json pages) {
    return {{"design_id", id}, {"product", product}, {"trim_mm", {trim_w_mm, trim_h_mm}}, {"bleed_mm", bleed_mm},
            {"safe_mm", 4.0}, {"pages", std::move(pages)}};
}

const Rgb ink{0x3A, 0x3A, 0x3A}, blush{0xF6, 0xE3, 0xE0}, cream{0xFA, 0xF3, 0xE3}, sage{0xDD, 0xE8, 0xDA}, gold{0xC8, 0xA4, 0x4D};

// A birth announcement: photo across the top bleeding off three edges, name and details below.
Json birth_card(const fs::path& root, const std::string& id, const std::string& name, const std::string& details) {
    fs::path dir = root / id;
    fs::create_directories(dir);
    PageBuilder front{dir, "front"};
    front.background(blush);
    front.photo("photo", -3, -3, 154, 58);
    front.text("name", 14, 60, 120, 14, name, script, 26, "center", ink);
    front.text("details", 24, 78, 100, 18, details, sans, 9, "center", ink);
    Json pages = Json::array({front.finish("front.png")});
    PageBuilder back{dir, "back"};
    back.background(Rgb{255, 255, 255});
    back.text("thanks", 24, 40, 100, 20, "Wij zijn dolblij met onze dochter.\nKraambezoek graag na een belletje.", serif, 11, "center", ink);
    pages.push_back(back.finish("back.png"));
    return design_doc(id, "birth_announcement", pages);
}

// A wedding card on a cream background (optionally stopping short of the left bleed edge).
Json wedding_card(const fs::path& root, const std::string& id, const std::string& names, const std::string& when,
                  double short_left_mm = 0, double name_box_w = 110, bool foil_ornament = false) {
    fs::path dir = root / id;
    fs::create_directories(dir);
    PageBuilder front{dir, "front"};
    front.background(cream, short_left_mm);
    front.graphic("ornament", 64, 12, 20, 6, gold, foil_ornament);
    front.text("names", (trim_w_mm - name_box_w) / 2, 26, name_box_w, 18, names, lobster, 28, "center", ink);
    front.text("when", 19, 58, 110, 24, when, serif, 12, "center", ink);
    Json page = front.finish("front.png");
    if (foil_ornament) {
        Canvas mask(page_width_px(), page_height_px());
        std::fill(mask.pixels.begin(), mask.pixels.end(), 0);
        mask.fill(64, 12, 20, 6, Rgb{255, 255, 255});
        mask.save(dir / "front-foil.png");
        page["foil_mask"] = "front-foil.png";
    }
    return design_doc(id, "wedding", Json::array({page}));
}

// A party invitation on sage green.
Json invitation_card(const fs::path& root, const std::string& id, const std::string& title, const std::string& when) {
    fs::path dir = root / id;
    fs::create_directories(dir);
    PageBuilder front{dir, "front"};
    front.background(sage);
    front.text("title", 19, 20, 110, 16, title, script, 24, "center", ink);
    front.text("when", 19, 50, 110, 30, when, sans, 10, "center", ink);
    return design_doc(id, "invitation", Json::array({front.finish("front.png")}));
}

Json address(const std::string& name, const std::string& street, const std::string& number, const std::string& postcode,
             const std::string& city) {
    return {{"name", name}, {"street", street}, {"house_number", number}, {"house_number_addition", ""},
            {"postcode", postcode}, {"city", city}, {"country", "NL"}};
}

Json order(const std::string& id, const std::string& status, bool check_service, bool proof, const std::string& product,
           const std::string& design, int quantity, Json shipping, std::string paper = "linen-350",
           Json finishes = Json::array(), int envelopes = -1) {
    Json items = Json::array();
    items.push_back({{"type", "card"}, {"product", product}, {"quantity", quantity}, {"paper", paper},
                     {"finishes", finishes}, {"design", design}});
    items.push_back({{"type", "envelope"}, {"quantity", envelopes < 0 ? quantity : envelopes}, {"colour", "kraft"}});
    return {{"order_id", id}, {"status", status}, {"placed_at", "2026-11-20T14:03:00+01:00"},
            {"check_service", check_service}, {"proof", proof},
            {"customer", {{"name", shipping["name"]}, {"email", "klant@example.nl"}, {"phone", "0612345678"}}},
            {"shipping_address", shipping}, {"items", items}};
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: preflight_make_samples OUTDIR\n";
        return 2;
    }
    if (VIPS_INIT(argv[0]) != 0) return 1;
    fs::path root = argv[1];
    fs::remove_all(root);
    fs::create_directories(root / "fonts");
    for (const char* font : {"/usr/share/fonts/opentype/dancingscript/DancingScript-Regular.otf",
                             "/usr/share/fonts/opentype/lobster/lobster.otf", "/usr/share/fonts/truetype/lato/Lato-Regular.ttf",
                             "/usr/share/fonts/opentype/ebgaramond/EBGaramond12-Regular.otf"}) {
        std::error_code ec;
        fs::copy_file(font, root / "fonts" / fs::path(font).filename(), fs::copy_options::overwrite_existing, ec);
        if (ec) {
            std::cerr << "make_samples: missing font " << font << " (run scripts/setup)\n";
            return 1;
        }
    }

    const Json anna = address("Anna de Vries", "Kerkstraat", "12", "3511 AB", "Utrecht");
    const Json piet = address("Piet Jansen", "Dorpsweg", "4", "1071 XX", "Amsterdam");

    write_json(root / "SP-1001/design.json", birth_card(root, "SP-1001", "Sophie van Dijk",
                                                        "geboren op 12 november 2026\n3250 gram · 51 cm"));
    write_json(root / "SP-1002/design.json", wedding_card(root, "SP-1002", "Eva & Daan", "zaterdag 12 juni 2027\nKasteel de Haar, Utrecht", 2.0));
    write_json(root / "SP-1003/design.json", wedding_card(root, "SP-1003", "Lotte & Sem", "vrijdag 21 mei 2027\nAmsterdam"));
    write_json(root / "SP-1004/design.json", invitation_card(root, "SP-1004", "Noor wordt 5!", "zondag 13 december 2026, 14.00 uur\nSpeeltuin De Eekhoorn"));
    write_json(root / "SP-1005/design.json", wedding_card(root, "SP-1005", "Mila & Finn", "zaterdag 4 september 2027\nGroningen", 0, 110, true));
    write_json(root / "SP-1006/design.json", wedding_card(root, "SP-1006", "Charlotte-Isabella & Maximiliaan", "zaterdag 12 juni 2027\nDen Haag", 0, 60));
    write_json(root / "SP-1007/design.json", invitation_card(root, "SP-1007", "Opa wordt 80!", "zaterdag 9 januari 2021, 15.00 uur\nDe Gouden Leeuw"));
    write_json(root / "SP-1008/design.json", birth_card(root, "SP-1008", "Luuk Bakker", "geboren op 3 november 2026\n3480 gram · 52 cm"));

    // Input problems, each on its own order.
    fs::create_directories(root / "SP-1020");
    {
        Json doc = birth_card(root, "SP-1020", "Tess", "geboren op 1 november 2026");
        doc["pages"][0]["raster"] = "front-missing.png";
        write_json(root / "SP-1020/design.json", doc);
    }
    {
        Json doc = wedding_card(root, "SP-1021", "Ruben & Sara", "zaterdag 12 juni 2027");
        Canvas small(1748, 1240);   // rasterised without the bleed
        small.save(root / "SP-1021/front.png");
        write_json(root / "SP-1021/design.json", doc);
    }
    {
        Json doc = wedding_card(root, "SP-1022", "Jesse & Fleur", "zaterdag 12 juni 2027");
        fs::resize_file(root / "SP-1022/front.png", 2000);   // truncated upload
        write_json(root / "SP-1022/design.json", doc);
    }
    {
        Json doc = invitation_card(root, "SP-1023", "Housewarming", "zaterdag 5 december 2026");
        doc["pages"][0]["raster"] = "../../etc/passwd";
        write_json(root / "SP-1023/design.json", doc);
    }

    std::ofstream out(root / "orders.jsonl");
    auto line = [&](const Json& j) { out << j.dump() << "\n"; };
    line(order("SP-1001", "paid", true, false, "birth_announcement", "SP-1001/design.json", 60, anna));
    line(order("SP-1002", "paid", true, false, "wedding", "SP-1002/design.json", 80, piet));
    line(order("SP-1003", "paid", false, false, "wedding", "SP-1003/design.json", 100, anna));
    line(order("SP-1004", "hold", true, false, "invitation", "SP-1004/design.json", 30, piet));
    line(order("SP-1005", "paid", true, false, "wedding", "SP-1005/design.json", 90, anna, "recycled-300", Json::array({"gold-foil"})));
    line(order("SP-1006", "paid", true, false, "wedding", "SP-1006/design.json", 120, piet));
    line(order("SP-1007", "paid", true, false, "invitation", "SP-1007/design.json", 40, anna));
    line(order("SP-1008", "paid", true, true, "birth_announcement", "SP-1008/design.json", 1, anna));
    line(order("SP-1009", "paid", false, true, "birth_announcement", "SP-1008/design.json", 1, anna));
    line(order("SP-1010", "new", true, false, "wedding", "SP-1003/design.json", 50, anna));
    line(order("SP-1011", "notpaid", true, false, "wedding", "SP-1003/design.json", 50, anna));
    line(order("SP-1012", "queued", true, false, "wedding", "SP-1003/design.json", 50, anna));
    line(order("SP-1013", "completed", false, false, "wedding", "SP-1003/design.json", 50, anna));
    line(order("SP-1014", "cancelled", true, false, "wedding", "SP-1003/design.json", 50, anna));
    line(order("SP-1015", "paid", true, false, "birth_announcement", "SP-1001/design.json", 60,
               address("Kim de Boer", "Lindelaan 7", "7", "351 AB", "Utrecht")));
    line(order("SP-1020", "paid", true, false, "birth_announcement", "SP-1020/design.json", 40, anna));
    line(order("SP-1021", "paid", true, false, "wedding", "SP-1021/design.json", 40, anna));
    line(order("SP-1022", "paid", false, false, "wedding", "SP-1022/design.json", 40, anna));
    line(order("SP-1023", "paid", true, false, "invitation", "SP-1023/design.json", 40, anna));
    {
        Json broken = order("SP-1024", "paid", true, false, "wedding", "SP-1003/design.json", 40, anna);
        broken["items"][0].erase("design");
        line(broken);
    }
    out << "{\"order_id\": \"SP-1025\", \"status\": \"paid\", \"items\": [\n";   // a line cut off by the export
    out.close();

    // A shop's collection templates, for `preflight lint` in CI: one clean, one whose title
    // box is too small for its sample name.
    fs::create_directories(root / "templates/fonts");
    for (const auto& entry : fs::directory_iterator(root / "fonts"))
        fs::copy_file(entry.path(), root / "templates/fonts" / entry.path().filename(), fs::copy_options::overwrite_existing);
    write_json(root / "templates/rose/design.json", birth_card(root / "templates", "rose", "Sophie van Dijk",
                                                               "geboren op 12 maart 2026\n3000 gram · 50 cm"));
    write_json(root / "templates/feest/design.json", wedding_card(root / "templates", "feest", "Anne-Sophie & Maximiliaan",
                                                                  "zaterdag 12 juni 2027", 0, 40));

    Json policy = {{"papers", {{"linen-350", {{"finishes", {"gold-foil", "silver-foil", "rose-foil"}}}},
                               {"cotton-600", {{"finishes", {"gold-foil", "silver-foil", "rose-foil", "spot-uv"}}}},
                               {"recycled-300", {{"finishes", Json::array()}}}}},
                   {"language", "nl"}};   // the shop's service team reads Dutch
    write_json(root / "policy.json", policy);
    std::cerr << "make_samples: wrote " << (root / "orders.jsonl").string() << "\n";
    vips_shutdown();
    return 0;
}
