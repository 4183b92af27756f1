# One judgement of a message's fate (judge.c): every view classifies a
# pair alike. tests/data/target-port.xml plants the bug users meet: the
# Service shop/backend sends port 80 to 9090, its pods listen on 9000.

# check fails constraint 6 and says what does listen.
$ k8snet check tests/data/target-port.xml
? 1
> check of cluster target-port
> constraint 1, distinct addresses: pass (5 addresses, checked when the spec is read)
> constraint 2, container to container: pass (3 pairs checked, 0 violations)
> constraint 3, pod to pod: pass (9 pairs checked, 0 violations)
> constraint 4, daemon to pod: pass (0 pairs checked, 0 violations)
> constraint 5, service endpoints: pass (1 service port checked, 0 violations)
> constraint 6, service targets: FAIL (2 service backends checked, 2 violations)
>   shop/backend 80/TCP -> 9090: pod backend-1 listens on 9000/TCP only
>   shop/backend 80/TCP -> 9090: pod backend-2 listens on 9000/TCP only
> expects: none in the spec
> summary: FAIL: 1 of 6 constraints and 0 of 0 expects failed

$ k8snet check tests/data/target-port.xml --format json | grep -c 'listens on 9000/TCP only'
> 2

$ k8snet check tests/data/target-port.xml --format junit | grep -c 'constraint 6: service targets'
> 1

# trace: the model walks the refused message on (a loop for a pod
# address); the explanation says nothing listens, in text and JSON.
$ k8snet trace tests/data/target-port.xml client/curl 10.96.30.1:80
> message from container client/curl to 10.96.30.1:80/TCP (source address 10.30.1.2)
> branch 1 of 2:
>   client/curl sends on its link to client
>   at client: rule 3 [* * 10.96.30.1 80 TCP] dnat shop/backend (Service Rule)
>   at client: destination rewritten to 10.30.1.1:9090 (backend pod backend-1)
>   at client: rule 4 [* * * * *] forward N1 (Local Forwarding Rule)
>   at N1: rule 2 [* * 10.30.1.1 * *] forward backend-1 (Node to Pod Forwarding Rule)
>   at backend-1: rule 4 [* * * * *] forward N1 (Local Forwarding Rule)
> verdict: nothing listens on 10.30.1.1:9090/TCP in pod backend-1 (connection refused)
> path: client/curl>client=10.30.1.1:9090>N1>backend-1>N1
> branch 2 of 2:
>   client/curl sends on its link to client
>   at client: rule 3 [* * 10.96.30.1 80 TCP] dnat shop/backend (Service Rule)
>   at client: destination rewritten to 10.30.2.1:9090 (backend pod backend-2)
>   at client: rule 4 [* * * * *] forward N1 (Local Forwarding Rule)
>   at N1: rule 4 [* * 10.30.2.1 * *] forward N2 (Node to Node Forwarding Rule)
>   at N2: rule 2 [* * 10.30.2.1 * *] forward backend-2 (Node to Pod Forwarding Rule)
>   at backend-2: rule 4 [* * * * *] forward N2 (Local Forwarding Rule)
> verdict: nothing listens on 10.30.2.1:9090/TCP in pod backend-2 (connection refused)
> path: client/curl>client=10.30.2.1:9090>N1>N2>backend-2>N2

$ k8snet trace tests/data/target-port.xml client/curl 10.96.30.1:80 --format json
> {"cluster":"target-port","source":"client/curl","source_address":"10.30.1.2","address":"10.96.30.1","port":80,"protocol":"TCP","fates":[
> {"verdict":"loop","receiver":null,"path":["client/curl","client=10.30.1.1:9090","N1","backend-1","N1"],"reason":"nothing listens on 10.30.1.1:9090/TCP in pod backend-1 (connection refused)","class":"nothing_listens","at":"N1","hops":[{"switch":"client","position":3,"origin":"Service Rule","src":"*","dst":"10.96.30.1","dport":"80","protocol":"TCP","action":"dnat","to":"shop/backend"},{"switch":"client","position":4,"origin":"Local Forwarding Rule","src":"*","dst":"*","dport":"*","protocol":"*","action":"forward","to":"N1"},{"switch":"N1","position":2,"origin":"Node to Pod Forwarding Rule","src":"*","dst":"10.30.1.1","dport":"*","protocol":"*","action":"forward","to":"backend-1"},{"switch":"backend-1","position":4,"origin":"Local Forwarding Rule","src":"*","dst":"*","dport":"*","protocol":"*","action":"forward","to":"N1"}]},
> {"verdict":"loop","receiver":null,"path":["client/curl","client=10.30.2.1:9090","N1","N2","backend-2","N2"],"reason":"nothing listens on 10.30.2.1:9090/TCP in pod backend-2 (connection refused)","class":"nothing_listens","at":"N2","hops":[{"switch":"client","position":3,"origin":"Service Rule","src":"*","dst":"10.96.30.1","dport":"80","protocol":"TCP","action":"dnat","to":"shop/backend"},{"switch":"client","position":4,"origin":"Local Forwarding Rule","src":"*","dst":"*","dport":"*","protocol":"*","action":"forward","to":"N1"},{"switch":"N1","position":4,"origin":"Node to Node Forwarding Rule","src":"*","dst":"10.30.2.1","dport":"*","protocol":"*","action":"forward","to":"N2"},{"switch":"N2","position":2,"origin":"Node to Pod Forwarding Rule","src":"*","dst":"10.30.2.1","dport":"*","protocol":"*","action":"forward","to":"backend-2"},{"switch":"backend-2","position":4,"origin":"Local Forwarding Rule","src":"*","dst":"*","dport":"*","protocol":"*","action":"forward","to":"N2"}]}
> ]}

