# reach: every (sender, destination) pair the reference model enumerates.
# The expected outputs were computed by hand from the model (k8snet(1), THE MODEL) (each
# spec's comment says what it exercises); the CSV header is the contract's.

# --ports open (the default): listening endpoints only. Senders in document
# order; for each, 127.0.0.1 (containers only: their own pod's ports), then
# pods, then nodes, ports ascending, then protocols by name. Overrides
# (first match wins, src prefixes, port ranges), a pod cut from its node
# and a daemon cut from its node (it sends nothing, nothing reaches it).
$ k8snet reach tests/data/overrides.xml --format csv
> source,address,port,protocol,verdict,receiver,path
> d1,10.7.1.1,53,UDP,delivered,c1,d1>N1>p1>c1
> d1,10.7.1.1,80,TCP,delivered,c1,d1>N1>p1>c1
> d1,10.7.1.1,443,TCP,delivered,c1,d1>N1>p1>c1
> d1,10.7.2.1,80,TCP,discarded,,d1>N1>N2>p2
> d1,10.7.2.1,443,TCP,discarded,,d1>N1
> d1,10.7.2.2,80,TCP,discarded,,d1>N1>N2
> d1,192.168.7.1,22,TCP,delivered,d1,d1>N1>d1
> d1,192.168.7.2,22,TCP,discarded,,d1>N1>N2
> c1,127.0.0.1,53,UDP,delivered,c1,c1>p1>c1
> c1,127.0.0.1,80,TCP,delivered,c1,c1>p1>c1
> c1,127.0.0.1,443,TCP,delivered,c1,c1>p1>c1
> c1,10.7.1.1,53,UDP,delivered,c1,c1>p1>c1
> c1,10.7.1.1,80,TCP,delivered,c1,c1>p1>c1
> c1,10.7.1.1,443,TCP,delivered,c1,c1>p1>c1
> c1,10.7.2.1,80,TCP,delivered,c2,c1>p1>N1>N2>p2>c2
> c1,10.7.2.1,443,TCP,discarded,,c1>p1>N1
> c1,10.7.2.2,80,TCP,discarded,,c1>p1>N1>N2
> c1,192.168.7.1,22,TCP,delivered,d1,c1>p1>N1>d1
> c1,192.168.7.2,22,TCP,discarded,,c1>p1>N1>N2
> d2,10.7.1.1,53,UDP,discarded,,d2
> d2,10.7.1.1,80,TCP,discarded,,d2
> d2,10.7.1.1,443,TCP,discarded,,d2
> d2,10.7.2.1,80,TCP,discarded,,d2
> d2,10.7.2.1,443,TCP,discarded,,d2
> d2,10.7.2.2,80,TCP,discarded,,d2
> d2,192.168.7.1,22,TCP,discarded,,d2
> d2,192.168.7.2,22,TCP,discarded,,d2
> c2,127.0.0.1,80,TCP,delivered,c2,c2>p2>c2
> c2,127.0.0.1,443,TCP,delivered,c2,c2>p2>c2
> c2,10.7.1.1,53,UDP,delivered,c1,c2>p2>N2>N1>p1>c1
> c2,10.7.1.1,80,TCP,delivered,c1,c2>p2>N2>N1>p1>c1
> c2,10.7.1.1,443,TCP,delivered,c1,c2>p2>N2>N1>p1>c1
> c2,10.7.2.1,80,TCP,delivered,c2,c2>p2>c2
> c2,10.7.2.1,443,TCP,delivered,c2,c2>p2>c2
> c2,10.7.2.2,80,TCP,discarded,,c2>p2>N2
> c2,192.168.7.1,22,TCP,delivered,d1,c2>p2>N2>N1>d1
> c2,192.168.7.2,22,TCP,discarded,,c2>p2>N2
> c3,127.0.0.1,80,TCP,delivered,c3,c3>p3>c3
> c3,10.7.1.1,53,UDP,discarded,,c3>p3
> c3,10.7.1.1,80,TCP,discarded,,c3>p3
> c3,10.7.1.1,443,TCP,discarded,,c3>p3
> c3,10.7.2.1,80,TCP,discarded,,c3>p3
> c3,10.7.2.1,443,TCP,discarded,,c3>p3
> c3,10.7.2.2,80,TCP,delivered,c3,c3>p3>c3
> c3,192.168.7.1,22,TCP,discarded,,c3>p3
> c3,192.168.7.2,22,TCP,discarded,,c3>p3

