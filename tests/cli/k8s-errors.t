# Spec 1.1 validation (k8snet-spec(5)): each broken rule gets
# FILE:LINE: error: and exit 2; the one warning keeps exit 0.

# namespace name not a DNS label
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1"><pod name="P" address="10.0.0.1"/></node>
< <namespace name="Prod"/>
< </cluster>
? 2
! <stdin>:3: error: invalid namespace name 'Prod' (a DNS label: 1 to 63 characters of a-z 0-9 -, starting and ending with a letter or digit)

# duplicate namespace
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1"><pod name="P" address="10.0.0.1"/></node>
< <namespace name="a"/>
< <namespace name="a"/>
< </cluster>
? 2
! <stdin>:4: error: duplicate namespace 'a' (already at line 3)

# metadata.name label contradicts the namespace
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1"><pod name="P" address="10.0.0.1"/></node>
< <namespace name="a"><label key="kubernetes.io/metadata.name" value="b"/></namespace>
< </cluster>
? 2
! <stdin>:3: error: label kubernetes.io/metadata.name must be the namespace's name 'a'

# bad label key
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1"><pod name="P" address="10.0.0.1"/></node>
< <namespace name="a"><label key="-x" value="y"/></namespace>
< </cluster>
? 2
! <stdin>:3: error: invalid label key '-x' ([PREFIX/]NAME: NAME 1 to 63 characters of A-Z a-z 0-9 . _ -, alphanumeric at both ends; PREFIX a DNS subdomain)

# bad label prefix
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1"><pod name="P" address="10.0.0.1"/></node>
< <namespace name="a"><label key="Example.com/x" value="y"/></namespace>
< </cluster>
? 2
! <stdin>:3: error: invalid label key 'Example.com/x' ([PREFIX/]NAME: NAME 1 to 63 characters of A-Z a-z 0-9 . _ -, alphanumeric at both ends; PREFIX a DNS subdomain)

# bad label value
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1"><pod name="P" address="10.0.0.1"/></node>
< <namespace name="a"><label key="x" value="y_"/></namespace>
< </cluster>
? 2
! <stdin>:3: error: invalid label value 'y_' (empty, or 1 to 63 characters of A-Z a-z 0-9 . _ -, alphanumeric at both ends)

# label key twice
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1"><pod name="P" address="10.0.0.1"/></node>
< <namespace name="a"><label key="x" value="1"/><label key="x" value="2"/></namespace>
< </cluster>
? 2
! <stdin>:3: error: label key 'x' is given twice

# service name
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1"><pod name="P" address="10.0.0.1"/></node>
< <service name="web_1" address="10.96.0.1"><port number="80"/></service>
< </cluster>
? 2
! <stdin>:3: error: invalid service name 'web_1' (a DNS label: 1 to 63 characters of a-z 0-9 -, starting and ending with a letter or digit)

# service needs a port
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1"><pod name="P" address="10.0.0.1"/></node>
< <service name="web" address="10.96.0.1"/>
< </cluster>
? 2
! <stdin>:3: error: a <service> needs at least one <port>

# service address taken by a pod
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1"><pod name="P" address="10.0.0.1"/></node>
< <service name="web" address="10.0.0.1"><port number="80"/></service>
< </cluster>
? 2
! <stdin>:3: error: address 10.0.0.1 is already the address of pod 'P' (line 2)

# service address twice
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1"><pod name="P" address="10.0.0.1"/></node>
< <service name="a" address="10.96.0.1"><port number="80"/></service>
< <service name="b" address="10.96.0.1"><port number="80"/></service>
< </cluster>
? 2
! <stdin>:4: error: address 10.96.0.1 is already the address of service 'a' (line 3)

# service address loopback
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1"><pod name="P" address="10.0.0.1"/></node>
< <service name="a" address="127.0.0.5"><port number="80"/></service>
< </cluster>
? 2
! <stdin>:3: error: address 127.0.0.5 is reserved (loopback or 0.0.0.0): a service cannot have it

