// The one-page test card (see card_fixture.hpp).
#include "text/card_fixture.hpp"

#include <gtest/gtest.h>

#include <map>

#include "input/nearby_fonts.hpp"
#include "text/reference_render.hpp"

namespace preflight::testing {

namespace {

// The fonts next to each text element's font as the checker finds them: the font's folder is
// the root of a files source, read through the input layer.
class FolderFonts final : public core::NearbyFonts {
public:
    explicit FolderFonts(const text::FontCache& cache) : cache_(cache) {}
    void add(const text::Font& font, const std::filesystem::path& file) {
        sources_.push_back(std::make_unique<AssetSource>(AssetSource::files(file.parent_path())));
        auto fonts = std::make_unique<input::SourceFonts>(*sources_.back(), cache_);
        fonts->remember(font, file.filename().string());
        by_font_[&font] = std::move(fonts);
    }
    std::vector<Found> next_to(const text::Font& font, std::size_t max_files) const override {
        auto it = by_font_.find(&font);
        return it == by_font_.end() ? std::vector<Found>{} : it->second->next_to(font, max_files);
    }

private:
    const text::FontCache& cache_;
    std::vector<std::unique_ptr<AssetSource>> sources_;
    std::map<const text::Font*, std::unique_ptr<input::SourceFonts>> by_font_;
};

}  // namespace

CardFixture::CardFixture() {
    design.design_id = "test-card";
    design.product = "birth_announcement";
    design.trim_width_mm = 148;
    design.trim_height_mm = 105;
    design.bleed_mm = 3;
    design.safe_mm = 4;
    design.pages.push_back({});
    design.pages[0].name = "front";
    design.pages[0].dpi = 150;
    geometry = {150, 3, 148, 105};
    raster_ = std::make_shared<core::Raster>(
        solid_raster(geometry.expected_width_px(), geometry.expected_height_px(), 255, 255, 255));
}

Element& CardFixture::add_text(const std::string& id, const std::string& text, const std::string& font_file,
                               double size_pt, BoxMm box, TextAlign align) {
    Element e;
    e.id = id;
    e.type = ElementType::text;
    e.type_name = "text";
    e.text = text;
    e.font_file = system_font(font_file).string();
    e.size_pt = size_pt;
    e.box_mm = box;
    e.align = align;
    e.color_rgb = {0x3A, 0x3A, 0x3A};
    design.pages[0].elements.push_back(e);
    return design.pages[0].elements.back();
}

Element& CardFixture::add_element(const std::string& id, ElementType type, BoxMm box) {
    Element e;
    e.id = id;
    e.type = type;
    e.box_mm = box;
    design.pages[0].elements.push_back(e);
    return design.pages[0].elements.back();
}

const core::CheckContext& CardFixture::build() {
    context = {};
    context.design = &design;
    context.product = design.product;
    context.fonts = &fonts;
    auto nearby = std::make_shared<FolderFonts>(fonts);
    core::PageView view;
    view.page = &design.pages[0];
    view.geometry = geometry;
    view.raster = raster_;
    view.foil_mask = foil_mask;
    for (const Element& e : design.pages[0].elements) {
        std::shared_ptr<const text::Font> font;
        std::shared_ptr<const text::TextLayout> layout;
        if (e.type == ElementType::text) {
            std::string check, error;
            font = fonts.get(e.font_file, check, error);
            EXPECT_TRUE(font) << error;
            if (font) nearby->add(*font, e.font_file);
            if (font) layout = std::make_shared<text::TextLayout>(text::layout_text(e, *font));
        }
        view.fonts.push_back(font);
        view.text_layouts.push_back(layout);
    }
    context.pages.push_back(std::move(view));
    nearby_fonts_ = nearby;
    context.nearby_fonts = nearby_fonts_.get();
    return context;
}

void CardFixture::draw_texts() {
    const auto& view = context.pages.at(0);
    for (std::size_t i = 0; i < design.pages[0].elements.size(); ++i) {
        const Element& e = design.pages[0].elements[i];
        if (!view.text_layouts[i]) continue;
        const unsigned char rgb[3] = {e.color_rgb[0], e.color_rgb[1], e.color_rgb[2]};
        for (const auto& line : view.text_layouts[i]->lines)
            draw_line(*raster_, geometry, e.font_file, line.text, e.size_pt, e.box_mm.x + line.x_mm,
                      e.box_mm.y + line.baseline_mm, rgb);
    }
}

core::Findings CardFixture::run(const std::string& check_id, const OptionSet& options) {
    const auto& registry = core::builtin_registry();
    const core::CheckSpec* spec = registry.find(check_id);
    EXPECT_TRUE(spec) << check_id;
    if (!spec) return {};
    Policy policy;
    if (!options.empty()) policy.checks[check_id] = options;
    core::Findings findings;
    spec->run(context, registry.options_for(check_id, design.product, policy), findings);
    for (const auto& f : findings) EXPECT_EQ(f.check, check_id);
    return findings;
}

core::Findings CardFixture::run_text_checks() {
    core::Findings all;
    for (const char* id : {"text.overflow", "safe_zone.text", "text.missing_glyph", "text.too_small",
                           "text.low_contrast", "text.alignment", "text.placeholder"}) {
        auto findings = run(id);
        all.insert(all.end(), findings.begin(), findings.end());
    }
    return all;
}

}  // namespace preflight::testing
