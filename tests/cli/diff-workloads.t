# k8snet diff OLD NEW --workloads: the lines of the workload view
# (connlist) added, removed, changed (k8snet(1), THE WORKLOAD VIEW, "Also"); status 0 when
# none, 1 when some, 2 for bad usage or an invalid spec, 3 for an I/O
# failure.

# ---- two small Kubernetes YAML designs (tests/data/wdiff) ----

# A cache is added (three lines), db opens 5433 to web (changed).
$ k8snet diff tests/data/wdiff/old.yaml tests/data/wdiff/new.yaml --workloads
? 1
> workload diff of cluster old (old) and cluster new (new), connections allowed by policy
>
> + shop/cache[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections
> + shop/cache[Deployment] => shop/web[Deployment] : TCP 80
> + shop/web[Deployment] => shop/cache[Deployment] : TCP 6379
> ~ shop/web[Deployment] => shop/db[Deployment] : TCP 5432-5433 (was TCP 5432)
>
> summary: 4 lines changed: 3 added, 0 removed, 1 changed (5 lines before, 8 after)

# The same in CSV: the absent side's field is empty.
$ k8snet diff tests/data/wdiff/old.yaml tests/data/wdiff/new.yaml --workloads --format csv
? 1
> src,dst,old_conn,new_conn
> shop/cache[Deployment],0.0.0.0-255.255.255.255[External],,All Connections
> shop/cache[Deployment],shop/web[Deployment],,TCP 80
> shop/web[Deployment],shop/cache[Deployment],,TCP 6379
> shop/web[Deployment],shop/db[Deployment],TCP 5432,TCP 5432-5433

# Backwards: the cache's lines are removed, db's 5433 closes.
$ k8snet diff tests/data/wdiff/new.yaml tests/data/wdiff/old.yaml --workloads --format csv
? 1
> src,dst,old_conn,new_conn
> shop/cache[Deployment],0.0.0.0-255.255.255.255[External],All Connections,
> shop/cache[Deployment],shop/web[Deployment],TCP 80,
> shop/web[Deployment],shop/cache[Deployment],TCP 6379,
> shop/web[Deployment],shop/db[Deployment],TCP 5432-5433,TCP 5432

# No change: status 0, the heading and the summary.
$ k8snet diff tests/data/wdiff/old.yaml tests/data/wdiff/old.yaml --workloads
> workload diff of cluster old (old) and cluster old (new), connections allowed by policy
>
> summary: 0 lines changed: 0 added, 0 removed, 0 changed (5 lines before, 5 after)

$ k8snet diff tests/data/wdiff/old.yaml tests/data/wdiff/old.yaml --workloads --format csv
> src,dst,old_conn,new_conn

# ---- netpol-analyzer's minimal case: a policy added to a directory ----

# Without the policy every pair is open; with it, a's ingress is TCP 8050
# from its namespace only.
$ k8snet diff tests/data/netpol-analyzer/minimal_test_in_ns/input/namespace_and_deployments.yaml tests/data/netpol-analyzer/minimal_test_in_ns/input --workloads
? 1
> workload diff of cluster namespace_and_deployments (old) and cluster input (new), connections allowed by policy
>
> - 0.0.0.0-255.255.255.255[External] => hello-world/workload-a[Deployment] : All Connections
> ~ hello-world/workload-b[Deployment] => hello-world/workload-a[Deployment] : TCP 8050 (was All Connections)
>
> summary: 2 lines changed: 0 added, 1 removed, 1 changed (6 lines before, 5 after)

# --delivered: what arrives at a listening container, before and after.
$ k8snet diff tests/data/netpol-analyzer/minimal_test_in_ns/input/namespace_and_deployments.yaml tests/data/netpol-analyzer/minimal_test_in_ns/input --workloads --delivered
? 1
> workload diff of cluster namespace_and_deployments (old) and cluster input (new), connections delivered (--delivered)
>
> ~ hello-world/workload-b[Deployment] => hello-world/workload-a[Deployment] : TCP 8050 (was TCP 8000,8050,8090)
>
> summary: 1 line changed: 0 added, 0 removed, 1 changed (2 lines before, 2 after)

# XML specs too; -o writes the file atomically, the same bytes.
$ k8snet diff samples/audit-old.xml samples/audit-new.xml --workloads -o out.txt; test $? = 1 && cmp out.txt <(k8snet diff samples/audit-old.xml samples/audit-new.xml --workloads)

# ---- status 2: bad usage or an invalid spec; both specs report ----

$ printf '<cluster name="x"/>\n' >bad.xml && k8snet diff tests/data/wdiff/old.yaml bad.xml --workloads
? 2
! bad.xml:1: error: a cluster needs at least one <node>

$ k8snet diff tests/data/wdiff/old.yaml tests/data/wdiff/new.yaml --workloads --format json
? 2
! k8snet: diff: unknown format 'json' (text or csv)
! Try 'k8snet --help' for more information.

$ k8snet diff tests/data/wdiff/old.yaml tests/data/wdiff/new.yaml --delivered
? 2
! k8snet: diff: --delivered needs --workloads
! Try 'k8snet --help' for more information.

$ k8snet diff tests/data/wdiff/old.yaml tests/data/wdiff/new.yaml --workloads --ports all
? 2
! k8snet: diff: --ports does not apply with --workloads
! Try 'k8snet --help' for more information.

$ k8snet diff tests/data/wdiff/old.yaml tests/data/wdiff/new.yaml --workloads --focus web
? 2
! k8snet: diff: option '--focus' does not apply to this command
! Try 'k8snet --help' for more information.

$ k8snet connlist tests/data/wdiff/old.yaml --workloads
? 2
! k8snet: connlist: option '--workloads' does not apply to this command
! Try 'k8snet --help' for more information.

# ---- status 3: a failed write ----

$ k8snet diff tests/data/wdiff/old.yaml tests/data/wdiff/new.yaml --workloads >/dev/full
? 3
! k8snet: cannot write standard output: No space left on device
