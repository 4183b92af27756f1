# k8snet diff OLD NEW: the pairs whose verdict or receiver changed
# (k8snet(1), "diff"); status 0 when none did, 1 when some did, 2 for
# bad usage or an invalid spec, 3 for an I/O failure.

# ---- the samples: a design and its change ----

# Rows in the old spec's reach order, then the pairs only the new one has.
# 9113 changes receiver (exporter -> nginx); exporter's pairs are lost,
# nginx loses app to the discard rule, cache and redis are gained.
$ k8snet diff samples/audit-old.xml samples/audit-new.xml --format csv
? 1
> source,address,port,protocol,old_verdict,old_receiver,new_verdict,new_receiver
> kubelet-a,10.244.1.10,9113,TCP,delivered,exporter,delivered,nginx
> nginx,127.0.0.1,9113,TCP,delivered,exporter,delivered,nginx
> nginx,10.244.1.10,9113,TCP,delivered,exporter,delivered,nginx
> nginx,10.244.2.10,8080,TCP,delivered,app,discarded,
> exporter,127.0.0.1,80,TCP,delivered,nginx,absent,
> exporter,127.0.0.1,9113,TCP,delivered,exporter,absent,
> exporter,10.244.1.10,80,TCP,delivered,nginx,absent,
> exporter,10.244.1.10,9113,TCP,delivered,exporter,absent,
> exporter,10.244.2.10,8080,TCP,delivered,app,absent,
> exporter,10.244.2.53,53,TCP,delivered,coredns,absent,
> exporter,10.244.2.53,53,UDP,delivered,coredns,absent,
> exporter,192.168.10.1,10250,TCP,delivered,kubelet-a,absent,
> exporter,192.168.10.2,10250,TCP,delivered,kubelet-b,absent,
> kubelet-b,10.244.1.10,9113,TCP,delivered,exporter,delivered,nginx
> app,10.244.1.10,9113,TCP,delivered,exporter,delivered,nginx
> coredns,10.244.1.10,9113,TCP,delivered,exporter,delivered,nginx
> kubelet-a,10.244.2.20,6379,TCP,absent,,delivered,redis
> nginx,10.244.2.20,6379,TCP,absent,,delivered,redis
> kubelet-b,10.244.2.20,6379,TCP,absent,,delivered,redis
> app,10.244.2.20,6379,TCP,absent,,delivered,redis
> coredns,10.244.2.20,6379,TCP,absent,,delivered,redis
> redis,127.0.0.1,6379,TCP,absent,,delivered,redis
> redis,10.244.1.10,80,TCP,absent,,delivered,nginx
> redis,10.244.1.10,9113,TCP,absent,,delivered,nginx
> redis,10.244.2.10,8080,TCP,absent,,delivered,app
> redis,10.244.2.53,53,TCP,absent,,delivered,coredns
> redis,10.244.2.53,53,UDP,absent,,delivered,coredns
> redis,10.244.2.20,6379,TCP,absent,,delivered,redis
> redis,192.168.10.1,10250,TCP,absent,,delivered,kubelet-a
> redis,192.168.10.2,10250,TCP,absent,,delivered,kubelet-b

