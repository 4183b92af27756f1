#!/bin/bash
# The HTML page as a browser and a validator see it (issue 6):
#   1. the Nu HTML checker (npm vnu-jar, run with the machine's Java)
#      finds no error in report pages of K1, the hostile-name sample, the
#      services and policies sample, a failing audit, two summarized
#      grids (per node; above 300 nodes, counts per node) and Kubernetes
#      YAML with workloads (the Workloads section),
#      nor in fib --format html and reach --ports all --format html;
#   2. headless Chromium (puppeteer-core, Debian's chromium) loads each with
#      no script error, console error or network request, and the page
#      works: pick a cell, filter, problems only, a finding's link, print
#      (tests/html/check-page.js). Screenshots go to $K8SNET_HTML_OUT
#      (default: a scratch folder, kept when a check fails).
#
#   tests/html/run.sh [K8SNET]
#
# Tools: java, node, chromium (.ci/deps installs them); vnu-jar and
# puppeteer-core come from npm into $K8SNET_NPM (default
# ~/.cache/k8snet/npm), installed there on first use. Missing tools fail
# the run: a check that cannot run is not a check that passed. The last
# line is "N passed, M failed".
set -u
export LC_ALL=C
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
K8SNET=${1:-${K8SNET:-$top/src/k8snet}}
npm_dir=${K8SNET_NPM:-${XDG_CACHE_HOME:-$HOME/.cache}/k8snet/npm}
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || echo /usr/bin/chromium)}
VNU_VERSION=26.9.27
PUPPETEER_VERSION=23.11.1

passed=0 failed=0
result() { # status name
	if [ "$1" -eq 0 ]; then
		passed=$((passed + 1))
		echo "PASS: $2"
	else
		failed=$((failed + 1))
		echo "FAIL: $2"
	fi
}
finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit
}

# ---- tools ----
missing=""
[ -x "$K8SNET" ] || missing+=" k8snet ($K8SNET)"
command -v java >/dev/null || missing+=" java"
command -v node >/dev/null || missing+=" node"
command -v npm >/dev/null || missing+=" npm"
[ -x "$CHROMIUM" ] || missing+=" chromium"
if [ -n "$missing" ]; then
	echo "tests/html/run.sh: missing:$missing (.ci/deps installs them)"
	result 1 "tools"
	finish
fi
vnu_jar=$npm_dir/node_modules/vnu-jar/build/dist/vnu.jar
if [ ! -f "$vnu_jar" ] || [ ! -d "$npm_dir/node_modules/puppeteer-core" ]; then
	mkdir -p "$npm_dir" &&
		npm install --prefix "$npm_dir" --no-audit --no-fund --ignore-scripts --loglevel=error \
			"vnu-jar@$VNU_VERSION" "puppeteer-core@$PUPPETEER_VERSION" >&2
fi
if [ ! -f "$vnu_jar" ] || [ ! -d "$npm_dir/node_modules/puppeteer-core" ]; then
	echo "tests/html/run.sh: cannot install vnu-jar and puppeteer-core into $npm_dir"
	result 1 "tools"
	finish
fi

# ---- the pages ----
out=${K8SNET_HTML_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/k8snet-html.XXXXXX")}
mkdir -p "$out"
cd "$out" || exit 2
pages=()
ok=0
for s in k1 k1-xss shop audit-fail; do
	rm -rf "$s"
	"$K8SNET" report "$top/samples/$s.xml" -o "$s" 2>"$s.err" || { echo "report $s failed:"; cat "$s.err"; ok=1; }
	pages+=("$s/index.html")
done
# A grid above the page's thresholds: the summarized views.
awk 'BEGIN { print "<cluster name=\"grid 12x10\">"
	for (n = 1; n <= 12; n++) {
		printf "<node name=\"N%d\" address=\"192.168.0.%d\"><daemon name=\"D%d\"/>\n", n, n, n
		for (p = 1; p <= 10; p++)
			printf "<pod name=\"P%d.%d\" address=\"10.%d.0.%d\"><container name=\"C%d.%d\"><port number=\"80\"/></container></pod>\n", n, p, n, p, n, p
		print "</node>"
	}
	print "<link-down from=\"N1\" to=\"N2\"/>"
	print "</cluster>" }' >grid.xml
rm -rf grid
"$K8SNET" report grid.xml -o grid 2>grid.err || { echo "report grid failed:"; cat grid.err; ok=1; }
pages+=(grid/index.html)
grep -q 'is drawn per node instead' grid/index.html || { echo "the grid's matrix is not summarized"; ok=1; }
# More than 300 nodes: counts per node only.
awk 'BEGIN { print "<cluster name=\"wide 301x1\">"
	for (n = 1; n <= 301; n++)
		printf "<node name=\"N%d\" address=\"192.168.%d.%d\"><pod name=\"P%d\" address=\"10.%d.%d.1\"><container name=\"C%d\"><port number=\"80\"/></container></pod></node>\n", n, int(n / 250), n % 250 + 1, n, 1 + int(n / 250), n % 250, n
	print "</cluster>" }' >wide.xml
rm -rf wide
"$K8SNET" report wide.xml -o wide 2>wide.err || { echo "report wide failed:"; cat wide.err; ok=1; }
pages+=(wide/index.html)
grep -q 'one line of counts per verdict for each sender node' wide/index.html || { echo "the wide matrix is not counted per node"; ok=1; }
# Kubernetes YAML with Deployments and policies: the Workloads section,
# its diagram and its lines linked to matrix cells.
rm -rf workloads
"$K8SNET" report "$top/tests/data/netpol-analyzer/onlineboutique_workloads/input" -o workloads 2>workloads.err ||
	{ echo "report workloads failed:"; cat workloads.err; ok=1; }
pages+=(workloads/index.html)
grep -q 'id="wl-fig"' workloads/index.html && grep -q '<td><a href="#c-' workloads/index.html ||
	{ echo "the Workloads section has no diagram or no link to a cell"; ok=1; }
mkdir -p fib ports-all
"$K8SNET" fib "$top/samples/audit-fail.xml" --format html -o fib/index.html || ok=1
"$K8SNET" reach "$top/samples/shop.xml" --ports all --format html -o ports-all/index.html || ok=1
grep -q 'class="c closed' ports-all/index.html || { echo "--ports all: no 'nothing listens' cell"; ok=1; }
pages+=(fib/index.html ports-all/index.html)
result $ok "k8snet writes the pages"

# ---- 1. the Nu HTML checker ----
java -jar "$vnu_jar" --errors-only "${pages[@]}" >vnu.log 2>&1
st=$?
[ -s vnu.log ] && st=1
[ $st -eq 0 ] || sed 's/^/  /' vnu.log | head -40
result $st "Nu HTML checker: no error in ${#pages[@]} pages"

# ---- 2. Chromium ----
title_xss='K1 <script>x & "co" — k8snet network report'
NODE_PATH=$npm_dir/node_modules node "$here/check-page.js" "$CHROMIUM" "$out/screenshots" \
	"k1/index.html=K1 — k8snet network report" "k1-xss/index.html=$title_xss" \
	shop/index.html audit-fail/index.html grid/index.html wide/index.html workloads/index.html fib/index.html \
	ports-all/index.html \
	>chromium.log 2>&1
st=$?
sed 's/^/  /' chromium.log
result $st "Chromium: pages load without errors or fetches and work (screenshots in $out/screenshots)"

if [ "$failed" -eq 0 ] && [ -z "${K8SNET_HTML_OUT:-}" ]; then
	cd / && rm -rf "$out"
fi
finish
