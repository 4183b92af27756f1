# connlist (k8snet(1), THE WORKLOAD VIEW): the connections that NetworkPolicies allow between
# workloads, netpol-analyzer's list; --delivered: what the Network Graph
# delivers. tests/data/connlist.xml says what each part of it exercises; the
# expected lines were checked by hand against k8snet(1), THE WORKLOAD VIEW.

# Text, the default: pods without a workload are their own (Pod/NAME);
# source atoms cut at the ingress ip-block's edges (10.0.0.0/8 except
# 10.0.0.0/9: 10.128.0.0 and 11.0.0.0 only), destination atoms at the egress
# one's; a named port resolved on the destination (metrics: 9187); a range
# (9000-9200); a rule with a protocol and no number (UDP 1-65535); debug,
# selected by no policy, allows everything; lines sorted as bytes.
$ k8snet connlist tests/data/connlist.xml
> 0.0.0.0-10.127.255.255[External] => shop/web-1[Pod] : All Connections
> 0.0.0.0-10.127.255.255[External] => shop/web-2[Pod] : All Connections
> 0.0.0.0-10.127.255.255[External] => tools/debug[Pod] : All Connections
> 10.128.0.0-10.255.255.255[External] => shop/db-1[Pod] : TCP 9187
> 10.128.0.0-10.255.255.255[External] => shop/web-1[Pod] : All Connections
> 10.128.0.0-10.255.255.255[External] => shop/web-2[Pod] : All Connections
> 10.128.0.0-10.255.255.255[External] => tools/debug[Pod] : All Connections
> 11.0.0.0-255.255.255.255[External] => shop/web-1[Pod] : All Connections
> 11.0.0.0-255.255.255.255[External] => shop/web-2[Pod] : All Connections
> 11.0.0.0-255.255.255.255[External] => tools/debug[Pod] : All Connections
> shop/db-1[Pod] => 0.0.0.0-9.255.255.255[External] : All Connections
> shop/db-1[Pod] => 10.0.0.0-10.255.255.255[External] : All Connections
> shop/db-1[Pod] => 11.0.0.0-255.255.255.255[External] : All Connections
> shop/db-1[Pod] => shop/web-1[Pod] : All Connections
> shop/db-1[Pod] => shop/web-2[Pod] : All Connections
> shop/db-1[Pod] => tools/debug[Pod] : All Connections
> shop/web-1[Pod] => 0.0.0.0-9.255.255.255[External] : TCP 443
> shop/web-1[Pod] => 11.0.0.0-255.255.255.255[External] : TCP 443
> shop/web-1[Pod] => shop/db-1[Pod] : TCP 5432,9000-9200
> shop/web-1[Pod] => tools/debug[Pod] : UDP 1-65535
> shop/web-2[Pod] => 0.0.0.0-9.255.255.255[External] : TCP 443
> shop/web-2[Pod] => 11.0.0.0-255.255.255.255[External] : TCP 443
> shop/web-2[Pod] => shop/db-1[Pod] : TCP 5432,9000-9200
> shop/web-2[Pod] => tools/debug[Pod] : UDP 1-65535
> tools/debug[Pod] => 0.0.0.0-9.255.255.255[External] : All Connections
> tools/debug[Pod] => 10.0.0.0-10.255.255.255[External] : All Connections
> tools/debug[Pod] => 11.0.0.0-255.255.255.255[External] : All Connections
> tools/debug[Pod] => shop/web-1[Pod] : All Connections
> tools/debug[Pod] => shop/web-2[Pod] : All Connections

# --format text is txt; --focus by a unique name.
$ k8snet connlist tests/data/connlist.xml --format text --focus web-1
> 0.0.0.0-10.127.255.255[External] => shop/web-1[Pod] : All Connections
> 10.128.0.0-10.255.255.255[External] => shop/web-1[Pod] : All Connections
> 11.0.0.0-255.255.255.255[External] => shop/web-1[Pod] : All Connections
> shop/db-1[Pod] => shop/web-1[Pod] : All Connections
> shop/web-1[Pod] => 0.0.0.0-9.255.255.255[External] : TCP 443
> shop/web-1[Pod] => 11.0.0.0-255.255.255.255[External] : TCP 443
> shop/web-1[Pod] => shop/db-1[Pod] : TCP 5432,9000-9200
> shop/web-1[Pod] => tools/debug[Pod] : UDP 1-65535
> tools/debug[Pod] => shop/web-1[Pod] : All Connections

