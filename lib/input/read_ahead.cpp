// The read-ahead of one order's files (see read_ahead.hpp).
#include "input/read_ahead.hpp"

#include <string_view>

#include "core/gating.hpp"
#include "formats/readers.hpp"

namespace preflight::input {

namespace {

struct Reader {
    const RootFolder& folder;
    ReadAheadFiles& out;
    std::size_t budget;
    bool full = false;

    // Reads `from_root` once (if not read already); returns the entry, or null when left to the checker.
    const ReadAheadEntry* read(const std::string& from_root, std::uint64_t max_bytes) {
        if (full) return nullptr;
        if (auto it = out.files.find(from_root); it != out.files.end()) return &it->second;
        FileRead file = folder.read(from_root, max_bytes, true, budget - out.bytes);
        if (file.deferred) {
            full = true;   // what follows is read by the checker, as without read-ahead
            return nullptr;
        }
        out.bytes += file.bytes ? file.bytes->size() : 0;
        return &(out.files[from_root] = ReadAheadEntry{std::move(file), max_bytes});
    }

    void read_beneath(const std::string& dir, const std::string& name, std::uint64_t max_bytes) {
        if (name.empty()) return;
        JoinedPath path = join_beneath(dir, name);
        if (path.ok()) read(path.from_root, max_bytes);
    }
};

std::string parent_of(const std::string& path) {
    auto slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

}  // namespace

ReadAheadFiles read_ahead(const RootFolder& folder, const Order& order, std::size_t budget,
                          std::uint64_t max_file_bytes) {
    ReadAheadFiles files;
    if (budget == 0 || !folder.ok() || core::decide_gate(order).skip) return files;
    Reader reader{folder, files, budget};
    for (const OrderItem& item : order.items) {
        if (item.type != "card" || item.design.empty()) continue;
        JoinedPath design_path = join_beneath("", item.design);
        if (!design_path.ok()) continue;
        const ReadAheadEntry* design = reader.read(design_path.from_root, max_design_bytes);
        if (!design || !design->file.bytes) continue;
        const auto& bytes = *design->file.bytes;
        auto parsed = formats::read_design_text(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
        if (!parsed.value || !parsed.problems.empty()) continue;
        const std::string dir = parent_of(design_path.from_root);
        for (const Page& page : parsed.value->pages) {
            reader.read_beneath(dir, page.raster, max_file_bytes);
            reader.read_beneath(dir, page.foil_mask, max_file_bytes);
            for (const Element& element : page.elements)
                if (element.type == ElementType::photo) reader.read_beneath(dir, element.file, max_file_bytes);
        }
    }
    return files;
}

}  // namespace preflight::input
