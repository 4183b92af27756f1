# The report's Workloads section (k8snet(1), THE WORKLOAD VIEW, "Also"; html_workloads.h):
# connlist's diagram laid out in the page, the lines as a table linked to
# the matrix cells of their first pod pair, and workloads.txt.

# workloads.txt is exactly `connlist` (policy level).
$ k8snet report tests/data/wdiff/new.yaml -o out && k8snet connlist tests/data/wdiff/new.yaml | cmp - out/workloads.txt && echo same
> same

# The section, its entry in the contents, the diagram drawn in full (its
# ids prefixed apart from the main diagram's), one row per line.
$ k8snet report tests/data/wdiff/new.yaml -o out && grep -c '<section class="card wl" id="workloads"' out/index.html && grep -c '<li><a href="#workloads">Workloads</a></li>' out/index.html && grep -o '<div class="fig wl-fig" id="wl-fig">' out/index.html && grep -c 'id="k8snet-w-graph0"' out/index.html && grep -o '3 workloads, 8 lines' out/index.html && sed -n '/<table class="wl-t">/,/<\/table>/p' out/index.html | grep -c '^<tr>'
> 1
> 1
> <div class="fig wl-fig" id="wl-fig">
> 1
> 3 workloads, 8 lines
> 8

# A line links to the matrix cell of its first pod pair (web-1's nginx to
# db-1's 5432); the 4 External lines have no cell; every link names a cell id
# the page has.
$ k8snet report tests/data/wdiff/new.yaml -o out && grep -o '<a href="#c-[0-9]*-[0-9]*" title="shop/web-1/nginx → 10.244.2.1:5432/TCP">' out/index.html | wc -l && grep -c '<td class="ext">' out/index.html && for id in $(sed -n '/<table class="wl-t">/,/<\/table>/p' out/index.html | grep -o 'href="#c-[0-9-]*"' | cut -d'#' -f2 | tr -d '"'); do grep -q "id=\"$id\"" out/index.html || echo "missing $id"; done; echo checked
> 1
> 4
> checked

# Kubernetes YAML with policies in their own files (netpol-analyzer's
# onlineboutique): 12 workloads, 17 lines.
$ k8snet report tests/data/netpol-analyzer/onlineboutique/input -o out 2>/dev/null && grep -o '12 workloads, 17 lines' out/index.html
> 12 workloads, 17 lines

# `reach --format html` is the page without the report's sections.
$ k8snet reach tests/data/wdiff/new.yaml --format html | grep -c 'id="workloads"'
? 1
> 0

# Above 150 workloads: one box per namespace (16, and the External
# range: 16 x 15 + 2 x 16 edges); above 2,000 lines, the table shows the
# first 2,000 and says where the rest is; on paper, a note stands for it.
$ awk 'BEGIN { print "<cluster name=\"ns16\">"; for (n = 1; n <= 16; n++) { printf "<node name=\"N%d\" address=\"192.168.0.%d\">\n", n, n; for (p = 1; p <= 10; p++) printf "<pod name=\"p%d-%d\" namespace=\"ns%02d\" address=\"10.%d.0.%d\"><container name=\"c%d.%d\"><port number=\"80\"/></container></pod>\n", n, p, n, n, p, n, p; print "</node>" } print "</cluster>" }' >ns16.xml && k8snet report ns16.xml -o out && grep -o '160 workloads, 25,760 lines' out/index.html && grep -c 'More than 150 workloads or 600 lines: the diagram draws one box per namespace' out/index.html && sed -n '/id="wl-fig"/,/<\/svg>/p' out/index.html | grep -c '<g id="k8snet-w-node' && sed -n '/id="wl-fig"/,/<\/svg>/p' out/index.html | grep -c '<g id="k8snet-w-edge' && grep -o 'The first 2,000 of 25,760 lines; <a href="workloads.txt">workloads.txt</a> has them all.' out/index.html && grep -o '<p class="wl-note wl-print">25,760 lines: too many to print' out/index.html && sed -n '/<table class="wl-t">/,/<\/table>/p' out/index.html | grep -c '^<tr>' && wc -l <out/workloads.txt
> 160 workloads, 25,760 lines
> 1
> 17
> 272
> The first 2,000 of 25,760 lines; <a href="workloads.txt">workloads.txt</a> has them all.
> <p class="wl-note wl-print">25,760 lines: too many to print
> 2000
> 25760

# Above 200,000 lines (480 pods, no policy: 480 x 479 + 2 x 480 lines)
# the report leaves the lines out, says so, and writes no workloads.txt.
$ awk 'BEGIN { print "<cluster name=\"flat\">"; for (n = 1; n <= 4; n++) { printf "<node name=\"N%d\" address=\"192.168.0.%d\">\n", n, n; for (p = 1; p <= 120; p++) printf "<pod name=\"p%d-%d\" address=\"10.%d.0.%d\"><container name=\"c%d.%d\"/></pod>\n", n, p, n, p, n, p; print "</node>" } print "</cluster>" }' >flat.xml && k8snet report flat.xml -o out && grep -o 'More than 200,000 lines between workloads' out/index.html && test ! -e out/workloads.txt && echo no workloads.txt
> More than 200,000 lines between workloads
> no workloads.txt

# Two lines between the same workloads with the same connections are one
# edge with two heads: K1's 20 lines (no policy) are 10 edges.
$ k8snet report samples/k1.xml -o out && grep -o '4 workloads, 20 lines' out/index.html && sed -n '/id="wl-fig"/,/<\/svg>/p' out/index.html | grep -c '<g id="k8snet-w-edge'
> 4 workloads, 20 lines
> 10

# 151 namespaces of one pod each: more than 150 namespaces, no diagram;
# the section says why, and the table still lists the lines.
$ awk 'BEGIN { print "<cluster name=\"ns151\">"; for (n = 1; n <= 151; n++) printf "<node name=\"N%d\" address=\"192.168.%d.%d\"><pod name=\"p%d\" namespace=\"ns%d\" address=\"10.%d.%d.1\"><container name=\"c%d\"/></pod></node>\n", n, int(n / 250), n % 250 + 1, n, n, 1 + int(n / 250), n % 250, n; print "</cluster>" }' >ns151.xml && k8snet report ns151.xml -o out && grep -o '<p class="wl-note">No diagram: 151 namespaces and 22,952 edges between them' out/index.html && grep -c 'id="wl-fig"' out/index.html; wc -l <out/workloads.txt
> <p class="wl-note">No diagram: 151 namespaces and 22,952 edges between them
> 0
> 22952