# Saying --ports open gives the same bytes as the default.
$ k8snet reach tests/data/overrides.xml --ports open --format csv >a.csv && k8snet reach tests/data/overrides.xml --format csv | cmp - a.csv && wc -l <a.csv
> 47

# A daemon that listens is an endpoint at its node's address; 80/SCTP and
# 80/TCP are two endpoints and SCTP sorts first. B has no listening daemon,
# so its address is no destination at all.
$ k8snet reach tests/data/two-nodes.xml --format csv
> source,address,port,protocol,verdict,receiver,path
> dA,10.9.1.1,80,TCP,delivered,ca,dA>A>pa>ca
> dA,10.9.2.1,80,SCTP,delivered,cb,dA>A>B>pb>cb
> dA,10.9.2.1,80,TCP,delivered,cb,dA>A>B>pb>cb
> dA,192.168.9.1,53,UDP,delivered,dA,dA>A>dA
> ca,127.0.0.1,80,TCP,delivered,ca,ca>pa>ca
> ca,10.9.1.1,80,TCP,delivered,ca,ca>pa>ca
> ca,10.9.2.1,80,SCTP,delivered,cb,ca>pa>A>B>pb>cb
> ca,10.9.2.1,80,TCP,delivered,cb,ca>pa>A>B>pb>cb
> ca,192.168.9.1,53,UDP,delivered,dA,ca>pa>A>dA
> dB,10.9.1.1,80,TCP,delivered,ca,dB>B>A>pa>ca
> dB,10.9.2.1,80,SCTP,delivered,cb,dB>B>pb>cb
> dB,10.9.2.1,80,TCP,delivered,cb,dB>B>pb>cb
> dB,192.168.9.1,53,UDP,delivered,dA,dB>B>A>dA
> cb,127.0.0.1,80,SCTP,delivered,cb,cb>pb>cb
> cb,127.0.0.1,80,TCP,delivered,cb,cb>pb>cb
> cb,10.9.1.1,80,TCP,delivered,ca,cb>pb>B>A>pa>ca
> cb,10.9.2.1,80,SCTP,delivered,cb,cb>pb>cb
> cb,10.9.2.1,80,TCP,delivered,cb,cb>pb>cb
> cb,192.168.9.1,53,UDP,delivered,dA,cb>pb>B>A>dA

