# k8snet check: the network model's constraints and the spec's expects
# (k8snet(1), "check"); status 0 when all holds, 1 when anything
# fails, 2 for bad usage or an invalid spec, 3 for an I/O failure.

# ---- the samples: a passing audit and a failing one ----

$ k8snet check samples/audit-pass.xml
> check of cluster shop
> constraint 1, distinct addresses: pass (5 addresses, checked when the spec is read)
> constraint 2, container to container: pass (7 pairs checked, 0 violations)
> constraint 3, pod to pod: pass (20 pairs checked, 0 violations)
> constraint 4, daemon to pod: pass (5 pairs checked, 0 violations)
> expects: 4 checked, 0 failed
>   line 27: nginx -> 10.244.2.10:8080/TCP delivered to app: pass
>   line 28: app -> 10.244.2.53:53/UDP delivered to coredns: pass
>   line 29: nginx -> 10.244.2.10:22/TCP loop: pass
>   line 30: app -> 127.0.0.1:80/TCP discarded: pass
> summary: pass: 4 constraints and 4 expects hold

$ k8snet check samples/audit-pass.xml --quiet
> constraint 1, distinct addresses: pass (5 addresses, checked when the spec is read)
> constraint 2, container to container: pass (7 pairs checked, 0 violations)
> constraint 3, pod to pod: pass (20 pairs checked, 0 violations)
> constraint 4, daemon to pod: pass (5 pairs checked, 0 violations)
> expects: 4 checked, 0 failed
> summary: pass: 4 constraints and 4 expects hold

$ k8snet check samples/audit-pass.xml --format junit
> <?xml version="1.0" encoding="UTF-8"?>
> <testsuites name="k8snet check" tests="8" failures="0" errors="0">
>   <testsuite name="shop" tests="8" failures="0" errors="0" skipped="0">
>     <testcase classname="constraints" name="constraint 1: distinct addresses"/>
>     <testcase classname="constraints" name="constraint 2: container to container"/>
>     <testcase classname="constraints" name="constraint 3: pod to pod"/>
>     <testcase classname="constraints" name="constraint 4: daemon to pod"/>
>     <testcase classname="expects" name="expect line 27: nginx -&gt; 10.244.2.10:8080/TCP delivered to app"/>
>     <testcase classname="expects" name="expect line 28: app -&gt; 10.244.2.53:53/UDP delivered to coredns"/>
>     <testcase classname="expects" name="expect line 29: nginx -&gt; 10.244.2.10:22/TCP loop"/>
>     <testcase classname="expects" name="expect line 30: app -&gt; 127.0.0.1:80/TCP discarded"/>
>   </testsuite>
> </testsuites>

# The link between the nodes is down and pod web discards 9113: 12 pod to
# pod violations, of which 10 are listed.
$ k8snet check samples/audit-fail.xml
? 1
> check of cluster shop
> constraint 1, distinct addresses: pass (5 addresses, checked when the spec is read)
> constraint 2, container to container: FAIL (7 pairs checked, 2 violations)
>   nginx -> 127.0.0.1:9113/TCP, opened by exporter: discarded at web: discard rule (rule 1, spec line 33)
>     path: nginx>web
>   exporter -> 127.0.0.1:9113/TCP, opened by exporter: discarded at web: discard rule (rule 1, spec line 33)
>     path: exporter>web
> constraint 3, pod to pod: FAIL (20 pairs checked, 12 violations)
>   nginx -> 10.244.1.10:9113/TCP, opened by exporter: discarded at web: discard rule (rule 1, spec line 33)
>     path: nginx>web
>   nginx -> 10.244.2.10:8080/TCP, opened by app: discarded at node-a: link down (node-a -- node-b)
>     path: nginx>web>node-a
>   nginx -> 10.244.2.53:53/TCP, opened by coredns: discarded at node-a: link down (node-a -- node-b)
>     path: nginx>web>node-a
>   nginx -> 10.244.2.53:53/UDP, opened by coredns: discarded at node-a: link down (node-a -- node-b)
>     path: nginx>web>node-a
>   exporter -> 10.244.1.10:9113/TCP, opened by exporter: discarded at web: discard rule (rule 1, spec line 33)
>     path: exporter>web
>   exporter -> 10.244.2.10:8080/TCP, opened by app: discarded at node-a: link down (node-a -- node-b)
>     path: exporter>web>node-a
>   exporter -> 10.244.2.53:53/TCP, opened by coredns: discarded at node-a: link down (node-a -- node-b)
>     path: exporter>web>node-a
>   exporter -> 10.244.2.53:53/UDP, opened by coredns: discarded at node-a: link down (node-a -- node-b)
>     path: exporter>web>node-a
>   app -> 10.244.1.10:80/TCP, opened by nginx: discarded at node-b: link down (node-b -- node-a)
>     path: app>api>node-b
>   app -> 10.244.1.10:9113/TCP, opened by exporter: discarded at node-b: link down (node-b -- node-a)
>     path: app>api>node-b
>   ... and 2 more (--all lists every violation)
> constraint 4, daemon to pod: FAIL (5 pairs checked, 1 violation)
>   kubelet-a -> 10.244.1.10:9113/TCP, opened by exporter: discarded at web: discard rule (rule 1, spec line 33)
>     path: kubelet-a>node-a>web
> expects: 2 checked, 1 failed
>   line 36: nginx -> 10.244.2.10:8080/TCP delivered to app: FAIL: discarded at node-a: link down (node-a -- node-b)
>     path: nginx>web>node-a
>   line 37: app -> 10.244.2.53:53/UDP delivered to coredns: pass
> summary: FAIL: 3 of 4 constraints and 1 of 2 expects failed