# duplicate service in a namespace
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1"><pod name="P" address="10.0.0.1"/></node>
< <service name="a" address="10.96.0.1"><port number="80"/></service>
< <service name="a" address="10.96.0.2"><port number="80"/></service>
< </cluster>
? 2
! <stdin>:4: error: duplicate service 'a' in namespace 'default' (already at line 3)

# same service name in two namespaces is fine, but a port twice is not
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1"><pod name="P" address="10.0.0.1"/></node>
< <service name="a" namespace="x" address="10.96.0.1"><port number="80"/></service>
< <service name="a" namespace="y" address="10.96.0.2"><port number="80"/><port number="80" protocol="TCP"/></service>
< </cluster>
? 2
! <stdin>:4: error: port 80/TCP is declared twice in service 'a'

# bad numeric target
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1"><pod name="P" address="10.0.0.1"/></node>
< <service name="a" address="10.96.0.1"><port number="80" target="0"/></service>
< </cluster>
? 2
! <stdin>:3: error: invalid target port '0' (1 to 65535, or a port name)

# bad named target
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1"><pod name="P" address="10.0.0.1"/></node>
< <service name="a" address="10.96.0.1"><port number="80" target="Http"/></service>
< </cluster>
? 2
! <stdin>:3: error: invalid target 'Http' (a port 1 to 65535, or a port name)

# named port: leading dash, double dash, digits only, too long
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1"><pod name="P" address="10.0.0.1"/></node>
< <node name="N2" address="1.1.1.2"><pod name="P2" address="10.0.0.2"><container name="C2"><port number="1" name="-a"/><port number="2" name="a--b"/><port number="3" name="123"/><port number="4" name="abcdefghijklmnop"/></container></pod></node>
< </cluster>
? 2
! <stdin>:3: error: invalid port name '-a' (1 to 15 characters of a-z 0-9 -, with a letter, no '-' at either end, no '--')
! <stdin>:3: error: invalid port name 'a--b' (1 to 15 characters of a-z 0-9 -, with a letter, no '-' at either end, no '--')
! <stdin>:3: error: invalid port name '123' (1 to 15 characters of a-z 0-9 -, with a letter, no '-' at either end, no '--')
! <stdin>:3: error: invalid port name 'abcdefghijklmnop' (1 to 15 characters of a-z 0-9 -, with a letter, no '-' at either end, no '--')

# named port twice in a pod
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1"><pod name="P" address="10.0.0.1"/></node>
< <node name="N2" address="1.1.1.2"><pod name="P2" address="10.0.0.2"><container name="C2"><port number="1" name="web"/></container><container name="C3"><port number="2" name="web"/></container></pod></node>
< </cluster>
? 2
! <stdin>:3: error: port name 'web' is already used in pod 'P2'

# daemon ports have no name
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1"><pod name="P" address="10.0.0.1"/></node>
< <node name="N2" address="1.1.1.2"><daemon name="D2"><port number="1" name="web"/></daemon></node>
< </cluster>
? 2
! <stdin>:3: error: unknown attribute 'name' on <port>

# policy without pod-selector
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1"><pod name="P" address="10.0.0.1"/></node>
< <policy name="p"/>
< </cluster>
? 2
! <stdin>:3: error: a <policy> needs a <pod-selector> (an empty one selects every pod of its namespace)

# policy with two pod-selectors
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1"><pod name="P" address="10.0.0.1"/></node>
< <policy name="p"><pod-selector/><pod-selector/></policy>
< </cluster>
? 2
! <stdin>:3: error: a <policy> has exactly one <pod-selector>

# empty from
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1"><pod name="P" address="10.0.0.1"/></node>
< <policy name="p"><pod-selector/><ingress><from/></ingress></policy>
< </cluster>
? 2
! <stdin>:3: error: an empty <from> is not allowed: name a pod-selector, a namespace-selector or an ip-block

# ip-block and selector together
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1"><pod name="P" address="10.0.0.1"/></node>
< <policy name="p"><pod-selector/><ingress><from><ip-block cidr="10.0.0.0/8"/><pod-selector/></from></ingress></policy>
< </cluster>
? 2
! <stdin>:3: error: <from> has an ip-block and a selector: use one or the other