# --ports all: every address (127.0.0.1 for containers, then pods, then
# nodes) crossed with every (port, protocol) any process opens: 53/UDP,
# 80/SCTP, 80/TCP. Every verdict: a closed port of a pod loops between pod
# and node; a node address without the port is discarded (no matching
# rule), and so is 127.0.0.1 once it leaves the pod.
$ k8snet reach tests/data/two-nodes.xml --ports all --format csv
> source,address,port,protocol,verdict,receiver,path
> dA,10.9.1.1,53,UDP,loop,,dA>A>pa>A
> dA,10.9.1.1,80,SCTP,loop,,dA>A>pa>A
> dA,10.9.1.1,80,TCP,delivered,ca,dA>A>pa>ca
> dA,10.9.2.1,53,UDP,loop,,dA>A>B>pb>B
> dA,10.9.2.1,80,SCTP,delivered,cb,dA>A>B>pb>cb
> dA,10.9.2.1,80,TCP,delivered,cb,dA>A>B>pb>cb
> dA,192.168.9.1,53,UDP,delivered,dA,dA>A>dA
> dA,192.168.9.1,80,SCTP,discarded,,dA>A
> dA,192.168.9.1,80,TCP,discarded,,dA>A
> dA,192.168.9.2,53,UDP,discarded,,dA>A
> dA,192.168.9.2,80,SCTP,discarded,,dA>A
> dA,192.168.9.2,80,TCP,discarded,,dA>A
> ca,127.0.0.1,53,UDP,discarded,,ca>pa>A
> ca,127.0.0.1,80,SCTP,discarded,,ca>pa>A
> ca,127.0.0.1,80,TCP,delivered,ca,ca>pa>ca
> ca,10.9.1.1,53,UDP,loop,,ca>pa>A>pa
> ca,10.9.1.1,80,SCTP,loop,,ca>pa>A>pa
> ca,10.9.1.1,80,TCP,delivered,ca,ca>pa>ca
> ca,10.9.2.1,53,UDP,loop,,ca>pa>A>B>pb>B
> ca,10.9.2.1,80,SCTP,delivered,cb,ca>pa>A>B>pb>cb
> ca,10.9.2.1,80,TCP,delivered,cb,ca>pa>A>B>pb>cb
> ca,192.168.9.1,53,UDP,delivered,dA,ca>pa>A>dA
> ca,192.168.9.1,80,SCTP,discarded,,ca>pa>A
> ca,192.168.9.1,80,TCP,discarded,,ca>pa>A
> ca,192.168.9.2,53,UDP,discarded,,ca>pa>A
> ca,192.168.9.2,80,SCTP,discarded,,ca>pa>A
> ca,192.168.9.2,80,TCP,discarded,,ca>pa>A
> dB,10.9.1.1,53,UDP,loop,,dB>B>A>pa>A
> dB,10.9.1.1,80,SCTP,loop,,dB>B>A>pa>A
> dB,10.9.1.1,80,TCP,delivered,ca,dB>B>A>pa>ca
> dB,10.9.2.1,53,UDP,loop,,dB>B>pb>B
> dB,10.9.2.1,80,SCTP,delivered,cb,dB>B>pb>cb
> dB,10.9.2.1,80,TCP,delivered,cb,dB>B>pb>cb
> dB,192.168.9.1,53,UDP,delivered,dA,dB>B>A>dA
> dB,192.168.9.1,80,SCTP,discarded,,dB>B>A
> dB,192.168.9.1,80,TCP,discarded,,dB>B>A
> dB,192.168.9.2,53,UDP,discarded,,dB>B
> dB,192.168.9.2,80,SCTP,discarded,,dB>B
> dB,192.168.9.2,80,TCP,discarded,,dB>B
> cb,127.0.0.1,53,UDP,discarded,,cb>pb>B
> cb,127.0.0.1,80,SCTP,delivered,cb,cb>pb>cb
> cb,127.0.0.1,80,TCP,delivered,cb,cb>pb>cb
> cb,10.9.1.1,53,UDP,loop,,cb>pb>B>A>pa>A
> cb,10.9.1.1,80,SCTP,loop,,cb>pb>B>A>pa>A
> cb,10.9.1.1,80,TCP,delivered,ca,cb>pb>B>A>pa>ca
> cb,10.9.2.1,53,UDP,loop,,cb>pb>B>pb
> cb,10.9.2.1,80,SCTP,delivered,cb,cb>pb>cb
> cb,10.9.2.1,80,TCP,delivered,cb,cb>pb>cb
> cb,192.168.9.1,53,UDP,delivered,dA,cb>pb>B>A>dA
> cb,192.168.9.1,80,SCTP,discarded,,cb>pb>B>A
> cb,192.168.9.1,80,TCP,discarded,,cb>pb>B>A
> cb,192.168.9.2,53,UDP,discarded,,cb>pb>B
> cb,192.168.9.2,80,SCTP,discarded,,cb>pb>B
> cb,192.168.9.2,80,TCP,discarded,,cb>pb>B