# --all: the last two of constraint 3 too (coredns, sent from node-b).
$ k8snet check samples/audit-fail.xml --all | sed -n '/^constraint 3/,/^constraint 4/p'; exit "${PIPESTATUS[0]}"
? 1
> constraint 3, pod to pod: FAIL (20 pairs checked, 12 violations)
>   nginx -> 10.244.1.10:9113/TCP, opened by exporter: discarded at web: discard rule (rule 1, spec line 33)
>     path: nginx>web
>   nginx -> 10.244.2.10:8080/TCP, opened by app: discarded at node-a: link down (node-a -- node-b)
>     path: nginx>web>node-a
>   nginx -> 10.244.2.53:53/TCP, opened by coredns: discarded at node-a: link down (node-a -- node-b)
>     path: nginx>web>node-a
>   nginx -> 10.244.2.53:53/UDP, opened by coredns: discarded at node-a: link down (node-a -- node-b)
>     path: nginx>web>node-a
>   exporter -> 10.244.1.10:9113/TCP, opened by exporter: discarded at web: discard rule (rule 1, spec line 33)
>     path: exporter>web
>   exporter -> 10.244.2.10:8080/TCP, opened by app: discarded at node-a: link down (node-a -- node-b)
>     path: exporter>web>node-a
>   exporter -> 10.244.2.53:53/TCP, opened by coredns: discarded at node-a: link down (node-a -- node-b)
>     path: exporter>web>node-a
>   exporter -> 10.244.2.53:53/UDP, opened by coredns: discarded at node-a: link down (node-a -- node-b)
>     path: exporter>web>node-a
>   app -> 10.244.1.10:80/TCP, opened by nginx: discarded at node-b: link down (node-b -- node-a)
>     path: app>api>node-b
>   app -> 10.244.1.10:9113/TCP, opened by exporter: discarded at node-b: link down (node-b -- node-a)
>     path: app>api>node-b
>   coredns -> 10.244.1.10:80/TCP, opened by nginx: discarded at node-b: link down (node-b -- node-a)
>     path: coredns>dns>node-b
>   coredns -> 10.244.1.10:9113/TCP, opened by exporter: discarded at node-b: link down (node-b -- node-a)
>     path: coredns>dns>node-b
> constraint 4, daemon to pod: FAIL (5 pairs checked, 1 violation)

$ k8snet check samples/audit-fail.xml --quiet
? 1
> constraint 1, distinct addresses: pass (5 addresses, checked when the spec is read)
> constraint 2, container to container: FAIL (7 pairs checked, 2 violations)
> constraint 3, pod to pod: FAIL (20 pairs checked, 12 violations)
> constraint 4, daemon to pod: FAIL (5 pairs checked, 1 violation)
> expects: 2 checked, 1 failed
> summary: FAIL: 3 of 4 constraints and 1 of 2 expects failed

