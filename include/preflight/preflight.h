/* The C API: opaque handles, JSON text in and out, files as (path, bytes, length), so that
 * PHP FFI, Python ctypes, Node or any C caller can use preflight. Nothing here throws or
 * aborts on bad input: every failure is a result whose JSON says what went wrong. Strings
 * given to these functions are UTF-8 and NUL-terminated; strings returned stay valid until
 * the object that owns them is freed. */
#ifndef PREFLIGHT_PREFLIGHT_H
#define PREFLIGHT_PREFLIGHT_H

#include <stddef.h>

#include "preflight/export.hpp"

#ifdef __cplusplus
extern "C" {
#endif

/* A checker: a validated policy and the caches it shares. Thread-safe: one checker may be
 * used from many threads at once. */
typedef struct preflight_checker preflight_checker;

/* The outcome of one call: ok with a verdict, or an error. Owns its JSON text. */
typedef struct preflight_result preflight_result;

/* One file of an order or design, held by the caller: `path` relative to the top of the
 * order's files ('/' separated, as the export's folder would hold it: "SP-1042/front.png",
 * "fonts/Lato-Regular.ttf"), `bytes` its content, `length` its size. */
typedef struct preflight_file {
    const char* path;
    const unsigned char* bytes;
    size_t length;
} preflight_file;

/* The library's version, "MAJOR.MINOR.PATCH". */
PREFLIGHT_API const char* preflight_version(void);

/* Creates a checker from the policy's JSON text (formats.md section 4; NULL or "" for the
 * default policy). On failure returns NULL and, when `error` is not NULL, sets *error to a
 * result whose JSON is {"ok": false, "error": {"code", "message", "problems": [...]}} (free it
 * with preflight_result_free). */
PREFLIGHT_API preflight_checker* preflight_checker_create(const char* policy_json, preflight_result** error);

/* Frees a checker (NULL is fine). No call may be using it. */
PREFLIGHT_API void preflight_checker_free(preflight_checker* checker);

/* Checks one order (the JSON text of one order object, formats.md section 2); every path it
 * names (design documents relative to the top, and the rasters, masks, fonts and photos
 * they name, relative to their design) is looked up in `files`. The result's JSON is the verdict line of formats.md
 * section 3, wrapped: {"ok": true, "verdict": {...}}. */
PREFLIGHT_API preflight_result* preflight_check_order(const preflight_checker* checker, const char* order_json,
                                                      const preflight_file* files, size_t file_count);

/* Checks one design document (design checks only, no order: as `preflight lint`), its text
 * `design_json` placed at `design_path` among the files (NULL: "design.json" at the top);
 * the files it names, relative to it, are looked up in `files`. JSON: {"ok": true,
 * "verdict": "release" | "hold" | "error", "findings": [...]}. */
PREFLIGHT_API preflight_result* preflight_check_design(const preflight_checker* checker, const char* design_json,
                                                       const char* design_path, const preflight_file* files,
                                                       size_t file_count);

/* As preflight_check_order, with the files read beneath the folder `root` (paths may not
 * leave it). */
PREFLIGHT_API preflight_result* preflight_check_order_in(const preflight_checker* checker, const char* order_json,
                                                         const char* root);

/* As preflight_check_design, for the design document at `design_path` (relative to `root`
 * or absolute inside it), its files read beneath `root`. */
PREFLIGHT_API preflight_result* preflight_check_design_in(const preflight_checker* checker, const char* design_path,
                                                          const char* root);

/* 1 when the call produced a verdict, 0 when it failed (then the JSON holds "error"). */
PREFLIGHT_API int preflight_result_ok(const preflight_result* result);

/* The result as JSON text (never NULL; "{}" for a NULL result). */
PREFLIGHT_API const char* preflight_result_json(const preflight_result* result);

/* Frees a result (NULL is fine); its JSON text goes with it. */
PREFLIGHT_API void preflight_result_free(preflight_result* result);

#ifdef __cplusplus
}
#endif

#endif /* PREFLIGHT_PREFLIGHT_H */
