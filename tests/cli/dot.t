# k8snet dot: the Network Graph as DOT (k8snet(1), "dot"). The output is
# read back by Graphviz itself (tests/dot-check.sh: dot -Tsvg, gc, gvpr)
# and checked by structure, never byte for byte.

# K1: 2 nodes + 4 pods + 8 containers + 2 daemons = 16 vertices; 8
# container-pod + 2 daemon-node + 4 pod-node + 1 node-node = 15 links.
$ k8snet dot samples/k1.xml -o k1.dot
= tests/dot-check.sh k1.dot valid undirected "nodes 16" "edges 15" "clusters 6" "nodes-with class process 10" "nodes-with class switch 6" "edges-with class down 0" "edges-with class hop 0"

# Each node a box holding its node switch, daemons and pods; each pod a box
# holding its pod switch and containers.
$ k8snet dot samples/k1.xml -o k1.dot
= tests/dot-check.sh k1.dot "in cluster_N1 N1" "in cluster_N1 D1" "in cluster_N1 P3" "in cluster_N1 C3.2" "in cluster_P3 P3" "in cluster_P3 C3.1" "in cluster_P3 C3.2" "in cluster_N2 C4.1" "in cluster_P4 C4.2" "cluster cluster_N1 label node N1" "cluster cluster_P2 label pod P2"

# Processes and switches look different; addresses and ports are on labels.
$ k8snet dot samples/k1.xml -o k1.dot
= tests/dot-check.sh k1.dot "node C1.1 shape ellipse" "node D1 shape ellipse" "node P1 shape box" "node N2 shape box" "node P1 label P1\n10.1.1.1" "node N2 label N2\n192.168.0.2" "node C1.2 label C1.2\n9090/TCP" "node D1 label D1" "edge N1 N2 style solid" "edge P1 C1.1 style solid"

# The caption names the cluster and counts it.
$ k8snet dot samples/k1.xml -o k1.dot
= tests/dot-check.sh k1.dot "graph-has label K1\n2 nodes, 4 pods, 8 containers, 2 daemons; 15 links"

# Standard output by default; the spec may come from standard input.
$ k8snet dot - <samples/k1.xml >out.dot
= tests/dot-check.sh out.dot valid "nodes 16" "edges 15"

# Links that are down stay edges, drawn broken: dashed, red, "down".
$ k8snet dot samples/what-if.xml -o w.dot 2>/dev/null
= tests/dot-check.sh w.dot valid "nodes 14" "edges 14" "edges-with class down 2" "edge N1 N2 style dashed" "edge N2 N1 color #cf222e" "edge N1 N2 label down" "edge C1b P1 style dashed" "edge C1b P1 label down" "edge N1 N3 style solid" "graph-has label 14 links, 2 down"

# --trace: the path hop by hop (hop numbers on its edges), the verdict in
# the caption. The six examples of the model (k8snet(1), THE MODEL):
$ k8snet dot samples/k1.xml --trace C1.1 10.1.2.1:8080 -o t.dot
= tests/dot-check.sh t.dot valid "nodes 16" "edges 15" "path C1.1 P1 N1 N2 P2 C2.1" "edge C1.1 P1 label 1" "edge P1 N1 label 2" "edge N1 N2 label 3" "edge N2 P2 label 4" "edge P2 C2.1 label 5" "edge P2 C2.1 penwidth 3" "nodes-with class hop 6" "nodes-with class end 1" "node C2.1 class process container hop end delivered" "graph-has label message from C1.1 to 10.1.2.1:8080/TCP: delivered to C2.1 (5 hops)"

$ k8snet dot samples/k1.xml --trace C1.1 127.0.0.1:9090 -o t.dot
= tests/dot-check.sh t.dot valid "path C1.1 P1 C1.2" "edge P1 C1.2 label 2" "node C1.2 class process container hop end delivered" "graph-has label message from C1.1 to 127.0.0.1:9090/TCP: delivered to C1.2 (2 hops)"

$ k8snet dot samples/k1.xml --trace C1.1 10.1.1.2:8080 -o t.dot
= tests/dot-check.sh t.dot valid "path C1.1 P1 N1 P3 C3.1" "edge N1 P3 label 3" "graph-has label delivered to C3.1 (4 hops)"

$ k8snet dot samples/k1.xml --trace D1 10.1.1.1:8080 -o t.dot
= tests/dot-check.sh t.dot valid "path D1 N1 P1 C1.1" "edge D1 N1 label 1" "node D1 class process daemon hop" "graph-has label message from D1 to 10.1.1.1:8080/TCP: delivered to C1.1 (3 hops)"

