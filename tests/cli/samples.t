# The samples a reader learns from, with their full results (computed by
# hand from the model (k8snet(1), THE MODEL); see each sample's comment).

# listening-daemons.xml: node tables gain "Delivery on Node Address" (the
# node's own daemons, in document order, each one's ports in order) and
# "Node to Node Forwarding Rule (node address)" for every other node with a
# listening daemon (none for N3); a pod that opens nothing has one rule.
$ k8snet fib samples/listening-daemons.xml
> FIB of node N1 (192.168.1.1): 7 rules
>   #  src  dst          dport  protocol  action   to         rule
>   1  *    192.168.1.1  10250  TCP       deliver  kubelet-1  Delivery on Node Address
>   2  *    192.168.1.1  53     UDP       deliver  dns        Delivery on Node Address
>   3  *    192.168.1.1  53     TCP       deliver  dns        Delivery on Node Address
>   4  *    10.2.1.1     *      *         forward  web        Node to Pod Forwarding Rule
>   5  *    10.2.2.1     *      *         forward  N2         Node to Node Forwarding Rule
>   6  *    10.2.3.1     *      *         forward  N3         Node to Node Forwarding Rule
>   7  *    192.168.1.2  *      *         forward  N2         Node to Node Forwarding Rule (node address)
>
> FIB of pod web (10.2.1.1, on node N1): 3 rules
>   #  src  dst        dport  protocol  action   to     rule
>   1  *    127.0.0.1  80     TCP       deliver  nginx  Delivery on localhost
>   2  *    10.2.1.1   80     TCP       deliver  nginx  Delivery on Pod Address
>   3  *    *          *      *         forward  N1     Local Forwarding Rule
>
> FIB of node N2 (192.168.1.2): 5 rules
>   #  src  dst          dport  protocol  action   to         rule
>   1  *    192.168.1.2  10250  TCP       deliver  kubelet-2  Delivery on Node Address
>   2  *    10.2.2.1     *      *         forward  voip       Node to Pod Forwarding Rule
>   3  *    10.2.1.1     *      *         forward  N1         Node to Node Forwarding Rule
>   4  *    10.2.3.1     *      *         forward  N3         Node to Node Forwarding Rule
>   5  *    192.168.1.1  *      *         forward  N1         Node to Node Forwarding Rule (node address)
>
> FIB of pod voip (10.2.2.1, on node N2): 7 rules
>   #  src  dst        dport  protocol  action   to      rule
>   1  *    127.0.0.1  5060   UDP       deliver  sip     Delivery on localhost
>   2  *    127.0.0.1  5060   TCP       deliver  sip     Delivery on localhost
>   3  *    127.0.0.1  2905   SCTP      deliver  signal  Delivery on localhost
>   4  *    10.2.2.1   5060   UDP       deliver  sip     Delivery on Pod Address
>   5  *    10.2.2.1   5060   TCP       deliver  sip     Delivery on Pod Address
>   6  *    10.2.2.1   2905   SCTP      deliver  signal  Delivery on Pod Address
>   7  *    *          *      *         forward  N2      Local Forwarding Rule
>
> FIB of node N3 (192.168.1.3): 5 rules
>   #  src  dst          dport  protocol  action   to     rule
>   1  *    10.2.3.1     *      *         forward  batch  Node to Pod Forwarding Rule
>   2  *    10.2.1.1     *      *         forward  N1     Node to Node Forwarding Rule
>   3  *    10.2.2.1     *      *         forward  N2     Node to Node Forwarding Rule
>   4  *    192.168.1.1  *      *         forward  N1     Node to Node Forwarding Rule (node address)
>   5  *    192.168.1.2  *      *         forward  N2     Node to Node Forwarding Rule (node address)
>
> FIB of pod batch (10.2.3.1, on node N3): 1 rule
>   #  src  dst  dport  protocol  action   to  rule
>   1  *    *    *      *         forward  N3  Local Forwarding Rule