# CSV: a field is quoted only when it holds a comma or a quote; --focus by
# NAMESPACE/NAME.
$ k8snet connlist tests/data/connlist.xml --format csv --focus shop/web-2
> src,dst,conn
> 0.0.0.0-10.127.255.255[External],shop/web-2[Pod],All Connections
> 10.128.0.0-10.255.255.255[External],shop/web-2[Pod],All Connections
> 11.0.0.0-255.255.255.255[External],shop/web-2[Pod],All Connections
> shop/db-1[Pod],shop/web-2[Pod],All Connections
> shop/web-2[Pod],0.0.0.0-9.255.255.255[External],TCP 443
> shop/web-2[Pod],11.0.0.0-255.255.255.255[External],TCP 443
> shop/web-2[Pod],shop/db-1[Pod],"TCP 5432,9000-9200"
> shop/web-2[Pod],tools/debug[Pod],UDP 1-65535
> tools/debug[Pod],shop/web-2[Pod],All Connections

# JSON: netpol-analyzer's objects, 2-space indent; --focus by the printed name.
$ k8snet connlist tests/data/connlist.xml --format json --focus 'shop/db-1[Pod]'
> [
>   {
>     "src": "10.128.0.0-10.255.255.255[External]",
>     "dst": "shop/db-1[Pod]",
>     "conn": "TCP 9187"
>   },
>   {
>     "src": "shop/db-1[Pod]",
>     "dst": "0.0.0.0-9.255.255.255[External]",
>     "conn": "All Connections"
>   },
>   {
>     "src": "shop/db-1[Pod]",
>     "dst": "10.0.0.0-10.255.255.255[External]",
>     "conn": "All Connections"
>   },
>   {
>     "src": "shop/db-1[Pod]",
>     "dst": "11.0.0.0-255.255.255.255[External]",
>     "conn": "All Connections"
>   },
>   {
>     "src": "shop/db-1[Pod]",
>     "dst": "shop/web-1[Pod]",
>     "conn": "All Connections"
>   },
>   {
>     "src": "shop/db-1[Pod]",
>     "dst": "shop/web-2[Pod]",
>     "conn": "All Connections"
>   },
>   {
>     "src": "shop/db-1[Pod]",
>     "dst": "tools/debug[Pod]",
>     "conn": "All Connections"
>   },
>   {
>     "src": "shop/web-1[Pod]",
>     "dst": "shop/db-1[Pod]",
>     "conn": "TCP 5432,9000-9200"
>   },
>   {
>     "src": "shop/web-2[Pod]",
>     "dst": "shop/db-1[Pod]",
>     "conn": "TCP 5432,9000-9200"
>   }
> ]

# Markdown.
$ k8snet connlist tests/data/connlist.xml --format md --focus debug
> | src | dst | conn |
> |-----|-----|------|
> | 0.0.0.0-10.127.255.255[External] | tools/debug[Pod] | All Connections |
> | 10.128.0.0-10.255.255.255[External] | tools/debug[Pod] | All Connections |
> | 11.0.0.0-255.255.255.255[External] | tools/debug[Pod] | All Connections |
> | shop/db-1[Pod] | tools/debug[Pod] | All Connections |
> | shop/web-1[Pod] | tools/debug[Pod] | UDP 1-65535 |
> | shop/web-2[Pod] | tools/debug[Pod] | UDP 1-65535 |
> | tools/debug[Pod] | 0.0.0.0-9.255.255.255[External] | All Connections |
> | tools/debug[Pod] | 10.0.0.0-10.255.255.255[External] | All Connections |
> | tools/debug[Pod] | 11.0.0.0-255.255.255.255[External] | All Connections |
> | tools/debug[Pod] | shop/web-1[Pod] | All Connections |
> | tools/debug[Pod] | shop/web-2[Pod] | All Connections |

