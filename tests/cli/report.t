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

# fib.csv and reach.csv are byte for byte what fib and reach print.
$ k8snet report samples/shop.xml -o out && k8snet fib samples/shop.xml --format csv | cmp - out/fib.csv && k8snet reach samples/shop.xml --format csv | cmp - out/reach.csv && echo same
> same

$ k8snet report samples/audit-fail.xml -o out && k8snet fib samples/audit-fail.xml --format csv | cmp - out/fib.csv && k8snet reach samples/audit-fail.xml --format csv | cmp - out/reach.csv && echo same
> same

# One FIB file per switch, in FIB CSV order, named NNNNN-NAME with every
# character outside A-Z a-z 0-9 . _ - written _: each is fib --switch NAME.
$ k8snet report samples/shop.xml -o out && i=0 && for s in $(cut -d, -f1 out/fib.csv | tail -n +2 | uniq); do i=$((i + 1)); f=out/fib/$(printf '%05d' $i)-$(printf '%s' "$s" | tr -c 'A-Za-z0-9._-' '_').txt; k8snet fib samples/shop.xml --switch "$s" | cmp - "$f" || echo "differs: $f"; done; echo "$i switches"; ls out/fib | wc -l
> 9 switches
> 9

# graph.dot is the full Network Graph; graph.svg its picture.
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
> 0

# An empty folder is taken.
$ mkdir out && k8snet report samples/k1.xml -o out && ls -A out | wc -l
> 7

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