# Every listening endpoint is reached: daemons at their node's address,
# UDP and SCTP ports like TCP ones.
$ k8snet reach samples/listening-daemons.xml --format csv
> source,address,port,protocol,verdict,receiver,path
> kubelet-1,10.2.1.1,80,TCP,delivered,nginx,kubelet-1>N1>web>nginx
> kubelet-1,10.2.2.1,2905,SCTP,delivered,signal,kubelet-1>N1>N2>voip>signal
> kubelet-1,10.2.2.1,5060,TCP,delivered,sip,kubelet-1>N1>N2>voip>sip
> kubelet-1,10.2.2.1,5060,UDP,delivered,sip,kubelet-1>N1>N2>voip>sip
> kubelet-1,192.168.1.1,53,TCP,delivered,dns,kubelet-1>N1>dns
> kubelet-1,192.168.1.1,53,UDP,delivered,dns,kubelet-1>N1>dns
> kubelet-1,192.168.1.1,10250,TCP,delivered,kubelet-1,kubelet-1>N1>kubelet-1
> kubelet-1,192.168.1.2,10250,TCP,delivered,kubelet-2,kubelet-1>N1>N2>kubelet-2
> dns,10.2.1.1,80,TCP,delivered,nginx,dns>N1>web>nginx
> dns,10.2.2.1,2905,SCTP,delivered,signal,dns>N1>N2>voip>signal
> dns,10.2.2.1,5060,TCP,delivered,sip,dns>N1>N2>voip>sip
> dns,10.2.2.1,5060,UDP,delivered,sip,dns>N1>N2>voip>sip
> dns,192.168.1.1,53,TCP,delivered,dns,dns>N1>dns
> dns,192.168.1.1,53,UDP,delivered,dns,dns>N1>dns
> dns,192.168.1.1,10250,TCP,delivered,kubelet-1,dns>N1>kubelet-1
> dns,192.168.1.2,10250,TCP,delivered,kubelet-2,dns>N1>N2>kubelet-2
> nginx,127.0.0.1,80,TCP,delivered,nginx,nginx>web>nginx
> nginx,10.2.1.1,80,TCP,delivered,nginx,nginx>web>nginx
> nginx,10.2.2.1,2905,SCTP,delivered,signal,nginx>web>N1>N2>voip>signal
> nginx,10.2.2.1,5060,TCP,delivered,sip,nginx>web>N1>N2>voip>sip
> nginx,10.2.2.1,5060,UDP,delivered,sip,nginx>web>N1>N2>voip>sip
> nginx,192.168.1.1,53,TCP,delivered,dns,nginx>web>N1>dns
> nginx,192.168.1.1,53,UDP,delivered,dns,nginx>web>N1>dns
> nginx,192.168.1.1,10250,TCP,delivered,kubelet-1,nginx>web>N1>kubelet-1
> nginx,192.168.1.2,10250,TCP,delivered,kubelet-2,nginx>web>N1>N2>kubelet-2
> kubelet-2,10.2.1.1,80,TCP,delivered,nginx,kubelet-2>N2>N1>web>nginx
> kubelet-2,10.2.2.1,2905,SCTP,delivered,signal,kubelet-2>N2>voip>signal
> kubelet-2,10.2.2.1,5060,TCP,delivered,sip,kubelet-2>N2>voip>sip
> kubelet-2,10.2.2.1,5060,UDP,delivered,sip,kubelet-2>N2>voip>sip
> kubelet-2,192.168.1.1,53,TCP,delivered,dns,kubelet-2>N2>N1>dns
> kubelet-2,192.168.1.1,53,UDP,delivered,dns,kubelet-2>N2>N1>dns
> kubelet-2,192.168.1.1,10250,TCP,delivered,kubelet-1,kubelet-2>N2>N1>kubelet-1
> kubelet-2,192.168.1.2,10250,TCP,delivered,kubelet-2,kubelet-2>N2>kubelet-2
> sip,127.0.0.1,2905,SCTP,delivered,signal,sip>voip>signal
> sip,127.0.0.1,5060,TCP,delivered,sip,sip>voip>sip
> sip,127.0.0.1,5060,UDP,delivered,sip,sip>voip>sip
> sip,10.2.1.1,80,TCP,delivered,nginx,sip>voip>N2>N1>web>nginx
> sip,10.2.2.1,2905,SCTP,delivered,signal,sip>voip>signal
> sip,10.2.2.1,5060,TCP,delivered,sip,sip>voip>sip
> sip,10.2.2.1,5060,UDP,delivered,sip,sip>voip>sip
> sip,192.168.1.1,53,TCP,delivered,dns,sip>voip>N2>N1>dns
> sip,192.168.1.1,53,UDP,delivered,dns,sip>voip>N2>N1>dns
> sip,192.168.1.1,10250,TCP,delivered,kubelet-1,sip>voip>N2>N1>kubelet-1
> sip,192.168.1.2,10250,TCP,delivered,kubelet-2,sip>voip>N2>kubelet-2
> signal,127.0.0.1,2905,SCTP,delivered,signal,signal>voip>signal
> signal,127.0.0.1,5060,TCP,delivered,sip,signal>voip>sip
> signal,127.0.0.1,5060,UDP,delivered,sip,signal>voip>sip
> signal,10.2.1.1,80,TCP,delivered,nginx,signal>voip>N2>N1>web>nginx
> signal,10.2.2.1,2905,SCTP,delivered,signal,signal>voip>signal
> signal,10.2.2.1,5060,TCP,delivered,sip,signal>voip>sip
> signal,10.2.2.1,5060,UDP,delivered,sip,signal>voip>sip
> signal,192.168.1.1,53,TCP,delivered,dns,signal>voip>N2>N1>dns
> signal,192.168.1.1,53,UDP,delivered,dns,signal>voip>N2>N1>dns
> signal,192.168.1.1,10250,TCP,delivered,kubelet-1,signal>voip>N2>N1>kubelet-1
> signal,192.168.1.2,10250,TCP,delivered,kubelet-2,signal>voip>N2>kubelet-2
> agent,10.2.1.1,80,TCP,delivered,nginx,agent>N3>N1>web>nginx
> agent,10.2.2.1,2905,SCTP,delivered,signal,agent>N3>N2>voip>signal
> agent,10.2.2.1,5060,TCP,delivered,sip,agent>N3>N2>voip>sip
> agent,10.2.2.1,5060,UDP,delivered,sip,agent>N3>N2>voip>sip
> agent,192.168.1.1,53,TCP,delivered,dns,agent>N3>N1>dns
> agent,192.168.1.1,53,UDP,delivered,dns,agent>N3>N1>dns
> agent,192.168.1.1,10250,TCP,delivered,kubelet-1,agent>N3>N1>kubelet-1
> agent,192.168.1.2,10250,TCP,delivered,kubelet-2,agent>N3>N2>kubelet-2
> worker,10.2.1.1,80,TCP,delivered,nginx,worker>batch>N3>N1>web>nginx
> worker,10.2.2.1,2905,SCTP,delivered,signal,worker>batch>N3>N2>voip>signal
> worker,10.2.2.1,5060,TCP,delivered,sip,worker>batch>N3>N2>voip>sip
> worker,10.2.2.1,5060,UDP,delivered,sip,worker>batch>N3>N2>voip>sip
> worker,192.168.1.1,53,TCP,delivered,dns,worker>batch>N3>N1>dns
> worker,192.168.1.1,53,UDP,delivered,dns,worker>batch>N3>N1>dns
> worker,192.168.1.1,10250,TCP,delivered,kubelet-1,worker>batch>N3>N1>kubelet-1
> worker,192.168.1.2,10250,TCP,delivered,kubelet-2,worker>batch>N3>N2>kubelet-2

