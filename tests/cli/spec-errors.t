# Every rule of the spec format (k8snet-spec(5)), broken once: each case
# feeds a small spec on standard input to `k8snet validate -` and checks
# the exact messages, `<stdin>:LINE: error: TEXT` with the line of the
# offending element, status 2 and nothing on standard output. Warnings do
# not change the status.

# ---- elements: unknown elements, at every level ----

$ k8snet validate -
< <cluster name="x">
<   <router name="r"/>
<   <node name="N" address="10.0.0.1">
<     <container name="c"/>
<     <pod name="p" address="10.0.1.1">
<       <daemon name="d"/>
<       <container name="c2"><pod name="q" address="10.0.1.2"/></container>
<     </pod>
<   </node>
< </cluster>
? 2
! <stdin>:2: error: unknown element <router> in <cluster>
! <stdin>:4: error: unknown element <container> in <node>
! <stdin>:6: error: unknown element <daemon> in <pod>
! <stdin>:7: error: unknown element <pod> in <container>

# Elements that take no children: port, link-down, rule, expect.
$ k8snet validate -
< <cluster name="x">
<   <node name="N" address="10.0.0.1">
<     <daemon name="d"><port number="1"><port number="2"/></port></daemon>
<   </node>
<   <link-down from="d" to="N"><why/></link-down>
<   <fib switch="N"><rule action="discard"><match/></rule><table/></fib>
<   <expect from="d" to="10.0.0.1:1" verdict="delivered"><note/></expect>
< </cluster>
? 2
! <stdin>:3: error: <port> may not contain <port>
! <stdin>:5: error: <link-down> may not contain <why>
! <stdin>:6: error: <rule> may not contain <match>
! <stdin>:6: error: unknown element <table> in <fib>
! <stdin>:7: error: <expect> may not contain <note>

# Text where only elements belong.
$ k8snet validate -
< <cluster name="x">
<   <node name="N" address="10.0.0.1">N</node>
<   nodes: <node name="M" address="10.0.0.2"/>
< </cluster>
? 2
! <stdin>:2: error: unexpected text in <node>
! <stdin>:3: error: unexpected text in <cluster>

# The root element must be <cluster>, with at least one node.
$ k8snet validate -
< <clusters name="x"/>
? 2
! <stdin>:1: error: the root element must be <cluster>

$ k8snet validate -
< <cluster name="x">
< </cluster>
? 2
! <stdin>:1: error: a cluster needs at least one <node>

# ---- unknown attributes, on every element (rules have no sport), and a
# version that is not 1.0, 1.1 or 1.2 ----

$ k8snet validate -
< <cluster name="x" version="1">
<   <node name="N" address="10.0.0.1" zone="a">
<     <daemon name="d" address="10.0.0.1"><port number="1" host="0.0.0.0"/></daemon>
<     <pod name="p" address="10.0.1.1" ip="10.0.1.1">
<       <container name="c" image="nginx"/>
<     </pod>
<   </node>
<   <node name="M" address="10.0.0.2"/>
<   <link-down from="N" to="M" reason="test"/>
<   <fib switch="N" table="main"><rule action="discard" sport="80"/></fib>
<   <expect from="c" to="10.0.1.1:1" verdict="loop" why="x"/>
< </cluster>
? 2
! <stdin>:1: error: unknown version '1' (1.0, 1.1 or 1.2)
! <stdin>:2: error: unknown attribute 'zone' on <node>
! <stdin>:3: error: unknown attribute 'address' on <daemon>
! <stdin>:3: error: unknown attribute 'host' on <port>
! <stdin>:4: error: unknown attribute 'ip' on <pod>; did you mean 'address'?
! <stdin>:5: error: unknown attribute 'image' on <container>
! <stdin>:9: error: unknown attribute 'reason' on <link-down>
! <stdin>:10: error: unknown attribute 'table' on <fib>
! <stdin>:10: error: unknown attribute 'sport' on <rule>
! <stdin>:11: error: unknown attribute 'why' on <expect>

# ---- missing required attributes ----

$ k8snet validate -
< <cluster>
<   <node address="10.0.0.1"/>
<   <node name="N">
<     <daemon/>
<     <pod address="10.0.1.1"/>
<     <pod name="p"><container/></pod>
<     <pod name="q" address="10.0.1.2"><container name="c"><port/></container></pod>
<   </node>
< </cluster>
? 2
! <stdin>:1: error: <cluster> needs a 'name' attribute
! <stdin>:2: error: <node> needs a 'name' attribute
! <stdin>:3: error: <node> needs an 'address' attribute
! <stdin>:4: error: <daemon> needs a 'name' attribute
! <stdin>:5: error: <pod> needs a 'name' attribute
! <stdin>:6: error: <pod> needs an 'address' attribute
! <stdin>:6: error: <container> needs a 'name' attribute
! <stdin>:7: error: <port> needs a 'number' attribute

