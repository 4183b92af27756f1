# The reference model's worked examples on K1 (k8snet(1), THE MODEL).
$ k8snet trace samples/k1.xml C1.1 127.0.0.1:9090 --format csv
> source,address,port,protocol,verdict,receiver,path
> C1.1,127.0.0.1,9090,TCP,delivered,C1.2,C1.1>P1>C1.2

$ k8snet trace samples/k1.xml C1.1 10.1.1.2:8080 --format csv
> source,address,port,protocol,verdict,receiver,path
> C1.1,10.1.1.2,8080,TCP,delivered,C3.1,C1.1>P1>N1>P3>C3.1

$ k8snet trace samples/k1.xml C1.1 10.1.2.1:8080 --format csv
> source,address,port,protocol,verdict,receiver,path
> C1.1,10.1.2.1,8080,TCP,delivered,C2.1,C1.1>P1>N1>N2>P2>C2.1

$ k8snet trace samples/k1.xml D1 10.1.1.1:8080 --format csv
> source,address,port,protocol,verdict,receiver,path
> D1,10.1.1.1,8080,TCP,delivered,C1.1,D1>N1>P1>C1.1

$ k8snet trace samples/k1.xml C1.1 10.1.1.1:7777 --format csv
> source,address,port,protocol,verdict,receiver,path
> C1.1,10.1.1.1,7777,TCP,loop,,C1.1>P1>N1>P1

$ k8snet trace samples/k1.xml C1.1 127.0.0.1:7777 --format csv
> source,address,port,protocol,verdict,receiver,path
> C1.1,127.0.0.1,7777,TCP,discarded,,C1.1>P1>N1

# The contract's FIB example.
$ k8snet fib samples/k1.xml --switch P2 --format csv
> switch,position,src,dst,dport,protocol,action,to,origin
> P2,1,*,127.0.0.1,8080,TCP,deliver,C2.1,Delivery on localhost
> P2,2,*,127.0.0.1,9090,TCP,deliver,C2.2,Delivery on localhost
> P2,3,*,10.1.2.1,8080,TCP,deliver,C2.1,Delivery on Pod Address
> P2,4,*,10.1.2.1,9090,TCP,deliver,C2.2,Delivery on Pod Address
> P2,5,*,*,*,*,forward,N2,Local Forwarding Rule

# The six examples again, as text: each hop with the rule that matched
# (its position in the switch's table and its name), the verdict, the path.
$ k8snet trace samples/k1.xml C1.1 127.0.0.1:9090
> message from container C1.1 to 127.0.0.1:9090/TCP (source address 127.0.0.1)
>   C1.1 sends on its link to P1
>   at P1: rule 2 [* * 127.0.0.1 9090 TCP] deliver C1.2 (Delivery on localhost)
> verdict: delivered to C1.2
> path: C1.1>P1>C1.2

$ k8snet trace samples/k1.xml C1.1 10.1.1.2:8080
> message from container C1.1 to 10.1.1.2:8080/TCP (source address 10.1.1.1)
>   C1.1 sends on its link to P1
>   at P1: rule 5 [* * * * *] forward N1 (Local Forwarding Rule)
>   at N1: rule 2 [* * 10.1.1.2 * *] forward P3 (Node to Pod Forwarding Rule)
>   at P3: rule 3 [* * 10.1.1.2 8080 TCP] deliver C3.1 (Delivery on Pod Address)
> verdict: delivered to C3.1
> path: C1.1>P1>N1>P3>C3.1

$ k8snet trace samples/k1.xml C1.1 10.1.2.1:8080
> message from container C1.1 to 10.1.2.1:8080/TCP (source address 10.1.1.1)
>   C1.1 sends on its link to P1
>   at P1: rule 5 [* * * * *] forward N1 (Local Forwarding Rule)
>   at N1: rule 3 [* * 10.1.2.1 * *] forward N2 (Node to Node Forwarding Rule)
>   at N2: rule 1 [* * 10.1.2.1 * *] forward P2 (Node to Pod Forwarding Rule)
>   at P2: rule 3 [* * 10.1.2.1 8080 TCP] deliver C2.1 (Delivery on Pod Address)
> verdict: delivered to C2.1
> path: C1.1>P1>N1>N2>P2>C2.1

