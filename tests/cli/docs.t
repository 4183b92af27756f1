# The project documents itself: the man pages and the README point to
# nothing outside the repository, the pages render without a warning, and
# every option that --help lists is in k8snet.1. (tests/.. is the source
# tree: tests is a link to it.)

$ grep -n 'shared/\|contract\.md\|reference-model\.md\|services-and-policies\.md\|spec-format\.md\|import\.md\|workloads\.md' tests/../README.md tests/../src/k8snet.1 tests/../src/k8snet-spec.5
? 1

# ... and neither does any other file of the project (the third-party test
# data keeps its own notes).
$ grep -rln --exclude-dir=netpol-analyzer --exclude=docs.t --exclude='*.log' --exclude='*.trs' 'shared/\|contract\.md\|reference-model\.md\|services-and-policies\.md\|spec-format\.md\|import\.md\|workloads\.md' tests/../src tests/../tests tests/../bench tests/../fuzz tests/../samples tests/../templates tests/../Makefile.am tests/../configure.ac
? 1

# groff's man-page checks, where groff is installed (man-db needs it).
$ if command -v groff >/dev/null; then groff -man -ww -z tests/../src/k8snet.1 tests/../src/k8snet-spec.5; fi

$ k8snet --help | grep -o -e '--[a-z][a-z-]*' | sort -u | while read -r o; do sed 's/\\//g' tests/../src/k8snet.1 | grep -q -e "$o" || echo "not in k8snet.1: $o"; done

# The README says how to read the pages before installing them.
$ grep -c -e '^man -l src/k8snet.1$' -e '^man -l src/k8snet-spec.5$' tests/../README.md
> 2