# The same, for a reviewer: grouped by sender pod, then destination.
$ k8snet diff samples/audit-old.xml samples/audit-new.xml
? 1
> diff of cluster shop (old) and cluster shop (new), --ports open
>
> from the daemons of node node-a: 1 gained, 1 changed
>   to pod web (10.244.1.10): 1 changed
>     ~ kubelet-a -> 10.244.1.10:9113/TCP: delivered to exporter => delivered to nginx
>   to pod cache (10.244.2.20): 1 gained
>     + kubelet-a -> 10.244.2.20:6379/TCP: absent => delivered to redis
>
> from pod web (on node-a): 1 gained, 10 lost, 2 changed
>   to 127.0.0.1 (inside the pod): 2 lost, 1 changed
>     ~ nginx -> 127.0.0.1:9113/TCP: delivered to exporter => delivered to nginx
>     - exporter -> 127.0.0.1:80/TCP: delivered to nginx => absent
>     - exporter -> 127.0.0.1:9113/TCP: delivered to exporter => absent
>   to pod web (10.244.1.10): 2 lost, 1 changed
>     ~ nginx -> 10.244.1.10:9113/TCP: delivered to exporter => delivered to nginx
>     - exporter -> 10.244.1.10:80/TCP: delivered to nginx => absent
>     - exporter -> 10.244.1.10:9113/TCP: delivered to exporter => absent
>   to pod api (10.244.2.10): 2 lost
>     - nginx -> 10.244.2.10:8080/TCP: delivered to app => discarded at api: discard rule (rule 1, spec line 33)
>         new path: nginx>web>node-a>node-b>api
>     - exporter -> 10.244.2.10:8080/TCP: delivered to app => absent
>   to pod dns (10.244.2.53): 2 lost
>     - exporter -> 10.244.2.53:53/TCP: delivered to coredns => absent
>     - exporter -> 10.244.2.53:53/UDP: delivered to coredns => absent
>   to node node-a (192.168.10.1): 1 lost
>     - exporter -> 192.168.10.1:10250/TCP: delivered to kubelet-a => absent
>   to node node-b (192.168.10.2): 1 lost
>     - exporter -> 192.168.10.2:10250/TCP: delivered to kubelet-b => absent
>   to pod cache (10.244.2.20): 1 gained
>     + nginx -> 10.244.2.20:6379/TCP: absent => delivered to redis
>
> from the daemons of node node-b: 1 gained, 1 changed
>   to pod web (10.244.1.10): 1 changed
>     ~ kubelet-b -> 10.244.1.10:9113/TCP: delivered to exporter => delivered to nginx
>   to pod cache (10.244.2.20): 1 gained
>     + kubelet-b -> 10.244.2.20:6379/TCP: absent => delivered to redis
>
> from pod api (on node-b): 1 gained, 1 changed
>   to pod web (10.244.1.10): 1 changed
>     ~ app -> 10.244.1.10:9113/TCP: delivered to exporter => delivered to nginx
>   to pod cache (10.244.2.20): 1 gained
>     + app -> 10.244.2.20:6379/TCP: absent => delivered to redis
>
> from pod dns (on node-b): 1 gained, 1 changed
>   to pod web (10.244.1.10): 1 changed
>     ~ coredns -> 10.244.1.10:9113/TCP: delivered to exporter => delivered to nginx
>   to pod cache (10.244.2.20): 1 gained
>     + coredns -> 10.244.2.20:6379/TCP: absent => delivered to redis
>
> from pod cache (on node-b): 9 gained
>   to 127.0.0.1 (inside the pod): 1 gained
>     + redis -> 127.0.0.1:6379/TCP: absent => delivered to redis
>   to pod web (10.244.1.10): 2 gained
>     + redis -> 10.244.1.10:80/TCP: absent => delivered to nginx
>     + redis -> 10.244.1.10:9113/TCP: absent => delivered to nginx
>   to pod api (10.244.2.10): 1 gained
>     + redis -> 10.244.2.10:8080/TCP: absent => delivered to app
>   to pod dns (10.244.2.53): 2 gained
>     + redis -> 10.244.2.53:53/TCP: absent => delivered to coredns
>     + redis -> 10.244.2.53:53/UDP: absent => delivered to coredns
>   to pod cache (10.244.2.20): 1 gained
>     + redis -> 10.244.2.20:6379/TCP: absent => delivered to redis
>   to node node-a (192.168.10.1): 1 gained
>     + redis -> 192.168.10.1:10250/TCP: absent => delivered to kubelet-a
>   to node node-b (192.168.10.2): 1 gained
>     + redis -> 192.168.10.2:10250/TCP: absent => delivered to kubelet-b
>
> summary: 30 of 63 pairs changed: 14 gained, 10 lost, 6 changed

# Nothing changed: status 0, the header alone.
$ k8snet diff samples/audit-old.xml samples/audit-old.xml --format csv
> source,address,port,protocol,old_verdict,old_receiver,new_verdict,new_receiver

$ k8snet diff samples/audit-old.xml samples/audit-old.xml
> diff of cluster shop (old) and cluster shop (new), --ports open
>
> summary: 0 of 49 pairs changed: 0 gained, 0 lost, 0 changed

# ---- NEW from standard input: K1 where C2.2 also opens 7000 ----