# DOT: a cluster per namespace, externals outside, one labelled edge per line.
$ k8snet connlist tests/data/connlist.xml --format dot --focus web-1
> digraph {
> 	subgraph "cluster_shop" {
> 		color="black"
> 		fontcolor="black"
> 		"shop/db-1[Pod]" [label="db-1[Pod]" color="blue" fontcolor="blue"]
> 		"shop/web-1[Pod]" [label="web-1[Pod]" color="blue" fontcolor="blue"]
> 		label="shop"
> 	}
> 	subgraph "cluster_tools" {
> 		color="black"
> 		fontcolor="black"
> 		"tools/debug[Pod]" [label="debug[Pod]" color="blue" fontcolor="blue"]
> 		label="tools"
> 	}
> 	"0.0.0.0-10.127.255.255[External]" [label="0.0.0.0-10.127.255.255" color="red2" fontcolor="red2"]
> 	"0.0.0.0-9.255.255.255[External]" [label="0.0.0.0-9.255.255.255" color="red2" fontcolor="red2"]
> 	"10.128.0.0-10.255.255.255[External]" [label="10.128.0.0-10.255.255.255" color="red2" fontcolor="red2"]
> 	"11.0.0.0-255.255.255.255[External]" [label="11.0.0.0-255.255.255.255" color="red2" fontcolor="red2"]
> 	"0.0.0.0-10.127.255.255[External]" -> "shop/web-1[Pod]" [label="All Connections" color="gold2" fontcolor="darkgreen"]
> 	"10.128.0.0-10.255.255.255[External]" -> "shop/web-1[Pod]" [label="All Connections" color="gold2" fontcolor="darkgreen"]
> 	"11.0.0.0-255.255.255.255[External]" -> "shop/web-1[Pod]" [label="All Connections" color="gold2" fontcolor="darkgreen"]
> 	"shop/db-1[Pod]" -> "shop/web-1[Pod]" [label="All Connections" color="gold2" fontcolor="darkgreen"]
> 	"shop/web-1[Pod]" -> "0.0.0.0-9.255.255.255[External]" [label="TCP 443" color="gold2" fontcolor="darkgreen"]
> 	"shop/web-1[Pod]" -> "11.0.0.0-255.255.255.255[External]" [label="TCP 443" color="gold2" fontcolor="darkgreen"]
> 	"shop/web-1[Pod]" -> "shop/db-1[Pod]" [label="TCP 5432,9000-9200" color="gold2" fontcolor="darkgreen"]
> 	"shop/web-1[Pod]" -> "tools/debug[Pod]" [label="UDP 1-65535" color="gold2" fontcolor="darkgreen"]
> 	"tools/debug[Pod]" -> "shop/web-1[Pod]" [label="All Connections" color="gold2" fontcolor="darkgreen"]
> }

# --delivered: what arrives at the process that opened the port, directly or
# through the Service (db:5432 -> pg); db-1 takes only web's 5432 and 9187;
# web sends nothing to web (egress). Externals have no processes.
$ k8snet connlist tests/data/connlist.xml --delivered
> shop/db-1[Pod] => shop/web-1[Pod] : TCP 8080
> shop/db-1[Pod] => shop/web-2[Pod] : TCP 8080
> shop/db-1[Pod] => tools/debug[Pod] : UDP 7000
> shop/web-1[Pod] => shop/db-1[Pod] : TCP 5432,9187
> shop/web-1[Pod] => tools/debug[Pod] : UDP 7000
> shop/web-2[Pod] => shop/db-1[Pod] : TCP 5432,9187
> shop/web-2[Pod] => tools/debug[Pod] : UDP 7000
> tools/debug[Pod] => shop/web-1[Pod] : TCP 8080
> tools/debug[Pod] => shop/web-2[Pod] : TCP 8080

# --delivered in every format.
$ k8snet connlist tests/data/connlist.xml --delivered --format csv --focus db-1
> src,dst,conn
> shop/db-1[Pod],shop/web-1[Pod],TCP 8080
> shop/db-1[Pod],shop/web-2[Pod],TCP 8080
> shop/db-1[Pod],tools/debug[Pod],UDP 7000
> shop/web-1[Pod],shop/db-1[Pod],"TCP 5432,9187"
> shop/web-2[Pod],shop/db-1[Pod],"TCP 5432,9187"

