// Reading a design document (formats.md section 1) into preflight::Design.
#include "formats/json_fields.hpp"

#include <algorithm>
#include <cmath>

#include "input/open_beneath.hpp"

namespace preflight {

using formats::Fields;
using formats::Json;

namespace {

constexpr double max_mm = 10'000;

std::optional<std::array<unsigned char, 3>> parse_colour(const std::string& text) {
    if (text.size() != 7 || text[0] != '#') return std::nullopt;
    std::array<unsigned char, 3> rgb{};
    for (int i = 0; i < 3; ++i) {
        unsigned value = 0;
        for (int j = 0; j < 2; ++j) {
            char c = text[1 + i * 2 + j];
            value <<= 4;
            if (c >= '0' && c <= '9') value |= unsigned(c - '0');
            else if (c >= 'a' && c <= 'f') value |= unsigned(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') value |= unsigned(c - 'A' + 10);
            else return std::nullopt;
        }
        rgb[i] = static_cast<unsigned char>(value);
    }
    return rgb;
}

Element read_element(const Json& object, const std::string& path, std::size_t index,
                     std::vector<InputProblem>& problems) {
    Fields fields(object, path, problems);
    Element element;
    if (!object.is_object()) {
        fields.problem(path, "'" + path + "' must be an object, not " + formats::describe_type(object));
        return element;
    }
    element.id = fields.optional_id("id");
    if (element.id.empty()) element.id = "element " + std::to_string(index + 1);
    element.type_name = fields.required_string("type");
    if (element.type_name == "text") element.type = ElementType::text;
    else if (element.type_name == "photo") element.type = ElementType::photo;
    else if (element.type_name == "graphic") element.type = ElementType::graphic;
    else element.type = ElementType::other;
    if (auto box = fields.number_array("box_mm", 4, true)) {
        element.box_mm = {(*box)[0], (*box)[1], (*box)[2], (*box)[3]};
        // An element parked off the card is fine; one a kilometre away is a broken number
        // that no pixel arithmetic should meet (1e308 mm overflows every pixel index).
        constexpr double farthest_mm = 1'000'000;
        const bool far = std::any_of(box->begin(), box->end(), [&](double v) { return std::fabs(v) > farthest_mm; });
        if (far)
            fields.problem(fields.child_path("box_mm"), "'" + fields.child_path("box_mm") + "' has a value beyond " +
                                                            "1000000 mm (1 km): not a position on a card");
        else if (element.box_mm.width < 0 || element.box_mm.height < 0)
            fields.problem(fields.child_path("box_mm"), "'" + fields.child_path("box_mm") + "' has a negative width or height");
    }
    element.foil = fields.optional_bool("foil", false);
    if (element.type == ElementType::text) {
        element.text = fields.required_string("text");
        element.font_file = fields.required_string("font_file");
        element.size_pt = fields.required_number("size_pt", 0.1, 1000);
        element.line_height = fields.optional_number("line_height", 1.2, 0.1, 20);
        std::string align = fields.optional_string("align", "left");
        if (align == "left") element.align = TextAlign::left;
        else if (align == "center" || align == "centre") element.align = TextAlign::center;
        else if (align == "right") element.align = TextAlign::right;
        else if (align == "justify") element.align = TextAlign::justify;
        else fields.problem(fields.child_path("align"), "'" + fields.child_path("align") + "' is '" + align +
                                                             "'; it must be left, center, right or justify");
        std::string colour = fields.optional_string("color", "#000000");
        if (auto rgb = parse_colour(colour)) element.color_rgb = *rgb;
        else fields.problem(fields.child_path("color"), "'" + fields.child_path("color") + "' is '" + colour +
                                                             "'; it must be #RRGGBB");
        element.wrap = fields.optional_bool("wrap", true);
        element.rotation_deg = fields.optional_number("rotation_deg", 0, -3600, 3600);
    } else if (element.type == ElementType::photo) {
        if (const Json* source = fields.get("source_px")) {
            std::optional<long long> width, height;
            if (source->is_array() && source->size() == 2) width = formats::whole_number((*source)[0]), height = formats::whole_number((*source)[1]);
            if (width && height && *width > 0 && *height > 0 && *width < 1'000'000 && *height < 1'000'000)
                element.source_px = std::array<int, 2>{int(*width), int(*height)};
            else
                fields.problem(fields.child_path("source_px"), "'" + fields.child_path("source_px") +
                                                                   "' must be [width, height] in whole pixels above 0");
        }
        if (const Json* crop = fields.get("crop_px")) {
            bool ok = crop->is_array() && crop->size() == 4;
            std::array<int, 4> values{};
            for (std::size_t i = 0; ok && i < 4; ++i) {
                auto value = formats::whole_number((*crop)[i]);
                ok = value && std::llabs(*value) < 1'000'000;
                if (ok) values[i] = int(*value);
            }
            if (ok && (values[2] <= 0 || values[3] <= 0)) ok = false;
            if (ok) element.crop_px = values;
            else fields.problem(fields.child_path("crop_px"), "'" + fields.child_path("crop_px") +
                                                                  "' must be [x, y, width, height] in whole pixels, width and height above 0");
        }
        element.file = fields.optional_string("file");
    }
    return element;
}

}  // namespace

formats::Reading<Design> formats::read_design_text(std::string_view json_text) {
    Reading<Design> result;
    std::string error;
    auto json = formats::parse_json(json_text, error);
    if (!json) {
        result.problems.push_back({"input.unreadable", "", "the design document is not valid JSON: " + error});
        result.json_ok = false;
        return result;
    }
    if (!json->is_object()) {
        result.problems.push_back({"input.schema", "", "a design document must be a JSON object, not " +
                                                           formats::describe_type(*json)});
        result.json_ok = false;
        return result;
    }
    Fields fields(*json, "", result.problems);
    Design design;
    design.design_id = fields.optional_id("design_id");
    design.product = fields.optional_string("product");
    if (auto trim = fields.number_array("trim_mm", 2, true)) {
        design.trim_width_mm = (*trim)[0];
        design.trim_height_mm = (*trim)[1];
        if (design.trim_width_mm <= 0 || design.trim_height_mm <= 0 || design.trim_width_mm > max_mm ||
            design.trim_height_mm > max_mm)
            fields.problem("trim_mm", "'trim_mm' must be two sizes above 0 mm");
    }
    design.bleed_mm = fields.optional_number("bleed_mm", 3.0, 0, 100);
    design.safe_mm = fields.optional_number("safe_mm", 4.0, 0, 1000);
    if (const Json* pages = fields.array("pages", true)) {
        if (pages->empty()) fields.problem("pages", "'pages' is empty; a design needs at least one page");
        for (std::size_t p = 0; p < pages->size(); ++p) {
            const Json& page_json = (*pages)[p];
            std::string path = "pages[" + std::to_string(p) + "]";
            Fields page_fields(page_json, path, result.problems);
            if (!page_json.is_object()) {
                page_fields.problem(path, "'" + path + "' must be an object, not " + formats::describe_type(page_json));
                continue;
            }
            Page page;
            page.name = page_fields.optional_id("name");
            if (page.name.empty()) page.name = "page " + std::to_string(p + 1);
            page.raster = page_fields.required_string("raster");
            page.dpi = page_fields.required_number("dpi", 10, 4800);
            page.foil_mask = page_fields.optional_string("foil_mask");
            if (const Json* elements = page_fields.array("elements", false)) {
                for (std::size_t e = 0; e < elements->size(); ++e)
                    page.elements.push_back(read_element((*elements)[e], path + ".elements[" + std::to_string(e) + "]", e,
                                                         result.problems));
            }
            design.pages.push_back(std::move(page));
        }
    }
    if (result.problems.empty()) result.value = std::move(design);
    return result;
}

Result<Design> read_design(const std::filesystem::path& file) {
    // Opened once, regular files only, never blocking (a FIFO is refused at once).
    input::FileRead read = input::read_regular_file(file.string(), 64u * 1024 * 1024);
    if (!read.ok()) {
        const bool missing = read.error_check == "input.missing_file";
        return formats::Reading<Design>::to_error(
            {{read.error_check, "", "design document '" + file.string() + "' " + (missing ? "not found" : read.error)}},
            missing ? ErrorCode::not_found : ErrorCode::unreadable);
    }
    return formats::read_design_text(std::string_view(reinterpret_cast<const char*>(read.bytes->data()), read.bytes->size()))
        .to_result();
}

Result<Design> parse_design(std::string_view json_text) { return formats::read_design_text(json_text).to_result(); }

}  // namespace preflight