$ k8snet validate -
< <cluster name="x">
<   <node name="N" address="10.0.0.1"><pod name="p" address="10.0.1.1"><container name="c"/></pod></node>
<   <node name="M" address="10.0.0.2"/>
<   <link-down from="N"/>
<   <link-down to="M"/>
<   <fib><rule action="discard"/></fib>
<   <fib switch="N"><rule to="M"/></fib>
<   <fib switch="N"><rule action="forward"/><rule action="deliver"/></fib>
<   <expect/>
< </cluster>
? 2
! <stdin>:4: error: <link-down> needs a 'to' attribute
! <stdin>:5: error: <link-down> needs a 'from' attribute
! <stdin>:6: error: <fib> needs a 'switch' attribute
! <stdin>:7: error: <rule> needs an 'action' attribute
! <stdin>:8: error: <rule> needs a 'to' attribute
! <stdin>:8: error: <rule> needs a 'to' attribute
! <stdin>:9: error: <expect> needs a 'from' attribute
! <stdin>:9: error: <expect> needs a 'to' attribute
! <stdin>:9: error: <expect> needs a 'verdict' attribute

# ---- names ----

# A vertex name: 1 to 512 of A-Z a-z 0-9 . _ - / :, starting with a letter
# or a digit (web-1/nginx:v2 and 0.x_y are fine).
$ k8snet validate -
< <cluster name="x">
<   <node name="" address="10.0.0.1"/>
<   <node name="-n" address="10.0.0.2"/>
<   <node name="a b" address="10.0.0.3"/>
<   <node name="N" address="10.0.0.4">
<     <daemon name="d@host"/>
<     <pod name=".p" address="10.0.1.1"><container name="c*"/></pod>
<     <pod name="0.x_y" address="10.0.1.2"><container name="web-1/nginx:v2"/></pod>
<   </node>
< </cluster>
? 2
! <stdin>:2: error: invalid node name '' (1 to 512 characters of A-Z a-z 0-9 . _ - / :, starting with a letter or digit)
! <stdin>:3: error: invalid node name '-n' (1 to 512 characters of A-Z a-z 0-9 . _ - / :, starting with a letter or digit)
! <stdin>:4: error: invalid node name 'a b' (1 to 512 characters of A-Z a-z 0-9 . _ - / :, starting with a letter or digit)
! <stdin>:6: error: invalid daemon name 'd@host' (1 to 512 characters of A-Z a-z 0-9 . _ - / :, starting with a letter or digit)
! <stdin>:7: error: invalid pod name '.p' (1 to 512 characters of A-Z a-z 0-9 . _ - / :, starting with a letter or digit)
! <stdin>:7: error: invalid container name 'c*' (1 to 512 characters of A-Z a-z 0-9 . _ - / :, starting with a letter or digit)

# 512 characters is the longest name (spec 1.2; it was 253); 513 is one
# too many.
$ (echo '<cluster name="x"><node name="N" address="10.0.0.1">'; printf '<daemon name="%s"/>\n' $(printf 'a%.0s' $(seq 512)) $(printf 'b%.0s' $(seq 513)); echo '</node></cluster>') | k8snet validate - 2>&1 | sed 's/b\{513\}/(513 b)/'
> <stdin>:3: error: invalid daemon name '(513 b)' (1 to 512 characters of A-Z a-z 0-9 . _ - / :, starting with a letter or digit)

# One name space for nodes, pods, containers and daemons: every vertex is
# named once in the whole spec.
$ k8snet validate -
< <cluster name="x">
<   <node name="N" address="10.0.0.1">
<     <daemon name="web"/>
<     <pod name="N" address="10.0.1.1">
<       <container name="web"/>
<       <container name="app"/>
<     </pod>
<   </node>
<   <node name="M" address="10.0.0.2">
<     <pod name="q" address="10.0.2.1"><container name="app"/></pod>
<     <pod name="app" address="10.0.2.2"/>
<   </node>
< </cluster>
? 2
! <stdin>:4: error: duplicate name 'N' (already a node at line 2)
! <stdin>:5: error: duplicate name 'web' (already a daemon at line 3)
! <stdin>:10: error: duplicate name 'app' (already a container at line 6)
! <stdin>:11: error: duplicate name 'app' (already a container at line 6)