$ k8snet connlist tests/data/connlist.xml --delivered --format md --focus db-1
> | src | dst | conn |
> |-----|-----|------|
> | shop/db-1[Pod] | shop/web-1[Pod] | TCP 8080 |
> | shop/db-1[Pod] | shop/web-2[Pod] | TCP 8080 |
> | shop/db-1[Pod] | tools/debug[Pod] | UDP 7000 |
> | shop/web-1[Pod] | shop/db-1[Pod] | TCP 5432,9187 |
> | shop/web-2[Pod] | shop/db-1[Pod] | TCP 5432,9187 |

$ k8snet connlist tests/data/connlist.xml --delivered --format json --focus tools/debug
> [
>   {
>     "src": "shop/db-1[Pod]",
>     "dst": "tools/debug[Pod]",
>     "conn": "UDP 7000"
>   },
>   {
>     "src": "shop/web-1[Pod]",
>     "dst": "tools/debug[Pod]",
>     "conn": "UDP 7000"
>   },
>   {
>     "src": "shop/web-2[Pod]",
>     "dst": "tools/debug[Pod]",
>     "conn": "UDP 7000"
>   },
>   {
>     "src": "tools/debug[Pod]",
>     "dst": "shop/web-1[Pod]",
>     "conn": "TCP 8080"
>   },
>   {
>     "src": "tools/debug[Pod]",
>     "dst": "shop/web-2[Pod]",
>     "conn": "TCP 8080"
>   }
> ]

# --focus that names no workload: a usage error with the candidates (those
# whose name holds it, else all).
$ k8snet connlist tests/data/connlist.xml --focus web
? 2
! k8snet: connlist: --focus web: no workload matches; did you mean: shop/web-1[Pod], shop/web-2[Pod]
! Try 'k8snet --help' for more information.

$ k8snet connlist tests/data/connlist.xml --focus nothing
? 2
! k8snet: connlist: --focus nothing: no workload matches; workloads: shop/web-1[Pod], shop/db-1[Pod], shop/web-2[Pod], tools/debug[Pod]
! Try 'k8snet --help' for more information.

$ k8snet connlist tests/data/connlist.xml --focus shop/debug
? 2
! k8snet: connlist: --focus shop/debug: no workload matches; workloads: shop/web-1[Pod], shop/db-1[Pod], shop/web-2[Pod], tools/debug[Pod]
! Try 'k8snet --help' for more information.

# Usage errors.
$ k8snet connlist tests/data/connlist.xml --format yaml
? 2
! k8snet: connlist: unknown format 'yaml' (txt, text, csv, json, md or dot)
! Try 'k8snet --help' for more information.

$ k8snet reach tests/data/connlist.xml --delivered
? 2
! k8snet: reach: option '--delivered' does not apply to this command
! Try 'k8snet --help' for more information.

$ k8snet connlist tests/data/connlist.xml --focus
? 2
! k8snet: connlist: option '--focus' needs an argument
! Try 'k8snet --help' for more information.

# -o writes the file atomically; the same bytes.
$ k8snet connlist tests/data/connlist.xml -o out.csv --format csv && cmp out.csv <(k8snet connlist tests/data/connlist.xml --format csv)

# A failed write is status 3.
$ k8snet connlist tests/data/connlist.xml >/dev/full
? 3
! k8snet: cannot write standard output: No space left on device

