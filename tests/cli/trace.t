# trace: one message's life, hop by hop: the rule that matched at each
# switch (position, fields [src sport dst dport protocol], action, origin),
# the verdict and the path. Every verdict and every discard reason, in each
# format. Expected outputs computed by hand from the model (k8snet(1), THE MODEL).
# samples/what-if.xml warns about its rule to an unlinked C1 on every run.

# delivered, by way of an override (a CIDR prefix and a port range) that
# takes a detour around the cut N1-N2 link.
$ k8snet trace samples/what-if.xml C1 10.1.2.1:8080
> message from container C1 to 10.1.2.1:8080/TCP (source address 10.1.1.1)
>   C1 sends on its link to P1
>   at P1: rule 5 [* * * * *] forward N1 (Local Forwarding Rule)
>   at N1: rule 1 [* * 10.1.2.0/24 8000-8999 TCP] forward N3 (Override, spec line 54)
>   at N3: rule 4 [* * 10.1.2.1 * *] forward N2 (Node to Node Forwarding Rule)
>   at N2: rule 1 [* * 10.1.2.1 * *] forward P2 (Node to Pod Forwarding Rule)
>   at P2: rule 4 [* * 10.1.2.1 8080 TCP] deliver C2 (Delivery on Pod Address)
> verdict: delivered to C2
> path: C1>P1>N1>N3>N2>P2>C2
! samples/what-if.xml:63: warning: 'C1' is not linked to switch 'P3': this rule discards what it matches

# discarded: a discard rule (it matches C1's source address 10.1.1.1).
$ k8snet trace samples/what-if.xml C1 10.1.3.1:8443
> message from container C1 to 10.1.3.1:8443/TCP (source address 10.1.1.1)
>   C1 sends on its link to P1
>   at P1: rule 5 [* * * * *] forward N1 (Local Forwarding Rule)
>   at N1: rule 5 [* * 10.1.3.1 * *] forward N3 (Node to Node Forwarding Rule)
>   at N3: rule 1 [* * 10.1.3.1 * *] forward P4 (Node to Pod Forwarding Rule)
>   at P4: rule 1 [10.1.1.0/24 * * 8443 *] discard (Override, spec line 57)
> verdict: discarded at P4: discard rule (rule 1, spec line 57)
> path: C1>P1>N1>N3>P4
! samples/what-if.xml:63: warning: 'C1' is not linked to switch 'P3': this rule discards what it matches

# The same destination from a daemon: its source address is its node's,
# outside 10.1.1.0/24, so the discard rule does not match.
$ k8snet trace samples/what-if.xml D1 10.1.3.1:8443 --format csv
> source,address,port,protocol,verdict,receiver,path
> D1,10.1.3.1,8443,TCP,delivered,C4,D1>N1>N3>P4>C4
! samples/what-if.xml:63: warning: 'C1' is not linked to switch 'P3': this rule discards what it matches

# discarded: link down between two nodes (9443 is outside the detour's
# port range).
$ k8snet trace samples/what-if.xml D1 10.1.2.1:9443
> message from daemon D1 to 10.1.2.1:9443/TCP (source address 192.168.0.1)
>   D1 sends on its link to N1
>   at N1: rule 4 [* * 10.1.2.1 * *] forward N2 (Node to Node Forwarding Rule)
> verdict: discarded at N1: link down (N1 -- N2)
> path: D1>N1
! samples/what-if.xml:63: warning: 'C1' is not linked to switch 'P3': this rule discards what it matches

# discarded: link down between a pod and the container it delivers to.
$ k8snet trace samples/what-if.xml C3 10.1.1.1:9090
> message from container C3 to 10.1.1.1:9090/TCP (source address 10.1.1.2)
>   C3 sends on its link to P3
>   at P3: rule 4 [* * * * *] forward N1 (Local Forwarding Rule)
>   at N1: rule 2 [* * 10.1.1.1 * *] forward P1 (Node to Pod Forwarding Rule)
>   at P1: rule 4 [* * 10.1.1.1 9090 TCP] deliver C1b (Delivery on Pod Address)
> verdict: discarded at P1: link down (P1 -- C1b)
> path: C3>P3>N1>P1
! samples/what-if.xml:63: warning: 'C1' is not linked to switch 'P3': this rule discards what it matches