# Every sender gains 10.1.2.1:7000, and P2's containers 127.0.0.1:7000.
$ k8snet diff samples/k1.xml - --format csv
< <cluster name="K1">
< <node name="N1" address="192.168.0.1"><daemon name="D1"/>
< <pod name="P1" address="10.1.1.1"><container name="C1.1"><port number="8080"/></container><container name="C1.2"><port number="9090"/></container></pod>
< <pod name="P3" address="10.1.1.2"><container name="C3.1"><port number="8080"/></container><container name="C3.2"><port number="9090"/></container></pod>
< </node>
< <node name="N2" address="192.168.0.2"><daemon name="D2"/>
< <pod name="P2" address="10.1.2.1"><container name="C2.1"><port number="8080"/></container><container name="C2.2"><port number="9090"/><port number="7000"/></container></pod>
< <pod name="P4" address="10.1.2.2"><container name="C4.1"><port number="8080"/></container><container name="C4.2"><port number="9090"/></container></pod>
< </node>
< </cluster>
? 1
> source,address,port,protocol,old_verdict,old_receiver,new_verdict,new_receiver
> D1,10.1.2.1,7000,TCP,absent,,delivered,C2.2
> C1.1,10.1.2.1,7000,TCP,absent,,delivered,C2.2
> C1.2,10.1.2.1,7000,TCP,absent,,delivered,C2.2
> C3.1,10.1.2.1,7000,TCP,absent,,delivered,C2.2
> C3.2,10.1.2.1,7000,TCP,absent,,delivered,C2.2
> D2,10.1.2.1,7000,TCP,absent,,delivered,C2.2
> C2.1,127.0.0.1,7000,TCP,absent,,delivered,C2.2
> C2.1,10.1.2.1,7000,TCP,absent,,delivered,C2.2
> C2.2,127.0.0.1,7000,TCP,absent,,delivered,C2.2
> C2.2,10.1.2.1,7000,TCP,absent,,delivered,C2.2
> C4.1,10.1.2.1,7000,TCP,absent,,delivered,C2.2
> C4.2,10.1.2.1,7000,TCP,absent,,delivered,C2.2

$ k8snet diff samples/k1.xml -
< <cluster name="K1">
< <node name="N1" address="192.168.0.1"><daemon name="D1"/>
< <pod name="P1" address="10.1.1.1"><container name="C1.1"><port number="8080"/></container><container name="C1.2"><port number="9090"/></container></pod>
< <pod name="P3" address="10.1.1.2"><container name="C3.1"><port number="8080"/></container><container name="C3.2"><port number="9090"/></container></pod>
< </node>
< <node name="N2" address="192.168.0.2"><daemon name="D2"/>
< <pod name="P2" address="10.1.2.1"><container name="C2.1"><port number="8080"/></container><container name="C2.2"><port number="9090"/><port number="7000"/></container></pod>
< <pod name="P4" address="10.1.2.2"><container name="C4.1"><port number="8080"/></container><container name="C4.2"><port number="9090"/></container></pod>
< </node>
< </cluster>
? 1
> diff of cluster K1 (old) and cluster K1 (new), --ports open
>
> from the daemons of node N1: 1 gained
>   to pod P2 (10.1.2.1): 1 gained
>     + D1 -> 10.1.2.1:7000/TCP: absent => delivered to C2.2
>
> from pod P1 (on N1): 2 gained
>   to pod P2 (10.1.2.1): 2 gained
>     + C1.1 -> 10.1.2.1:7000/TCP: absent => delivered to C2.2
>     + C1.2 -> 10.1.2.1:7000/TCP: absent => delivered to C2.2
>
> from pod P3 (on N1): 2 gained
>   to pod P2 (10.1.2.1): 2 gained
>     + C3.1 -> 10.1.2.1:7000/TCP: absent => delivered to C2.2
>     + C3.2 -> 10.1.2.1:7000/TCP: absent => delivered to C2.2
>
> from the daemons of node N2: 1 gained
>   to pod P2 (10.1.2.1): 1 gained
>     + D2 -> 10.1.2.1:7000/TCP: absent => delivered to C2.2
>
> from pod P2 (on N2): 4 gained
>   to 127.0.0.1 (inside the pod): 2 gained
>     + C2.1 -> 127.0.0.1:7000/TCP: absent => delivered to C2.2
>     + C2.2 -> 127.0.0.1:7000/TCP: absent => delivered to C2.2
>   to pod P2 (10.1.2.1): 2 gained
>     + C2.1 -> 10.1.2.1:7000/TCP: absent => delivered to C2.2
>     + C2.2 -> 10.1.2.1:7000/TCP: absent => delivered to C2.2
>
> from pod P4 (on N2): 2 gained
>   to pod P2 (10.1.2.1): 2 gained
>     + C4.1 -> 10.1.2.1:7000/TCP: absent => delivered to C2.2
>     + C4.2 -> 10.1.2.1:7000/TCP: absent => delivered to C2.2
>
> summary: 12 of 108 pairs changed: 12 gained, 0 lost, 0 changed