$ k8snet trace samples/k1.xml D1 10.1.1.1:8080
> message from daemon D1 to 10.1.1.1:8080/TCP (source address 192.168.0.1)
>   D1 sends on its link to N1
>   at N1: rule 1 [* * 10.1.1.1 * *] forward P1 (Node to Pod Forwarding Rule)
>   at P1: rule 3 [* * 10.1.1.1 8080 TCP] deliver C1.1 (Delivery on Pod Address)
> verdict: delivered to C1.1
> path: D1>N1>P1>C1.1

$ k8snet trace samples/k1.xml C1.1 10.1.1.1:7777
> message from container C1.1 to 10.1.1.1:7777/TCP (source address 10.1.1.1)
>   C1.1 sends on its link to P1
>   at P1: rule 5 [* * * * *] forward N1 (Local Forwarding Rule)
>   at N1: rule 1 [* * 10.1.1.1 * *] forward P1 (Node to Pod Forwarding Rule)
> verdict: nothing listens on 10.1.1.1:7777/TCP in pod P1 (connection refused)
> path: C1.1>P1>N1>P1

$ k8snet trace samples/k1.xml C1.1 127.0.0.1:7777
> message from container C1.1 to 127.0.0.1:7777/TCP (source address 127.0.0.1)
>   C1.1 sends on its link to P1
>   at P1: rule 5 [* * * * *] forward N1 (Local Forwarding Rule)
>   at N1: no rule matches
> verdict: nothing listens on 127.0.0.1:7777/TCP in pod P1 (connection refused)
> path: C1.1>P1>N1

# The loop in JSON: "at" is the switch reached twice, the last hop's rule
# the one that sent the message back.
$ k8snet trace samples/k1.xml C1.1 10.1.1.1:7777 --format json
> {"cluster":"K1","source":"C1.1","source_address":"10.1.1.1","address":"10.1.1.1","port":7777,"protocol":"TCP","fates":[
> {"verdict":"loop","receiver":null,"path":["C1.1","P1","N1","P1"],"reason":"nothing listens on 10.1.1.1:7777/TCP in pod P1 (connection refused)","class":"nothing_listens","at":"P1","hops":[{"switch":"P1","position":5,"origin":"Local Forwarding Rule","src":"*","dst":"*","dport":"*","protocol":"*","action":"forward","to":"N1"},{"switch":"N1","position":1,"origin":"Node to Pod Forwarding Rule","src":"*","dst":"10.1.1.1","dport":"*","protocol":"*","action":"forward","to":"P1"}]}
> ]}