# --quiet lists nothing, in every format: the failures say how many.
$ k8snet check samples/audit-fail.xml --quiet --format junit
? 1
> <?xml version="1.0" encoding="UTF-8"?>
> <testsuites name="k8snet check" tests="6" failures="4" errors="0">
>   <testsuite name="shop" tests="6" failures="4" errors="0" skipped="0">
>     <testcase classname="constraints" name="constraint 1: distinct addresses"/>
>     <testcase classname="constraints" name="constraint 2: container to container">
>       <failure type="violation" message="2 of 7 pairs violate container to container">... and 2 more (--all lists every violation)
> </failure>
>     </testcase>
>     <testcase classname="constraints" name="constraint 3: pod to pod">
>       <failure type="violation" message="12 of 20 pairs violate pod to pod">... and 12 more (--all lists every violation)
> </failure>
>     </testcase>
>     <testcase classname="constraints" name="constraint 4: daemon to pod">
>       <failure type="violation" message="1 of 5 pairs violate daemon to pod">... and 1 more (--all lists every violation)
> </failure>
>     </testcase>
>     <testcase classname="expects" name="expect line 36: nginx -&gt; 10.244.2.10:8080/TCP delivered to app">
>       <failure type="expect" message="discarded at node-a: link down (node-a -- node-b)">path: nginx&gt;web&gt;node-a
> </failure>
>     </testcase>
>     <testcase classname="expects" name="expect line 37: app -&gt; 10.244.2.53:53/UDP delivered to coredns"/>
>   </testsuite>
> </testsuites>

# JUnit for CI, written atomically with -o; nothing on standard output.
$ k8snet check samples/audit-fail.xml --format junit -o check.xml
? 1
= test "$(grep -c '<failure ' check.xml)" = 4 && test "$(grep -c '<testcase ' check.xml)" = 6 && ! ls check.xml.k8snet-* 2>/dev/null

# ---- what-ifs on a small cluster W (two nodes, a pod and a daemon each) ----

# W as it is: every constraint holds; two expects hold and two fail (a
# closed port at a pod address loops; B, not A, receives 10.0.2.1:80).
$ k8snet check -
< <cluster name="W">
< <node name="N1" address="192.168.0.1"><daemon name="D1"/>
< <pod name="P1" address="10.0.1.1"><container name="A"><port number="80"/></container></pod>
< </node>
< <node name="N2" address="192.168.0.2"><daemon name="D2"/>
< <pod name="P2" address="10.0.2.1"><container name="B"><port number="80"/></container></pod>
< </node>
< <expect from="A" to="10.0.2.1:80" verdict="delivered" receiver="B"/>
< <expect from="A" to="10.0.1.1:22" verdict="discarded"/>
< <expect from="D1" to="10.0.2.1:80/UDP" verdict="loop"/>
< <expect from="A" to="10.0.2.1:80" verdict="delivered" receiver="A"/>
< </cluster>
? 1
> check of cluster W
> constraint 1, distinct addresses: pass (4 addresses, checked when the spec is read)
> constraint 2, container to container: pass (2 pairs checked, 0 violations)
> constraint 3, pod to pod: pass (4 pairs checked, 0 violations)
> constraint 4, daemon to pod: pass (2 pairs checked, 0 violations)
> expects: 4 checked, 2 failed
>   line 8: A -> 10.0.2.1:80/TCP delivered to B: pass
>   line 9: A -> 10.0.1.1:22/TCP discarded: FAIL: nothing listens on 10.0.1.1:22/TCP in pod P1 (connection refused)
>     path: A>P1>N1>P1
>   line 10: D1 -> 10.0.2.1:80/UDP loop: pass
>   line 11: A -> 10.0.2.1:80/TCP delivered to A: FAIL: delivered to B
>     path: A>P1>N1>N2>P2>B
> summary: FAIL: 0 of 4 constraints and 2 of 4 expects failed

# A cut node-to-node link: pod to pod fails both ways, at the first node.
$ k8snet check -
< <cluster name="W">
< <node name="N1" address="192.168.0.1"><daemon name="D1"/>
< <pod name="P1" address="10.0.1.1"><container name="A"><port number="80"/></container></pod>
< </node>
< <node name="N2" address="192.168.0.2"><daemon name="D2"/>
< <pod name="P2" address="10.0.2.1"><container name="B"><port number="80"/></container></pod>
< </node>
< <link-down from="N1" to="N2"/>
< </cluster>
? 1
> check of cluster W
> constraint 1, distinct addresses: pass (4 addresses, checked when the spec is read)
> constraint 2, container to container: pass (2 pairs checked, 0 violations)
> constraint 3, pod to pod: FAIL (4 pairs checked, 2 violations)
>   A -> 10.0.2.1:80/TCP, opened by B: discarded at N1: link down (N1 -- N2)
>     path: A>P1>N1
>   B -> 10.0.1.1:80/TCP, opened by A: discarded at N2: link down (N2 -- N1)
>     path: B>P2>N2
> constraint 4, daemon to pod: pass (2 pairs checked, 0 violations)
> expects: none in the spec
> summary: FAIL: 1 of 4 constraints and 0 of 0 expects failed