# A loop crosses P1-N1 twice: one edge, both hop numbers. Nothing listens
# on 7777: the caption says so (judge.c), the path still ends in a loop.
$ k8snet dot samples/k1.xml --trace C1.1 10.1.1.1:7777 -o t.dot
= tests/dot-check.sh t.dot valid "path C1.1 P1 N1" "edge P1 N1 label 2, 3" "node P1 class switch pod hop end loop" "nodes-with class end 1" "graph-has label nothing listens on 10.1.1.1:7777/TCP in pod P1 (connection refused) (3 hops)"

$ k8snet dot samples/k1.xml --trace C1.1 127.0.0.1:7777 -o t.dot
= tests/dot-check.sh t.dot valid "path C1.1 P1 N1" "node N1 class switch node hop end discarded" "node N1 fillcolor #ffcecb" "graph-has label nothing listens on 127.0.0.1:7777/TCP in pod P1 (connection refused) (2 hops)"

# Discarded before a down link: the link keeps its look and says so.
$ k8snet dot samples/what-if.xml --trace C1 10.1.2.1:9443 -o t.dot 2>/dev/null
= tests/dot-check.sh t.dot valid "path C1 P1 N1" "edge N1 N2 class link down blocked" "edge N1 N2 style dashed" "edge N1 N2 label down (hop 3 blocked)" "edges-with class blocked 1" "graph-has label discarded at N1: link down (N1 -- N2) (2 hops)"

# A sender whose own link is down: no hop at all.
$ k8snet dot samples/what-if.xml --trace C1b 10.1.1.1:8080 -o t.dot 2>/dev/null
= tests/dot-check.sh t.dot valid "path C1b" "edge C1b P1 class link down blocked" "node C1b class process container hop end discarded" "graph-has label message from C1b to 10.1.1.1:8080/TCP: discarded at C1b: link down (C1b -- P1)"

# The override detour through N3 (what-if's rule 3).
$ k8snet dot samples/what-if.xml --trace C1 10.1.2.1:8080 -o t.dot 2>/dev/null
= tests/dot-check.sh t.dot valid "path C1 P1 N1 N3 N2 P2 C2" "edge N1 N3 label 3" "edge N3 N2 label 4" "edge N1 N2 label down"

# A Service Rule forks the message: both branches marked, one caption line
# each, and pods show their namespace.
$ k8snet dot samples/shop.xml --trace web-1/nginx 10.96.0.20:80 -o t.dot
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?
= tests/dot-check.sh t.dot valid "path web-1/nginx web-1 node-a api-1 api-1/server | web-1/nginx web-1 node-a node-b api-2 api-2/server" "edges-with class hop 7" "edge web-1/nginx web-1 label 1" "edge node-a node-b label 3" "edge node-b api-2 label 4" "edge api-2 api-2/server label 5" "nodes-with class end 2" "graph-has label branch 1 of 2: web-1 rewrites the destination (service api/api) to 10.20.1.2:8000, then delivered to api-1/server (4 hops)" "graph-has label branch 2 of 2" "cluster cluster_web-1 label pod web-1 (namespace web)"

# Namespaces: each pod box takes its namespace's colour (border and fill),
# named in the caption's legend; the graph is still the Network Graph (3
# nodes + 6 pods + 6 containers + 3 daemons; 6 + 3 + 6 + 3 links).
$ k8snet dot samples/shop.xml -o s.dot
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?
= tests/dot-check.sh s.dot valid undirected "nodes 18" "edges 18" "clusters 9" "nodes-with class service 0" "edges-with class endpoint 0" "cluster cluster_web-1 color #0072b2" "cluster cluster_web-2 color #0072b2" "cluster cluster_web-2 fillcolor #cce3f0" "cluster cluster_api-2 color #e69f00" "cluster cluster_db-1 color #009e73" "cluster cluster_debug color #d55e00" "cluster cluster_debug penwidth 2" "cluster cluster_debug label pod debug (namespace sandbox)" "cluster cluster_node-c color #57606a" 'graph label shop\n3 nodes, 6 pods, 6 containers, 3 daemons; 18 links\nnamespaces: web (blue), api (orange), data (bluish green), sandbox (vermillion)'

# A spec without namespaces looks as it always did: no legend, grey pod boxes.
$ k8snet dot samples/k1.xml -o k1.dot; grep -c -e namespaces -e penwidth=2 k1.dot
? 1
> 0
= tests/dot-check.sh k1.dot "cluster cluster_P1 color #8c959f" "cluster cluster_P4 fillcolor #f6f8fa"