# The cluster's name is free text (here: UTF-8, quotes, <, &), but no
# control character (a tab, DEL, a C1 character such as NEL U+0085).
$ k8snet validate -
< <cluster name="café &quot;prod&quot; &lt;eu&gt; &amp; co"><node name="N" address="10.0.0.1"/></cluster>
> <stdin>: valid: cluster café "prod" <eu> & co: 1 node, 0 pods, 0 containers, 0 daemons, 0 endpoints

$ k8snet validate -
< <cluster name="a&#9;b"><node name="N" address="10.0.0.1"/></cluster>
? 2
! <stdin>:1: error: invalid cluster name (at most 253 bytes, no control characters)

$ k8snet validate -
< <cluster name="a&#127;b"><node name="N" address="10.0.0.1"/></cluster>
? 2
! <stdin>:1: error: invalid cluster name (at most 253 bytes, no control characters)

$ k8snet validate -
< <cluster name="a&#x85;b"><node name="N" address="10.0.0.1"/></cluster>
? 2
! <stdin>:1: error: invalid cluster name (at most 253 bytes, no control characters)

# At most 253 bytes: 126 two-byte letters pass, 127 (254 bytes) do not.
$ for n in 126 127; do printf '<cluster name="%s"><node name="N" address="10.0.0.1"/></cluster>\n' "$(printf 'é%.0s' $(seq $n))" | k8snet validate - >/dev/null; echo "$n: status $?"; done
> 126: status 0
> 127: status 2
! <stdin>:1: error: invalid cluster name (at most 253 bytes, no control characters)

# ---- addresses ----

# Canonical IPv4 dotted quads only: no leading zero, four parts, 0-255, no
# prefix, no spaces.
$ k8snet validate -
< <cluster name="x">
<   <node name="N1" address="10.0.0.01"/>
<   <node name="N2" address="10.0.1"/>
<   <node name="N3" address="10.0.0.256"/>
<   <node name="N4" address="10.0.0.0/24"/>
<   <node name="N5" address=" 10.0.0.5"/>
<   <node name="N6" address="0x0a.0.0.6"/>
<   <node name="N7" address="::1"/>
< </cluster>
? 2
! <stdin>:2: error: invalid address '10.0.0.01' (an IPv4 address in dotted-quad form, no leading zeros)
! <stdin>:3: error: invalid address '10.0.1' (an IPv4 address in dotted-quad form, no leading zeros)
! <stdin>:4: error: invalid address '10.0.0.256' (an IPv4 address in dotted-quad form, no leading zeros)
! <stdin>:5: error: invalid address '10.0.0.0/24' (an IPv4 address in dotted-quad form, no leading zeros)
! <stdin>:6: error: invalid address ' 10.0.0.5' (an IPv4 address in dotted-quad form, no leading zeros)
! <stdin>:7: error: invalid address '0x0a.0.0.6' (an IPv4 address in dotted-quad form, no leading zeros)
! <stdin>:8: error: invalid address '::1' (an IPv4 address in dotted-quad form, no leading zeros)

# Loopback (all of 127.0.0.0/8) and 0.0.0.0 belong to no node or pod.
$ k8snet validate -
< <cluster name="x">
<   <node name="N1" address="127.0.0.1"/>
<   <node name="N2" address="0.0.0.0"/>
<   <node name="N3" address="10.0.0.3">
<     <pod name="p" address="127.3.2.1"/>
<   </node>
< </cluster>
? 2
! <stdin>:2: error: address 127.0.0.1 is reserved (loopback or 0.0.0.0): a node cannot have it
! <stdin>:3: error: address 0.0.0.0 is reserved (loopback or 0.0.0.0): a node cannot have it
! <stdin>:5: error: address 127.3.2.1 is reserved (loopback or 0.0.0.0): a pod cannot have it

# Every node and pod address is distinct.
$ k8snet validate -
< <cluster name="x">
<   <node name="N1" address="10.0.0.1">
<     <pod name="p" address="10.0.1.1"/>
<     <pod name="q" address="10.0.1.1"/>
<     <pod name="r" address="10.0.0.1"/>
<   </node>
<   <node name="N2" address="10.0.1.1"/>
< </cluster>
? 2
! <stdin>:4: error: address 10.0.1.1 is already the address of pod 'p' (line 3)
! <stdin>:5: error: address 10.0.0.1 is already the address of node 'N1' (line 2)
! <stdin>:7: error: address 10.0.1.1 is already the address of pod 'p' (line 3)