# A spec without policies: one atom, every pair All Connections (daemons
# without a workload are not peers).
$ k8snet connlist samples/k1.xml --format md
> | src | dst | conn |
> |-----|-----|------|
> | 0.0.0.0-255.255.255.255[External] | default/P1[Pod] | All Connections |
> | 0.0.0.0-255.255.255.255[External] | default/P2[Pod] | All Connections |
> | 0.0.0.0-255.255.255.255[External] | default/P3[Pod] | All Connections |
> | 0.0.0.0-255.255.255.255[External] | default/P4[Pod] | All Connections |
> | default/P1[Pod] | 0.0.0.0-255.255.255.255[External] | All Connections |
> | default/P1[Pod] | default/P2[Pod] | All Connections |
> | default/P1[Pod] | default/P3[Pod] | All Connections |
> | default/P1[Pod] | default/P4[Pod] | All Connections |
> | default/P2[Pod] | 0.0.0.0-255.255.255.255[External] | All Connections |
> | default/P2[Pod] | default/P1[Pod] | All Connections |
> | default/P2[Pod] | default/P3[Pod] | All Connections |
> | default/P2[Pod] | default/P4[Pod] | All Connections |
> | default/P3[Pod] | 0.0.0.0-255.255.255.255[External] | All Connections |
> | default/P3[Pod] | default/P1[Pod] | All Connections |
> | default/P3[Pod] | default/P2[Pod] | All Connections |
> | default/P3[Pod] | default/P4[Pod] | All Connections |
> | default/P4[Pod] | 0.0.0.0-255.255.255.255[External] | All Connections |
> | default/P4[Pod] | default/P1[Pod] | All Connections |
> | default/P4[Pod] | default/P2[Pod] | All Connections |
> | default/P4[Pod] | default/P3[Pod] | All Connections |

$ k8snet connlist samples/k1.xml --delivered
> default/P1[Pod] => default/P2[Pod] : TCP 8080,9090
> default/P1[Pod] => default/P3[Pod] : TCP 8080,9090
> default/P1[Pod] => default/P4[Pod] : TCP 8080,9090
> default/P2[Pod] => default/P1[Pod] : TCP 8080,9090
> default/P2[Pod] => default/P3[Pod] : TCP 8080,9090
> default/P2[Pod] => default/P4[Pod] : TCP 8080,9090
> default/P3[Pod] => default/P1[Pod] : TCP 8080,9090
> default/P3[Pod] => default/P2[Pod] : TCP 8080,9090
> default/P3[Pod] => default/P4[Pod] : TCP 8080,9090
> default/P4[Pod] => default/P1[Pod] : TCP 8080,9090
> default/P4[Pod] => default/P2[Pod] : TCP 8080,9090
> default/P4[Pod] => default/P3[Pod] : TCP 8080,9090