# --ports all: 7000 at every address for every sender is new (68 pairs);
# only P2's are delivered (12). The other pods' addresses loop (10 senders
# x 3 pods); 127.0.0.1 in the other pods (6) and the node addresses (10 x
# 2) are discarded: changed, not gained.
$ set -o pipefail; k8snet diff samples/k1.xml - --ports all | tail -n 1
< <cluster name="K1">
< <node name="N1" address="192.168.0.1"><daemon name="D1"/>
< <pod name="P1" address="10.1.1.1"><container name="C1.1"><port number="8080"/></container><container name="C1.2"><port number="9090"/></container></pod>
< <pod name="P3" address="10.1.1.2"><container name="C3.1"><port number="8080"/></container><container name="C3.2"><port number="9090"/></container></pod>
< </node>
< <node name="N2" address="192.168.0.2"><daemon name="D2"/>
< <pod name="P2" address="10.1.2.1"><container name="C2.1"><port number="8080"/></container><container name="C2.2"><port number="9090"/><port number="7000"/></container></pod>
< <pod name="P4" address="10.1.2.2"><container name="C4.1"><port number="8080"/></container><container name="C4.2"><port number="9090"/></container></pod>
< </node>
< </cluster>
? 1
> summary: 68 of 204 pairs changed: 12 gained, 0 lost, 56 changed

$ k8snet diff samples/k1.xml - --ports all --format csv -o all.csv
< <cluster name="K1">
< <node name="N1" address="192.168.0.1"><daemon name="D1"/>
< <pod name="P1" address="10.1.1.1"><container name="C1.1"><port number="8080"/></container><container name="C1.2"><port number="9090"/></container></pod>
< <pod name="P3" address="10.1.1.2"><container name="C3.1"><port number="8080"/></container><container name="C3.2"><port number="9090"/></container></pod>
< </node>
< <node name="N2" address="192.168.0.2"><daemon name="D2"/>
< <pod name="P2" address="10.1.2.1"><container name="C2.1"><port number="8080"/></container><container name="C2.2"><port number="9090"/><port number="7000"/></container></pod>
< <pod name="P4" address="10.1.2.2"><container name="C4.1"><port number="8080"/></container><container name="C4.2"><port number="9090"/></container></pod>
< </node>
< </cluster>
? 1
= test "$(wc -l <all.csv)" = 69 && test "$(grep -c ',absent,,delivered,C2.2$' all.csv)" = 12 && test "$(grep -c ',absent,,loop,$' all.csv)" = 30 && test "$(grep -c ',absent,,discarded,$' all.csv)" = 26

# ---- a forward override that loops, as a change ----

# node-b sends dns's address back to node-a: whoever reaches dns through a
# node loses it; coredns reaches its own pod's address without one.
$ k8snet diff samples/audit-old.xml -
< <cluster name="shop">
< <node name="node-a" address="192.168.10.1"><daemon name="kubelet-a"><port number="10250"/></daemon>
< <pod name="web" address="10.244.1.10"><container name="nginx"><port number="80"/></container><container name="exporter"><port number="9113"/></container></pod>
< </node>
< <node name="node-b" address="192.168.10.2"><daemon name="kubelet-b"><port number="10250"/></daemon>
< <pod name="api" address="10.244.2.10"><container name="app"><port number="8080"/></container></pod>
< <pod name="dns" address="10.244.2.53"><container name="coredns"><port number="53"/><port number="53" protocol="UDP"/></container></pod>
< </node>
< <fib switch="node-b"><rule action="forward" dst="10.244.2.53" to="node-a"/></fib>
< </cluster>
? 1
> diff of cluster shop (old) and cluster shop (new), --ports open
>
> from the daemons of node node-a: 2 lost
>   to pod dns (10.244.2.53): 2 lost
>     - kubelet-a -> 10.244.2.53:53/TCP: delivered to coredns => loop: node-a is reached again with the same header
>         new path: kubelet-a>node-a>node-b>node-a
>     - kubelet-a -> 10.244.2.53:53/UDP: delivered to coredns => loop: node-a is reached again with the same header
>         new path: kubelet-a>node-a>node-b>node-a
>
> from pod web (on node-a): 4 lost
>   to pod dns (10.244.2.53): 4 lost
>     - nginx -> 10.244.2.53:53/TCP: delivered to coredns => loop: node-a is reached again with the same header
>         new path: nginx>web>node-a>node-b>node-a
>     - nginx -> 10.244.2.53:53/UDP: delivered to coredns => loop: node-a is reached again with the same header
>         new path: nginx>web>node-a>node-b>node-a
>     - exporter -> 10.244.2.53:53/TCP: delivered to coredns => loop: node-a is reached again with the same header
>         new path: exporter>web>node-a>node-b>node-a
>     - exporter -> 10.244.2.53:53/UDP: delivered to coredns => loop: node-a is reached again with the same header
>         new path: exporter>web>node-a>node-b>node-a
>
> from the daemons of node node-b: 2 lost
>   to pod dns (10.244.2.53): 2 lost
>     - kubelet-b -> 10.244.2.53:53/TCP: delivered to coredns => loop: node-b is reached again with the same header
>         new path: kubelet-b>node-b>node-a>node-b
>     - kubelet-b -> 10.244.2.53:53/UDP: delivered to coredns => loop: node-b is reached again with the same header
>         new path: kubelet-b>node-b>node-a>node-b
>
> from pod api (on node-b): 2 lost
>   to pod dns (10.244.2.53): 2 lost
>     - app -> 10.244.2.53:53/TCP: delivered to coredns => loop: node-b is reached again with the same header
>         new path: app>api>node-b>node-a>node-b
>     - app -> 10.244.2.53:53/UDP: delivered to coredns => loop: node-b is reached again with the same header
>         new path: app>api>node-b>node-a>node-b
>
> summary: 10 of 49 pairs changed: 0 gained, 10 lost, 0 changed