# discarded: the sender's own link is down; the path is the sender alone.
$ k8snet trace samples/what-if.xml C1b 10.1.2.1:8080
> message from container C1b to 10.1.2.1:8080/TCP (source address 10.1.1.1)
>   C1b's link to P1 is down
> verdict: discarded at C1b: link down (C1b -- P1)
> path: C1b
! samples/what-if.xml:63: warning: 'C1' is not linked to switch 'P3': this rule discards what it matches

# discarded: no link (a rule of P3 delivers to C1, which lives in P1).
$ k8snet trace samples/what-if.xml D1 10.1.1.2:8080
> message from daemon D1 to 10.1.1.2:8080/TCP (source address 192.168.0.1)
>   D1 sends on its link to N1
>   at N1: rule 3 [* * 10.1.1.2 * *] forward P3 (Node to Pod Forwarding Rule)
>   at P3: rule 1 [* * 10.1.1.2 8080 *] deliver C1 (Override, spec line 63)
> verdict: discarded at P3: no link (P3 -- C1)
> path: D1>N1>P3
! samples/what-if.xml:63: warning: 'C1' is not linked to switch 'P3': this rule discards what it matches

# loop: P2's override sends its own 9443 back to N2, which forwards it to
# P2 again; the path ends with the switch reached twice.
$ k8snet trace samples/what-if.xml C4 10.1.2.1:9443
> message from container C4 to 10.1.2.1:9443/TCP (source address 10.1.3.1)
>   C4 sends on its link to P4
>   at P4: rule 6 [* * * * *] forward N3 (Local Forwarding Rule)
>   at N3: rule 4 [* * 10.1.2.1 * *] forward N2 (Node to Node Forwarding Rule)
>   at N2: rule 1 [* * 10.1.2.1 * *] forward P2 (Node to Pod Forwarding Rule)
>   at P2: rule 1 [* * 10.1.2.1 9443 *] forward N2 (Override, spec line 60)
> verdict: loop: N2 is reached again with the same header
> path: C4>P4>N3>N2>P2>N2
! samples/what-if.xml:63: warning: 'C1' is not linked to switch 'P3': this rule discards what it matches

# The same from inside P2: 127.0.0.1 is not matched by the override
# (its dst is 10.1.2.1), the pod address is.
$ k8snet trace samples/what-if.xml C2 127.0.0.1:9443 --format csv; k8snet trace samples/what-if.xml C2 10.1.2.1:9443 --format csv
> source,address,port,protocol,verdict,receiver,path
> C2,127.0.0.1,9443,TCP,delivered,C2,C2>P2>C2
> source,address,port,protocol,verdict,receiver,path
> C2,10.1.2.1,9443,TCP,loop,,C2>P2>N2>P2
! samples/what-if.xml:63: warning: 'C1' is not linked to switch 'P3': this rule discards what it matches
! samples/what-if.xml:63: warning: 'C1' is not linked to switch 'P3': this rule discards what it matches

# discarded: no matching rule (no node has a route to N3's address: its
# daemon listens on nothing).
$ k8snet trace samples/listening-daemons.xml nginx 192.168.1.3:53/UDP
> message from container nginx to 192.168.1.3:53/UDP (source address 10.2.1.1)
>   nginx sends on its link to web
>   at web: rule 3 [* * * * *] forward N1 (Local Forwarding Rule)
>   at N1: no rule matches
> verdict: nothing listens on 192.168.1.3:53/UDP in node N3 (connection refused)
> path: nginx>web>N1

# A daemon sending to 127.0.0.1: its first switch is its node, which has
# no rule for 127.0.0.1.
$ k8snet trace samples/k1.xml D1 127.0.0.1:8080
> message from daemon D1 to 127.0.0.1:8080/TCP (source address 192.168.0.1)
>   D1 sends on its link to N1
>   at N1: no rule matches
> verdict: nothing listens on 127.0.0.1:8080/TCP in node N1 (connection refused)
> path: D1>N1

# 127.0.0.1 reaches another container of the same pod, over UDP.
$ k8snet trace samples/listening-daemons.xml signal 127.0.0.1:5060/UDP
> message from container signal to 127.0.0.1:5060/UDP (source address 127.0.0.1)
>   signal sends on its link to voip
>   at voip: rule 1 [* * 127.0.0.1 5060 UDP] deliver sip (Delivery on localhost)
> verdict: delivered to sip
> path: signal>voip>sip

