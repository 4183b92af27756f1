# report SPEC -o DIR (k8snet(1)): the folder's files, fib.csv and reach.csv
# exactly as fib and reach print them, the exit statuses, and a previous
# report that survives every failure.

# ---- the folder ----

$ k8snet report samples/k1.xml -o out; echo "status $?"; (cd out && find . | LC_ALL=C sort)
> status 0
> .
> ./.k8snet-report
> ./fib
> ./fib.csv
> ./fib/00001-N1.txt
> ./fib/00002-P1.txt
> ./fib/00003-P3.txt
> ./fib/00004-N2.txt
> ./fib/00005-P2.txt
> ./fib/00006-P4.txt
> ./graph.dot
> ./graph.svg
> ./index.html
> ./reach.csv
> ./workloads.txt

# fib.csv and reach.csv are byte for byte what fib and reach print.
$ k8snet report samples/shop.xml -o out && k8snet fib samples/shop.xml --format csv | cmp - out/fib.csv && k8snet reach samples/shop.xml --format csv | cmp - out/reach.csv && echo same
> same
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?

$ k8snet report samples/audit-fail.xml -o out && k8snet fib samples/audit-fail.xml --format csv | cmp - out/fib.csv && k8snet reach samples/audit-fail.xml --format csv | cmp - out/reach.csv && echo same
> same

# One FIB file per switch, in FIB CSV order, named NNNNN-NAME with every
# character outside A-Z a-z 0-9 . _ - written _: each is fib --switch NAME.
$ k8snet report samples/shop.xml -o out && i=0 && for s in $(cut -d, -f1 out/fib.csv | tail -n +2 | uniq); do i=$((i + 1)); f=out/fib/$(printf '%05d' $i)-$(printf '%s' "$s" | tr -c 'A-Za-z0-9._-' '_').txt; k8snet fib samples/shop.xml --switch "$s" | cmp - "$f" || echo "differs: $f"; done; echo "$i switches"; ls out/fib | wc -l
> 9 switches
> 9
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?

# graph.dot is the full Network Graph; graph.svg its picture.
# The same spec gives the same bytes, whatever the heap looks like:
# Graphviz orders clusters by object id, and its default ids are string
# addresses (the page's diagrams moved from run to run until graph.c gave
# ids in creation order). shop has namespaces and workloads: both diagrams.
$ k8snet report samples/k8s -o a 2>/dev/null && for e in X=1 MALLOC_TOP_PAD_=1000000 MALLOC_ARENA_MAX=1 MALLOC_PERTURB_=7; do rm -rf b; (export "$e"; k8snet report samples/k8s -o b 2>/dev/null) && cmp a/index.html b/index.html && cmp a/graph.svg b/graph.svg || echo "differs with $e"; done; echo done
> done

$ k8snet report samples/k1.xml -o out && tests/dot-check.sh out/graph.dot valid undirected 'nodes 16' 'edges 15' && head -c 5 out/graph.svg && grep -c '<svg' out/graph.svg
> <?xml1

# The page is one file: nothing it needs comes from elsewhere.
$ k8snet report samples/k1.xml -o out && grep -Eci '(src|href)="(https?:)?//' out/index.html; grep -c '<meta http-equiv="Content-Security-Policy" content="default-src .none.;' out/index.html
> 0
> 1

# ---- replacing a report ----

# A previous report is replaced as a whole: what was added to it goes.
$ k8snet report samples/k1.xml -o out && touch out/added.txt && k8snet report samples/shop.xml -o out/; echo "status $?"; ls out; ls -a | grep 'k8snet-' | wc -l
> status 0
> fib
> fib.csv
> graph.dot
> graph.svg
> index.html
> reach.csv
> workloads.txt
> 0
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?

# An empty folder is taken.
$ mkdir out && k8snet report samples/k1.xml -o out && ls -A out | wc -l
> 8

# ---- refusals: status 3, nothing touched ----

$ mkdir mine && echo keep >mine/notes.txt; k8snet report samples/k1.xml -o mine; echo "status $?"; ls -A mine; cat mine/notes.txt
> status 3
> notes.txt
> keep
! k8snet: mine: exists and is not a k8snet report (no .k8snet-report in it); not replacing it

$ echo keep >file.txt; k8snet report samples/k1.xml -o file.txt; echo "status $?"; cat file.txt
> status 3
> keep
! k8snet: file.txt: exists and is not a k8snet report (no .k8snet-report in it); not replacing it

$ k8snet report samples/k1.xml -o no/such/folder; echo "status $?"; ls -a | grep 'k8snet-' | wc -l
> status 3
> 0
! k8snet: cannot write no/such/folder: No such file or directory

# ---- failures keep the previous report ----

# An invalid spec: status 2, the report as it was, no temporary folder.
$ k8snet report samples/k1.xml -o out && cp -r out before && printf '<cluster name="x">\n<pod name="p"/>\n</cluster>\n' >bad.xml && k8snet report bad.xml -o out 2>/dev/null; echo "status $?"; diff -r before out && echo kept; ls -a | grep 'k8snet-' | wc -l
> status 2
> kept
> 0