# ---- ports and protocols ----

$ k8snet validate -
< <cluster name="x">
<   <node name="N" address="10.0.0.1">
<     <daemon name="d">
<       <port number="0"/>
<       <port number="65536"/>
<       <port number="08080"/>
<       <port number="80a"/>
<       <port number=""/>
<       <port number="-1"/>
<       <port number="65535"/>
<       <port number="1"/>
<     </daemon>
<   </node>
< </cluster>
? 2
! <stdin>:4: error: invalid port number '0' (1 to 65535, no leading zeros)
! <stdin>:5: error: invalid port number '65536' (1 to 65535, no leading zeros)
! <stdin>:6: error: invalid port number '08080' (1 to 65535, no leading zeros)
! <stdin>:7: error: invalid port number '80a' (1 to 65535, no leading zeros)
! <stdin>:8: error: invalid port number '' (1 to 65535, no leading zeros)
! <stdin>:9: error: invalid port number '-1' (1 to 65535, no leading zeros)

# Protocols in capitals, as in Kubernetes.
$ k8snet validate -
< <cluster name="x">
<   <node name="N" address="10.0.0.1">
<     <daemon name="d">
<       <port number="1" protocol="tcp"/>
<       <port number="2" protocol="Udp"/>
<       <port number="3" protocol="ICMP"/>
<       <port number="4" protocol=""/>
<     </daemon>
<   </node>
< </cluster>
? 2
! <stdin>:4: error: unknown protocol 'tcp' (TCP, UDP or SCTP, in capitals)
! <stdin>:5: error: unknown protocol 'Udp' (TCP, UDP or SCTP, in capitals)
! <stdin>:6: error: unknown protocol 'ICMP' (TCP, UDP or SCTP, in capitals)
! <stdin>:7: error: unknown protocol '' (TCP, UDP or SCTP, in capitals)

# The containers of a pod share one network namespace: a (port, protocol)
# is opened once in it (two containers, or one container twice; TCP is the
# default protocol). The same port with another protocol, or in another
# pod, is fine.
$ k8snet validate -
< <cluster name="x">
<   <node name="N" address="10.0.0.1">
<     <pod name="p" address="10.0.1.1">
<       <container name="a"><port number="80"/><port number="80" protocol="UDP"/></container>
<       <container name="b"><port number="80" protocol="TCP"/></container>
<       <container name="c"><port number="53" protocol="SCTP"/><port number="53" protocol="SCTP"/></container>
<     </pod>
<     <pod name="q" address="10.0.1.2"><container name="e"><port number="80"/></container></pod>
<   </node>
< </cluster>
? 2
! <stdin>:5: error: port 80/TCP is already open in pod 'p' (by 'a', line 4)
! <stdin>:6: error: port 53/SCTP is already open in pod 'p' (by 'c', line 6)

# Likewise for the daemons of one node (a node's pods and its daemons do
# not share a namespace, nor do two nodes).
$ k8snet validate -
< <cluster name="x">
<   <node name="N" address="10.0.0.1">
<     <daemon name="d1"><port number="10250"/></daemon>
<     <pod name="p" address="10.0.1.1"><container name="c"><port number="10250"/></container></pod>
<     <daemon name="d2"><port number="10250"/><port number="53" protocol="UDP"/></daemon>
<   </node>
<   <node name="M" address="10.0.0.2"><daemon name="d3"><port number="10250"/></daemon></node>
< </cluster>
? 2
! <stdin>:5: error: port 10250/TCP is already open in node 'N' (by 'd1', line 3)

# ---- link-down ----