# The protocol: TCP unless the destination says otherwise. 53 is open for
# TCP and UDP at N1's address, 2905 only for SCTP in voip.
$ k8snet trace samples/listening-daemons.xml kubelet-2 192.168.1.1:53 --format csv; k8snet trace samples/listening-daemons.xml kubelet-2 192.168.1.1:53/UDP --format csv; k8snet trace samples/listening-daemons.xml kubelet-2 10.2.2.1:2905/SCTP --format csv; k8snet trace samples/listening-daemons.xml kubelet-2 10.2.2.1:2905 --format csv
> source,address,port,protocol,verdict,receiver,path
> kubelet-2,192.168.1.1,53,TCP,delivered,dns,kubelet-2>N2>N1>dns
> source,address,port,protocol,verdict,receiver,path
> kubelet-2,192.168.1.1,53,UDP,delivered,dns,kubelet-2>N2>N1>dns
> source,address,port,protocol,verdict,receiver,path
> kubelet-2,10.2.2.1,2905,SCTP,delivered,signal,kubelet-2>N2>voip>signal
> source,address,port,protocol,verdict,receiver,path
> kubelet-2,10.2.2.1,2905,TCP,loop,,kubelet-2>N2>voip>N2

# Port ranges include both ends; a rule with a protocol matches only it;
# rules match the source address (tests/data/overrides.xml: N1 discards
# 443-444/TCP to 10.7.2.0/24; p2 discards 1-80 from the node addresses).
$ k8snet trace tests/data/overrides.xml d1 10.7.2.1:443 --format csv; k8snet trace tests/data/overrides.xml d1 10.7.2.1:444 --format csv; k8snet trace tests/data/overrides.xml d1 10.7.2.1:445 --format csv; k8snet trace tests/data/overrides.xml d1 10.7.2.1:444/UDP --format csv
> source,address,port,protocol,verdict,receiver,path
> d1,10.7.2.1,443,TCP,discarded,,d1>N1
> source,address,port,protocol,verdict,receiver,path
> d1,10.7.2.1,444,TCP,discarded,,d1>N1
> source,address,port,protocol,verdict,receiver,path
> d1,10.7.2.1,445,TCP,loop,,d1>N1>N2>p2>N2
> source,address,port,protocol,verdict,receiver,path
> d1,10.7.2.1,444,UDP,loop,,d1>N1>N2>p2>N2
$ k8snet trace tests/data/overrides.xml d1 10.7.2.1:80 --format csv; k8snet trace tests/data/overrides.xml d1 10.7.2.1:81 --format csv; k8snet trace tests/data/overrides.xml c1 10.7.2.1:80 --format csv
> source,address,port,protocol,verdict,receiver,path
> d1,10.7.2.1,80,TCP,discarded,,d1>N1>N2>p2
> source,address,port,protocol,verdict,receiver,path
> d1,10.7.2.1,81,TCP,loop,,d1>N1>N2>p2>N2
> source,address,port,protocol,verdict,receiver,path
> c1,10.7.2.1,80,TCP,delivered,c2,c1>p1>N1>N2>p2>c2

# An override delivers to a daemon on a port it does not open, for any
# protocol (the rule names none).
$ k8snet trace tests/data/overrides.xml d1 192.168.7.1:2222/UDP
> message from daemon d1 to 192.168.7.1:2222/UDP (source address 192.168.7.1)
>   d1 sends on its link to N1
>   at N1: rule 3 [* * 192.168.7.1 2222 *] deliver d1 (Override, spec line 40)
> verdict: delivered to d1, though no process opened the port
> path: d1>N1>d1

# A pod cut from its node: its containers reach nothing outside it.
$ k8snet trace tests/data/overrides.xml c3 10.7.1.1:80
> message from container c3 to 10.7.1.1:80/TCP (source address 10.7.2.2)
>   c3 sends on its link to p3
>   at p3: rule 3 [* * * * *] forward N2 (Local Forwarding Rule)
> verdict: discarded at p3: link down (p3 -- N2)
> path: c3>p3

# A daemon cut from its node, and an address that belongs to nobody.
$ k8snet trace tests/data/overrides.xml d2 192.168.7.2:22 --format csv; k8snet trace tests/data/overrides.xml c1 10.99.0.1:80 --format csv
> source,address,port,protocol,verdict,receiver,path
> d2,192.168.7.2,22,TCP,discarded,,d2
> source,address,port,protocol,verdict,receiver,path
> c1,10.99.0.1,80,TCP,discarded,,c1>p1>N1