# --ports all from worker: 127.0.0.1 dies at N3 (no rule for it), closed
# pod ports loop pod>node>pod, N3's own address has no rule at all, and
# the other nodes deliver only what their daemons open.
$ k8snet reach samples/listening-daemons.xml --ports all --format csv >all.csv && grep -c . all.csv && grep '^worker,' all.csv
> 365
> worker,127.0.0.1,53,TCP,discarded,,worker>batch>N3
> worker,127.0.0.1,53,UDP,discarded,,worker>batch>N3
> worker,127.0.0.1,80,TCP,discarded,,worker>batch>N3
> worker,127.0.0.1,2905,SCTP,discarded,,worker>batch>N3
> worker,127.0.0.1,5060,TCP,discarded,,worker>batch>N3
> worker,127.0.0.1,5060,UDP,discarded,,worker>batch>N3
> worker,127.0.0.1,10250,TCP,discarded,,worker>batch>N3
> worker,10.2.1.1,53,TCP,loop,,worker>batch>N3>N1>web>N1
> worker,10.2.1.1,53,UDP,loop,,worker>batch>N3>N1>web>N1
> worker,10.2.1.1,80,TCP,delivered,nginx,worker>batch>N3>N1>web>nginx
> worker,10.2.1.1,2905,SCTP,loop,,worker>batch>N3>N1>web>N1
> worker,10.2.1.1,5060,TCP,loop,,worker>batch>N3>N1>web>N1
> worker,10.2.1.1,5060,UDP,loop,,worker>batch>N3>N1>web>N1
> worker,10.2.1.1,10250,TCP,loop,,worker>batch>N3>N1>web>N1
> worker,10.2.2.1,53,TCP,loop,,worker>batch>N3>N2>voip>N2
> worker,10.2.2.1,53,UDP,loop,,worker>batch>N3>N2>voip>N2
> worker,10.2.2.1,80,TCP,loop,,worker>batch>N3>N2>voip>N2
> worker,10.2.2.1,2905,SCTP,delivered,signal,worker>batch>N3>N2>voip>signal
> worker,10.2.2.1,5060,TCP,delivered,sip,worker>batch>N3>N2>voip>sip
> worker,10.2.2.1,5060,UDP,delivered,sip,worker>batch>N3>N2>voip>sip
> worker,10.2.2.1,10250,TCP,loop,,worker>batch>N3>N2>voip>N2
> worker,10.2.3.1,53,TCP,loop,,worker>batch>N3>batch
> worker,10.2.3.1,53,UDP,loop,,worker>batch>N3>batch
> worker,10.2.3.1,80,TCP,loop,,worker>batch>N3>batch
> worker,10.2.3.1,2905,SCTP,loop,,worker>batch>N3>batch
> worker,10.2.3.1,5060,TCP,loop,,worker>batch>N3>batch
> worker,10.2.3.1,5060,UDP,loop,,worker>batch>N3>batch
> worker,10.2.3.1,10250,TCP,loop,,worker>batch>N3>batch
> worker,192.168.1.1,53,TCP,delivered,dns,worker>batch>N3>N1>dns
> worker,192.168.1.1,53,UDP,delivered,dns,worker>batch>N3>N1>dns
> worker,192.168.1.1,80,TCP,discarded,,worker>batch>N3>N1
> worker,192.168.1.1,2905,SCTP,discarded,,worker>batch>N3>N1
> worker,192.168.1.1,5060,TCP,discarded,,worker>batch>N3>N1
> worker,192.168.1.1,5060,UDP,discarded,,worker>batch>N3>N1
> worker,192.168.1.1,10250,TCP,delivered,kubelet-1,worker>batch>N3>N1>kubelet-1
> worker,192.168.1.2,53,TCP,discarded,,worker>batch>N3>N2
> worker,192.168.1.2,53,UDP,discarded,,worker>batch>N3>N2
> worker,192.168.1.2,80,TCP,discarded,,worker>batch>N3>N2
> worker,192.168.1.2,2905,SCTP,discarded,,worker>batch>N3>N2
> worker,192.168.1.2,5060,TCP,discarded,,worker>batch>N3>N2
> worker,192.168.1.2,5060,UDP,discarded,,worker>batch>N3>N2
> worker,192.168.1.2,10250,TCP,delivered,kubelet-2,worker>batch>N3>N2>kubelet-2
> worker,192.168.1.3,53,TCP,discarded,,worker>batch>N3
> worker,192.168.1.3,53,UDP,discarded,,worker>batch>N3
> worker,192.168.1.3,80,TCP,discarded,,worker>batch>N3
> worker,192.168.1.3,2905,SCTP,discarded,,worker>batch>N3
> worker,192.168.1.3,5060,TCP,discarded,,worker>batch>N3
> worker,192.168.1.3,5060,UDP,discarded,,worker>batch>N3
> worker,192.168.1.3,10250,TCP,discarded,,worker>batch>N3