# A cut pod link (P2-N2): A's message dies at N2, B's leaves nothing but P2,
# and D2 no longer reaches its node's pod.
$ k8snet check -
< <cluster name="W">
< <node name="N1" address="192.168.0.1"><daemon name="D1"/>
< <pod name="P1" address="10.0.1.1"><container name="A"><port number="80"/></container></pod>
< </node>
< <node name="N2" address="192.168.0.2"><daemon name="D2"/>
< <pod name="P2" address="10.0.2.1"><container name="B"><port number="80"/></container></pod>
< </node>
< <link-down from="P2" to="N2"/>
< </cluster>
? 1
> check of cluster W
> constraint 1, distinct addresses: pass (4 addresses, checked when the spec is read)
> constraint 2, container to container: pass (2 pairs checked, 0 violations)
> constraint 3, pod to pod: FAIL (4 pairs checked, 2 violations)
>   A -> 10.0.2.1:80/TCP, opened by B: discarded at N2: link down (N2 -- P2)
>     path: A>P1>N1>N2
>   B -> 10.0.1.1:80/TCP, opened by A: discarded at P2: link down (P2 -- N2)
>     path: B>P2
> constraint 4, daemon to pod: FAIL (2 pairs checked, 1 violation)
>   D2 -> 10.0.2.1:80/TCP, opened by B: discarded at N2: link down (N2 -- P2)
>     path: D2>N2
> expects: none in the spec
> summary: FAIL: 2 of 4 constraints and 0 of 0 expects failed

# A cut container link (A-P1): A sends nothing (it dies at A itself) and
# receives nothing (it dies at P1), even over 127.0.0.1.
$ k8snet check -
< <cluster name="W">
< <node name="N1" address="192.168.0.1"><daemon name="D1"/>
< <pod name="P1" address="10.0.1.1"><container name="A"><port number="80"/></container></pod>
< </node>
< <node name="N2" address="192.168.0.2"><daemon name="D2"/>
< <pod name="P2" address="10.0.2.1"><container name="B"><port number="80"/></container></pod>
< </node>
< <link-down from="A" to="P1"/>
< </cluster>
? 1
> check of cluster W
> constraint 1, distinct addresses: pass (4 addresses, checked when the spec is read)
> constraint 2, container to container: FAIL (2 pairs checked, 1 violation)
>   A -> 127.0.0.1:80/TCP, opened by A: discarded at A: link down (A -- P1)
>     path: A
> constraint 3, pod to pod: FAIL (4 pairs checked, 3 violations)
>   A -> 10.0.1.1:80/TCP, opened by A: discarded at A: link down (A -- P1)
>     path: A
>   A -> 10.0.2.1:80/TCP, opened by B: discarded at A: link down (A -- P1)
>     path: A
>   B -> 10.0.1.1:80/TCP, opened by A: discarded at P1: link down (P1 -- A)
>     path: B>P2>N2>N1>P1
> constraint 4, daemon to pod: FAIL (2 pairs checked, 1 violation)
>   D1 -> 10.0.1.1:80/TCP, opened by A: discarded at P1: link down (P1 -- A)
>     path: D1>N1>P1
> expects: none in the spec
> summary: FAIL: 3 of 4 constraints and 0 of 0 expects failed