# --services: each Service a hexagon, "service NAMESPACE/NAME", with a
# dashed edge to each endpoint pod (api/metrics selects no pod: none, and
# a red border); the links are untouched.
$ k8snet dot samples/shop.xml --services -o s.dot
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?
= tests/dot-check.sh s.dot valid undirected "nodes 22" "edges 23" "clusters 9" "nodes-with class service 4" "nodes-with class no-endpoints 1" "nodes-with shape hexagon 4" "edges-with class endpoint 5" "edges-with style dashed 5" "edges-with class link 18" "edge web-1 node-a style solid" "cluster cluster_api-1 color #e69f00" "graph-has label 18 links\n4 services (hexagons), 5 edges to endpoint pods (dashed)\nnamespaces: web (blue)"

$ k8snet dot samples/shop.xml --services | gvpr 'N[class=="service*"]{print($.name, " | ", $.label, " | ", $.color)} E[class=="endpoint"]{print($.tail.name, " -- ", $.head.name, " | ", $.style, " | ", $.color)}'
> service web/front | web/front\n10.96.0.10\n80/TCP -> http | #0072b2
> service web/front -- web-1 | dashed | #0072b2
> service web/front -- web-2 | dashed | #0072b2
> service api/api | api/api\n10.96.0.20\n80/TCP -> http | #e69f00
> service api/api -- api-1 | dashed | #e69f00
> service api/api -- api-2 | dashed | #e69f00
> service api/metrics | api/metrics\n10.96.0.21\n9090/TCP -> metrics\nno endpoints | #cf222e
> service data/db | data/db\n10.96.0.30\n5432/TCP -> pg | #009e73
> service data/db -- db-1 | dashed | #009e73
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?

# With a trace: the same marks as without services, services unmarked.
$ k8snet dot --services samples/shop.xml --trace web-1/nginx 10.96.0.20:80 -o t.dot
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?
= tests/dot-check.sh t.dot valid "nodes 22" "edges 23" "path web-1/nginx web-1 node-a api-1 api-1/server | web-1/nginx web-1 node-a node-b api-2 api-2/server" "edges-with class hop 7" "nodes-with class hop 8" "nodes-with class end 2" "graph-has label (dashed)\nnamespaces: web (blue), api (orange), data (bluish green), sandbox (vermillion)\nmessage from web-1/nginx to 10.96.0.20:80/TCP\nbranch 1 of 2"

# A pod may be named like a service: the service's id keeps them apart.
# The endpoint pod gives two backends (two ports): one edge.
$ k8snet dot - --services -o c.dot; gvpr 'E[class=="endpoint"]{print($.tail.name, " -- ", $.head.name)}' c.dot
< <cluster name="c"><node name="N1" address="192.168.0.1">
< <pod name="prod/web" namespace="prod" address="10.1.1.1"><label key="app" value="web"/>
< <container name="prod/web/c"><port number="8080" name="http"/><port number="9090"/></container></pod></node>
< <service name="web" namespace="prod" address="10.96.0.1"><selector key="app" value="web"/>
< <port number="80" target="http"/><port number="9090"/></service></cluster>
> service prod/web -- prod/web
= tests/dot-check.sh c.dot valid "nodes 4" "edges 3" "node prod/web class switch pod" "in cluster_prod/web prod/web" "in cluster_prod/web prod/web/c" "nodes-with class service 1" "edges-with class endpoint 1" "graph-has label 1 service (hexagons), 1 edge to endpoint pods (dashed)"

# No services: the Network Graph, and the caption says so.
$ k8snet dot samples/k1.xml --services -o k1.dot
= tests/dot-check.sh k1.dot valid "nodes 16" "edges 15" "nodes-with class service 0" "graph-has label 15 links\nno services"

# Options may come anywhere; --trace=SOURCE works too.
$ k8snet dot --trace=C1.1 10.1.2.1:8080 -o t.dot samples/k1.xml
= tests/dot-check.sh t.dot "path C1.1 P1 N1 N2 P2 C2.1"

$ k8snet dot -o t.dot --trace D2 10.1.2.2:8080/TCP samples/k1.xml
= tests/dot-check.sh t.dot "path D2 N2 P4 C4.1"