# what-if.xml: override rules come first in their switch's table, printed
# as written (prefix, range); a discard rule has an empty "to".
$ k8snet fib samples/what-if.xml --format csv
> switch,position,src,dst,dport,protocol,action,to,origin
> N1,1,*,10.1.2.0/24,8000-8999,TCP,forward,N3,Override
> N1,2,*,10.1.1.1,*,*,forward,P1,Node to Pod Forwarding Rule
> N1,3,*,10.1.1.2,*,*,forward,P3,Node to Pod Forwarding Rule
> N1,4,*,10.1.2.1,*,*,forward,N2,Node to Node Forwarding Rule
> N1,5,*,10.1.3.1,*,*,forward,N3,Node to Node Forwarding Rule
> P1,1,*,127.0.0.1,8080,TCP,deliver,C1,Delivery on localhost
> P1,2,*,127.0.0.1,9090,TCP,deliver,C1b,Delivery on localhost
> P1,3,*,10.1.1.1,8080,TCP,deliver,C1,Delivery on Pod Address
> P1,4,*,10.1.1.1,9090,TCP,deliver,C1b,Delivery on Pod Address
> P1,5,*,*,*,*,forward,N1,Local Forwarding Rule
> P3,1,*,10.1.1.2,8080,*,deliver,C1,Override
> P3,2,*,127.0.0.1,8080,TCP,deliver,C3,Delivery on localhost
> P3,3,*,10.1.1.2,8080,TCP,deliver,C3,Delivery on Pod Address
> P3,4,*,*,*,*,forward,N1,Local Forwarding Rule
> N2,1,*,10.1.2.1,*,*,forward,P2,Node to Pod Forwarding Rule
> N2,2,*,10.1.1.1,*,*,forward,N1,Node to Node Forwarding Rule
> N2,3,*,10.1.1.2,*,*,forward,N1,Node to Node Forwarding Rule
> N2,4,*,10.1.3.1,*,*,forward,N3,Node to Node Forwarding Rule
> P2,1,*,10.1.2.1,9443,*,forward,N2,Override
> P2,2,*,127.0.0.1,8080,TCP,deliver,C2,Delivery on localhost
> P2,3,*,127.0.0.1,9443,TCP,deliver,C2,Delivery on localhost
> P2,4,*,10.1.2.1,8080,TCP,deliver,C2,Delivery on Pod Address
> P2,5,*,10.1.2.1,9443,TCP,deliver,C2,Delivery on Pod Address
> P2,6,*,*,*,*,forward,N2,Local Forwarding Rule
> N3,1,*,10.1.3.1,*,*,forward,P4,Node to Pod Forwarding Rule
> N3,2,*,10.1.1.1,*,*,forward,N1,Node to Node Forwarding Rule
> N3,3,*,10.1.1.2,*,*,forward,N1,Node to Node Forwarding Rule
> N3,4,*,10.1.2.1,*,*,forward,N2,Node to Node Forwarding Rule
> P4,1,10.1.1.0/24,*,8443,*,discard,,Override
> P4,2,*,127.0.0.1,8080,TCP,deliver,C4,Delivery on localhost
> P4,3,*,127.0.0.1,8443,TCP,deliver,C4,Delivery on localhost
> P4,4,*,10.1.3.1,8080,TCP,deliver,C4,Delivery on Pod Address
> P4,5,*,10.1.3.1,8443,TCP,deliver,C4,Delivery on Pod Address
> P4,6,*,*,*,*,forward,N3,Local Forwarding Rule
! samples/what-if.xml:63: warning: 'C1' is not linked to switch 'P3': this rule discards what it matches