# A write that fails (a file size limit, as a full disk would): status 3,
# the report as it was, no temporary folder. Run bare: valgrind itself
# does not start under such a limit.
$ k8snet report samples/k1.xml -o out && cp -r out before && (K8SNET_WRAPPER=; ulimit -f 20; k8snet report samples/shop.xml -o out); echo "status $?"; diff -r before out && echo kept; ls -a | grep 'k8snet-' | wc -l
> status 3
> kept
> 0
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?
! k8snet: cannot write out/index.html: File too large

# ---- usage ----

$ k8snet report samples/k1.xml; echo "status $?"
> status 2
! k8snet: report: missing -o DIR: the folder to write the report in
! Try 'k8snet --help' for more information.

$ k8snet report samples/k1.xml -o out --format html; echo "status $?"; test ! -e out && echo nothing
> status 2
> nothing
! k8snet: report: option '--format' does not apply to this command
! Try 'k8snet --help' for more information.

# ---- above 1,000,000 rows ----

# 10 nodes x 51 pods x 2 containers (1,042,440 rows) with the link N1-N2
# down: reach.csv holds only the faulty rows (here: the non-delivered ones),
# in reach's order, and the page says so. Run bare: a million rows under valgrind take minutes.
$ awk 'BEGIN { print "<cluster name=\"grid\">"; for (n = 1; n <= 10; n++) { printf "<node name=\"N%d\" address=\"192.168.0.%d\">\n", n, n; for (p = 1; p <= 51; p++) printf "<pod name=\"P%d.%d\" address=\"10.%d.0.%d\"><container name=\"C%d.%d.1\"><port number=\"80\"/></container><container name=\"C%d.%d.2\"><port number=\"81\"/></container></pod>\n", n, p, n, p, n, p, n, p; print "</node>" } print "<link-down from=\"N1\" to=\"N2\"/>"; print "</cluster>" }' >grid.xml && K8SNET_WRAPPER= && k8snet report grid.xml -o out && k8snet reach grid.xml --format csv | awk -F, 'NR == 1 { print; next } { n++ } $5 != "delivered"; END { print n " rows" >"rows.txt" }' | cmp - out/reach.csv && cat rows.txt && wc -l <out/reach.csv && grep -c 'holds only faulty rows (neither delivered to the process that opened the port, nor denied by a NetworkPolicy, nor sent outside the cluster): 20,808 of the 1,042,440 rows of the full table, which has more than 1,000,000. <code>k8snet' out/index.html
> 1042440 rows
> 20809
> 1

# ---- the report at any size: the cut-offs, with small limits ----
# K8SNET_REPORT_FIB_RULES, K8SNET_REPORT_REACH_ROWS and
# K8SNET_REPORT_FAULTY_ROWS stand in for the 1,000,000s of the contract so
# that a small spec crosses them.

# Above the rule limit, fib.csv and fib/ keep the switches that have
# override rules or a down link (what-if: all but N3, position 6), each
# file still numbered by its position among all; the page says so and
# how to print any table.
$ K8SNET_REPORT_FIB_RULES=10 k8snet report samples/what-if.xml -o out 2>/dev/null && ls out/fib && cut -d, -f1 out/fib.csv | uniq | tr '\n' ' ' && echo && grep -c '<li><code>fib.csv</code> and <code>fib/</code> hold only the tables of the 6 switches that have override rules or a down link, not all 7: the FIBs have 34 rules in all, more than 10. <code>k8snet fib SPEC --switch NAME</code> prints any table' out/index.html && k8snet fib samples/what-if.xml --format csv 2>/dev/null | grep -v '^N3,' | cmp - out/fib.csv && echo same
> 00001-N1.txt
> 00002-P1.txt
> 00003-P3.txt
> 00004-N2.txt
> 00005-P2.txt
> 00007-P4.txt
> switch N1 P1 P3 N2 P2 P4 
> 1
> same

# At the limit, every table.
$ K8SNET_REPORT_FIB_RULES=34 k8snet report samples/what-if.xml -o out 2>/dev/null && ls out/fib | wc -l && grep -c 'hold only the tables' out/index.html
> 7
> 0
? 1

# Above the row limit, reach.csv keeps the first faulty rows, at most
# K8SNET_REPORT_FAULTY_ROWS, and the page counts what it left out.
$ K8SNET_REPORT_REACH_ROWS=20 K8SNET_REPORT_FAULTY_ROWS=3 k8snet report samples/what-if.xml -o out 2>/dev/null && cat out/reach.csv && grep -c 'holds only faulty rows (neither delivered to the process that opened the port, nor denied by a NetworkPolicy, nor sent outside the cluster): 3 of the 58 rows of the full table, which has more than 20. It leaves out 29 more faulty rows (it keeps the first 3). <code>k8snet reach SPEC --format csv</code> writes every row.' out/index.html
> source,address,port,protocol,verdict,receiver,path
> D1,10.1.1.1,9090,TCP,discarded,,D1>N1>P1
> D1,10.1.1.2,8080,TCP,discarded,,D1>N1>P3
> D1,10.1.2.1,9443,TCP,discarded,,D1>N1
> 1