# The CSV keeps the model's verdicts.
$ k8snet trace tests/data/target-port.xml client/curl 10.96.30.1:80 --format csv
> source,address,port,protocol,verdict,receiver,path
> client/curl,10.96.30.1,80,TCP,loop,,client/curl>client=10.30.1.1:9090>N1>backend-1>N1
> client/curl,10.96.30.1,80,TCP,loop,,client/curl>client=10.30.2.1:9090>N1>N2>backend-2>N2

# reach text: the service's column is nothing listens (o), not loop (@);
# with --ports all, so is every closed port.
$ k8snet reach tests/data/target-port.xml
> reachability of cluster target-port (--ports open): 3 senders x 6 destinations
>
>        sender 123456
> backend-1/app .++++o
> client/curl   +.+++o
> backend-2/app .++++o
>
> destinations:
> 1  127.0.0.1:8080/TCP     (the sender's own pod)
> 2  127.0.0.1:9000/TCP     (the sender's own pod)
> 3  10.30.1.1:9000/TCP     backend-1
> 4  10.30.1.2:8080/TCP     client
> 5  10.30.2.1:9000/TCP     backend-2
> 6  10.96.30.1:80/TCP      service shop/backend
>
> legend: + delivered  > discarded outside the cluster  - denied by a policy  o nothing listens  ! delivered to another process  x discarded  @ loop  . not a pair of this sender
> summary: 15 pairs: 12 delivered, 3 nothing listens

$ k8snet reach tests/data/target-port.xml --ports all | tail -n 1
> summary: 63 pairs: 12 delivered, 51 nothing listens

$ k8snet reach tests/data/target-port.xml --format json | tail -n 1
> ],"summary":{"pairs":18,"delivered":12,"discarded":0,"loop":6,"classes":{"delivered":12,"outside":0,"denied":0,"nothing_listens":3,"misdelivered":0,"discarded":0,"loop":0}}}

# The page counts what the text counts, colours the refused service cells
# as faults, and "problems only" finds them (class fault).
$ k8snet reach tests/data/target-port.xml --format html | grep -o '<ul class="tally".*</ul>'
> <ul class="tally" aria-label="Verdicts of all pairs"><li><b>15</b> pairs</li><li><span class="sym ok" aria-hidden="true">✓</span><b>12</b> delivered</li><li><span class="sym closed fault" aria-hidden="true">–</span><b>3</b> nothing listens</li><li><span class="sym drop" aria-hidden="true">✗</span><b>0</b> discarded</li></ul>

$ k8snet reach tests/data/target-port.xml --format html | grep -c 'class="c closed fault'
> 3

# A loop that routing rules make, for a port that is open, stays a loop.
$ k8snet trace samples/what-if.xml C4 10.1.2.1:9443 2>/dev/null | tail -n 2
> verdict: loop: N2 is reached again with the same header
> path: C4>P4>N3>N2>P2>N2

$ k8snet reach samples/what-if.xml 2>/dev/null | tail -n 1
> summary: 58 pairs: 26 delivered, 29 discarded, 3 loop

# An override that delivers p1:80 to another container (misdeliver.xml):
# the text marks it (!) and counts it apart, as the page and check do.
$ k8snet reach tests/data/misdeliver.xml
> reachability of cluster misdeliver (--ports open): 3 senders x 5 destinations
>
> sender 12345
> a      ++!++
> b      ++!++
> c      +.!++
>
> destinations:
> 1  127.0.0.1:80/TCP       (the sender's own pod)
> 2  127.0.0.1:81/TCP       (the sender's own pod)
> 3  10.40.1.1:80/TCP       p1
> 4  10.40.1.1:81/TCP       p1
> 5  10.40.1.2:80/TCP       p2
>
> legend: + delivered  > discarded outside the cluster  - denied by a policy  o nothing listens  ! delivered to another process  x discarded  @ loop  . not a pair of this sender
> summary: 14 pairs: 11 delivered, 3 delivered to another process

$ k8snet reach tests/data/misdeliver.xml --format html | grep -o '<ul class="tally".*</ul>'
> <ul class="tally" aria-label="Verdicts of all pairs"><li><b>14</b> pairs</li><li><span class="sym ok" aria-hidden="true">✓</span><b>11</b> delivered</li><li><span class="sym wrong" aria-hidden="true">≠</span><b>3</b> delivered to another process</li><li><span class="sym drop" aria-hidden="true">✗</span><b>0</b> discarded</li></ul>

$ k8snet check tests/data/misdeliver.xml --quiet
? 1
> constraint 1, distinct addresses: pass (3 addresses, checked when the spec is read)
> constraint 2, container to container: pass (5 pairs checked, 0 violations)
> constraint 3, pod to pod: FAIL (9 pairs checked, 3 violations)
> constraint 4, daemon to pod: pass (0 pairs checked, 0 violations)
> expects: none in the spec
> summary: FAIL: 1 of 4 constraints and 0 of 0 expects failed

$ k8snet reach tests/data/misdeliver.xml --format json | tail -n 1
> ],"summary":{"pairs":14,"delivered":14,"discarded":0,"loop":0,"classes":{"delivered":11,"outside":0,"denied":0,"nothing_listens":0,"misdelivered":3,"discarded":0,"loop":0}}}

# A failing expect makes the badge red: its cell is a problem (class fault),
# or, where the matrix has no cell for it (a closed port), its sender's row.
$ k8snet reach - --format html | grep -o -e '<tr class="p fault"[^>]*>' -e '<td class="c ok fault[^"]*" id="c-[0-9-]*"'
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
> <tr class="p fault" id="row-1" data-s="A P1 N1">
> <td class="c ok fault first" id="c-1-2"