# A discard override at N2 for what comes from P1's prefix: only A -> B
# breaks (D1 is not promised P2; D2 sends from its node's address).
$ k8snet check - --format json
< <cluster name="W">
< <node name="N1" address="192.168.0.1"><daemon name="D1"/>
< <pod name="P1" address="10.0.1.1"><container name="A"><port number="80"/></container></pod>
< </node>
< <node name="N2" address="192.168.0.2"><daemon name="D2"/>
< <pod name="P2" address="10.0.2.1"><container name="B"><port number="80"/></container></pod>
< </node>
< <fib switch="N2"><rule action="discard" src="10.0.1.0/24"/></fib>
< </cluster>
? 1
> {"cluster":"W","status":"fail","constraints":[
> {"number":1,"name":"distinct addresses","status":"pass","checked":4,"violations":0,"denied_by_policy":0,"unlisted":0,"note":"checked when the spec is read","listed":[]},
> {"number":2,"name":"container to container","status":"pass","checked":2,"violations":0,"denied_by_policy":0,"unlisted":0,"listed":[]},
> {"number":3,"name":"pod to pod","status":"fail","checked":4,"violations":1,"denied_by_policy":0,"unlisted":0,"listed":[
> {"expected_receiver":"B","row":{"source":"A","address":"10.0.2.1","port":80,"protocol":"TCP","verdict":"discarded","receiver":null,"path":["A","P1","N1","N2"],"reason":"discard rule","class":"discarded","at":"N2","rule":{"switch":"N2","position":1,"origin":"Override","src":"10.0.1.0/24","dst":"*","dport":"*","protocol":"*","action":"discard","to":null,"line":8}}}]},
> {"number":4,"name":"daemon to pod","status":"pass","checked":2,"violations":0,"denied_by_policy":0,"unlisted":0,"listed":[]}
> ],"expects":[
> ],"summary":{"constraints":4,"constraints_failed":1,"expects":0,"expects_failed":0}}

# A forward override that loops: N2 sends P2's address back to N1, which
# sends it to N2 again. B reaches its own pod's address without N2.
$ k8snet check - --format junit
< <cluster name="W">
< <node name="N1" address="192.168.0.1"><daemon name="D1"/>
< <pod name="P1" address="10.0.1.1"><container name="A"><port number="80"/></container></pod>
< </node>
< <node name="N2" address="192.168.0.2"><daemon name="D2"/>
< <pod name="P2" address="10.0.2.1"><container name="B"><port number="80"/></container></pod>
< </node>
< <fib switch="N2"><rule action="forward" dst="10.0.2.1" to="N1"/></fib>
< </cluster>
? 1
> <?xml version="1.0" encoding="UTF-8"?>
> <testsuites name="k8snet check" tests="4" failures="2" errors="0">
>   <testsuite name="W" tests="4" failures="2" errors="0" skipped="0">
>     <testcase classname="constraints" name="constraint 1: distinct addresses"/>
>     <testcase classname="constraints" name="constraint 2: container to container"/>
>     <testcase classname="constraints" name="constraint 3: pod to pod">
>       <failure type="violation" message="1 of 4 pairs violate pod to pod">A -&gt; 10.0.2.1:80/TCP, opened by B: loop: N1 is reached again with the same header
>   path: A&gt;P1&gt;N1&gt;N2&gt;N1
> </failure>
>     </testcase>
>     <testcase classname="constraints" name="constraint 4: daemon to pod">
>       <failure type="violation" message="1 of 2 pairs violate daemon to pod">D2 -&gt; 10.0.2.1:80/TCP, opened by B: loop: N2 is reached again with the same header
>   path: D2&gt;N2&gt;N1&gt;N2
> </failure>
>     </testcase>
>   </testsuite>
> </testsuites>

# ---- status 2: bad usage or an invalid spec, nothing on standard output ----

$ k8snet check -
< <cluster name="empty"/>
? 2
! <stdin>:1: error: a cluster needs at least one <node>

$ k8snet check samples/audit-pass.xml --format csv
? 2
! k8snet: check: unknown format 'csv' (text, json or junit)
! Try 'k8snet --help' for more information.

$ k8snet check samples/audit-pass.xml samples/audit-fail.xml
? 2
! k8snet: check: too many arguments: check SPEC
! Try 'k8snet --help' for more information.

$ k8snet check
? 2
! k8snet: check: missing arguments: check SPEC
! Try 'k8snet --help' for more information.

# ---- status 3: I/O, which wins over 1 ----

$ k8snet check samples/audit-fail.xml >/dev/full
? 3
! k8snet: cannot write standard output: No space left on device

$ k8snet check samples/audit-pass.xml --format junit >/dev/full
? 3
! k8snet: cannot write standard output: No space left on device

$ k8snet check samples/no-such-spec.xml
? 3
! samples/no-such-spec.xml: error: cannot read the spec: No such file or directory

$ k8snet check samples/audit-fail.xml -o no-such-dir/check.txt
? 3
! k8snet: cannot write no-such-dir/check.txt: No such file or directory