# Every verdict and every discard reason in one cluster: a detour around
# the cut N1-N2 link, the cut C1b-P1 link (C1b sends nothing), a discard
# rule that matches the source, a loop, a deliver rule to an unlinked C1.
$ k8snet reach samples/what-if.xml --format csv
> source,address,port,protocol,verdict,receiver,path
> D1,10.1.1.1,8080,TCP,delivered,C1,D1>N1>P1>C1
> D1,10.1.1.1,9090,TCP,discarded,,D1>N1>P1
> D1,10.1.1.2,8080,TCP,discarded,,D1>N1>P3
> D1,10.1.2.1,8080,TCP,delivered,C2,D1>N1>N3>N2>P2>C2
> D1,10.1.2.1,9443,TCP,discarded,,D1>N1
> D1,10.1.3.1,8080,TCP,delivered,C4,D1>N1>N3>P4>C4
> D1,10.1.3.1,8443,TCP,delivered,C4,D1>N1>N3>P4>C4
> C1,127.0.0.1,8080,TCP,delivered,C1,C1>P1>C1
> C1,127.0.0.1,9090,TCP,discarded,,C1>P1
> C1,10.1.1.1,8080,TCP,delivered,C1,C1>P1>C1
> C1,10.1.1.1,9090,TCP,discarded,,C1>P1
> C1,10.1.1.2,8080,TCP,discarded,,C1>P1>N1>P3
> C1,10.1.2.1,8080,TCP,delivered,C2,C1>P1>N1>N3>N2>P2>C2
> C1,10.1.2.1,9443,TCP,discarded,,C1>P1>N1
> C1,10.1.3.1,8080,TCP,delivered,C4,C1>P1>N1>N3>P4>C4
> C1,10.1.3.1,8443,TCP,discarded,,C1>P1>N1>N3>P4
> C1b,127.0.0.1,8080,TCP,discarded,,C1b
> C1b,127.0.0.1,9090,TCP,discarded,,C1b
> C1b,10.1.1.1,8080,TCP,discarded,,C1b
> C1b,10.1.1.1,9090,TCP,discarded,,C1b
> C1b,10.1.1.2,8080,TCP,discarded,,C1b
> C1b,10.1.2.1,8080,TCP,discarded,,C1b
> C1b,10.1.2.1,9443,TCP,discarded,,C1b
> C1b,10.1.3.1,8080,TCP,discarded,,C1b
> C1b,10.1.3.1,8443,TCP,discarded,,C1b
> C3,127.0.0.1,8080,TCP,delivered,C3,C3>P3>C3
> C3,10.1.1.1,8080,TCP,delivered,C1,C3>P3>N1>P1>C1
> C3,10.1.1.1,9090,TCP,discarded,,C3>P3>N1>P1
> C3,10.1.1.2,8080,TCP,discarded,,C3>P3
> C3,10.1.2.1,8080,TCP,delivered,C2,C3>P3>N1>N3>N2>P2>C2
> C3,10.1.2.1,9443,TCP,discarded,,C3>P3>N1
> C3,10.1.3.1,8080,TCP,delivered,C4,C3>P3>N1>N3>P4>C4
> C3,10.1.3.1,8443,TCP,discarded,,C3>P3>N1>N3>P4
> D2,10.1.1.1,8080,TCP,discarded,,D2>N2
> D2,10.1.1.1,9090,TCP,discarded,,D2>N2
> D2,10.1.1.2,8080,TCP,discarded,,D2>N2
> D2,10.1.2.1,8080,TCP,delivered,C2,D2>N2>P2>C2
> D2,10.1.2.1,9443,TCP,loop,,D2>N2>P2>N2
> D2,10.1.3.1,8080,TCP,delivered,C4,D2>N2>N3>P4>C4
> D2,10.1.3.1,8443,TCP,delivered,C4,D2>N2>N3>P4>C4
> C2,127.0.0.1,8080,TCP,delivered,C2,C2>P2>C2
> C2,127.0.0.1,9443,TCP,delivered,C2,C2>P2>C2
> C2,10.1.1.1,8080,TCP,discarded,,C2>P2>N2
> C2,10.1.1.1,9090,TCP,discarded,,C2>P2>N2
> C2,10.1.1.2,8080,TCP,discarded,,C2>P2>N2
> C2,10.1.2.1,8080,TCP,delivered,C2,C2>P2>C2
> C2,10.1.2.1,9443,TCP,loop,,C2>P2>N2>P2
> C2,10.1.3.1,8080,TCP,delivered,C4,C2>P2>N2>N3>P4>C4
> C2,10.1.3.1,8443,TCP,delivered,C4,C2>P2>N2>N3>P4>C4
> C4,127.0.0.1,8080,TCP,delivered,C4,C4>P4>C4
> C4,127.0.0.1,8443,TCP,delivered,C4,C4>P4>C4
> C4,10.1.1.1,8080,TCP,delivered,C1,C4>P4>N3>N1>P1>C1
> C4,10.1.1.1,9090,TCP,discarded,,C4>P4>N3>N1>P1
> C4,10.1.1.2,8080,TCP,discarded,,C4>P4>N3>N1>P3
> C4,10.1.2.1,8080,TCP,delivered,C2,C4>P4>N3>N2>P2>C2
> C4,10.1.2.1,9443,TCP,loop,,C4>P4>N3>N2>P2>N2
> C4,10.1.3.1,8080,TCP,delivered,C4,C4>P4>C4
> C4,10.1.3.1,8443,TCP,delivered,C4,C4>P4>C4
! samples/what-if.xml:63: warning: 'C1' is not linked to switch 'P3': this rule discards what it matches

# The what-if breaks the network model's constraints (its cut links, its
# discard rule, its loop; counts from the reach rows above) while every
# expect it states holds; listening-daemons keeps every constraint.
$ k8snet check samples/what-if.xml --quiet
? 1
> constraint 1, distinct addresses: pass (7 addresses, checked when the spec is read)
> constraint 2, container to container: FAIL (9 pairs checked, 3 violations)
> constraint 3, pod to pod: FAIL (35 pairs checked, 22 violations)
> constraint 4, daemon to pod: FAIL (5 pairs checked, 3 violations)
> expects: 5 checked, 0 failed
> summary: FAIL: 3 of 4 constraints and 0 of 5 expects failed
! samples/what-if.xml:63: warning: 'C1' is not linked to switch 'P3': this rule discards what it matches

$ k8snet check samples/listening-daemons.xml --quiet
> constraint 1, distinct addresses: pass (6 addresses, checked when the spec is read)
> constraint 2, container to container: pass (7 pairs checked, 0 violations)
> constraint 3, pod to pod: pass (16 pairs checked, 0 violations)
> constraint 4, daemon to pod: pass (5 pairs checked, 0 violations)
> expects: none in the spec
> summary: pass: 4 constraints and 0 expects hold
