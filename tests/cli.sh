#!/bin/bash
# Data-driven CLI tests (TAP), for the files named (default: every
# tests/cli/*.t); make check runs it on each file (T_LOG_COMPILER). A file
# holds cases:
#
#   # a comment
#   $ k8snet trace samples/k1.xml C1.1 10.1.1.2:8080 --format csv
#   < lines fed to standard input (optional; "<" alone is an empty line)
#   ? 0                 expected exit status (default 0)
#   > expected standard output, line by line (">" alone: an empty line)
#   ! expected standard error, line by line (none: stderr must be empty)
#   = a shell command that must succeed afterwards (optional)
#
# Every case runs with bash -c in a scratch folder that holds links to
# samples/ and tests/, so paths in messages read samples/k1.xml. "k8snet"
# is $K8SNET, run under $K8SNET_WRAPPER (valgrind, say) when set.
set -u
export LC_ALL=C
top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
K8SNET=${K8SNET:-$top_srcdir/src/k8snet}
scratch=$(mktemp -d "${TMPDIR:-/tmp}/k8snet-cli.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
files=("$@")
[ ${#files[@]} -gt 0 ] || files=("$top_srcdir"/tests/cli/*.t)

n=0 failed=0
declare -a plan=()

run_case() { # file line cmd stdin status stdout stderr post
	local file=$1 line=$2 cmd=$3 input=$4 want_status=$5 want_out=$6 want_err=$7 post=$8
	n=$((n + 1))
	local dir="$scratch/case$n"
	mkdir -p "$dir"
	ln -s "$top_srcdir/samples" "$dir/samples"
	ln -s "$top_srcdir/tests" "$dir/tests"
	printf '%s' "$input" >"$dir/.stdin"
	local status
	(cd "$dir" && K8SNET="$K8SNET" bash -c '
		k8snet() { ${K8SNET_WRAPPER:-} "$K8SNET" "$@"; }
		export -f k8snet 2>/dev/null
		'"$cmd" <"$dir/.stdin" >"$dir/.out" 2>"$dir/.err")
	status=$?
	local why=""
	[ "$status" = "$want_status" ] || why="exit status $status, expected $want_status"
	if [ -z "$why" ] && ! diff -u <(printf '%s' "$want_out") "$dir/.out" >"$dir/.diff"; then
		why="standard output differs"
	fi
	if [ -z "$why" ] && ! diff -u <(printf '%s' "$want_err") "$dir/.err" >"$dir/.diff"; then
		why="standard error differs"
	fi
	if [ -z "$why" ] && [ -n "$post" ] && ! (cd "$dir" && bash -c "$post") >"$dir/.diff" 2>&1; then
		why="check failed: $post"
	fi
	local name=${file#"$top_srcdir"/}
	# make check names the file by a path of its own ($(srcdir)/tests/cli/...)
	case $name in */tests/cli/*) name=tests/cli/${name##*/tests/cli/} ;; esac
	name="$name:$line: $cmd"
	if [ -z "$why" ]; then
		echo "ok $n - $name"
	else
		failed=$((failed + 1))
		echo "not ok $n - $name"
		echo "# $why"
		sed 's/^/# /' "$dir/.diff" 2>/dev/null | head -40
		[ "$why" = "standard output differs" ] || sed 's/^/# stderr: /' "$dir/.err" | head -10
	fi
	rm -rf "$dir"
}

for file in "${files[@]}"; do
	cmd="" line=0 lineno=0 input="" status=0 out="" err="" post=""
	flush() {
		[ -n "$cmd" ] && run_case "$file" "$line" "$cmd" "$input" "$status" "$out" "$err" "$post"
		cmd="" input="" status=0 out="" err="" post=""
	}
	while IFS= read -r l || [ -n "$l" ]; do
		lineno=$((lineno + 1))
		case "$l" in
		'$ '*) flush; cmd=${l#'$ '}; line=$lineno ;;
		'<') input+=$'\n' ;;
		'< '*) input+="${l#'< '}"$'\n' ;;
		'? '*) status=${l#'? '} ;;
		'>') out+=$'\n' ;;
		'> '*) out+="${l#'> '}"$'\n' ;;
		'!') err+=$'\n' ;;
		'! '*) err+="${l#'! '}"$'\n' ;;
		'= '*) post=${l#'= '} ;;
		'#'* | '') ;;
		*) echo "Bail out! $file:$lineno: cannot read this line: $l"; exit 1 ;;
		esac
	done <"$file"
	flush
done
echo "1..$n"
[ "$failed" -eq 0 ]