# It names two vertices that the graph links: container-pod, daemon-node,
# pod-node, node-node. Anything else is an error, as is an unknown name.
$ k8snet validate -
< <cluster name="x">
<   <node name="N" address="10.0.0.1">
<     <daemon name="d"/>
<     <pod name="p" address="10.0.1.1"><container name="c"/></pod>
<   </node>
<   <node name="M" address="10.0.0.2"><pod name="q" address="10.0.2.1"/></node>
<   <link-down from="c" to="N"/>
<   <link-down from="p" to="M"/>
<   <link-down from="d" to="p"/>
<   <link-down from="q" to="p"/>
<   <link-down from="N" to="N"/>
<   <link-down from="N" to="X"/>
<   <link-down from="Y" to="Z"/>
< </cluster>
? 2
! <stdin>:7: error: there is no link between container 'c' and node 'N'
! <stdin>:8: error: there is no link between pod 'p' and node 'M'
! <stdin>:9: error: there is no link between daemon 'd' and pod 'p'
! <stdin>:10: error: there is no link between pod 'q' and pod 'p'
! <stdin>:11: error: there is no link between node 'N' and node 'N'
! <stdin>:12: error: 'to' names 'X', which is not a node, pod, container or daemon of the spec
! <stdin>:13: error: 'from' names 'Y', which is not a node, pod, container or daemon of the spec
! <stdin>:13: error: 'to' names 'Z', which is not a node, pod, container or daemon of the spec

# The same link given twice (in either direction) is a warning, not an
# error; a link-down may come before the vertices it names.
$ k8snet validate -
< <cluster name="x">
<   <link-down from="N" to="M"/>
<   <node name="N" address="10.0.0.1"><daemon name="d"/></node>
<   <node name="M" address="10.0.0.2"/>
<   <link-down from="M" to="N"/>
<   <link-down from="d" to="N"/>
<   <link-down from="N" to="d"/>
< </cluster>
> <stdin>: valid: cluster x: 2 nodes, 0 pods, 0 containers, 1 daemon, 0 endpoints
! <stdin>:5: warning: the link between 'M' and 'N' is already down
! <stdin>:7: warning: the link between 'N' and 'd' is already down

# ---- fib ----

# A fib belongs to a pod or a node that exists, and holds rules.
$ k8snet validate -
< <cluster name="x">
<   <node name="N" address="10.0.0.1">
<     <daemon name="d"/>
<     <pod name="p" address="10.0.1.1"><container name="c"/></pod>
<   </node>
<   <fib switch="c"><rule action="discard"/></fib>
<   <fib switch="d"><rule action="discard"/></fib>
<   <fib switch="X"><rule action="discard"/></fib>
<   <fib switch="p"/>
<   <fib switch="p">
<   </fib>
< </cluster>
? 2
! <stdin>:6: error: a fib belongs to a pod or node; 'c' is a container
! <stdin>:7: error: a fib belongs to a pod or node; 'd' is a daemon
! <stdin>:8: error: 'switch' names 'X', which is not a node, pod, container or daemon of the spec
! <stdin>:9: error: a <fib> needs at least one <rule>
! <stdin>:10: error: a <fib> needs at least one <rule>

# A rule: its action is deliver, forward or discard; deliver and forward
# name a "to" (a process for deliver, a switch for forward, one that
# exists); discard names none.
$ k8snet validate -
< <cluster name="x">
<   <node name="N" address="10.0.0.1">
<     <daemon name="d"/>
<     <pod name="p" address="10.0.1.1"><container name="c"/></pod>
<   </node>
<   <fib switch="p">
<     <rule action="drop"/>
<     <rule action="Discard"/>
<     <rule action="discard" to="N"/>
<     <rule action="deliver" to="N"/>
<     <rule action="deliver" to="p"/>
<     <rule action="forward" to="c"/>
<     <rule action="forward" to="d"/>
<     <rule action="forward" to="X"/>
<     <rule action="deliver" to="c"/>
<     <rule action="forward" to="N"/>
<   </fib>
< </cluster>
? 2
! <stdin>:7: error: unknown action 'drop' (deliver, forward or discard)
! <stdin>:8: error: unknown action 'Discard' (deliver, forward or discard)
! <stdin>:9: error: a discard rule has no 'to'
! <stdin>:10: error: a deliver rule's 'to' must be a container or daemon; 'N' is a node
! <stdin>:11: error: a deliver rule's 'to' must be a container or daemon; 'p' is a pod
! <stdin>:12: error: a forward rule's 'to' must be a pod or node; 'c' is a container
! <stdin>:13: error: a forward rule's 'to' must be a pod or node; 'd' is a daemon
! <stdin>:14: error: 'to' names 'X', which is not a node, pod, container or daemon of the spec

