#!/bin/bash
# `cmake --install` puts the manual page, the bash and zsh completions and the reference docs
# where man, bash-completion and zsh look; the page renders without warnings and the
# completions complete commands, options and option values.
# Usage: install_test.sh BUILD_DIR
set -euo pipefail
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$1" --prefix "$prefix" >/dev/null
fail() { echo "install_test: $*" >&2; exit 1; }
for file in share/man/man1/preflight.1 share/bash-completion/completions/preflight share/zsh/site-functions/_preflight \
            share/doc/preflight/formats.md share/doc/preflight/checks.md bin/preflight; do
  [ -s "$prefix/$file" ] || fail "$file not installed"
done

warnings=$(groff -man -Tutf8 -ww -z "$prefix/share/man/man1/preflight.1" 2>&1)
[ -z "$warnings" ] || fail "man page warnings: $warnings"
page=$(MANWIDTH=100 man -l "$prefix/share/man/man1/preflight.1" 2>/dev/null)
for word in "EXIT STATUS" "--max-warnings" "--stats" "JOB_COMPLETION_INDEX" "NO_COLOR"; do
  grep -q -- "$word" <<<"$page" || fail "man page lacks $word"
done

# shellcheck disable=SC1091
source "$prefix/share/bash-completion/completions/preflight"
complete_words() {   # the words of a command line, the last one being completed
  COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=()
  _preflight 2>/dev/null
  echo "${COMPREPLY[*]}"
}
[ "$(complete_words preflight ch)" = "check checks" ] || fail "bash: 'preflight ch' -> '$(complete_words preflight ch)'"
[ "$(complete_words preflight check orders.jsonl --po)" = "--policy" ] || fail "bash: check --po"
[ "$(complete_words preflight lint --format s)" = "sarif" ] || fail "bash: lint --format s"
[ "$(complete_words preflight lint --max)" = "--max-warnings" ] || fail "bash: lint --max"
[ "$(complete_words preflight checks --format m)" = "markdown" ] || fail "bash: checks --format m"

zsh -n "$prefix/share/zsh/site-functions/_preflight" || fail "zsh completion does not parse"
zsh -c "fpath=($prefix/share/zsh/site-functions \$fpath); autoload -Uz compinit && compinit -u -d $prefix/zcompdump && (( \${+_comps[preflight]} ))" \
  || fail "zsh: compinit does not register _preflight for preflight"
echo "install_test: man page, bash and zsh completions and docs installed and working"