# JSON: each hop's rule (position null where none matched), the reason and
# where ("at"). One case per verdict and per discard reason.
$ k8snet trace samples/what-if.xml C1 10.1.2.1:8080 --format json
> {"cluster":"what-if","source":"C1","source_address":"10.1.1.1","address":"10.1.2.1","port":8080,"protocol":"TCP","fates":[
> {"verdict":"delivered","receiver":"C2","path":["C1","P1","N1","N3","N2","P2","C2"],"reason":null,"class":"delivered","at":null,"hops":[{"switch":"P1","position":5,"origin":"Local Forwarding Rule","src":"*","dst":"*","dport":"*","protocol":"*","action":"forward","to":"N1"},{"switch":"N1","position":1,"origin":"Override","src":"*","dst":"10.1.2.0/24","dport":"8000-8999","protocol":"TCP","action":"forward","to":"N3","line":54},{"switch":"N3","position":4,"origin":"Node to Node Forwarding Rule","src":"*","dst":"10.1.2.1","dport":"*","protocol":"*","action":"forward","to":"N2"},{"switch":"N2","position":1,"origin":"Node to Pod Forwarding Rule","src":"*","dst":"10.1.2.1","dport":"*","protocol":"*","action":"forward","to":"P2"},{"switch":"P2","position":4,"origin":"Delivery on Pod Address","src":"*","dst":"10.1.2.1","dport":"8080","protocol":"TCP","action":"deliver","to":"C2"}]}
> ]}
! samples/what-if.xml:63: warning: 'C1' is not linked to switch 'P3': this rule discards what it matches

$ k8snet trace samples/what-if.xml C1 10.1.3.1:8443 --format json
> {"cluster":"what-if","source":"C1","source_address":"10.1.1.1","address":"10.1.3.1","port":8443,"protocol":"TCP","fates":[
> {"verdict":"discarded","receiver":null,"path":["C1","P1","N1","N3","P4"],"reason":"discard rule","class":"discarded","at":"P4","hops":[{"switch":"P1","position":5,"origin":"Local Forwarding Rule","src":"*","dst":"*","dport":"*","protocol":"*","action":"forward","to":"N1"},{"switch":"N1","position":5,"origin":"Node to Node Forwarding Rule","src":"*","dst":"10.1.3.1","dport":"*","protocol":"*","action":"forward","to":"N3"},{"switch":"N3","position":1,"origin":"Node to Pod Forwarding Rule","src":"*","dst":"10.1.3.1","dport":"*","protocol":"*","action":"forward","to":"P4"},{"switch":"P4","position":1,"origin":"Override","src":"10.1.1.0/24","dst":"*","dport":"8443","protocol":"*","action":"discard","to":null,"line":57}]}
> ]}
! samples/what-if.xml:63: warning: 'C1' is not linked to switch 'P3': this rule discards what it matches

$ k8snet trace samples/what-if.xml D1 10.1.2.1:9443 --format json
> {"cluster":"what-if","source":"D1","source_address":"192.168.0.1","address":"10.1.2.1","port":9443,"protocol":"TCP","fates":[
> {"verdict":"discarded","receiver":null,"path":["D1","N1"],"reason":"link down","class":"discarded","at":"N1","hops":[{"switch":"N1","position":4,"origin":"Node to Node Forwarding Rule","src":"*","dst":"10.1.2.1","dport":"*","protocol":"*","action":"forward","to":"N2"}]}
> ]}
! samples/what-if.xml:63: warning: 'C1' is not linked to switch 'P3': this rule discards what it matches

$ k8snet trace samples/what-if.xml C1b 10.1.2.1:8080 --format json
> {"cluster":"what-if","source":"C1b","source_address":"10.1.1.1","address":"10.1.2.1","port":8080,"protocol":"TCP","fates":[
> {"verdict":"discarded","receiver":null,"path":["C1b"],"reason":"link down","class":"discarded","at":"C1b","hops":[]}
> ]}
! samples/what-if.xml:63: warning: 'C1' is not linked to switch 'P3': this rule discards what it matches

