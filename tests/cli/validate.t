# validate: a valid spec gets a one-line summary on standard output
# (nodes, pods, containers, daemons, endpoints: the (address, port,
# protocol) triples a process listens on) and status 0; warnings go to
# standard error and do not change the status. (Invalid specs: see
# spec-errors.t.)

$ k8snet validate samples/k1.xml
> samples/k1.xml: valid: cluster K1: 2 nodes, 4 pods, 8 containers, 2 daemons, 8 endpoints

# 8 endpoints: web 80/TCP, voip 5060/UDP 5060/TCP 2905/SCTP, N1's
# 10250/TCP 53/UDP 53/TCP, N2's 10250/TCP.
$ k8snet validate samples/listening-daemons.xml
> samples/listening-daemons.xml: valid: cluster listening-daemons: 3 nodes, 3 pods, 4 containers, 4 daemons, 8 endpoints

# A rule whose "to" is not linked to its switch is valid, with a warning.
$ k8snet validate samples/what-if.xml
> samples/what-if.xml: valid: cluster what-if: 3 nodes, 4 pods, 5 containers, 2 daemons, 7 endpoints
! samples/what-if.xml:63: warning: 'C1' is not linked to switch 'P3': this rule discards what it matches

# Cut links and override rules do not change the counts.
$ k8snet validate tests/data/overrides.xml
> tests/data/overrides.xml: valid: cluster overrides: 2 nodes, 3 pods, 3 containers, 2 daemons, 8 endpoints

# The smallest valid spec: one node. Standard input is "-", named <stdin>.
$ k8snet validate -
< <cluster name="tiny"><node name="N" address="10.0.0.1"/></cluster>
> <stdin>: valid: cluster tiny: 1 node, 0 pods, 0 containers, 0 daemons, 0 endpoints

$ k8snet validate - < tests/data/two-nodes.xml
> <stdin>: valid: cluster two-nodes: 2 nodes, 2 pods, 2 containers, 2 daemons, 4 endpoints

# The children of <cluster> and of <node> come in any order; link-down,
# fib and expect may name vertices defined after them. Names use
# A-Z a-z 0-9 . _ - / : (253 characters at most); comments, processing
# instructions and CDATA holding only white space are ignored.
$ k8snet validate -
< <?xml version="1.0" encoding="UTF-8"?>
< <!-- a comment -->
< <cluster name="any order">
<   <expect from="web-1/nginx:v2" to="10.0.1.1:80" verdict="delivered" receiver="web-1/nginx:v2"/>
<   <fib switch="0.pod_a"><rule action="forward" to="node-1.example"/></fib>
<   <link-down from="node-1.example" to="node-2"/>
<   <node name="node-1.example" address="10.0.0.1">
<     <pod name="0.pod_a" address="10.0.1.1">
<       <?hint ignored?>
<       <container name="web-1/nginx:v2"><port number="80"/><port number="65535" protocol="SCTP"/></container>
<     </pod>
<     <daemon name="D"><port number="1" protocol="UDP"/></daemon>
<     <![CDATA[  ]]>
<   </node>
<   <node name="node-2" address="255.255.255.255"/>
< </cluster>
> <stdin>: valid: cluster any order: 2 nodes, 1 pod, 1 container, 1 daemon, 3 endpoints
