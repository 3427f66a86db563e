# bash completion for boardpack: commands, options, and meeting folders (those with a meeting.txt).
_boardpack() {
    local cur prev
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    if [[ $COMP_CWORD -eq 1 ]]; then
        COMPREPLY=($(compgen -W "build check diff new new-item --help --version" -- "$cur"))
        return
    fi
    case $prev in
        --out|--templates|--fonts)
            COMPREPLY=($(compgen -d -- "$cur"))
            return ;;
        --titel)
            return ;;
    esac
    if [[ $cur == -* ]]; then
        case ${COMP_WORDS[1]} in
            build) COMPREPLY=($(compgen -W "--out --strict --templates --fonts" -- "$cur")) ;;
            check) COMPREPLY=($(compgen -W "--strict --templates --fonts" -- "$cur")) ;;
            diff) COMPREPLY=($(compgen -W "--out --strict --templates --fonts" -- "$cur")) ;;
            new-item) COMPREPLY=($(compgen -W "--titel --templates" -- "$cur")) ;;
            new) COMPREPLY=($(compgen -W "--templates" -- "$cur")) ;;
        esac
        return
    fi
    COMPREPLY=($(compgen -d -- "$cur"))
}
complete -o filenames -F _boardpack boardpack
