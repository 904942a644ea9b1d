// Tests only: Chromium over the report (see report_support.hpp).
#include "cli/report_support.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "support/test_support.hpp"

namespace preflight::testing {

namespace fs = std::filesystem;

std::string capture(const std::string& command) { return run_command(command + " 2>/dev/null").out; }

std::string chromium(const fs::path& profile, const std::string& args) {
    return "chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking "
           "--disable-component-update --disable-sync --user-data-dir=" + profile.string() + " " + args;
}

std::vector<std::string> visible_orders(const std::string& dom) {
    std::vector<std::string> ids;
    std::regex section(R"re(<section class="order [^"]*?( hidden)?" data-verdict="[a-z]+" data-checks="[^"]*" id="order-([^"]+)")re");
    for (std::sregex_iterator it(dom.begin(), dom.end(), section), end; it != end; ++it)
        if (!(*it)[1].matched) ids.push_back((*it)[2]);
    return ids;
}

std::string section_of(const std::string& dom, const std::string& order_id) {
    const auto start = dom.find("id=\"order-" + order_id + "\"");
    if (start == std::string::npos) return "";
    const auto end = dom.find("</section>", start);
    return dom.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

std::string percent_decode(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
            out += char(std::stoi(text.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else if (text.compare(i, 5, "&amp;") == 0) {
            out += '&';
            i += 4;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::string visible_text(const std::string& dom) {
    std::string text = std::regex_replace(dom, std::regex("<(script|style|code)[^>]*>[\\s\\S]*?</\\1>"), " ");
    text = std::regex_replace(text, std::regex("<span lang=\"en\">[^<]*</span>"), " ");
    text = std::regex_replace(text, std::regex("<[^>]*>"), " ");
    text = std::regex_replace(text, std::regex("&[a-z#0-9]+;"), " ");
    return text;
}

std::string english_words(const std::string& text) {
    static const std::set<std::string> english{"the", "and", "with", "does", "this", "that", "has", "are", "from", "would",
                                               "should", "cannot", "please", "your", "you", "what", "which", "there",
                                               "into", "than", "when", "will", "could"};
    std::string found, word;
    std::set<std::string> seen;
    auto flush = [&] {
        if (english.count(word) && seen.insert(word).second) found += (found.empty() ? "" : " ") + word;
        word.clear();
    };
    for (char c : text) {
        if (std::isalpha(static_cast<unsigned char>(c))) word += char(std::tolower(static_cast<unsigned char>(c)));
        else flush();
    }
    flush();
    return found;
}

long count_pixels(const core::Raster& raster, const std::function<bool(const unsigned char*)>& test) {
    long count = 0;
    for (int y = 0; y < raster.height; ++y)
        for (int x = 0; x < raster.width; ++x) count += test(raster.row(y) + x * 3);
    return count;
}

double mean_difference(const core::Raster& a, const core::Raster& b, int from_x, int to_x) {
    if (a.width != b.width || a.height != b.height || a.width == 0) return 0;
    to_x = to_x < 0 ? a.width : std::min(to_x, a.width);
    from_x = std::clamp(from_x, 0, to_x);
    if (to_x == from_x) return 0;
    double sum = 0;
    for (int y = 0; y < a.height; ++y)
        for (int x = from_x * 3; x < to_x * 3; ++x) sum += std::abs(int(a.row(y)[x]) - int(b.row(y)[x]));
    return sum / (double(to_x - from_x) * a.height * 3);
}

namespace {

// A copy of index.html beside it (so its pictures load) with `script` run after load, shown
// in a frame `width_px` wide (a headless window is at least 500 px wide; a frame's viewport is
// exactly its width). The page posts the script's result to the frame's parent, which writes
// it into <pre id="result">; returns that text.
std::string run_in_page(const fs::path& work, const fs::path& report_dir, const std::string& head, const std::string& script,
                        int width_px, const std::string& name) {
    std::ifstream in(report_dir / "index.html");
    std::stringstream page;
    page << in.rdbuf();
    std::string html = page.str();
    const std::string runner = head + "<script>window.addEventListener('load',function(){Promise.resolve((function(){" + script +
                               "})()).then(function(r){parent.postMessage(JSON.stringify(r),'*');});});</script>";
    html.insert(html.rfind("</body>"), runner);
    const fs::path file = report_dir / (name + ".html"), frame = report_dir / (name + "-frame.html");
    write_text(file, html);
    write_text(frame, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>frame</title></head>"
                      "<body style=\"margin:0\"><iframe title=\"report\" src=\"" + file.filename().string() + "\" style=\"width:" +
                          std::to_string(width_px) + "px;height:900px;border:0\"></iframe><script>window.addEventListener('message',"
                          "function(e){var p=document.createElement('pre');p.id='result';p.textContent=e.data;document.body.appendChild(p);});"
                          "</script></body></html>");
    const std::string dom = capture(chromium(work / ("profile-" + name), "--window-size=" + std::to_string(std::max(width_px + 40, 600)) +
                                                                            ",1000 --virtual-time-budget=20000 --dump-dom 'file://" +
                                                                            frame.string() + "'"));
    fs::remove(file);
    fs::remove(frame);
    std::smatch result;
    if (!std::regex_search(dom, result, std::regex("<pre id=\"result\">([^<]*)</pre>"))) return "";
    std::string text = result[1];
    for (const auto& [entity, character] : {std::pair<const char*, const char*>{"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}})
        text = std::regex_replace(text, std::regex(entity), character);
    return text;
}

}  // namespace

Layout measure_layout(const fs::path& work, const fs::path& report_dir, int width_px) {
    const std::string script = R"JS(
var w = window.innerWidth, widest = '', wrapped = 0;
document.querySelectorAll('body *').forEach(function(el){
  var r = el.getBoundingClientRect();
  if (!widest && r.width > 0 && r.right > w + 0.5) widest = el.tagName + '.' + el.className + ' right=' + Math.round(r.right);
});
document.querySelectorAll('.oid').forEach(function(el){
  if (el.getClientRects().length > 1) { wrapped++; widest = widest || 'wrapped id ' + el.textContent; }
});
return {w: w, sw: document.documentElement.scrollWidth, widest: widest, wrapped: wrapped};
)JS";
    Layout layout;
    const auto json = nlohmann::json::parse(run_in_page(work, report_dir, "", script, width_px, "measure-" + std::to_string(width_px)),
                                            nullptr, false);
    if (json.is_discarded() || !json.is_object()) return layout;
    layout.measured = true;
    layout.inner_width = json.value("w", 0);
    layout.scroll_width = json.value("sw", 0);
    layout.wrapped_ids = json.value("wrapped", 0);
    layout.widest = json.value("widest", "");
    return layout;
}

fs::path axe_script() {
    const fs::path deps = fs::path(PREFLIGHT_CLI_PATH).parent_path() / "browser-deps";
    const fs::path script = deps / "node_modules" / "axe-core" / "axe.min.js";
    if (fs::exists(script)) return script;
    fs::create_directories(deps);
    for (const char* file : {"package.json", "package-lock.json"})
        fs::copy_file(fs::path(PREFLIGHT_SOURCE_DIR) / "tests" / "browser" / file, deps / file, fs::copy_options::overwrite_existing);
    run_command("cd '" + deps.string() + "' && npm ci --no-audit --no-fund >/dev/null 2>&1");
    return script;
}

AxeResult run_axe(const fs::path& work, const fs::path& report_dir, const fs::path& axe, int width_px) {
    const std::string script = R"JS(
return axe.run(document, {resultTypes: ['violations']}).then(function(r){
  var bad = r.violations.filter(function(v){ return v.impact === 'serious' || v.impact === 'critical'; });
  return {serious: bad.length, passed: r.passes.length,
          summary: bad.map(function(v){ return v.id + ' (' + v.impact + ') ' + (v.nodes[0] ? v.nodes[0].target.join(' ') : ''); }).join('; ')};
});
)JS";
    AxeResult result;
    const auto json = nlohmann::json::parse(
        run_in_page(work, report_dir, "<script src=\"file://" + axe.string() + "\"></script>", script, width_px, "axe-" + std::to_string(width_px)),
        nullptr, false);
    if (json.is_discarded() || !json.is_object()) return result;
    result.ran = true;
    result.serious = json.value("serious", -1);
    result.rules_passed = json.value("passed", 0);
    result.summary = json.value("summary", "");
    return result;
}

}  // namespace preflight::testing