# JSON: the same rows plus reason, the switch it happened at ("at") and the
# rule that decided (null when none matched). The free-text cluster name is
# escaped as a JSON string.
$ k8snet reach tests/data/one-node.xml --format json
> {"cluster":"one \"node\" \\ & < é","ports":"open","rows":[
> {"source":"d","address":"10.5.0.1","port":80,"protocol":"TCP","verdict":"delivered","receiver":"c","path":["d","N","p","c"],"reason":null,"class":"delivered","at":null,"rule":{"switch":"p","position":2,"origin":"Delivery on Pod Address","src":"*","dst":"10.5.0.1","dport":"80","protocol":"TCP","action":"deliver","to":"c"}},
> {"source":"d","address":"192.168.5.1","port":7,"protocol":"UDP","verdict":"delivered","receiver":"d","path":["d","N","d"],"reason":null,"class":"delivered","at":null,"rule":{"switch":"N","position":1,"origin":"Delivery on Node Address","src":"*","dst":"192.168.5.1","dport":"7","protocol":"UDP","action":"deliver","to":"d"}},
> {"source":"c","address":"127.0.0.1","port":80,"protocol":"TCP","verdict":"delivered","receiver":"c","path":["c","p","c"],"reason":null,"class":"delivered","at":null,"rule":{"switch":"p","position":1,"origin":"Delivery on localhost","src":"*","dst":"127.0.0.1","dport":"80","protocol":"TCP","action":"deliver","to":"c"}},
> {"source":"c","address":"10.5.0.1","port":80,"protocol":"TCP","verdict":"delivered","receiver":"c","path":["c","p","c"],"reason":null,"class":"delivered","at":null,"rule":{"switch":"p","position":2,"origin":"Delivery on Pod Address","src":"*","dst":"10.5.0.1","dport":"80","protocol":"TCP","action":"deliver","to":"c"}},
> {"source":"c","address":"192.168.5.1","port":7,"protocol":"UDP","verdict":"delivered","receiver":"d","path":["c","p","N","d"],"reason":null,"class":"delivered","at":null,"rule":{"switch":"N","position":1,"origin":"Delivery on Node Address","src":"*","dst":"192.168.5.1","dport":"7","protocol":"UDP","action":"deliver","to":"d"}}
> ],"summary":{"pairs":5,"delivered":5,"discarded":0,"loop":0,"classes":{"delivered":5,"outside":0,"denied":0,"nothing_listens":0,"misdelivered":0,"discarded":0,"loop":0}}}

# JSON with every verdict: for a loop, "at" is the switch reached twice and
# "rule" the one that sent the message back to it.
$ k8snet reach tests/data/one-node.xml --ports all --format json
> {"cluster":"one \"node\" \\ & < é","ports":"all","rows":[
> {"source":"d","address":"10.5.0.1","port":7,"protocol":"UDP","verdict":"loop","receiver":null,"path":["d","N","p","N"],"reason":"nothing listens on 10.5.0.1:7/UDP in pod p (connection refused)","class":"nothing_listens","at":"N","rule":{"switch":"p","position":3,"origin":"Local Forwarding Rule","src":"*","dst":"*","dport":"*","protocol":"*","action":"forward","to":"N"}},
> {"source":"d","address":"10.5.0.1","port":80,"protocol":"TCP","verdict":"delivered","receiver":"c","path":["d","N","p","c"],"reason":null,"class":"delivered","at":null,"rule":{"switch":"p","position":2,"origin":"Delivery on Pod Address","src":"*","dst":"10.5.0.1","dport":"80","protocol":"TCP","action":"deliver","to":"c"}},
> {"source":"d","address":"192.168.5.1","port":7,"protocol":"UDP","verdict":"delivered","receiver":"d","path":["d","N","d"],"reason":null,"class":"delivered","at":null,"rule":{"switch":"N","position":1,"origin":"Delivery on Node Address","src":"*","dst":"192.168.5.1","dport":"7","protocol":"UDP","action":"deliver","to":"d"}},
> {"source":"d","address":"192.168.5.1","port":80,"protocol":"TCP","verdict":"discarded","receiver":null,"path":["d","N"],"reason":"nothing listens on 192.168.5.1:80/TCP in node N (connection refused)","class":"nothing_listens","at":"N","rule":null},
> {"source":"c","address":"127.0.0.1","port":7,"protocol":"UDP","verdict":"discarded","receiver":null,"path":["c","p","N"],"reason":"nothing listens on 127.0.0.1:7/UDP in pod p (connection refused)","class":"nothing_listens","at":"N","rule":null},
> {"source":"c","address":"127.0.0.1","port":80,"protocol":"TCP","verdict":"delivered","receiver":"c","path":["c","p","c"],"reason":null,"class":"delivered","at":null,"rule":{"switch":"p","position":1,"origin":"Delivery on localhost","src":"*","dst":"127.0.0.1","dport":"80","protocol":"TCP","action":"deliver","to":"c"}},
> {"source":"c","address":"10.5.0.1","port":7,"protocol":"UDP","verdict":"loop","receiver":null,"path":["c","p","N","p"],"reason":"nothing listens on 10.5.0.1:7/UDP in pod p (connection refused)","class":"nothing_listens","at":"p","rule":{"switch":"N","position":2,"origin":"Node to Pod Forwarding Rule","src":"*","dst":"10.5.0.1","dport":"*","protocol":"*","action":"forward","to":"p"}},
> {"source":"c","address":"10.5.0.1","port":80,"protocol":"TCP","verdict":"delivered","receiver":"c","path":["c","p","c"],"reason":null,"class":"delivered","at":null,"rule":{"switch":"p","position":2,"origin":"Delivery on Pod Address","src":"*","dst":"10.5.0.1","dport":"80","protocol":"TCP","action":"deliver","to":"c"}},
> {"source":"c","address":"192.168.5.1","port":7,"protocol":"UDP","verdict":"delivered","receiver":"d","path":["c","p","N","d"],"reason":null,"class":"delivered","at":null,"rule":{"switch":"N","position":1,"origin":"Delivery on Node Address","src":"*","dst":"192.168.5.1","dport":"7","protocol":"UDP","action":"deliver","to":"d"}},
> {"source":"c","address":"192.168.5.1","port":80,"protocol":"TCP","verdict":"discarded","receiver":null,"path":["c","p","N"],"reason":"nothing listens on 192.168.5.1:80/TCP in node N (connection refused)","class":"nothing_listens","at":"N","rule":null}
> ],"summary":{"pairs":10,"delivered":5,"discarded":3,"loop":2,"classes":{"delivered":5,"outside":0,"denied":0,"nothing_listens":5,"misdelivered":0,"discarded":0,"loop":0}}}

