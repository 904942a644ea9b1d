// The files a C API caller hands over as (path, bytes, length), checked as one order's or one
// design's files. With the input layer's AssetSource (preflight/assets.hpp) they stay in
// memory; without it (until that layer is merged) they are written into a private temporary
// folder (mode 0700, removed with this object) and checked from there.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "preflight/checker.hpp"
#include "preflight/preflight.h"
#include "preflight/result.hpp"

namespace preflight::capi {

class GivenFiles {
public:
    /// Refuses absolute paths, paths with "..", empty or duplicate paths (invalid_argument).
    static Result<std::unique_ptr<GivenFiles>> create(const preflight_file* files, std::size_t count);
    ~GivenFiles();
    GivenFiles(const GivenFiles&) = delete;
    GivenFiles& operator=(const GivenFiles&) = delete;

    /// Adds a document's text at `path` (relative, not one of the files).
    Result<void> add_document(const std::string& path, std::string_view text);
    /// The order's verdict, its paths resolved among the files.
    Verdict check_order(const Checker& checker, const Order& order) const;
    /// The design checks of the document at `path` among the files (as lint).
    std::vector<Finding> check_design(const Checker& checker, const std::string& path) const;

private:
    GivenFiles();
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace preflight::capi
