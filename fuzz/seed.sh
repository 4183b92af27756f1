#!/bin/sh
# Build the fuzzer's seed corpus in OUTDIR from the specs the project
# already has: samples/*.xml, tests/**/*.xml (tests/data/...), and the
# specs that the CLI tests (tests/cli/*.t) feed on standard input ("< "
# lines).
#   fuzz/seed.sh SRCDIR OUTDIR
# Files are named by their content's checksum, so repeats collapse.
set -eu
src=$1 out=$2
mkdir -p "$out"

add() { # a file
	sum=$(cksum <"$1" | cut -d' ' -f1)
	cp "$1" "$out/seed-$sum.xml"
}

find "$src/samples" "$src/tests" -name '*.xml' -type f 2>/dev/null |
	LC_ALL=C sort | while IFS= read -r f; do add "$f"; done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/k8snet-seed.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
for t in "$src"/tests/cli/*.t; do
	[ -f "$t" ] || continue
	# one file per case's standard input ("< " lines between "$ " lines)
	awk -v dir="$tmp" '
		function flush() { if (buf ~ /</) { n++; f = dir "/in" n; printf "%s", buf > f; close(f) } buf = "" }
		/^\$ / { flush() }
		/^<$/ { buf = buf "\n"; next }
		/^< / { buf = buf substr($0, 3) "\n" }
		END { flush() }' "$t"
	for f in "$tmp"/in*; do
		[ -f "$f" ] || continue
		add "$f"
		rm -f "$f"
	done
done
n=$(find "$out" -type f | wc -l)
echo "fuzz/seed.sh: $n seed files in $out"
[ "$n" -gt 0 ]