# JSON rows carry the same verdicts, receivers and paths as the CSV rows.
$ k8snet reach samples/what-if.xml --format json 2>/dev/null | grep -c '^{"source"'; k8snet reach samples/what-if.xml --format json 2>/dev/null | tail -1
> 58
> ],"summary":{"pairs":58,"delivered":26,"discarded":29,"loop":3,"classes":{"delivered":26,"outside":0,"denied":0,"nothing_listens":0,"misdelivered":0,"discarded":29,"loop":3}}}

# Text: a truth table for people. Rows are senders, columns destinations
# (numbered, listed below the table), "." where the pair is not asked.
$ k8snet reach tests/data/one-node.xml --ports all
> reachability of cluster one "node" \ & < é (--ports all): 2 senders x 6 destinations
>
> sender 123456
> d      ..o++o
> c      o+o++o
>
> destinations:
> 1  127.0.0.1:7/UDP        (the sender's own pod)
> 2  127.0.0.1:80/TCP       (the sender's own pod)
> 3  10.5.0.1:7/UDP         p
> 4  10.5.0.1:80/TCP        p
> 5  192.168.5.1:7/UDP      N
> 6  192.168.5.1:80/TCP     N
>
> legend: + delivered  > discarded outside the cluster  - denied by a policy  o nothing listens  ! delivered to another process  x discarded  @ loop  . not a pair of this sender
> summary: 10 pairs: 5 delivered, 5 nothing listens

# Text is the default format; with ten or more columns, the column numbers
# are written vertically. In --ports open, the 127.0.0.1 columns are the
# union of the pods' ports; each container is asked only its own pod's.
$ k8snet reach tests/data/overrides.xml
> reachability of cluster overrides (--ports open): 5 senders x 11 destinations
>
>                 11
> sender 12345678901
> d1     ...+++xxx+x
> c1     +++++++xx+x
> d2     ...xxxxxxxx
> c2     .+++++++x+x
> c3     .+.xxxxx+xx
>
> destinations:
>  1  127.0.0.1:53/UDP       (the sender's own pod)
>  2  127.0.0.1:80/TCP       (the sender's own pod)
>  3  127.0.0.1:443/TCP      (the sender's own pod)
>  4  10.7.1.1:53/UDP        p1
>  5  10.7.1.1:80/TCP        p1
>  6  10.7.1.1:443/TCP       p1
>  7  10.7.2.1:80/TCP        p2
>  8  10.7.2.1:443/TCP       p2
>  9  10.7.2.2:80/TCP        p3
> 10  192.168.7.1:22/TCP     N1
> 11  192.168.7.2:22/TCP     N2
>
> legend: + delivered  > discarded outside the cluster  - denied by a policy  o nothing listens  ! delivered to another process  x discarded  @ loop  . not a pair of this sender
> summary: 46 pairs: 22 delivered, 24 discarded

# The spec from standard input: "-" (messages would name it <stdin>).
$ k8snet reach - --format csv < tests/data/two-nodes.xml
> source,address,port,protocol,verdict,receiver,path
> dA,10.9.1.1,80,TCP,delivered,ca,dA>A>pa>ca
> dA,10.9.2.1,80,SCTP,delivered,cb,dA>A>B>pb>cb
> dA,10.9.2.1,80,TCP,delivered,cb,dA>A>B>pb>cb
> dA,192.168.9.1,53,UDP,delivered,dA,dA>A>dA
> ca,127.0.0.1,80,TCP,delivered,ca,ca>pa>ca
> ca,10.9.1.1,80,TCP,delivered,ca,ca>pa>ca
> ca,10.9.2.1,80,SCTP,delivered,cb,ca>pa>A>B>pb>cb
> ca,10.9.2.1,80,TCP,delivered,cb,ca>pa>A>B>pb>cb
> ca,192.168.9.1,53,UDP,delivered,dA,ca>pa>A>dA
> dB,10.9.1.1,80,TCP,delivered,ca,dB>B>A>pa>ca
> dB,10.9.2.1,80,SCTP,delivered,cb,dB>B>pb>cb
> dB,10.9.2.1,80,TCP,delivered,cb,dB>B>pb>cb
> dB,192.168.9.1,53,UDP,delivered,dA,dB>B>A>dA
> cb,127.0.0.1,80,SCTP,delivered,cb,cb>pb>cb
> cb,127.0.0.1,80,TCP,delivered,cb,cb>pb>cb
> cb,10.9.1.1,80,TCP,delivered,ca,cb>pb>B>A>pa>ca
> cb,10.9.2.1,80,SCTP,delivered,cb,cb>pb>cb
> cb,10.9.2.1,80,TCP,delivered,cb,cb>pb>cb
> cb,192.168.9.1,53,UDP,delivered,dA,cb>pb>B>A>dA

# -o FILE: nothing on standard output, the same bytes in FILE.
$ k8snet reach tests/data/two-nodes.xml --ports all --format csv -o all.csv && cat all.csv
> source,address,port,protocol,verdict,receiver,path
> dA,10.9.1.1,53,UDP,loop,,dA>A>pa>A
> dA,10.9.1.1,80,SCTP,loop,,dA>A>pa>A
> dA,10.9.1.1,80,TCP,delivered,ca,dA>A>pa>ca
> dA,10.9.2.1,53,UDP,loop,,dA>A>B>pb>B
> dA,10.9.2.1,80,SCTP,delivered,cb,dA>A>B>pb>cb
> dA,10.9.2.1,80,TCP,delivered,cb,dA>A>B>pb>cb
> dA,192.168.9.1,53,UDP,delivered,dA,dA>A>dA
> dA,192.168.9.1,80,SCTP,discarded,,dA>A
> dA,192.168.9.1,80,TCP,discarded,,dA>A
> dA,192.168.9.2,53,UDP,discarded,,dA>A
> dA,192.168.9.2,80,SCTP,discarded,,dA>A
> dA,192.168.9.2,80,TCP,discarded,,dA>A
> ca,127.0.0.1,53,UDP,discarded,,ca>pa>A
> ca,127.0.0.1,80,SCTP,discarded,,ca>pa>A
> ca,127.0.0.1,80,TCP,delivered,ca,ca>pa>ca
> ca,10.9.1.1,53,UDP,loop,,ca>pa>A>pa
> ca,10.9.1.1,80,SCTP,loop,,ca>pa>A>pa
> ca,10.9.1.1,80,TCP,delivered,ca,ca>pa>ca
> ca,10.9.2.1,53,UDP,loop,,ca>pa>A>B>pb>B
> ca,10.9.2.1,80,SCTP,delivered,cb,ca>pa>A>B>pb>cb
> ca,10.9.2.1,80,TCP,delivered,cb,ca>pa>A>B>pb>cb
> ca,192.168.9.1,53,UDP,delivered,dA,ca>pa>A>dA
> ca,192.168.9.1,80,SCTP,discarded,,ca>pa>A
> ca,192.168.9.1,80,TCP,discarded,,ca>pa>A
> ca,192.168.9.2,53,UDP,discarded,,ca>pa>A
> ca,192.168.9.2,80,SCTP,discarded,,ca>pa>A
> ca,192.168.9.2,80,TCP,discarded,,ca>pa>A
> dB,10.9.1.1,53,UDP,loop,,dB>B>A>pa>A
> dB,10.9.1.1,80,SCTP,loop,,dB>B>A>pa>A
> dB,10.9.1.1,80,TCP,delivered,ca,dB>B>A>pa>ca
> dB,10.9.2.1,53,UDP,loop,,dB>B>pb>B
> dB,10.9.2.1,80,SCTP,delivered,cb,dB>B>pb>cb
> dB,10.9.2.1,80,TCP,delivered,cb,dB>B>pb>cb
> dB,192.168.9.1,53,UDP,delivered,dA,dB>B>A>dA
> dB,192.168.9.1,80,SCTP,discarded,,dB>B>A
> dB,192.168.9.1,80,TCP,discarded,,dB>B>A
> dB,192.168.9.2,53,UDP,discarded,,dB>B
> dB,192.168.9.2,80,SCTP,discarded,,dB>B
> dB,192.168.9.2,80,TCP,discarded,,dB>B
> cb,127.0.0.1,53,UDP,discarded,,cb>pb>B
> cb,127.0.0.1,80,SCTP,delivered,cb,cb>pb>cb
> cb,127.0.0.1,80,TCP,delivered,cb,cb>pb>cb
> cb,10.9.1.1,53,UDP,loop,,cb>pb>B>A>pa>A
> cb,10.9.1.1,80,SCTP,loop,,cb>pb>B>A>pa>A
> cb,10.9.1.1,80,TCP,delivered,ca,cb>pb>B>A>pa>ca
> cb,10.9.2.1,53,UDP,loop,,cb>pb>B>pb
> cb,10.9.2.1,80,SCTP,delivered,cb,cb>pb>cb
> cb,10.9.2.1,80,TCP,delivered,cb,cb>pb>cb
> cb,192.168.9.1,53,UDP,delivered,dA,cb>pb>B>A>dA
> cb,192.168.9.1,80,SCTP,discarded,,cb>pb>B>A
> cb,192.168.9.1,80,TCP,discarded,,cb>pb>B>A
> cb,192.168.9.2,53,UDP,discarded,,cb>pb>B
> cb,192.168.9.2,80,SCTP,discarded,,cb>pb>B
> cb,192.168.9.2,80,TCP,discarded,,cb>pb>B

# -o - is standard output.
$ k8snet reach tests/data/two-nodes.xml --format csv -o -
> source,address,port,protocol,verdict,receiver,path
> dA,10.9.1.1,80,TCP,delivered,ca,dA>A>pa>ca
> dA,10.9.2.1,80,SCTP,delivered,cb,dA>A>B>pb>cb
> dA,10.9.2.1,80,TCP,delivered,cb,dA>A>B>pb>cb
> dA,192.168.9.1,53,UDP,delivered,dA,dA>A>dA
> ca,127.0.0.1,80,TCP,delivered,ca,ca>pa>ca
> ca,10.9.1.1,80,TCP,delivered,ca,ca>pa>ca
> ca,10.9.2.1,80,SCTP,delivered,cb,ca>pa>A>B>pb>cb
> ca,10.9.2.1,80,TCP,delivered,cb,ca>pa>A>B>pb>cb
> ca,192.168.9.1,53,UDP,delivered,dA,ca>pa>A>dA
> dB,10.9.1.1,80,TCP,delivered,ca,dB>B>A>pa>ca
> dB,10.9.2.1,80,SCTP,delivered,cb,dB>B>pb>cb
> dB,10.9.2.1,80,TCP,delivered,cb,dB>B>pb>cb
> dB,192.168.9.1,53,UDP,delivered,dA,dB>B>A>dA
> cb,127.0.0.1,80,SCTP,delivered,cb,cb>pb>cb
> cb,127.0.0.1,80,TCP,delivered,cb,cb>pb>cb
> cb,10.9.1.1,80,TCP,delivered,ca,cb>pb>B>A>pa>ca
> cb,10.9.2.1,80,SCTP,delivered,cb,cb>pb>cb
> cb,10.9.2.1,80,TCP,delivered,cb,cb>pb>cb
> cb,192.168.9.1,53,UDP,delivered,dA,cb>pb>B>A>dA
