#!/usr/bin/env python3
"""The C API from Python's ctypes (standard library only), as a PHP FFI or Node caller would
use it: load libpreflight.so, create a checker from policy JSON, check a sample design whose
files are handed over as bytes, and compare the findings with the CLI's `lint` on the same
files. Also: errors come back as JSON (bad policy, bad arguments), never as a crash.

usage: capi_ctypes_test.py LIBPREFLIGHT_SO PREFLIGHT_CLI MAKE_SAMPLES"""
import ctypes
import json
import os
import subprocess
import sys
import tempfile


class File(ctypes.Structure):
    _fields_ = [("path", ctypes.c_char_p), ("bytes", ctypes.POINTER(ctypes.c_ubyte)), ("length", ctypes.c_size_t)]


def load(path):
    lib = ctypes.CDLL(path)
    lib.preflight_version.restype = ctypes.c_char_p
    lib.preflight_checker_create.restype = ctypes.c_void_p
    lib.preflight_checker_create.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]
    lib.preflight_checker_free.argtypes = [ctypes.c_void_p]
    for name in ("preflight_check_design", "preflight_check_order"):
        fn = getattr(lib, name)
        fn.restype = ctypes.c_void_p
        fn.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(File), ctypes.c_size_t]
    lib.preflight_check_design.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.POINTER(File),
                                           ctypes.c_size_t]
    lib.preflight_check_design_in.restype = ctypes.c_void_p
    lib.preflight_check_design_in.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p]
    lib.preflight_result_ok.argtypes = [ctypes.c_void_p]
    lib.preflight_result_json.restype = ctypes.c_char_p
    lib.preflight_result_json.argtypes = [ctypes.c_void_p]
    lib.preflight_result_free.argtypes = [ctypes.c_void_p]
    return lib


def take(lib, result):
    """The result's (ok, parsed JSON); frees it."""
    assert result, "a call returned no result"
    try:
        return lib.preflight_result_ok(result) == 1, json.loads(lib.preflight_result_json(result).decode())
    finally:
        lib.preflight_result_free(result)


def files_beneath(folder):
    """Every file beneath `folder` as (relative path, bytes): what a service holds in memory."""
    found = []
    for top, _, names in os.walk(folder):
        for name in sorted(names):
            full = os.path.join(top, name)
            with open(full, "rb") as f:
                found.append((os.path.relpath(full, folder), f.read()))
    return found


def as_c_files(files):
    keep = []   # the buffers must outlive the call
    array = (File * len(files))()
    for i, (path, data) in enumerate(files):
        buffer = (ctypes.c_ubyte * len(data)).from_buffer_copy(data)
        keep.append(buffer)
        array[i] = File(path.encode(), ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ubyte)), len(data))
    return array, keep


def main():
    lib_path, cli, make_samples = sys.argv[1:4]
    lib = load(lib_path)
    version = lib.preflight_version().decode()
    assert version.count(".") == 2, version

    # A policy that is not acceptable: NULL checker, an error with its code and key path.
    error = ctypes.c_void_p()
    checker = lib.preflight_checker_create(b'{"checks": {"bleed.coverag": {"enabled": false}}}', ctypes.byref(error))
    assert not checker
    ok, body = take(lib, error.value)
    # An unknown check id is refused while reading, with the nearest known id.
    assert not ok and body["error"]["code"] == "invalid_document", body
    assert body["error"]["problems"][0]["key_path"] == 'checks["bleed.coverag"]', body
    assert "bleed.coverage" in body["error"]["problems"][0]["message"], body
    error = ctypes.c_void_p()
    checker = lib.preflight_checker_create(b'{"checks": {"text.too_small": {"min_pt": "small"}}}', ctypes.byref(error))
    assert not checker
    ok, body = take(lib, error.value)
    assert not ok and body["error"]["code"] == "invalid_policy", body
    assert body["error"]["problems"][0]["key_path"] == 'checks["text.too_small"].min_pt', body
    error = ctypes.c_void_p()
    assert not lib.preflight_checker_create(b"{not json", ctypes.byref(error))
    ok, body = take(lib, error.value)
    assert body["error"]["code"] == "invalid_json", body

    with tempfile.TemporaryDirectory() as work:
        export = os.path.join(work, "export")
        subprocess.run([make_samples, export], check=True, capture_output=True)
        with open(os.path.join(export, "policy.json"), "rb") as f:
            policy = f.read()
        checker = lib.preflight_checker_create(policy, None)
        assert checker, "the sample policy was refused"
        try:
            # What a service holds: the design's own folder and the shop's fonts, as bytes.
            design_dir = os.path.join(export, "SP-1002")
            files = [("SP-1002/" + p, d) for p, d in files_beneath(design_dir) if p != "design.json"]
            files += [("fonts/" + p, d) for p, d in files_beneath(os.path.join(export, "fonts"))]
            with open(os.path.join(design_dir, "design.json"), "rb") as f:
                design_json = f.read()
            array, keep = as_c_files(files)
            ok, body = take(lib, lib.preflight_check_design(checker, design_json, b"SP-1002/design.json", array,
                                                            len(files)))
            assert ok, body
            assert body["verdict"] == "hold", body
            checks = sorted((f["check"], f.get("page"), f.get("code")) for f in body["findings"])
            assert ("bleed.coverage", "front") in [(c, p) for c, p, _ in checks], checks

            # The CLI on the same files (from the folder) finds the same.
            cli_run = subprocess.run([cli, "lint", "SP-1002/design.json", "--policy", "policy.json",
                                      "--root", ".", "--format", "json"], cwd=export, capture_output=True, text=True)
            cli_findings = json.loads(cli_run.stdout)[0]["findings"]
            cli_checks = sorted((f["check"], f.get("page"), f.get("code")) for f in cli_findings)
            assert checks == cli_checks, (checks, cli_checks)
            for mine, theirs in zip(sorted(body["findings"], key=json.dumps), sorted(cli_findings, key=json.dumps)):
                assert mine == theirs, (mine, theirs)

            # The same through the folder variant.
            ok, folder_body = take(lib, lib.preflight_check_design_in(checker, b"SP-1002/design.json", export.encode()))
            assert ok and folder_body["findings"] == body["findings"], folder_body

            # A raster missing from the files: an input finding and an `error` verdict, not a crash.
            partial = [(p, d) for p, d in files if not p.endswith(".png")]
            array, keep = as_c_files(partial)
            ok, missing = take(lib, lib.preflight_check_design(checker, design_json, b"SP-1002/design.json", array,
                                                               len(partial)))
            assert ok and missing["verdict"] == "error", missing
            assert any(f["check"] == "input.missing_file" for f in missing["findings"]), missing

            # Misuse is an error result: a path leaving the files, a NULL document.
            bad, keep = as_c_files([("../escape.png", b"x")])
            ok, refused = take(lib, lib.preflight_check_design(checker, design_json, None, bad, 1))
            assert not ok and refused["error"]["code"] == "invalid_argument", refused
            ok, refused = take(lib, lib.preflight_check_design(checker, None, None, None, 0))
            assert not ok and refused["error"]["code"] == "invalid_argument", refused
            ok, broken = take(lib, lib.preflight_check_order(checker, b"[1, 2]", None, 0))
            assert not ok and broken["error"]["code"] == "invalid_json", broken
        finally:
            lib.preflight_checker_free(checker)
    print("capi ctypes: design from bytes = CLI lint (%d findings), errors as JSON; preflight %s"
          % (len(body["findings"]), version))


if __name__ == "__main__":
    main()