# except outside the block
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1"><pod name="P" address="10.0.0.1"/></node>
< <policy name="p"><pod-selector/><ingress><from><ip-block cidr="10.0.0.0/16"><except cidr="10.1.0.0/24"/></ip-block></from></ingress></policy>
< </cluster>
? 2
! <stdin>:3: error: except 10.1.0.0/24 is not strictly inside the ip-block's cidr 10.0.0.0/16

# cidr with host bits
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1"><pod name="P" address="10.0.0.1"/></node>
< <policy name="p"><pod-selector/><egress><to><ip-block cidr="10.0.0.1/8"/></to></egress></policy>
< </cluster>
? 2
! <stdin>:3: error: cidr 10.0.0.1/8 has host bits set; did you mean 10.0.0.0/8?

# end without a numeric number
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1"><pod name="P" address="10.0.0.1"/></node>
< <policy name="p"><pod-selector/><ingress><port number="http" end="90"/></ingress></policy>
< </cluster>
? 2
! <stdin>:3: error: 'end' goes only with a numeric 'number'

# end below number
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1"><pod name="P" address="10.0.0.1"/></node>
< <policy name="p"><pod-selector/><ingress><port number="90" end="80"/></ingress></policy>
< </cluster>
? 2
! <stdin>:3: error: invalid 'end' '80' (a port, at least 'number')

# bad operator and values
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1"><pod name="P" address="10.0.0.1"/></node>
< <policy name="p"><pod-selector><expression key="a" operator="Is"/><expression key="b" operator="In"/><expression key="c" operator="Exists" values="x"/></pod-selector></policy>
< </cluster>
? 2
! <stdin>:3: error: unknown operator 'Is' (In, NotIn, Exists or DoesNotExist)
! <stdin>:3: error: operator In needs 'values'
! <stdin>:3: error: operator Exists takes no 'values'

# match key twice in a selector
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1"><pod name="P" address="10.0.0.1"/></node>
< <policy name="p"><pod-selector><match key="a" value="1"/><match key="a" value="2"/></pod-selector></policy>
< </cluster>
? 2
! <stdin>:3: error: match key 'a' is given twice

# bad types
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1"><pod name="P" address="10.0.0.1"/></node>
< <policy name="p" types="Ingress Ingress"><pod-selector/></policy>
< </cluster>
? 2
! <stdin>:3: error: invalid types 'Ingress Ingress' (Ingress, Egress or "Ingress Egress")

# duplicate policy
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1"><pod name="P" address="10.0.0.1"/></node>
< <policy name="p"><pod-selector/></policy>
< <policy name="p"><pod-selector/></policy>
< </cluster>
? 2
! <stdin>:4: error: duplicate policy 'p' in namespace 'default' (already at line 3)

# from inside egress is unknown
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1"><pod name="P" address="10.0.0.1"/></node>
< <policy name="p"><pod-selector/><egress><from/></egress></policy>
< </cluster>
? 2
! <stdin>:3: error: unknown element <from> in <egress>; did you mean <to>?

# types leave out a direction that has rules: a warning
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1"><pod name="P" address="10.0.0.1"/></node>
< <policy name="p" types="Egress"><pod-selector/><ingress/></policy>
< </cluster>
> <stdin>: valid: cluster x: 1 node, 1 pod, 0 containers, 0 daemons, 0 endpoints
! <stdin>:3: warning: policy 'p' has ingress rules but its types leave out Ingress: they are ignored

# ---- spec 1.2: version, workloads, hostNetwork daemons, endpoints ----