# Every FIB of K1: the model's tables exactly (its daemons open nothing,
# so no node delivers and no node routes to another's address).
$ k8snet fib samples/k1.xml --format csv
> switch,position,src,dst,dport,protocol,action,to,origin
> N1,1,*,10.1.1.1,*,*,forward,P1,Node to Pod Forwarding Rule
> N1,2,*,10.1.1.2,*,*,forward,P3,Node to Pod Forwarding Rule
> N1,3,*,10.1.2.1,*,*,forward,N2,Node to Node Forwarding Rule
> N1,4,*,10.1.2.2,*,*,forward,N2,Node to Node Forwarding Rule
> P1,1,*,127.0.0.1,8080,TCP,deliver,C1.1,Delivery on localhost
> P1,2,*,127.0.0.1,9090,TCP,deliver,C1.2,Delivery on localhost
> P1,3,*,10.1.1.1,8080,TCP,deliver,C1.1,Delivery on Pod Address
> P1,4,*,10.1.1.1,9090,TCP,deliver,C1.2,Delivery on Pod Address
> P1,5,*,*,*,*,forward,N1,Local Forwarding Rule
> P3,1,*,127.0.0.1,8080,TCP,deliver,C3.1,Delivery on localhost
> P3,2,*,127.0.0.1,9090,TCP,deliver,C3.2,Delivery on localhost
> P3,3,*,10.1.1.2,8080,TCP,deliver,C3.1,Delivery on Pod Address
> P3,4,*,10.1.1.2,9090,TCP,deliver,C3.2,Delivery on Pod Address
> P3,5,*,*,*,*,forward,N1,Local Forwarding Rule
> N2,1,*,10.1.2.1,*,*,forward,P2,Node to Pod Forwarding Rule
> N2,2,*,10.1.2.2,*,*,forward,P4,Node to Pod Forwarding Rule
> N2,3,*,10.1.1.1,*,*,forward,N1,Node to Node Forwarding Rule
> N2,4,*,10.1.1.2,*,*,forward,N1,Node to Node Forwarding Rule
> P2,1,*,127.0.0.1,8080,TCP,deliver,C2.1,Delivery on localhost
> P2,2,*,127.0.0.1,9090,TCP,deliver,C2.2,Delivery on localhost
> P2,3,*,10.1.2.1,8080,TCP,deliver,C2.1,Delivery on Pod Address
> P2,4,*,10.1.2.1,9090,TCP,deliver,C2.2,Delivery on Pod Address
> P2,5,*,*,*,*,forward,N2,Local Forwarding Rule
> P4,1,*,127.0.0.1,8080,TCP,deliver,C4.1,Delivery on localhost
> P4,2,*,127.0.0.1,9090,TCP,deliver,C4.2,Delivery on localhost
> P4,3,*,10.1.2.2,8080,TCP,deliver,C4.1,Delivery on Pod Address
> P4,4,*,10.1.2.2,9090,TCP,deliver,C4.2,Delivery on Pod Address
> P4,5,*,*,*,*,forward,N2,Local Forwarding Rule