# A rule's match fields: src and dst are an address or a canonical prefix
# (a prefix with host bits set suggests the right one); dport a port or a
# range LO-HI with 1 <= LO <= HI <= 65535; protocol in capitals.
$ k8snet validate -
< <cluster name="x">
<   <node name="N" address="10.0.0.1"/>
<   <fib switch="N">
<     <rule action="discard" dst="10.1.2.7/24"/>
<     <rule action="discard" src="10.1.2.0/8"/>
<     <rule action="discard" dst="10.1.2.0/33"/>
<     <rule action="discard" src="10.1.2"/>
<     <rule action="discard" dst="10.1.02.0/24"/>
<     <rule action="discard" dport="0"/>
<     <rule action="discard" dport="9000-8000"/>
<     <rule action="discard" dport="1-65536"/>
<     <rule action="discard" dport="80-"/>
<     <rule action="discard" dport="http"/>
<     <rule action="discard" protocol="udp"/>
<     <rule action="discard" src="0.0.0.0/0" dst="10.1.2.7" dport="1-65535" protocol="SCTP"/>
<     <rule action="discard" dst="127.0.0.1" dport="8080-8080"/>
<   </fib>
< </cluster>
? 2
! <stdin>:4: error: 'dst' prefix 10.1.2.7/24 has host bits set; did you mean 10.1.2.0/24?
! <stdin>:5: error: 'src' prefix 10.1.2.0/8 has host bits set; did you mean 10.0.0.0/8?
! <stdin>:6: error: invalid 'dst' '10.1.2.0/33' (an IPv4 address or a prefix ADDR/LEN)
! <stdin>:7: error: invalid 'src' '10.1.2' (an IPv4 address or a prefix ADDR/LEN)
! <stdin>:8: error: invalid 'dst' '10.1.02.0/24' (an IPv4 address or a prefix ADDR/LEN)
! <stdin>:9: error: invalid 'dport' '0' (a port or a range LO-HI, 1 <= LO <= HI <= 65535)
! <stdin>:10: error: invalid 'dport' '9000-8000' (a port or a range LO-HI, 1 <= LO <= HI <= 65535)
! <stdin>:11: error: invalid 'dport' '1-65536' (a port or a range LO-HI, 1 <= LO <= HI <= 65535)
! <stdin>:12: error: invalid 'dport' '80-' (a port or a range LO-HI, 1 <= LO <= HI <= 65535)
! <stdin>:13: error: invalid 'dport' 'http' (a port or a range LO-HI, 1 <= LO <= HI <= 65535)
! <stdin>:14: error: unknown protocol 'udp' (TCP, UDP or SCTP, in capitals)

# A rule whose "to" is not linked to its switch is valid (it models a
# misconfiguration): a warning, status 0. Several fib elements for one
# switch are allowed.
$ k8snet validate -
< <cluster name="x">
<   <node name="N" address="10.0.0.1">
<     <pod name="p" address="10.0.1.1"><container name="c"/></pod>
<     <pod name="q" address="10.0.1.2"><container name="e"/></pod>
<   </node>
<   <fib switch="p"><rule action="deliver" to="e"/></fib>
<   <fib switch="p"><rule action="forward" to="q"/></fib>
<   <fib switch="N"><rule action="deliver" to="c"/><rule action="forward" to="N"/></fib>
< </cluster>
> <stdin>: valid: cluster x: 1 node, 2 pods, 2 containers, 0 daemons, 0 endpoints
! <stdin>:6: warning: 'e' is not linked to switch 'p': this rule discards what it matches
! <stdin>:7: warning: 'q' is not linked to switch 'p': this rule discards what it matches
! <stdin>:8: warning: 'c' is not linked to switch 'N': this rule discards what it matches
! <stdin>:8: warning: 'N' is not linked to switch 'N': this rule discards what it matches

# ---- expect ----

