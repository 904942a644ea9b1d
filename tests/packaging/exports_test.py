#!/usr/bin/env python3
"""Every function and class of the public headers is exported from libpreflight.so: marked
PREFLIGHT_API (the library hides everything else), and present in the shared library's
dynamic symbols. A new public function without the mark links in the static build and the
tests, but not for a program using the shared library.

usage: exports_test.py INCLUDE_DIR [LIBPREFLIGHT_SO]"""
import os
import re
import subprocess
import sys

SKIP_START = ("template", "using", "return", "enum", "namespace", "#", "}", "//", "/*", " ", "\t",
              "PREFLIGHT_API", "inline", "extern", "typedef", "struct", "friend")


def problems_in(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    found = []
    in_class = None   # name of a struct/class at column 0 without the mark
    previous = ""
    for number, line in enumerate(lines, 1):
        where = "%s:%d" % (os.path.basename(path), number)
        class_match = re.match(r"^(class|struct)\s+(\w+)[^;]*\{", line)
        if class_match:
            marked = "PREFLIGHT_API" in line
            templated = previous.startswith("template")
            if class_match.group(1) == "class" and not marked and not templated:
                found.append("%s: class %s is not PREFLIGHT_API" % (where, class_match.group(2)))
            in_class = None if marked or templated else class_match.group(2)
        elif line.startswith("};"):
            in_class = None
        elif in_class and re.match(r"^    [A-Za-z_][\w:<>,\s\*&]*[\s\*&]\w+\([^{}]*\)\s*(const)?\s*;", line) \
                and "PREFLIGHT_API" not in line and not line.strip().startswith(("friend", "//", "static_assert")):
            found.append("%s: member of %s declared out of line without PREFLIGHT_API" % (where, in_class))
        elif re.match(r"^[A-Za-z_][\w:<>,\s\*&]*[\s\*&]\w+\(", line) and not line.startswith(SKIP_START):
            found.append("%s: function without PREFLIGHT_API: %s" % (where, line.strip()))
        if line.strip():
            previous = line
    return found


def main():
    include_dir = sys.argv[1]
    problems = []
    headers = sorted(f for f in os.listdir(include_dir) if f.endswith(".hpp"))
    for header in headers:
        problems += problems_in(os.path.join(include_dir, header))
    if len(sys.argv) > 2:
        symbols = subprocess.run(["nm", "-D", "-C", "--defined-only", sys.argv[2]], check=True, capture_output=True,
                                 text=True).stdout
        for expected in ("preflight::Checker::create(", "preflight::parse_order(", "preflight::read_policy(",
                         "preflight::to_string(preflight::ErrorCode)", "preflight_check_design"):
            if expected not in symbols:
                problems.append("%s does not export %s" % (sys.argv[2], expected))
        internal = [s for s in symbols.split("\n") if "preflight::core::" in s or "preflight::formats::" in s]
        if internal:
            problems.append("internal symbols are exported, e.g. %s" % internal[0])
    for problem in problems:
        print(problem)
    print("exports_test: %d headers, %d problems" % (len(headers), len(problems)))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
