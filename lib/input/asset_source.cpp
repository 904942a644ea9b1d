// AssetSource (include/preflight/assets.hpp) and the reader the input layer uses on it.
#include <algorithm>
#include <cstring>

#include "input/asset_reader.hpp"

namespace preflight {

AssetSource::AssetSource(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}

AssetSource AssetSource::files(const std::filesystem::path& root) {
    auto impl = std::make_shared<Impl>();
    std::error_code ec;
    impl->root = std::filesystem::absolute(root.empty() ? std::filesystem::path(".") : root, ec).lexically_normal();
    impl->folder = std::make_unique<input::RootFolder>(impl->root.string());
    return AssetSource(std::move(impl));
}

AssetSource AssetSource::memory() { return AssetSource(std::make_shared<Impl>()); }

AssetSource& AssetSource::add_file(const std::string& path, std::vector<std::uint8_t> bytes) {
    impl_->files[path] = std::make_shared<const input::Bytes>(std::move(bytes));
    return *this;
}

AssetSource& AssetSource::add_file(const std::string& path, std::string_view bytes) {
    return add_file(path, std::vector<std::uint8_t>(bytes.begin(), bytes.end()));
}

AssetSource& AssetSource::add_rendered(const std::string& path, RenderedPixels pixels) {
    impl_->rendered[path] = std::make_shared<const RenderedPixels>(std::move(pixels));
    return *this;
}

const std::filesystem::path& AssetSource::root() const { return impl_->root; }

namespace input {

JoinedPath join_beneath(const std::string& base_dir, const std::string& name) {
    JoinedPath result;
    if (name.empty()) {
        result.error_check = "input.schema";
        result.error = "an empty path";
        return result;
    }
    if (name.find('\0') != std::string::npos) {
        result.error_check = "input.path_outside";
        result.error = "a path with a NUL byte";
        return result;
    }
    std::filesystem::path written(name);
    if (written.is_absolute() || written.has_root_name() || name[0] == '/' || name[0] == '\\') {
        result.error_check = "input.path_outside";
        result.error = "'" + name + "' is an absolute path; paths must be relative to the export";
        return result;
    }
    std::filesystem::path joined = (std::filesystem::path(base_dir) / written).lexically_normal();
    std::string normal = joined.generic_string();
    if (normal.empty() || normal == "." || normal == ".." || normal.rfind("../", 0) == 0) {
        result.error_check = "input.path_outside";
        result.error = "'" + name + "' leads outside the export folder";
        return result;
    }
    result.from_root = normal;
    return result;
}

AssetItem AssetReader::fetch(const AssetSource& source, const std::string& as_written, const std::string& from_root,
                             std::uint64_t max_bytes, bool want_bytes, bool allow_rendered) {
    const AssetSource::Impl& impl = *source.impl_;
    AssetItem item;
    for (const std::string* key : {&as_written, &from_root}) {
        if (allow_rendered) {
            if (auto it = impl.rendered.find(*key); it != impl.rendered.end()) {
                item.rendered = it->second;
                item.identity = "rendered:" + *key;
                return item;
            }
        }
        if (auto it = impl.files.find(*key); it != impl.files.end()) {
            if (it->second->size() > max_bytes) {
                item.error_check = "input.unreadable";
                item.code = "too_large";
                item.error = "is " + std::to_string(it->second->size() / (1024 * 1024)) + " MB, over the limit of " +
                             std::to_string(max_bytes / (1024 * 1024)) + " MB";
                return item;
            }
            item.bytes = it->second;
            char address[32];
            std::snprintf(address, sizeof address, "%p", static_cast<const void*>(it->second.get()));
            item.identity = std::string("memory:") + address;
            return item;
        }
    }
    if (!impl.folder) {
        item.error_check = "input.missing_file";
        item.error = "not found (not among the files given)";
        return item;
    }
    FileRead file;
    bool taken = false;
    if (impl.read_ahead && want_bytes) {
        std::lock_guard lock(source.impl_->read_ahead_mutex);
        auto& files = impl.read_ahead->files;
        if (auto it = files.find(from_root); it != files.end() && it->second.max_bytes == max_bytes) {
            file = std::move(it->second.file);
            files.erase(it);
            taken = true;
        }
    }
    if (!taken) file = impl.folder->read(from_root, max_bytes, want_bytes);
    item.bytes = std::move(file.bytes);
    item.identity = "file:" + file.identity;
    item.error_check = std::move(file.error_check);
    item.code = std::move(file.code);
    item.kind = std::move(file.kind);
    item.error = std::move(file.error);
    return item;
}

std::vector<std::string> AssetReader::list_files(const AssetSource& source, const std::string& dir_from_root,
                                                std::size_t max_names) {
    const AssetSource::Impl& impl = *source.impl_;
    std::vector<std::string> names;
    const std::string prefix = dir_from_root.empty() ? std::string() : dir_from_root + "/";
    for (const auto& [path, bytes] : impl.files) {
        if (names.size() >= max_names) break;
        if (path.size() > prefix.size() && path.compare(0, prefix.size(), prefix) == 0 &&
            path.find('/', prefix.size()) == std::string::npos)
            names.push_back(path.substr(prefix.size()));
    }
    if (impl.folder)
        for (std::string& name : impl.folder->list_files(dir_from_root, max_names - std::min(max_names, names.size())))
            if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
    return names;
}

AssetSource AssetReader::files_read_ahead(const std::filesystem::path& root,
                                          std::shared_ptr<ReadAheadFiles> read_ahead) {
    AssetSource source = AssetSource::files(root);
    source.impl_->read_ahead = std::move(read_ahead);
    return source;
}

std::string AssetReader::shown_path(const AssetSource& source, const std::string& from_root) {
    if (source.impl_->root.empty() || from_root.empty()) return source.impl_->root.empty() ? from_root : source.impl_->root.string();
    return (source.impl_->root / from_root).string();
}

}  // namespace input
}  // namespace preflight