# K1's reachability: every listening endpoint from every sender, all
# delivered (the Kubernetes network model holds). Senders in document
# order: D1, C1.1, C1.2, C3.1, ...
$ k8snet reach samples/k1.xml --format csv
> source,address,port,protocol,verdict,receiver,path
> D1,10.1.1.1,8080,TCP,delivered,C1.1,D1>N1>P1>C1.1
> D1,10.1.1.1,9090,TCP,delivered,C1.2,D1>N1>P1>C1.2
> D1,10.1.1.2,8080,TCP,delivered,C3.1,D1>N1>P3>C3.1
> D1,10.1.1.2,9090,TCP,delivered,C3.2,D1>N1>P3>C3.2
> D1,10.1.2.1,8080,TCP,delivered,C2.1,D1>N1>N2>P2>C2.1
> D1,10.1.2.1,9090,TCP,delivered,C2.2,D1>N1>N2>P2>C2.2
> D1,10.1.2.2,8080,TCP,delivered,C4.1,D1>N1>N2>P4>C4.1
> D1,10.1.2.2,9090,TCP,delivered,C4.2,D1>N1>N2>P4>C4.2
> C1.1,127.0.0.1,8080,TCP,delivered,C1.1,C1.1>P1>C1.1
> C1.1,127.0.0.1,9090,TCP,delivered,C1.2,C1.1>P1>C1.2
> C1.1,10.1.1.1,8080,TCP,delivered,C1.1,C1.1>P1>C1.1
> C1.1,10.1.1.1,9090,TCP,delivered,C1.2,C1.1>P1>C1.2
> C1.1,10.1.1.2,8080,TCP,delivered,C3.1,C1.1>P1>N1>P3>C3.1
> C1.1,10.1.1.2,9090,TCP,delivered,C3.2,C1.1>P1>N1>P3>C3.2
> C1.1,10.1.2.1,8080,TCP,delivered,C2.1,C1.1>P1>N1>N2>P2>C2.1
> C1.1,10.1.2.1,9090,TCP,delivered,C2.2,C1.1>P1>N1>N2>P2>C2.2
> C1.1,10.1.2.2,8080,TCP,delivered,C4.1,C1.1>P1>N1>N2>P4>C4.1
> C1.1,10.1.2.2,9090,TCP,delivered,C4.2,C1.1>P1>N1>N2>P4>C4.2
> C1.2,127.0.0.1,8080,TCP,delivered,C1.1,C1.2>P1>C1.1
> C1.2,127.0.0.1,9090,TCP,delivered,C1.2,C1.2>P1>C1.2
> C1.2,10.1.1.1,8080,TCP,delivered,C1.1,C1.2>P1>C1.1
> C1.2,10.1.1.1,9090,TCP,delivered,C1.2,C1.2>P1>C1.2
> C1.2,10.1.1.2,8080,TCP,delivered,C3.1,C1.2>P1>N1>P3>C3.1
> C1.2,10.1.1.2,9090,TCP,delivered,C3.2,C1.2>P1>N1>P3>C3.2
> C1.2,10.1.2.1,8080,TCP,delivered,C2.1,C1.2>P1>N1>N2>P2>C2.1
> C1.2,10.1.2.1,9090,TCP,delivered,C2.2,C1.2>P1>N1>N2>P2>C2.2
> C1.2,10.1.2.2,8080,TCP,delivered,C4.1,C1.2>P1>N1>N2>P4>C4.1
> C1.2,10.1.2.2,9090,TCP,delivered,C4.2,C1.2>P1>N1>N2>P4>C4.2
> C3.1,127.0.0.1,8080,TCP,delivered,C3.1,C3.1>P3>C3.1
> C3.1,127.0.0.1,9090,TCP,delivered,C3.2,C3.1>P3>C3.2
> C3.1,10.1.1.1,8080,TCP,delivered,C1.1,C3.1>P3>N1>P1>C1.1
> C3.1,10.1.1.1,9090,TCP,delivered,C1.2,C3.1>P3>N1>P1>C1.2
> C3.1,10.1.1.2,8080,TCP,delivered,C3.1,C3.1>P3>C3.1
> C3.1,10.1.1.2,9090,TCP,delivered,C3.2,C3.1>P3>C3.2
> C3.1,10.1.2.1,8080,TCP,delivered,C2.1,C3.1>P3>N1>N2>P2>C2.1
> C3.1,10.1.2.1,9090,TCP,delivered,C2.2,C3.1>P3>N1>N2>P2>C2.2
> C3.1,10.1.2.2,8080,TCP,delivered,C4.1,C3.1>P3>N1>N2>P4>C4.1
> C3.1,10.1.2.2,9090,TCP,delivered,C4.2,C3.1>P3>N1>N2>P4>C4.2
> C3.2,127.0.0.1,8080,TCP,delivered,C3.1,C3.2>P3>C3.1
> C3.2,127.0.0.1,9090,TCP,delivered,C3.2,C3.2>P3>C3.2
> C3.2,10.1.1.1,8080,TCP,delivered,C1.1,C3.2>P3>N1>P1>C1.1
> C3.2,10.1.1.1,9090,TCP,delivered,C1.2,C3.2>P3>N1>P1>C1.2
> C3.2,10.1.1.2,8080,TCP,delivered,C3.1,C3.2>P3>C3.1
> C3.2,10.1.1.2,9090,TCP,delivered,C3.2,C3.2>P3>C3.2
> C3.2,10.1.2.1,8080,TCP,delivered,C2.1,C3.2>P3>N1>N2>P2>C2.1
> C3.2,10.1.2.1,9090,TCP,delivered,C2.2,C3.2>P3>N1>N2>P2>C2.2
> C3.2,10.1.2.2,8080,TCP,delivered,C4.1,C3.2>P3>N1>N2>P4>C4.1
> C3.2,10.1.2.2,9090,TCP,delivered,C4.2,C3.2>P3>N1>N2>P4>C4.2
> D2,10.1.1.1,8080,TCP,delivered,C1.1,D2>N2>N1>P1>C1.1
> D2,10.1.1.1,9090,TCP,delivered,C1.2,D2>N2>N1>P1>C1.2
> D2,10.1.1.2,8080,TCP,delivered,C3.1,D2>N2>N1>P3>C3.1
> D2,10.1.1.2,9090,TCP,delivered,C3.2,D2>N2>N1>P3>C3.2
> D2,10.1.2.1,8080,TCP,delivered,C2.1,D2>N2>P2>C2.1
> D2,10.1.2.1,9090,TCP,delivered,C2.2,D2>N2>P2>C2.2
> D2,10.1.2.2,8080,TCP,delivered,C4.1,D2>N2>P4>C4.1
> D2,10.1.2.2,9090,TCP,delivered,C4.2,D2>N2>P4>C4.2
> C2.1,127.0.0.1,8080,TCP,delivered,C2.1,C2.1>P2>C2.1
> C2.1,127.0.0.1,9090,TCP,delivered,C2.2,C2.1>P2>C2.2
> C2.1,10.1.1.1,8080,TCP,delivered,C1.1,C2.1>P2>N2>N1>P1>C1.1
> C2.1,10.1.1.1,9090,TCP,delivered,C1.2,C2.1>P2>N2>N1>P1>C1.2
> C2.1,10.1.1.2,8080,TCP,delivered,C3.1,C2.1>P2>N2>N1>P3>C3.1
> C2.1,10.1.1.2,9090,TCP,delivered,C3.2,C2.1>P2>N2>N1>P3>C3.2
> C2.1,10.1.2.1,8080,TCP,delivered,C2.1,C2.1>P2>C2.1
> C2.1,10.1.2.1,9090,TCP,delivered,C2.2,C2.1>P2>C2.2
> C2.1,10.1.2.2,8080,TCP,delivered,C4.1,C2.1>P2>N2>P4>C4.1
> C2.1,10.1.2.2,9090,TCP,delivered,C4.2,C2.1>P2>N2>P4>C4.2
> C2.2,127.0.0.1,8080,TCP,delivered,C2.1,C2.2>P2>C2.1
> C2.2,127.0.0.1,9090,TCP,delivered,C2.2,C2.2>P2>C2.2
> C2.2,10.1.1.1,8080,TCP,delivered,C1.1,C2.2>P2>N2>N1>P1>C1.1
> C2.2,10.1.1.1,9090,TCP,delivered,C1.2,C2.2>P2>N2>N1>P1>C1.2
> C2.2,10.1.1.2,8080,TCP,delivered,C3.1,C2.2>P2>N2>N1>P3>C3.1
> C2.2,10.1.1.2,9090,TCP,delivered,C3.2,C2.2>P2>N2>N1>P3>C3.2
> C2.2,10.1.2.1,8080,TCP,delivered,C2.1,C2.2>P2>C2.1
> C2.2,10.1.2.1,9090,TCP,delivered,C2.2,C2.2>P2>C2.2
> C2.2,10.1.2.2,8080,TCP,delivered,C4.1,C2.2>P2>N2>P4>C4.1
> C2.2,10.1.2.2,9090,TCP,delivered,C4.2,C2.2>P2>N2>P4>C4.2
> C4.1,127.0.0.1,8080,TCP,delivered,C4.1,C4.1>P4>C4.1
> C4.1,127.0.0.1,9090,TCP,delivered,C4.2,C4.1>P4>C4.2
> C4.1,10.1.1.1,8080,TCP,delivered,C1.1,C4.1>P4>N2>N1>P1>C1.1
> C4.1,10.1.1.1,9090,TCP,delivered,C1.2,C4.1>P4>N2>N1>P1>C1.2
> C4.1,10.1.1.2,8080,TCP,delivered,C3.1,C4.1>P4>N2>N1>P3>C3.1
> C4.1,10.1.1.2,9090,TCP,delivered,C3.2,C4.1>P4>N2>N1>P3>C3.2
> C4.1,10.1.2.1,8080,TCP,delivered,C2.1,C4.1>P4>N2>P2>C2.1
> C4.1,10.1.2.1,9090,TCP,delivered,C2.2,C4.1>P4>N2>P2>C2.2
> C4.1,10.1.2.2,8080,TCP,delivered,C4.1,C4.1>P4>C4.1
> C4.1,10.1.2.2,9090,TCP,delivered,C4.2,C4.1>P4>C4.2
> C4.2,127.0.0.1,8080,TCP,delivered,C4.1,C4.2>P4>C4.1
> C4.2,127.0.0.1,9090,TCP,delivered,C4.2,C4.2>P4>C4.2
> C4.2,10.1.1.1,8080,TCP,delivered,C1.1,C4.2>P4>N2>N1>P1>C1.1
> C4.2,10.1.1.1,9090,TCP,delivered,C1.2,C4.2>P4>N2>N1>P1>C1.2
> C4.2,10.1.1.2,8080,TCP,delivered,C3.1,C4.2>P4>N2>N1>P3>C3.1
> C4.2,10.1.1.2,9090,TCP,delivered,C3.2,C4.2>P4>N2>N1>P3>C3.2
> C4.2,10.1.2.1,8080,TCP,delivered,C2.1,C4.2>P4>N2>P2>C2.1
> C4.2,10.1.2.1,9090,TCP,delivered,C2.2,C4.2>P4>N2>P2>C2.2
> C4.2,10.1.2.2,8080,TCP,delivered,C4.1,C4.2>P4>C4.1
> C4.2,10.1.2.2,9090,TCP,delivered,C4.2,C4.2>P4>C4.2