# Spec text is quoted and escaped: the free-text cluster name comes out as
# that text, in the graph's name and caption, and Graphviz renders it so.
$ k8snet dot - -o x.dot
< <cluster name="K1 &lt;script&gt;x &amp; &quot;co&quot;"><node name="N1" address="192.168.0.1">
< <pod name="P1" address="10.1.1.1"><container name="C1"/></pod></node></cluster>
= tests/dot-check.sh x.dot valid 'graph-has label K1 <script>x & "co"\n1 node' && dot -Tsvg x.dot | grep -qF '>K1 &lt;script&gt;x &amp; &quot;co&quot;</text>'

# Backslashes are doubled, so no Graphviz escape (\N) applies to spec text
# and a trailing one cannot swallow the closing quote.
$ k8snet dot - -o b.dot
< <cluster name="a\&quot;b\N\"><node name="N1" address="192.168.0.1">
< <pod name="P1" address="10.1.1.1"><container name="C1"/></pod></node></cluster>
= tests/dot-check.sh b.dot valid "nodes 3" "edges 2" 'graph-has label a\\"b\\N\\\n1 node' && dot -Tsvg b.dot | grep -qF '>a\&quot;b\N\</text>'

# Usage errors: status 2, nothing written.
$ k8snet dot samples/k1.xml --trace C1.1 -o t.dot; test ! -e t.dot
? 0
! k8snet: dot: --trace takes two arguments: SOURCE DESTINATION
! Try 'k8snet --help' for more information.

$ k8snet dot samples/k1.xml --trace C1.1
? 2
! k8snet: dot: --trace takes two arguments: SOURCE DESTINATION
! Try 'k8snet --help' for more information.

$ k8snet dot samples/k1.xml --trace
? 2
! k8snet: dot: option '--trace' needs an argument
! Try 'k8snet --help' for more information.

$ k8snet dot samples/k1.xml --trace N1 10.1.1.1:8080 -o t.dot
? 2
! k8snet: dot: 'N1' is a node: a SOURCE is a container, a daemon or a pod
! Try 'k8snet --help' for more information.
= test ! -e t.dot

$ k8snet dot samples/k1.xml --trace C1.1 10.1.1.1
? 2
! k8snet: dot: invalid destination '10.1.1.1' (ADDR:PORT, SERVICE.NAMESPACE:PORT, NAMESPACE/SERVICE:PORT, NAMESPACE/POD:PORT or NAME:PORT, each with /PROTO if not TCP)
! Try 'k8snet --help' for more information.

$ k8snet dot samples/k1.xml --format csv
? 2
! k8snet: dot: option '--format' does not apply to this command
! Try 'k8snet --help' for more information.

$ k8snet dot samples/k1.xml --trace C1.1 10.1.2.1:8080 extra
? 2
! k8snet: dot: too many arguments: dot SPEC
! Try 'k8snet --help' for more information.

$ k8snet trace samples/k1.xml C1.1 10.1.2.1:8080 --trace C1.1 10.1.2.1:8080
? 2
! k8snet: trace: option '--trace' does not apply to this command
! Try 'k8snet --help' for more information.

$ k8snet trace samples/shop.xml web-1/nginx 10.96.0.20:80 --format dot --services
? 2
! k8snet: trace: option '--services' does not apply to this command
! Try 'k8snet --help' for more information.

# I/O failures: status 3.
$ k8snet dot samples/k1.xml -o nowhere/k1.dot
? 3
! k8snet: cannot write nowhere/k1.dot: No such file or directory

$ k8snet dot samples/k1.xml >/dev/full
? 3
! k8snet: cannot write standard output: No space left on device

# Above 20 nodes the node mesh is written in blocks ("{A} -- {B}": every
# link between the two halves, then each half's mesh): the same edges, one
# per link, in far fewer lines; a link with attributes (down) stays on its
# own. 25 nodes of 1 pod of 1 container: 300 mesh links + 50, N1-N3 down.
$ awk 'BEGIN { print "<cluster name=\"grid\">"; for (n = 1; n <= 25; n++) printf "<node name=\"N%d\" address=\"192.168.0.%d\"><pod name=\"P%d\" address=\"10.%d.0.1\"><container name=\"C%d\"><port number=\"80\"/></container></pod></node>\n", n, n, n, n, n; print "<link-down from=\"N1\" to=\"N3\"/>"; print "</cluster>" }' >g.xml && k8snet dot g.xml -o g.dot && grep -c -- ' -- ' g.dot
> 75
= tests/dot-check.sh g.dot valid undirected "nodes 75" "edges 350" "edges-with class down 1" "edge N1 N3 style dashed" "edge N1 N2 style solid" "edge N24 N25 style solid" "edge N3 N25 style solid"