$ k8snet trace samples/what-if.xml D1 10.1.1.2:8080 --format json
> {"cluster":"what-if","source":"D1","source_address":"192.168.0.1","address":"10.1.1.2","port":8080,"protocol":"TCP","fates":[
> {"verdict":"discarded","receiver":null,"path":["D1","N1","P3"],"reason":"no link","class":"discarded","at":"P3","hops":[{"switch":"N1","position":3,"origin":"Node to Pod Forwarding Rule","src":"*","dst":"10.1.1.2","dport":"*","protocol":"*","action":"forward","to":"P3"},{"switch":"P3","position":1,"origin":"Override","src":"*","dst":"10.1.1.2","dport":"8080","protocol":"*","action":"deliver","to":"C1","line":63}]}
> ]}
! samples/what-if.xml:63: warning: 'C1' is not linked to switch 'P3': this rule discards what it matches

$ k8snet trace samples/what-if.xml C4 10.1.2.1:9443 --format json
> {"cluster":"what-if","source":"C4","source_address":"10.1.3.1","address":"10.1.2.1","port":9443,"protocol":"TCP","fates":[
> {"verdict":"loop","receiver":null,"path":["C4","P4","N3","N2","P2","N2"],"reason":null,"class":"loop","at":"N2","hops":[{"switch":"P4","position":6,"origin":"Local Forwarding Rule","src":"*","dst":"*","dport":"*","protocol":"*","action":"forward","to":"N3"},{"switch":"N3","position":4,"origin":"Node to Node Forwarding Rule","src":"*","dst":"10.1.2.1","dport":"*","protocol":"*","action":"forward","to":"N2"},{"switch":"N2","position":1,"origin":"Node to Pod Forwarding Rule","src":"*","dst":"10.1.2.1","dport":"*","protocol":"*","action":"forward","to":"P2"},{"switch":"P2","position":1,"origin":"Override","src":"*","dst":"10.1.2.1","dport":"9443","protocol":"*","action":"forward","to":"N2","line":60}]}
> ]}
! samples/what-if.xml:63: warning: 'C1' is not linked to switch 'P3': this rule discards what it matches

$ k8snet trace samples/listening-daemons.xml nginx 192.168.1.3:53/UDP --format json
> {"cluster":"listening-daemons","source":"nginx","source_address":"10.2.1.1","address":"192.168.1.3","port":53,"protocol":"UDP","fates":[
> {"verdict":"discarded","receiver":null,"path":["nginx","web","N1"],"reason":"nothing listens on 192.168.1.3:53/UDP in node N3 (connection refused)","class":"nothing_listens","at":"N1","hops":[{"switch":"web","position":3,"origin":"Local Forwarding Rule","src":"*","dst":"*","dport":"*","protocol":"*","action":"forward","to":"N1"},{"switch":"N1","position":null}]}
> ]}

# CSV, one reason each (the CSV has no reason column: the path shows where).
$ k8snet trace samples/what-if.xml C1b 10.1.3.1:8080 --format csv 2>/dev/null; k8snet trace samples/what-if.xml D2 10.1.1.1:8080 --format csv 2>/dev/null; k8snet trace samples/what-if.xml C3 10.1.1.2:8080 --format csv 2>/dev/null
> source,address,port,protocol,verdict,receiver,path
> C1b,10.1.3.1,8080,TCP,discarded,,C1b
> source,address,port,protocol,verdict,receiver,path
> D2,10.1.1.1,8080,TCP,discarded,,D2>N2
> source,address,port,protocol,verdict,receiver,path
> C3,10.1.1.2,8080,TCP,discarded,,C3>P3

# The spec from standard input, and -o FILE.
$ k8snet trace - C1.1 10.1.2.1:8080 --format csv -o t.csv < samples/k1.xml && cat t.csv
> source,address,port,protocol,verdict,receiver,path
> C1.1,10.1.2.1,8080,TCP,delivered,C2.1,C1.1>P1>N1>N2>P2>C2.1

# --format dot: the Network Graph with the message's path marked, checked
# by Graphviz's own tools.
$ k8snet trace samples/k1.xml C1.1 10.1.2.1:8080 --format dot >t.dot && bash tests/dot-check.sh t.dot valid "nodes 16" "edges 15" "path C1.1 P1 N1 N2 P2 C2.1" && echo ok
> ok

$ k8snet trace samples/k1.xml C1.1 10.1.1.1:7777 --format dot >t.dot && bash tests/dot-check.sh t.dot valid "path C1.1 P1 N1 P1" && echo ok
> ok