# Room for all of them: none left out, and the page says nothing of it.
$ K8SNET_REPORT_REACH_ROWS=20 k8snet report samples/what-if.xml -o out 2>/dev/null && k8snet reach samples/what-if.xml --format csv 2>/dev/null | awk -F, 'NR == 1 || $5 != "delivered"' | cmp - out/reach.csv && grep -c 'It leaves out' out/index.html
> 0
? 1

# ---- leftovers of killed writers ----
# A temporary folder beside DIR whose lock nobody holds is a killed
# writer's: removed, and said. One whose lock is held (here by this shell,
# on file descriptor 9) is a live writer's: kept. One without the lock
# file is not judged (a writer that has not locked yet, or a previous
# report being removed, or not ours): kept. Folders of other names (the
# fallback swap's DIR.k8snet-old-XXXXXX may hold the only copy of a
# report) are never touched.
$ k8snet report samples/k1.xml -o out && mkdir out.k8snet-aaaaaa out.k8snet-bbbbbb out.k8snet-eeeeee out.k8snet-old-cccccc outx.k8snet-dddddd && touch out.k8snet-aaaaaa/.k8snet-lock out.k8snet-aaaaaa/index.html out.k8snet-bbbbbb/.k8snet-lock && exec 9>out.k8snet-bbbbbb/.k8snet-lock && flock 9 && k8snet report samples/k1.xml -o out/; echo "status $?"; ls -d out*
> status 0
> out
> out.k8snet-bbbbbb
> out.k8snet-eeeeee
> out.k8snet-old-cccccc
> outx.k8snet-dddddd
! k8snet: report: removed out.k8snet-aaaaaa, left by a report that was stopped before it finished

# A report killed midway (SIGKILL) leaves its folder; the next run
# removes it. The first run (60 nodes x 30 pods x 2 containers: seconds of
# work, run bare) is killed once its folder exists.
$ awk 'BEGIN { print "<cluster name=\"grid\">"; for (n = 1; n <= 60; n++) { printf "<node name=\"N%d\" address=\"192.168.0.%d\">\n", n, n; for (p = 1; p <= 30; p++) printf "<pod name=\"P%d.%d\" address=\"10.%d.0.%d\"><container name=\"C%d.%d.1\"><port number=\"80\"/></container><container name=\"C%d.%d.2\"><port number=\"81\"/></container></pod>\n", n, p, n, p, n, p, n, p; print "</node>" } print "</cluster>" }' >grid.xml && { "$K8SNET" report grid.xml -o out & p=$!; i=0; while ! ls -d out.k8snet-* >/dev/null 2>&1 && [ $i -lt 3000 ]; do sleep 0.01; i=$((i + 1)); done; kill -9 $p; wait $p; } 2>/dev/null; ls -d out* | sed 's/-.*/-X/'; k8snet report samples/k1.xml -o out 2>&1 | sed 's/k8snet-[^ ,]*/k8snet-X/'; ls -d out*
> out.k8snet-X
> k8snet: report: removed out.k8snet-X, left by a report that was stopped before it finished
> out

# Faulty is neither delivered to the opener, nor denied by a policy, nor
# sent outside: of shop's 59 discarded rows, the 50 denied by its
# NetworkPolicies are left out and the 9 to a service without endpoints
# kept.
$ K8SNET_REPORT_REACH_ROWS=1 k8snet report samples/shop.xml -o out && k8snet reach samples/shop.xml --format csv | grep -c ',discarded,' && k8snet reach samples/shop.xml --format json | grep -c '"reason":"[a-z]* policy"' && k8snet reach samples/shop.xml --format json | grep '"reason":"no endpoints"' | sed 's/^{"source":"\([^"]*\)","address":"\([^"]*\)","port":\([0-9]*\),"protocol":"\([A-Z]*\)".*/\1,\2,\3,\4,/' | cmp - <(tail -n +2 out/reach.csv | cut -d, -f1-4 | sed 's/$/,/') && wc -l <out/reach.csv
> 59
> 50
> 10
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?

# Above 20 nodes the diagram says the node mesh rather than draw it: one
# vertex for its links (25 nodes: 300), the down link N1-N3 drawn.
$ awk 'BEGIN { print "<cluster name=\"grid\">"; for (n = 1; n <= 25; n++) printf "<node name=\"N%d\" address=\"192.168.0.%d\"><pod name=\"P%d\" address=\"10.%d.0.1\"><container name=\"C%d\"><port number=\"80\"/></container></pod></node>\n", n, n, n, n, n; print "<link-down from=\"N1\" to=\"N3\"/>"; print "</cluster>" }' >g.xml && k8snet report g.xml -o out && grep -c 'the node mesh (every node linked to every other: 300 links) is one vertex, "node mesh", not drawn link by link; node links that are down are drawn; <code>graph.dot</code> holds the full Network Graph.' out/index.html && grep -c '<title>node mesh</title>' out/graph.svg && grep -c '<g id="edge[0-9]*" class="[^"]*down' out/graph.svg
> 1
> 1
> 1