# from: an existing process; to: ADDR:PORT or ADDR:PORT/PROTO; verdict:
# delivered, discarded or loop; receiver: an existing process, only with
# verdict="delivered".
$ k8snet validate -
< <cluster name="x">
<   <node name="N" address="10.0.0.1">
<     <daemon name="d"/>
<     <pod name="p" address="10.0.1.1"><container name="c"><port number="80"/></container></pod>
<   </node>
<   <expect from="p" to="10.0.1.1:80" verdict="delivered"/>
<   <expect from="X" to="10.0.1.1:80" verdict="delivered"/>
<   <expect from="c" to="10.0.1.1" verdict="delivered"/>
<   <expect from="c" to="10.0.1.1:80/tcp" verdict="delivered"/>
<   <expect from="c" to="10.0.1.1:0" verdict="delivered"/>
<   <expect from="c" to="p:80" verdict="delivered"/>
<   <expect from="c" to="10.0.1.1:80" verdict="reached"/>
<   <expect from="c" to="10.0.1.1:80" verdict="discarded" receiver="c"/>
<   <expect from="c" to="10.0.1.1:80" verdict="delivered" receiver="p"/>
<   <expect from="c" to="10.0.1.1:80" verdict="delivered" receiver="X"/>
<   <expect from="d" to="127.0.0.1:80/UDP" verdict="discarded"/>
<   <expect from="d" to="10.0.1.1:80" verdict="delivered" receiver="c"/>
< </cluster>
? 2
! <stdin>:6: error: an expect's 'from' must be a container or daemon; 'p' is a pod
! <stdin>:7: error: 'from' names 'X', which is not a node, pod, container or daemon of the spec
! <stdin>:8: error: invalid 'to' '10.0.1.1' (ADDR:PORT or ADDR:PORT/PROTO)
! <stdin>:9: error: invalid 'to' '10.0.1.1:80/tcp' (ADDR:PORT or ADDR:PORT/PROTO)
! <stdin>:10: error: invalid 'to' '10.0.1.1:0' (ADDR:PORT or ADDR:PORT/PROTO)
! <stdin>:11: error: invalid 'to' 'p:80' (ADDR:PORT or ADDR:PORT/PROTO)
! <stdin>:12: error: unknown verdict 'reached' (delivered, discarded or loop)
! <stdin>:13: error: 'receiver' goes only with verdict="delivered"
! <stdin>:14: error: an expect's 'receiver' must be a container or daemon; 'p' is a pod
! <stdin>:15: error: 'receiver' names 'X', which is not a node, pod, container or daemon of the spec

# ---- untrusted XML ----

# A DOCTYPE is refused, with or without an internal subset.
$ k8snet validate -
< <?xml version="1.0"?>
< <!DOCTYPE cluster>
< <cluster name="x"><node name="N" address="10.0.0.1"/></cluster>
? 2
! <stdin>:2: error: a DOCTYPE is not allowed in a spec (no DTD, no entities)

# An external entity that points at /etc/passwd: refused, and no byte of
# the file appears in any output.
$ k8snet validate - >out 2>err; echo "status $?"; cat err; grep -q root: out err || echo "nothing from /etc/passwd"
< <?xml version="1.0"?>
< <!DOCTYPE cluster [
<   <!ENTITY secret SYSTEM "file:///etc/passwd">
< ]>
< <cluster name="&secret;"><node name="&secret;" address="10.0.0.1"/></cluster>
> status 2
> <stdin>:2: error: a DOCTYPE is not allowed in a spec (no DTD, no entities)
> nothing from /etc/passwd

# The same through trace and reach, which print the cluster name.
$ k8snet reach - --format json >out 2>err; echo "status $?"; cat err; grep -q root: out err || echo "nothing from /etc/passwd"
< <!DOCTYPE cluster [<!ENTITY secret SYSTEM "/etc/passwd">]>
< <cluster name="&secret;"><node name="N" address="10.0.0.1"/></cluster>
> status 2
> <stdin>:1: error: a DOCTYPE is not allowed in a spec (no DTD, no entities)
> nothing from /etc/passwd

# A parameter entity and the billion laughs: refused at once.
$ k8snet validate -
< <!DOCTYPE cluster [
<   <!ENTITY % p SYSTEM "file:///etc/passwd">
<   %p;
< ]>
< <cluster name="x"><node name="N" address="10.0.0.1"/></cluster>
? 2
! <stdin>:1: error: a DOCTYPE is not allowed in a spec (no DTD, no entities)

$ k8snet validate -
< <?xml version="1.0"?>
< <!DOCTYPE lolz [
<  <!ENTITY lol "lol">
<  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
< ]>
< <cluster name="&lol9;"><node name="N" address="10.0.0.1"/></cluster>
? 2
! <stdin>:2: error: a DOCTYPE is not allowed in a spec (no DTD, no entities)

# An entity reference without a DTD is not defined; XInclude is not
# processed (its element is just unknown).
$ k8snet validate -
< <cluster name="&secret;"><node name="N" address="10.0.0.1"/></cluster>
? 2
! <stdin>:1: error: malformed XML: entity 'secret' not defined

$ k8snet validate -
< <cluster name="x" xmlns:xi="http://www.w3.org/2001/XInclude">
<   <xi:include href="/etc/passwd" parse="text"/>
<   <node name="N" address="10.0.0.1"/>
< </cluster>
? 2
! <stdin>:2: error: unknown element <xi:include> in <cluster>

# ---- malformed XML, empty input ----