# Spec 1.2 workloads (tests/data/connlist-workloads.xml): replicas are one
# peer NAMESPACE/NAME[KIND]; replicas that differ in labels: a warning, the
# first pod stands for the workload; hostNetwork daemons of a DaemonSet are a
# peer that policies select and isolate like pods; a named port resolves on
# the destination workload's first pod (db-0: pg is 5432).
$ k8snet connlist tests/data/connlist-workloads.xml
> 0.0.0.0-255.255.255.255[External] => shop/web[Deployment] : All Connections
> ops/web[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections
> ops/web[Deployment] => shop/web[Deployment] : All Connections
> shop/agent[DaemonSet] => 0.0.0.0-255.255.255.255[External] : All Connections
> shop/agent[DaemonSet] => ops/web[Deployment] : All Connections
> shop/agent[DaemonSet] => shop/web[Deployment] : All Connections
> shop/web[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections
> shop/web[Deployment] => ops/web[Deployment] : All Connections
> shop/web[Deployment] => shop/agent[DaemonSet] : TCP 9100
> shop/web[Deployment] => shop/db[StatefulSet] : TCP 5432
! tests/data/connlist-workloads.xml:35: warning: pods of workload shop/web[Deployment] differ in labels: shop/web-2 and shop/web-1; shop/web-1 stands for the workload

# --delivered: the data plane enforces no policy on daemons (ops/web ->
# agent), resolves pg on each db pod (5432, 5433: no pod pair has both, 0 of
# 4), and always lets a pod's node in and out (db -> agent on its own node
# only: 2 of 4).
$ k8snet connlist tests/data/connlist-workloads.xml --delivered
> ops/web[Deployment] => shop/agent[DaemonSet] : TCP 9100
> ops/web[Deployment] => shop/web[Deployment] : TCP 8080
> shop/agent[DaemonSet] => ops/web[Deployment] : TCP 80 (partial: 1 of 2 pod pairs)
> shop/agent[DaemonSet] => shop/db[StatefulSet] : TCP 5432-5433 (partial: 0 of 4 pod pairs)
> shop/agent[DaemonSet] => shop/web[Deployment] : TCP 8080
> shop/db[StatefulSet] => shop/agent[DaemonSet] : TCP 9100 (partial: 2 of 4 pod pairs)
> shop/web[Deployment] => ops/web[Deployment] : TCP 80
> shop/web[Deployment] => shop/agent[DaemonSet] : TCP 9100
> shop/web[Deployment] => shop/db[StatefulSet] : TCP 5432-5433 (partial: 0 of 4 pod pairs)
! tests/data/connlist-workloads.xml:35: warning: pods of workload shop/web[Deployment] differ in labels: shop/web-2 and shop/web-1; shop/web-1 stands for the workload

# A name that several workloads share: a usage error with the candidates;
# NAMESPACE/NAME picks one.
$ k8snet connlist tests/data/connlist-workloads.xml --focus web
? 2
! tests/data/connlist-workloads.xml:35: warning: pods of workload shop/web[Deployment] differ in labels: shop/web-2 and shop/web-1; shop/web-1 stands for the workload
! k8snet: connlist: --focus web: 2 workloads match: shop/web[Deployment], ops/web[Deployment]
! Try 'k8snet --help' for more information.

$ k8snet connlist tests/data/connlist-workloads.xml --focus ops/web --format csv
> src,dst,conn
> ops/web[Deployment],0.0.0.0-255.255.255.255[External],All Connections
> ops/web[Deployment],shop/web[Deployment],All Connections
> shop/agent[DaemonSet],ops/web[Deployment],All Connections
> shop/web[Deployment],ops/web[Deployment],All Connections
! tests/data/connlist-workloads.xml:35: warning: pods of workload shop/web[Deployment] differ in labels: shop/web-2 and shop/web-1; shop/web-1 stands for the workload

$ k8snet connlist tests/data/connlist-workloads.xml --focus agent --format dot
> digraph {
> 	subgraph "cluster_ops" {
> 		color="black"
> 		fontcolor="black"
> 		"ops/web[Deployment]" [label="web[Deployment]" color="blue" fontcolor="blue"]
> 		label="ops"
> 	}
> 	subgraph "cluster_shop" {
> 		color="black"
> 		fontcolor="black"
> 		"shop/agent[DaemonSet]" [label="agent[DaemonSet]" color="blue" fontcolor="blue"]
> 		"shop/web[Deployment]" [label="web[Deployment]" color="blue" fontcolor="blue"]
> 		label="shop"
> 	}
> 	"0.0.0.0-255.255.255.255[External]" [label="0.0.0.0-255.255.255.255" color="red2" fontcolor="red2"]
> 	"shop/agent[DaemonSet]" -> "0.0.0.0-255.255.255.255[External]" [label="All Connections" color="gold2" fontcolor="darkgreen"]
> 	"shop/agent[DaemonSet]" -> "ops/web[Deployment]" [label="All Connections" color="gold2" fontcolor="darkgreen"]
> 	"shop/agent[DaemonSet]" -> "shop/web[Deployment]" [label="All Connections" color="gold2" fontcolor="darkgreen"]
> 	"shop/web[Deployment]" -> "shop/agent[DaemonSet]" [label="TCP 9100" color="gold2" fontcolor="darkgreen"]
> }
! tests/data/connlist-workloads.xml:35: warning: pods of workload shop/web[Deployment] differ in labels: shop/web-2 and shop/web-1; shop/web-1 stands for the workload

# netpol-analyzer's own cases (tests/data/netpol-analyzer, Apache-2.0): the
# Kubernetes YAML read directly, the lines byte for byte. (The importer's
# warnings about what it leaves out go to standard error.)
$ k8snet connlist tests/data/netpol-analyzer/ipblockstest/input >out.txt 2>/dev/null && cmp out.txt tests/data/netpol-analyzer/ipblockstest/expected.txt
$ k8snet connlist tests/data/netpol-analyzer/minimal_test_in_ns/input >out.txt 2>/dev/null && cmp out.txt tests/data/netpol-analyzer/minimal_test_in_ns/expected.txt
$ k8snet connlist tests/data/netpol-analyzer/netpol_named_port_test/input >out.txt 2>/dev/null && cmp out.txt tests/data/netpol-analyzer/netpol_named_port_test/expected.txt
$ k8snet connlist tests/data/netpol-analyzer/onlineboutique/input >out.txt 2>/dev/null && cmp out.txt tests/data/netpol-analyzer/onlineboutique/expected.txt
$ k8snet connlist tests/data/netpol-analyzer/onlineboutique_workloads/input >out.txt 2>/dev/null && cmp out.txt tests/data/netpol-analyzer/onlineboutique_workloads/expected.txt
$ k8snet connlist tests/data/netpol-analyzer/with_end_port_example/input >out.txt 2>/dev/null && cmp out.txt tests/data/netpol-analyzer/with_end_port_example/expected.txt

# Edge cases checked against an independent reference of k8snet(1), THE WORKLOAD VIEW
# (tests/data/connlist-cases): egress: [] without policyTypes isolates
# ingress only, IPv6 peers dropped, host bits masked, a quoted port read as a
# number; a hostNetwork DaemonSet as a peer, a Node owner or an owner without
# controller: true leaves the pod its own workload, running init sidecars'
# named ports, completed pods and parallelism 0 give no peer; pods of one
# workload that differ in labels: the first in spec order (node order, then
# name) stands for it; ip-blocks of a left-out direction still cut atoms,
# named ports match no atom; Lists, JSON, StatefulSet, ReplicationController,
# replicas 0; same names across kinds and namespaces, a pod-template-hash
# that does not match keeps the Deployment, an owner without kind is Pod;
# lines sorted as bytes ("a-b/" before "a/", "web-1[" before "web.x[" before
# "web[", "1.2.3.4-" before "100." before "9.").
$ for c in byte-order hostnetwork-owners ipblock-atoms label-mismatch-spec-order lists-json-kinds policy-types-ipv6 workload-kinds-names; do k8snet connlist tests/data/connlist-cases/$c/input >out.txt 2>/dev/null && cmp out.txt tests/data/connlist-cases/$c/expected.txt || echo "$c differs"; done

# Kubernetes input (k8snet(1), KUBERNETES INPUT): connlist's own warnings,
# given after loading, cite the YAML object (FILE:LINE:COLUMN), as import's
# do, not a line of the spec generated from it under the directory's name.
$ k8snet connlist tests/data/connlist-cases/yaml-warning-places/input
> 0.0.0.0-255.255.255.255[External] => default/client[Pod] : All Connections
> 0.0.0.0-255.255.255.255[External] => default/web[ReplicaSet] : All Connections
> default/client[Pod] => default/web[ReplicaSet] : TCP 8080
> default/web[ReplicaSet] => 0.0.0.0-255.255.255.255[External] : All Connections
> default/web[ReplicaSet] => default/client[Pod] : All Connections
! tests/data/connlist-cases/yaml-warning-places/input/a.yaml:12:1: warning: pods of workload default/web[ReplicaSet] differ in labels: default/web-b and default/web-a; default/web-a stands for the workload
! tests/data/connlist-cases/yaml-warning-places/input/b.yaml:7:1: warning: policy default/out: named port http matches no External address

# diff --workloads cites both specs' warnings the same way.
$ k8snet diff tests/data/connlist-cases/yaml-warning-places/input tests/data/connlist-cases/yaml-warning-places/input --workloads >/dev/null
! tests/data/connlist-cases/yaml-warning-places/input/a.yaml:12:1: warning: pods of workload default/web[ReplicaSet] differ in labels: default/web-b and default/web-a; default/web-a stands for the workload
! tests/data/connlist-cases/yaml-warning-places/input/b.yaml:7:1: warning: policy default/out: named port http matches no External address
! tests/data/connlist-cases/yaml-warning-places/input/a.yaml:12:1: warning: pods of workload default/web[ReplicaSet] differ in labels: default/web-b and default/web-a; default/web-a stands for the workload
! tests/data/connlist-cases/yaml-warning-places/input/b.yaml:7:1: warning: policy default/out: named port http matches no External address
