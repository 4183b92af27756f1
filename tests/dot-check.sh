#!/bin/bash
# Structural checks of a DOT file, for the CLI tests (tests/cli/dot*.t).
# agwrite orders clusters by internal ids, so DOT is compared by what it
# says, read back by Graphviz's own gvpr, never byte for byte.
#
#   tests/dot-check.sh FILE CHECK...
#
# Each CHECK is one argument, words separated by spaces (VALUE and TEXT are
# the rest of the argument, spaces included):
#   valid                     dot -Tsvg, gc and gvpr read FILE with status 0
#                             and nothing on standard error
#   undirected                FILE holds an undirected graph
#   nodes N | edges N | clusters N
#                             counts (clusters: subgraphs named cluster*)
#   graph ATTR VALUE          the root graph's attribute equals VALUE
#   graph-has ATTR TEXT       ... contains TEXT
#   node NAME ATTR VALUE      the vertex's attribute (its effective value)
#   edge A B ATTR VALUE       the edge A--B (either way round)
#   cluster NAME ATTR VALUE   the subgraph's attribute
#   in CLUSTER NAME           vertex NAME belongs to subgraph CLUSTER
#   nodes-with ATTR WORD N    N vertices have WORD among the words of ATTR
#   edges-with ATTR WORD N    the same for edges
#   path V1 V2 ... [| W1 W2 ...]
#                             the edges whose class has the word "hop" are
#                             exactly V1--V2, V2--V3, ... (as a set; "|"
#                             starts another path of a forked message)
# Exit status 0 when every check holds; else 1 with a line per failure.
set -u
export LC_ALL=C
[ $# -ge 1 ] || { echo "usage: dot-check.sh FILE CHECK..." >&2; exit 2; }
file=$1
shift
[ -r "$file" ] || { echo "dot-check: cannot read $file" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/dot-check.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# Every fact as a tab-separated record: C (counts), G (root attributes),
# S (a subgraph's attributes), M (membership), N (vertex), E (edge).
gvpr '
BEGIN {
	string a;
}
BEG_G {
	printf("C\tdirected\t%d\n", isDirect($G));
	printf("C\tnodes\t%d\n", nNodes($G));
	printf("C\tedges\t%d\n", nEdges($G));
	for (a = fstAttr($G, "G"); a != ""; a = nxtAttr($G, "G", a))
		printf("G\t%s\t%s\n", a, aget($G, a));
	/* every subgraph, breadth first (gvpr has no local variables, so no
	   recursion) */
	graph_t q[int], s, c;
	node_t n;
	int qh = 0, qt = 0;
	q[qt++] = $G;
	while (qh < qt) {
		s = q[qh++];
		for (c = fstsubg(s); c != NULL; c = nxtsubg(c)) {
			for (a = fstAttr($G, "G"); a != ""; a = nxtAttr($G, "G", a))
				printf("S\t%s\t%s\t%s\n", c.name, a, aget(c, a));
			for (n = fstnode(c); n != NULL; n = nxtnode_sg(c, n))
				printf("M\t%s\t%s\n", c.name, n.name);
			q[qt++] = c;
		}
	}
}
N {
	for (a = fstAttr($G, "N"); a != ""; a = nxtAttr($G, "N", a))
		printf("N\t%s\t%s\t%s\n", $.name, a, aget($, a));
}
E {
	for (a = fstAttr($G, "E"); a != ""; a = nxtAttr($G, "E", a))
		printf("E\t%s\t%s\t%s\t%s\n", $.tail.name, $.head.name, a, aget($, a));
}' "$file" >"$tmp/facts" 2>"$tmp/err"
if [ $? -ne 0 ] || [ -s "$tmp/err" ]; then
	echo "dot-check: gvpr cannot read $file:"
	cat "$tmp/err"
	exit 1
fi

failed=0
fail() {
	echo "dot-check: $file: $*"
	failed=1
}

# The value of the record whose leading fields are the arguments.
value() {
	awk -F'\t' -v key="$(IFS=$'\t'; echo "$*")" -v n=$# '
		{ k = $1; for (i = 2; i <= n; i++) k = k "\t" $i }
		k == key { v = $(n + 1); for (i = n + 2; i <= NF; i++) v = v "\t" $i; print v; found = 1; exit }
		END { if (!found) exit 1 }' "$tmp/facts"
}

# Records of kind ($1: N or E) whose attribute $2 has the word $3.
count_with() {
	awk -F'\t' -v kind="$1" -v attr="$2" -v word="$3" '
		$1 == kind && $(kind == "N" ? 3 : 4) == attr {
			n = split($NF, w, /[ ,]+/)
			for (i = 1; i <= n; i++) if (w[i] == word) { c++; break }
		}
		END { print c + 0 }' "$tmp/facts"
}

# The edge's attribute, either way round.
edge_value() { # A B ATTR
	value E "$1" "$2" "$3" || value E "$2" "$1" "$3"
}

check_one() {
	local -a w
	read -r -a w <<<"$1"
	local rest
	case ${w[0]} in
	valid)
		dot -Tsvg "$file" >/dev/null 2>"$tmp/dot.err" && [ ! -s "$tmp/dot.err" ] ||
			fail "dot -Tsvg complains: $(head -3 "$tmp/dot.err")"
		gc "$file" >/dev/null 2>"$tmp/gc.err" && [ ! -s "$tmp/gc.err" ] ||
			fail "gc complains: $(head -3 "$tmp/gc.err")"
		;;
	undirected)
		[ "$(value C directed)" = 0 ] || fail "not an undirected graph"
		;;
	nodes | edges)
		local got
		got=$(value C "${w[0]}")
		[ "$got" = "${w[1]}" ] || fail "${w[0]}: $got, expected ${w[1]}"
		;;
	clusters)
		local got
		got=$(awk -F'\t' '$1 == "S" && $2 ~ /^cluster/ { s[$2] = 1 } END { print length(s) }' "$tmp/facts")
		[ "$got" = "${w[1]}" ] || fail "clusters: $got, expected ${w[1]}"
		;;
	graph | graph-has)
		rest=${1#* }
		rest=${rest#* }
		local got
		got=$(value G "${w[1]}") || fail "the graph has no attribute ${w[1]}"
		if [ "${w[0]}" = graph ]; then
			[ "$got" = "$rest" ] || fail "graph ${w[1]}: '$got', expected '$rest'"
		else
			case $got in *"$rest"*) ;; *) fail "graph ${w[1]}: '$got' does not contain '$rest'" ;; esac
		fi
		;;
	node | cluster)
		rest=${1#* }
		rest=${rest#* }
		rest=${rest#* }
		local kind=N got
		[ "${w[0]}" = cluster ] && kind=S
		if ! got=$(value $kind "${w[1]}" "${w[2]}"); then
			fail "${w[0]} ${w[1]}: none, or no attribute ${w[2]}"
		elif [ "$got" != "$rest" ]; then
			fail "${w[0]} ${w[1]} ${w[2]}: '$got', expected '$rest'"
		fi
		;;
	edge)
		rest=${1#* }
		rest=${rest#* }
		rest=${rest#* }
		rest=${rest#* }
		local got
		if ! got=$(edge_value "${w[1]}" "${w[2]}" "${w[3]}"); then
			fail "no edge ${w[1]}--${w[2]} (or no attribute ${w[3]})"
		elif [ "$got" != "$rest" ]; then
			fail "edge ${w[1]}--${w[2]} ${w[3]}: '$got', expected '$rest'"
		fi
		;;
	in)
		awk -F'\t' -v s="${w[1]}" -v n="${w[2]}" '$1 == "M" && $2 == s && $3 == n { f = 1 } END { exit !f }' \
			"$tmp/facts" || fail "${w[2]} is not in ${w[1]}"
		;;
	nodes-with | edges-with)
		local kind=N got
		[ "${w[0]}" = edges-with ] && kind=E
		got=$(count_with $kind "${w[1]}" "${w[2]}")
		[ "$got" = "${w[3]}" ] || fail "${w[0]} ${w[1]} ${w[2]}: $got, expected ${w[3]}"
		;;
	path)
		local want got i
		want=$(for ((i = 1; i + 1 < ${#w[@]}; i++)); do
			[ "${w[i]}" = "|" ] || [ "${w[i + 1]}" = "|" ] && continue
			printf '%s\n' "${w[i]}"$'\t'"${w[i + 1]}" "${w[i + 1]}"$'\t'"${w[i]}" | sort | head -1
		done | sort -u)
		got=$(awk -F'\t' '$1 == "E" && $4 == "class" {
				n = split($5, w, / +/)
				for (i = 1; i <= n; i++) if (w[i] == "hop") { print (($2 "") < ($3 "")) ? $2 "\t" $3 : $3 "\t" $2; break }
			}' "$tmp/facts" | sort -u)
		[ "$got" = "$want" ] || fail "the marked edges are [$(echo $got)], expected [$(echo $want)]"
		;;
	*)
		echo "dot-check: unknown check '$1'" >&2
		exit 2
		;;
	esac
}

for c in "$@"; do
	check_one "$c"
done
exit $failed
