# bash completion for preflight (installed by cmake --install into
# share/bash-completion/completions/preflight).
_preflight() {
    local cur prev words cword
    cur="${COMP_WORDS[COMP_CWORD]}"
    prev="${COMP_WORDS[COMP_CWORD-1]}"
    local command="" i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${COMP_WORDS[i]}" in
            check|lint|fix|checks) command="${COMP_WORDS[i]}"; break ;;
        esac
    done
    case "$prev" in
        --policy|--stats|-o|--output)
            if [[ "$command" == fix && "$prev" != --policy ]]; then
                COMPREPLY=($(compgen -d -- "$cur"))
            else
                COMPREPLY=($(compgen -f -- "$cur"))
            fi
            return ;;
        --report|--fix-dir|--root) COMPREPLY=($(compgen -d -- "$cur")); return ;;
        --format)
            if [[ "$command" == checks ]]; then COMPREPLY=($(compgen -W "text markdown" -- "$cur"))
            else COMPREPLY=($(compgen -W "text json junit sarif github" -- "$cur")); fi
            return ;;
        --shard) COMPREPLY=($(compgen -W "env/" -- "$cur")); compopt -o nospace 2>/dev/null; return ;;
        --now|-j|--jobs|--max-warnings) return ;;
    esac
    local options
    case "$command" in
        "") COMPREPLY=($(compgen -W "check lint fix checks --help --version" -- "$cur")); return ;;
        check) options="--policy --now -o --output -j --jobs --report --fix-dir --resume --shard --stats -q --quiet --help" ;;
        lint) options="--policy --root --format --max-warnings --help" ;;
        fix) options="-o --output --policy --root --help" ;;
        checks) options="--format --help" ;;
    esac
    if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
    elif [[ "$command" == lint ]]; then
        COMPREPLY=($(compgen -f -- "$cur"))
    elif [[ "$command" != checks ]]; then
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}
complete -o filenames -F _preflight preflight