$ k8snet reach samples/k1.xml
> reachability of cluster K1 (--ports open): 10 senders x 10 destinations
>
>                 1
> sender 1234567890
> D1     ..++++++++
> C1.1   ++++++++++
> C1.2   ++++++++++
> C3.1   ++++++++++
> C3.2   ++++++++++
> D2     ..++++++++
> C2.1   ++++++++++
> C2.2   ++++++++++
> C4.1   ++++++++++
> C4.2   ++++++++++
>
> destinations:
>  1  127.0.0.1:8080/TCP     (the sender's own pod)
>  2  127.0.0.1:9090/TCP     (the sender's own pod)
>  3  10.1.1.1:8080/TCP      P1
>  4  10.1.1.1:9090/TCP      P1
>  5  10.1.1.2:8080/TCP      P3
>  6  10.1.1.2:9090/TCP      P3
>  7  10.1.2.1:8080/TCP      P2
>  8  10.1.2.1:9090/TCP      P2
>  9  10.1.2.2:8080/TCP      P4
> 10  10.1.2.2:9090/TCP      P4
>
> legend: + delivered  > discarded outside the cluster  - denied by a policy  o nothing listens  ! delivered to another process  x discarded  @ loop  . not a pair of this sender
> summary: 96 pairs: 96 delivered

# --ports all adds the node addresses (no rule delivers there: discarded)
# and nothing else fails: 10 senders x 6 addresses x 2 ports, plus
# 127.0.0.1 x 2 ports for the 8 containers = 136 pairs, 40 discarded.
$ k8snet reach samples/k1.xml --ports all --format json | tail -n 1
> ],"summary":{"pairs":136,"delivered":96,"discarded":40,"loop":0,"classes":{"delivered":96,"outside":0,"denied":0,"nothing_listens":40,"misdelivered":0,"discarded":0,"loop":0}}}