# Each broken rule once: a version other than 1.0, 1.1 or 1.2; a workload
# that is not KIND/NAME; a daemon's label twice; a port name twice in one
# hostNetwork pod (its daemons share the pod's names); a selector and
# endpoints together; an endpoint without service-port when the service
# has several ports, or for a port the service lacks (with its protocol);
# an endpoint at a service's address; an endpoint's own fields; a policy
# name that is not a DNS subdomain (a dot is fine).
$ k8snet validate -
< <cluster name="x" version="2.0">
<   <node name="N" address="10.0.0.1">
<     <daemon name="D" pod="p" namespace="kube-system" workload="DaemonSet" color="red">
<       <label key="app" value="a"/>
<       <label key="app" value="b"/>
<       <port number="80" name="http"/>
<     </daemon>
<     <daemon name="E" pod="p" namespace="kube-system"><port number="81" name="http"/></daemon>
<     <pod name="P" address="10.0.1.1" workload="Deployment/"/>
<   </node>
<   <service name="s" address="10.96.0.1">
<     <selector key="app" value="a"/>
<     <port number="80"/>
<     <endpoint address="10.0.1.1" port="80"/>
<   </service>
<   <service name="t" address="10.96.0.2">
<     <port number="80"/>
<     <port number="53" protocol="UDP"/>
<     <endpoint address="10.0.1.1" port="8080"/>
<     <endpoint address="10.0.1.1" port="5353" protocol="UDP" service-port="80"/>
<     <endpoint address="10.96.0.1" port="80" service-port="80"/>
<     <endpoint address="10.0.1.01" port="99999" service-port="eighty" protocol="TCP" weight="2"/>
<   </service>
<   <policy name="allow.web-1" namespace="default"><pod-selector/></policy>
<   <policy name="Allow.Web" namespace="default"><pod-selector/></policy>
< </cluster>
? 2
! <stdin>:1: error: unknown version '2.0' (1.0, 1.1 or 1.2)
! <stdin>:3: error: unknown attribute 'color' on <daemon>
! <stdin>:3: error: invalid workload 'DaemonSet' (KIND/NAME: KIND 1 to 63 letters and digits, starting with a letter; NAME 1 to 253 printable characters, no spaces, no '/')
! <stdin>:5: error: label key 'app' is given twice
! <stdin>:8: error: port name 'http' is already used in pod 'p'
! <stdin>:9: error: invalid workload 'Deployment/' (KIND/NAME: KIND 1 to 63 letters and digits, starting with a letter; NAME 1 to 253 printable characters, no spaces, no '/')
! <stdin>:14: error: service 's' has a <selector> (line 12) and an <endpoint>: its endpoints are the pods it selects, or those it lists, not both
! <stdin>:19: error: <endpoint> needs a 'service-port': service 't' has 2 ports
! <stdin>:20: error: service-port 80/UDP is not a port of service 't'
! <stdin>:21: error: endpoint address 10.96.0.1 is the address of service 's' (line 11): an endpoint is a pod, a node or an address outside the cluster
! <stdin>:22: error: unknown attribute 'weight' on <endpoint>
! <stdin>:22: error: invalid address '10.0.1.01' (an IPv4 address in dotted-quad form, no leading zeros)
! <stdin>:22: error: invalid port number '99999' (1 to 65535, no leading zeros)
! <stdin>:22: error: invalid service-port 'eighty' (the number of one of the service's ports)
! <stdin>:25: error: invalid policy name 'Allow.Web' (a DNS subdomain: 1 to 253 characters of a-z 0-9 - ., each dot-separated part starting and ending with a letter or digit)

# A daemon names its ports only as a hostNetwork pod's container (with
# 'pod'); its <label>s and 'pod' are checked like a pod's.
$ k8snet validate -
< <cluster name="x" version="1.2">
< <node name="N" address="1.1.1.1">
< <daemon name="D" pod="-p" namespace="Kube"><label key="-a" value="b"/><port number="1" name="x"/></daemon>
< <daemon name="E"><port number="2" name="y"/></daemon>
< </node>
< </cluster>
? 2
! <stdin>:3: error: invalid pod '-p' on <daemon> (1 to 512 characters of A-Z a-z 0-9 . _ - / :, starting with a letter or digit)
! <stdin>:3: error: invalid namespace 'Kube' (a DNS label: 1 to 63 characters of a-z 0-9 -, starting and ending with a letter or digit)
! <stdin>:3: error: invalid label key '-a' ([PREFIX/]NAME: NAME 1 to 63 characters of A-Z a-z 0-9 . _ -, alphanumeric at both ends; PREFIX a DNS subdomain)
! <stdin>:3: error: unknown attribute 'name' on <port>
! <stdin>:4: error: unknown attribute 'name' on <port>