# The other way round, the fix: gained, with the path it used to die on.
$ k8snet diff - samples/audit-old.xml | sed -n 1,8p; exit "${PIPESTATUS[0]}"
< <cluster name="shop">
< <node name="node-a" address="192.168.10.1"><daemon name="kubelet-a"><port number="10250"/></daemon>
< <pod name="web" address="10.244.1.10"><container name="nginx"><port number="80"/></container><container name="exporter"><port number="9113"/></container></pod>
< </node>
< <node name="node-b" address="192.168.10.2"><daemon name="kubelet-b"><port number="10250"/></daemon>
< <pod name="api" address="10.244.2.10"><container name="app"><port number="8080"/></container></pod>
< <pod name="dns" address="10.244.2.53"><container name="coredns"><port number="53"/><port number="53" protocol="UDP"/></container></pod>
< </node>
< <fib switch="node-b"><rule action="forward" dst="10.244.2.53" to="node-a"/></fib>
< </cluster>
? 1
> diff of cluster shop (old) and cluster shop (new), --ports open
>
> from the daemons of node node-a: 2 gained
>   to pod dns (10.244.2.53): 2 gained
>     + kubelet-a -> 10.244.2.53:53/TCP: loop: node-a is reached again with the same header => delivered to coredns
>         old path: kubelet-a>node-a>node-b>node-a
>     + kubelet-a -> 10.244.2.53:53/UDP: loop: node-a is reached again with the same header => delivered to coredns
>         old path: kubelet-a>node-a>node-b>node-a

# ---- status 2: bad usage or an invalid spec; both specs report ----

$ printf '<cluster name="x"/>\n' >bad.xml && k8snet diff - bad.xml
< <cluster name="y"><node name="N" address="10.0.0.01"/></cluster>
? 2
! <stdin>:1: error: invalid address '10.0.0.01' (an IPv4 address in dotted-quad form, no leading zeros)
! bad.xml:1: error: a cluster needs at least one <node>

$ k8snet diff samples/audit-old.xml
? 2
! k8snet: diff: missing arguments: diff OLD_SPEC NEW_SPEC
! Try 'k8snet --help' for more information.

$ k8snet diff samples/audit-old.xml samples/audit-new.xml samples/k1.xml
? 2
! k8snet: diff: too many arguments: diff OLD_SPEC NEW_SPEC
! Try 'k8snet --help' for more information.

$ k8snet diff samples/audit-old.xml samples/audit-new.xml --format json
? 2
! k8snet: diff: unknown format 'json' (text or csv)
! Try 'k8snet --help' for more information.

$ k8snet diff samples/audit-old.xml samples/audit-new.xml --all
? 2
! k8snet: diff: option '--all' does not apply to this command
! Try 'k8snet --help' for more information.

# ---- status 3: I/O, which wins over 1 (and over an invalid spec) ----

$ k8snet diff samples/audit-old.xml samples/audit-new.xml --format csv >/dev/full
? 3
! k8snet: cannot write standard output: No space left on device

$ k8snet diff samples/audit-old.xml samples/audit-old.xml >/dev/full
? 3
! k8snet: cannot write standard output: No space left on device

$ k8snet diff - samples/no-such-spec.xml
< <cluster name="y"><node name="N" address="10.0.0.01"/></cluster>
? 3
! <stdin>:1: error: invalid address '10.0.0.01' (an IPv4 address in dotted-quad form, no leading zeros)
! samples/no-such-spec.xml: error: cannot read the spec: No such file or directory