$ k8snet validate -
< <cluster name="x">
<   <node name="N" address="10.0.0.1">
< </cluster>
? 2
! <stdin>:3: error: malformed XML: opening and ending tag mismatch: node line 2 and cluster
! <stdin>:4: error: malformed XML: premature end of data in tag cluster line 1

$ k8snet validate -
< <cluster name="x"><node name="N" address="10.0.0.1"/></cluster>
< <cluster name="y"/>
? 2
! <stdin>:2: error: malformed XML: extra content at the end of the document

$ k8snet validate -
< <cluster name=x><node name="N" address="10.0.0.1"/></cluster>
? 2
! <stdin>:1: error: malformed XML: attValue: " or ' expected
! <stdin>:1: error: malformed XML: attributes construct error
! <stdin>:1: error: malformed XML: couldn't find end of Start Tag cluster line 1
! <stdin>:1: error: malformed XML: extra content at the end of the document

$ k8snet validate -
< <cluster name="x"><node name="N" address="10.0.0.1"/>
? 2
! <stdin>:2: error: malformed XML: premature end of data in tag cluster line 1

$ printf '' | k8snet validate -
? 2
! <stdin>:1: error: malformed XML: document is empty

# Bytes that are not UTF-8: an error with its line (the first line of
# stderr; libxml2 adds a line that shows the bytes).
$ printf '<cluster name="x">\n<node name="N\377" address="10.0.0.1"/></cluster>\n' | k8snet validate - 2>err; echo "status $?"; head -n 1 err
> status 2
> <stdin>:2: error: malformed XML: input is not proper UTF-8, indicate encoding !

# ---- all errors in one run, in line order, nothing on standard output ----

$ k8snet validate -
< <cluster name="x">
<   <expect from="nobody" to="10.0.0.1:80" verdict="delivered"/>
<   <node name="N" address="10.0.0.1">
<     <pod name="p" address="10.0.0.1"><container name="c"><port number="99999"/></container></pod>
<     <daemon name="c"/>
<   </node>
<   <link-down from="c" to="N"/>
<   <fib switch="p"><rule action="forward" to="c"/></fib>
< </cluster>
? 2
! <stdin>:2: error: 'from' names 'nobody', which is not a node, pod, container or daemon of the spec
! <stdin>:4: error: address 10.0.0.1 is already the address of node 'N' (line 3)
! <stdin>:4: error: invalid port number '99999' (1 to 65535, no leading zeros)
! <stdin>:5: error: duplicate name 'c' (already a container at line 4)
! <stdin>:7: error: there is no link between container 'c' and node 'N'
! <stdin>:8: error: a forward rule's 'to' must be a pod or node; 'c' is a container

# An invalid spec stops every command before it writes anything; -o
# creates no file.
$ k8snet reach - --format csv -o out.csv
< <cluster name="x"><node name="N" address="10.0.0.01"/></cluster>
? 2
! <stdin>:1: error: invalid address '10.0.0.01' (an IPv4 address in dotted-quad form, no leading zeros)
= test ! -e out.csv && ! ls -A | grep -q k8snet-

$ k8snet trace - C 10.0.0.1:80
< <cluster name="x"><node name="N" address="10.0.0.1"><pod name="P" address="10.0.1.1"><container name="C" image="i"/></pod></node></cluster>
? 2
! <stdin>:1: error: unknown attribute 'image' on <container>

# A spec file: its messages name the file as given.
$ k8snet fib tests/data/bad-address.xml
? 2
! tests/data/bad-address.xml:6: error: address 10.1.1.1 is already the address of pod 'P1' (line 5)

# ---- size limit ----

# A spec larger than --max-spec-size is refused before it is read (a file)
# or as soon as the limit is passed (a stream).
$ k8snet validate samples/k1.xml --max-spec-size 1K
? 2
! samples/k1.xml: error: the spec is 1308 bytes, more than the limit of 1024 (raise it with --max-spec-size)

$ cat samples/k1.xml | k8snet validate - --max-spec-size 1K
? 2
! <stdin>: error: the spec is more than the limit of 1024 bytes (raise it with --max-spec-size)

$ k8snet validate - --max-spec-size 1K < samples/k1.xml
? 2
! <stdin>: error: the spec is 1308 bytes, more than the limit of 1024 (raise it with --max-spec-size)

$ k8snet validate samples/k1.xml --max-spec-size 2K
> samples/k1.xml: valid: cluster K1: 2 nodes, 4 pods, 8 containers, 2 daemons, 8 endpoints
