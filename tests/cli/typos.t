# Warnings and errors that catch typos (k8snet-spec(5), "WARNINGS THAT
# CATCH TYPOS").

# An unknown attribute names the closest known one: a misspelling, or
# Kubernetes' own spelling.
$ k8snet validate -
< <cluster name="x">
< <node name="N" adress="1.1.1.1">
<   <pod name="P" address="10.0.0.1">
<     <container name="P/c"><port containerPort="80"/></container>
<   </pod>
< </node>
< <service name="s" address="10.96.0.1"><port number="80" targetPort="8080"/></service>
< <policy name="p" policyTypes="Ingress"><pod-selector/></policy>
< <policy name="q"><pod-selector/><ingress><port number="80" endPort="90"/></ingress></policy>
< <node name="M" address="1.1.1.2"><pod name="Q" podIP="10.0.0.2" namespce="default"/></node>
< </cluster>
? 2
! <stdin>:2: error: unknown attribute 'adress' on <node>; did you mean 'address'?
! <stdin>:2: error: <node> needs an 'address' attribute
! <stdin>:4: error: unknown attribute 'containerPort' on <port>; did you mean 'number'?
! <stdin>:4: error: <port> needs a 'number' attribute
! <stdin>:7: error: unknown attribute 'targetPort' on <port>; did you mean 'target'?
! <stdin>:8: error: unknown attribute 'policyTypes' on <policy>; did you mean 'types'?
! <stdin>:9: error: unknown attribute 'endPort' on <port>; did you mean 'end'?
! <stdin>:10: error: unknown attribute 'podIP' on <pod>; did you mean 'address'?
! <stdin>:10: error: unknown attribute 'namespce' on <pod>; did you mean 'namespace'?
! <stdin>:10: error: <pod> needs an 'address' attribute

# A service's port="80" is Kubernetes' spelling of number.
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1"/>
< <service name="s" address="10.96.0.1"><port port="80"/></service>
< </cluster>
? 2
! <stdin>:3: error: unknown attribute 'port' on <port>; did you mean 'number'?
! <stdin>:3: error: <port> needs a 'number' attribute

# A name far from every known one gets no guess.
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1" colour="red"/>
< </cluster>
? 2
! <stdin>:2: error: unknown attribute 'colour' on <node>

# An unknown element, likewise, at its own line.
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1">
<   <pod name="P" address="10.0.0.1"><contaner name="P/c"/></pod>
< </node>
< <servce name="s" address="10.96.0.1"><port number="80"/></servce>
< <policy name="p">
<   <podSelector/>
<   <ingress>
<     <from>
<       <namespaceSelector><matchLabels key="a" value="b"/></namespaceSelector>
<     </from>
<     <from><ipBlock cidr="10.0.0.0/8"/></from>
<     <ports number="80"/>
<   </ingress>
<   <egress><to><pod-selector><matchExpressions key="a" operator="Exists"/></pod-selector></to></egress>
<   <egres/>
< </policy>
< <linkDown from="N" to="P"/>
< </cluster>
? 2
! <stdin>:3: error: unknown element <contaner> in <pod>; did you mean <container>?
! <stdin>:5: error: unknown element <servce> in <cluster>; did you mean <service>?
! <stdin>:6: error: a <policy> needs a <pod-selector> (an empty one selects every pod of its namespace)
! <stdin>:7: error: unknown element <podSelector> in <policy>; did you mean <pod-selector>?
! <stdin>:9: error: an empty <from> is not allowed: name a pod-selector, a namespace-selector or an ip-block
! <stdin>:10: error: unknown element <namespaceSelector> in <from>; did you mean <namespace-selector>?
! <stdin>:12: error: unknown element <ipBlock> in <from>; did you mean <ip-block>?
! <stdin>:12: error: an empty <from> is not allowed: name a pod-selector, a namespace-selector or an ip-block
! <stdin>:13: error: unknown element <ports> in <ingress>; did you mean <port>?
! <stdin>:15: error: unknown element <matchExpressions> in <pod-selector>; did you mean <expression>?
! <stdin>:16: error: unknown element <egres> in <policy>; did you mean <egress>?
! <stdin>:18: error: unknown element <linkDown> in <cluster>; did you mean <link-down>?

# ---- warnings on a valid spec: the status stays 0 ----

# Selectors that match nothing, a named target a selected pod lacks, and
# objects in a namespace no <namespace> declares (kube-system is
# Kubernetes' own). The hostNetwork pod agent-x (two daemons) is a pod
# that selectors match, and lacks no port the service names; but a policy
# peer that matches it alone lets nothing through (its messages carry the
# node's address, which only an ip-block matches), and says so.
$ k8snet validate -
< <cluster name="shop" version="1.2">
<   <namespace name="shop"/>
<   <namespace name="data"><label key="team" value="db"/></namespace>
<   <node name="N1" address="192.168.0.1">
<     <daemon name="N1/agent" pod="agent-x" namespace="kube-system"><label key="app" value="agent"/><port number="9100" name="metrics"/></daemon>
<     <daemon name="N1/side" pod="agent-x" namespace="kube-system"><port number="9101"/></daemon>
<     <pod name="web-1" namespace="shop" address="10.1.1.1">
<       <label key="app" value="web"/>
<       <container name="web-1/nginx"><port number="8080" name="http"/></container>
<     </pod>
<     <pod name="web-2" namespace="shop" address="10.1.1.2">
<       <label key="app" value="web"/>
<       <container name="web-2/nginx"><port number="8080"/></container>
<     </pod>
<     <pod name="db-1" namespace="dta" address="10.1.1.3">
<       <label key="app" value="db"/>
<       <container name="db-1/pg"><port number="5432"/></container>
<     </pod>
<   </node>
<   <service name="web" namespace="shop" address="10.96.0.1">
<     <selector key="app" value="web"/>
<     <port number="80" target="http"/>
<   </service>
<   <service name="db" namespace="data" address="10.96.0.2">
<     <selector key="app" value="db"/>
<     <port number="5432"/>
<   </service>
<   <service name="agent" namespace="kube-system" address="10.96.0.3">
<     <selector key="app" value="agent"/>
<     <port number="9100" target="metrics"/>
<   </service>
<   <policy name="web-in" namespace="shop">
<     <pod-selector><match key="app" value="web"/></pod-selector>
<     <ingress>
<       <from><pod-selector><match key="app" value="frontend"/></pod-selector></from>
<       <from><namespace-selector><match key="team" value="dba"/></namespace-selector></from>
<       <from><namespace-selector><match key="team" value="db"/></namespace-selector></from>
<       <from><namespace-selector><match key="kubernetes.io/metadata.name" value="kube-system"/></namespace-selector><pod-selector><match key="app" value="agent"/></pod-selector></from>
<       <from><namespace-selector/><pod-selector><match key="app" value="nope"/></pod-selector></from>
<       <from><ip-block cidr="10.0.0.0/8"/></from>
<     </ingress>
<     <egress>
<       <to><pod-selector/></to>
<       <to><pod-selector><match key="app" value="db"/></pod-selector></to>
<     </egress>
<   </policy>
<   <policy name="db-in" namespace="shop">
<     <pod-selector><match key="app" value="db"/></pod-selector>
<   </policy>
<   <policy name="agent" namespace="kube-system">
<     <pod-selector><match key="app" value="agent"/></pod-selector>
<   </policy>
<   <policy name="x" namespace="stage">
<     <pod-selector/>
<   </policy>
< </cluster>
> <stdin>: valid: cluster shop: 1 node, 3 pods, 3 containers, 2 daemons, 5 endpoints
! <stdin>:15: warning: pod 'db-1' is in namespace 'dta', which no <namespace> declares (Kubernetes would refuse it); did you mean 'data'?
! <stdin>:22: warning: service 'web' port 80/TCP: pod 'web-2' has no port named 'http' (TCP), so it gives no backend
! <stdin>:24: warning: service 'db' selects no pod: no pod of namespace 'data' matches its selector
! <stdin>:35: warning: a <from> of policy 'web-in' matches no pod: no pod of namespace 'shop' matches its pod-selector
! <stdin>:36: warning: a <from> of policy 'web-in' matches no pod: its namespace-selector matches no namespace
! <stdin>:37: warning: a <from> of policy 'web-in' matches no pod: no pod is in a namespace that its namespace-selector matches
! <stdin>:38: warning: a <from> of policy 'web-in' matches only hostNetwork daemons (first 'N1/agent'): their messages carry their node's address, which only an ip-block matches, so this peer lets nothing through (connlist's policy-level lines still count them)
! <stdin>:39: warning: a <from> of policy 'web-in' matches no pod: no pod matches both its namespace-selector and its pod-selector
! <stdin>:44: warning: a <to> of policy 'web-in' matches no pod: no pod of namespace 'shop' matches its pod-selector
! <stdin>:47: warning: policy 'db-in' selects no pod: no pod of namespace 'shop' matches its pod-selector
! <stdin>:53: warning: policy 'x' is in namespace 'stage', which no <namespace> declares (Kubernetes would refuse it)
! <stdin>:53: warning: policy 'x' selects no pod: no pod of namespace 'stage' matches its pod-selector

# A service in an undeclared namespace; a <namespace> declared after the
# objects in it still declares it; Kubernetes' four namespaces need none.
$ k8snet validate -
< <cluster name="x">
<   <node name="N" address="1.1.1.1">
<     <pod name="a" namespace="late" address="10.0.0.1"/>
<     <pod name="b" address="10.0.0.2"/>
<     <pod name="c" namespace="kube-public" address="10.0.0.3"/>
<     <pod name="d" namespace="kube-node-lease" address="10.0.0.4"/>
<   </node>
<   <service name="s" namespace="web" address="10.96.0.1"><port number="80"/></service>
<   <namespace name="late"/>
< </cluster>
> <stdin>: valid: cluster x: 1 node, 4 pods, 0 containers, 0 daemons, 0 endpoints
! <stdin>:8: warning: service 's' is in namespace 'web', which no <namespace> declares (Kubernetes would refuse it)

# A spec that declares no namespace gets no namespace warnings; a
# service without a selector (its endpoints listed) selects nothing to
# warn about. Every command warns, not only validate.
$ k8snet fib - --switch N --format csv
< <cluster name="x">
<   <node name="N" address="1.1.1.1"><pod name="P" namespace="web" address="10.0.0.1"/></node>
<   <service name="s" namespace="web" address="10.96.0.1"><port number="80"/><endpoint address="8.8.8.8" port="80"/></service>
<   <service name="t" namespace="web" address="10.96.0.2"><selector key="app" value="t"/><port number="80"/></service>
< </cluster>
> switch,position,src,dst,dport,protocol,action,to,origin
> N,1,*,10.96.0.1,80,TCP,dnat,web/s,Service Rule
> N,2,*,10.96.0.2,80,TCP,dnat,web/t,Service Rule
> N,3,*,10.0.0.1,*,*,forward,P,Node to Pod Forwarding Rule
! <stdin>:4: warning: service 't' selects no pod: no pod of namespace 'web' matches its selector

# A spec with errors gets its errors, not these warnings.
$ k8snet validate -
< <cluster name="x">
<   <node name="N" address="1.1.1.1"/>
<   <namespace name="web"/>
<   <policy name="p" namespace="wbe"><pod-selector/></policy>
<   <policy name="p" namespace="wbe"><pod-selector/></policy>
< </cluster>
? 2
! <stdin>:5: error: duplicate policy 'p' in namespace 'wbe' (already at line 4)

# Past ten warnings of one cause, one line counts the rest, at the place
# of the first left out: a spec imported from a big cluster would drown
# every command's output. Each cause counts on its own (13 policies, 1
# service), and exactly eleven are all shown (a line for one more would
# say less than the warning it hides). Warnings never change the status.
$ { echo '<cluster name="x"><namespace name="shop"/><node name="N" address="1.1.1.1">'; echo '<pod name="shop/web" namespace="shop" address="10.0.0.1"><label key="app" value="web"/></pod>'; for i in $(seq 11); do echo "<pod name=\"shpo/p$i\" namespace=\"shpo\" address=\"10.0.1.$i\"/>"; done; echo '</node><service name="s" namespace="shop" address="10.96.0.1"><selector key="app" value="wbe"/><port number="80"/></service>'; for i in $(seq 13); do echo "<policy name=\"p$i\" namespace=\"shop\"><pod-selector><match key=\"app\" value=\"wbe\"/></pod-selector></policy>"; done; echo '</cluster>'; } | k8snet validate -
> <stdin>: valid: cluster x: 1 node, 12 pods, 0 containers, 0 daemons, 0 endpoints
! <stdin>:3: warning: pod 'shpo/p1' is in namespace 'shpo', which no <namespace> declares (Kubernetes would refuse it); did you mean 'shop'?
! <stdin>:4: warning: pod 'shpo/p2' is in namespace 'shpo', which no <namespace> declares (Kubernetes would refuse it); did you mean 'shop'?
! <stdin>:5: warning: pod 'shpo/p3' is in namespace 'shpo', which no <namespace> declares (Kubernetes would refuse it); did you mean 'shop'?
! <stdin>:6: warning: pod 'shpo/p4' is in namespace 'shpo', which no <namespace> declares (Kubernetes would refuse it); did you mean 'shop'?
! <stdin>:7: warning: pod 'shpo/p5' is in namespace 'shpo', which no <namespace> declares (Kubernetes would refuse it); did you mean 'shop'?
! <stdin>:8: warning: pod 'shpo/p6' is in namespace 'shpo', which no <namespace> declares (Kubernetes would refuse it); did you mean 'shop'?
! <stdin>:9: warning: pod 'shpo/p7' is in namespace 'shpo', which no <namespace> declares (Kubernetes would refuse it); did you mean 'shop'?
! <stdin>:10: warning: pod 'shpo/p8' is in namespace 'shpo', which no <namespace> declares (Kubernetes would refuse it); did you mean 'shop'?
! <stdin>:11: warning: pod 'shpo/p9' is in namespace 'shpo', which no <namespace> declares (Kubernetes would refuse it); did you mean 'shop'?
! <stdin>:12: warning: pod 'shpo/p10' is in namespace 'shpo', which no <namespace> declares (Kubernetes would refuse it); did you mean 'shop'?
! <stdin>:13: warning: pod 'shpo/p11' is in namespace 'shpo', which no <namespace> declares (Kubernetes would refuse it); did you mean 'shop'?
! <stdin>:14: warning: service 's' selects no pod: no pod of namespace 'shop' matches its selector; did you mean 'app=web'?
! <stdin>:15: warning: policy 'p1' selects no pod: no pod of namespace 'shop' matches its pod-selector; did you mean 'app=web'?
! <stdin>:16: warning: policy 'p2' selects no pod: no pod of namespace 'shop' matches its pod-selector; did you mean 'app=web'?
! <stdin>:17: warning: policy 'p3' selects no pod: no pod of namespace 'shop' matches its pod-selector; did you mean 'app=web'?
! <stdin>:18: warning: policy 'p4' selects no pod: no pod of namespace 'shop' matches its pod-selector; did you mean 'app=web'?
! <stdin>:19: warning: policy 'p5' selects no pod: no pod of namespace 'shop' matches its pod-selector; did you mean 'app=web'?
! <stdin>:20: warning: policy 'p6' selects no pod: no pod of namespace 'shop' matches its pod-selector; did you mean 'app=web'?
! <stdin>:21: warning: policy 'p7' selects no pod: no pod of namespace 'shop' matches its pod-selector; did you mean 'app=web'?
! <stdin>:22: warning: policy 'p8' selects no pod: no pod of namespace 'shop' matches its pod-selector; did you mean 'app=web'?
! <stdin>:23: warning: policy 'p9' selects no pod: no pod of namespace 'shop' matches its pod-selector; did you mean 'app=web'?
! <stdin>:24: warning: policy 'p10' selects no pod: no pod of namespace 'shop' matches its pod-selector; did you mean 'app=web'?
! <stdin>:25: warning: ... and 3 more warnings of this kind (13 in all, the next here): policies that select no pod

# One misspelled namespace's many pods never hide another misspelled
# namespace: past ten, the first warning of each namespace is still shown.
$ { echo '<cluster name="x"><namespace name="shop"/><namespace name="data"/><node name="N" address="1.1.1.1">'; for i in $(seq 14); do echo "<pod name=\"shpo/p$i\" namespace=\"shpo\" address=\"10.0.1.$i\"/>"; done; echo '<pod name="dta/db" namespace="dta" address="10.0.2.1"/>'; echo '</node></cluster>'; } | k8snet validate -
> <stdin>: valid: cluster x: 1 node, 15 pods, 0 containers, 0 daemons, 0 endpoints
! <stdin>:2: warning: pod 'shpo/p1' is in namespace 'shpo', which no <namespace> declares (Kubernetes would refuse it); did you mean 'shop'?
! <stdin>:3: warning: pod 'shpo/p2' is in namespace 'shpo', which no <namespace> declares (Kubernetes would refuse it); did you mean 'shop'?
! <stdin>:4: warning: pod 'shpo/p3' is in namespace 'shpo', which no <namespace> declares (Kubernetes would refuse it); did you mean 'shop'?
! <stdin>:5: warning: pod 'shpo/p4' is in namespace 'shpo', which no <namespace> declares (Kubernetes would refuse it); did you mean 'shop'?
! <stdin>:6: warning: pod 'shpo/p5' is in namespace 'shpo', which no <namespace> declares (Kubernetes would refuse it); did you mean 'shop'?
! <stdin>:7: warning: pod 'shpo/p6' is in namespace 'shpo', which no <namespace> declares (Kubernetes would refuse it); did you mean 'shop'?
! <stdin>:8: warning: pod 'shpo/p7' is in namespace 'shpo', which no <namespace> declares (Kubernetes would refuse it); did you mean 'shop'?
! <stdin>:9: warning: pod 'shpo/p8' is in namespace 'shpo', which no <namespace> declares (Kubernetes would refuse it); did you mean 'shop'?
! <stdin>:10: warning: pod 'shpo/p9' is in namespace 'shpo', which no <namespace> declares (Kubernetes would refuse it); did you mean 'shop'?
! <stdin>:11: warning: pod 'shpo/p10' is in namespace 'shpo', which no <namespace> declares (Kubernetes would refuse it); did you mean 'shop'?
! <stdin>:12: warning: ... and 4 more warnings of this kind (15 in all, the next here): pods, services and policies in a namespace that no <namespace> declares
! <stdin>:16: warning: pod 'dta/db' is in namespace 'dta', which no <namespace> declares (Kubernetes would refuse it); did you mean 'data'?

# Kubernetes input: the grouping follows the YAML's order (the spec
# writes policies by name: p1, p10, p11, p12, p2, ...), and the line
# that counts the rest is at the YAML of the first left out.
$ for i in $(seq 12); do printf 'kind: NetworkPolicy\napiVersion: networking.k8s.io/v1\nmetadata: {name: p%s}\nspec: {podSelector: {matchLabels: {app: wbe}}}\n---\n' $i; done > np.yaml; printf 'kind: Pod\napiVersion: v1\nmetadata: {name: web, labels: {app: web}}\nspec: {containers: [{name: c}]}\n' >> np.yaml; k8snet validate np.yaml
> np.yaml: valid: cluster np: 3 nodes, 1 pod, 1 container, 3 daemons, 3 endpoints
! np.yaml:1:1: warning: policy 'p1' selects no pod: no pod of namespace 'default' matches its pod-selector; did you mean 'app=web'?
! np.yaml:6:1: warning: policy 'p2' selects no pod: no pod of namespace 'default' matches its pod-selector; did you mean 'app=web'?
! np.yaml:11:1: warning: policy 'p3' selects no pod: no pod of namespace 'default' matches its pod-selector; did you mean 'app=web'?
! np.yaml:16:1: warning: policy 'p4' selects no pod: no pod of namespace 'default' matches its pod-selector; did you mean 'app=web'?
! np.yaml:21:1: warning: policy 'p5' selects no pod: no pod of namespace 'default' matches its pod-selector; did you mean 'app=web'?
! np.yaml:26:1: warning: policy 'p6' selects no pod: no pod of namespace 'default' matches its pod-selector; did you mean 'app=web'?
! np.yaml:31:1: warning: policy 'p7' selects no pod: no pod of namespace 'default' matches its pod-selector; did you mean 'app=web'?
! np.yaml:36:1: warning: policy 'p8' selects no pod: no pod of namespace 'default' matches its pod-selector; did you mean 'app=web'?
! np.yaml:41:1: warning: policy 'p9' selects no pod: no pod of namespace 'default' matches its pod-selector; did you mean 'app=web'?
! np.yaml:46:1: warning: policy 'p10' selects no pod: no pod of namespace 'default' matches its pod-selector; did you mean 'app=web'?
! np.yaml:51:1: warning: ... and 2 more warnings of this kind (12 in all, the next here): policies that select no pod

# Kubernetes input that declares Namespaces: an object in one that no
# Namespace object declares is warned about at its YAML, with "did you
# mean", as in a spec (import writes no <namespace> for it), in the
# words of Kubernetes (no Namespace object declares it); the peer
# selector's typo (app: postgress) at its policy. Input without any
# Namespace object (kubectl get without namespaces) warns about none.
$ printf 'kind: Namespace\napiVersion: v1\nmetadata: {name: shop}\n---\nkind: Pod\napiVersion: v1\nmetadata: {name: db, namespace: shop, labels: {app: postgres}}\nspec: {containers: [{name: c, ports: [{containerPort: 5432}]}]}\n---\nkind: NetworkPolicy\napiVersion: networking.k8s.io/v1\nmetadata: {name: db-in, namespace: shop}\nspec:\n  podSelector: {matchLabels: {app: postgres}}\n  ingress: [{from: [{podSelector: {matchLabels: {app: postgress}}}]}]\n---\nkind: NetworkPolicy\napiVersion: networking.k8s.io/v1\nmetadata: {name: deny, namespace: shpo}\nspec: {podSelector: {}}\n' > ns.yaml; k8snet validate ns.yaml && k8snet import ns.yaml --quiet | grep -c '<namespace ' && tail -n +5 ns.yaml > nons.yaml && k8snet validate nons.yaml
> ns.yaml: valid: cluster ns: 3 nodes, 1 pod, 1 container, 3 daemons, 4 endpoints
> 1
> nons.yaml: valid: cluster nons: 3 nodes, 1 pod, 1 container, 3 daemons, 4 endpoints
! ns.yaml:10:1: warning: a <from> of policy 'db-in' matches no pod: no pod of namespace 'shop' matches its pod-selector; did you mean 'app=postgres'?
! ns.yaml:17:1: warning: policy 'deny' is in namespace 'shpo', which no Namespace object declares (Kubernetes would refuse it); did you mean 'shop'?
! ns.yaml:17:1: warning: policy 'deny' selects no pod: no pod of namespace 'shpo' matches its pod-selector
! nons.yaml:6:1: warning: a <from> of policy 'db-in' matches no pod: no pod of namespace 'shop' matches its pod-selector; did you mean 'app=postgres'?
! nons.yaml:13:1: warning: policy 'deny' selects no pod: no pod of namespace 'shpo' matches its pod-selector

# The guess also names a misspelled label key (ap for app), and none when
# nothing is close (app=frontend, with only app=web there).
$ k8snet validate -
< <cluster name="x">
< <node name="N" address="1.1.1.1">
<   <pod name="w" address="10.0.0.1"><label key="app" value="web"/></pod>
< </node>
< <service name="s" address="10.96.0.1"><selector key="ap" value="web"/><port number="80"/></service>
< <policy name="p"><pod-selector><match key="app" value="frontend"/></pod-selector></policy>
< </cluster>
> <stdin>: valid: cluster x: 1 node, 1 pod, 0 containers, 0 daemons, 0 endpoints
! <stdin>:5: warning: service 's' selects no pod: no pod of namespace 'default' matches its selector; did you mean 'app=web'?
! <stdin>:6: warning: policy 'p' selects no pod: no pod of namespace 'default' matches its pod-selector

# Past line 65535 (libxml2 keeps no more in a node), every warning and
# error still cites its own line, as a big imported spec needs.
$ { echo '<cluster name="x"><node name="N" address="1.1.1.1"><pod name="w" address="10.0.0.1"><label key="app" value="web"/></pod></node>'; awk 'BEGIN { for (i = 0; i < 70000; i++) print "" }'; echo '<policy name="p"><pod-selector><match key="app" value="wbe"/></pod-selector></policy>'; echo '</cluster>'; } > big.xml; k8snet validate big.xml; sed -i 's/<policy name="p">/<policy name="p" typs="Ingress">/' big.xml; k8snet validate big.xml
? 2
> big.xml: valid: cluster x: 1 node, 1 pod, 0 containers, 0 daemons, 0 endpoints
! big.xml:70002: warning: policy 'p' selects no pod: no pod of namespace 'default' matches its pod-selector; did you mean 'app=web'?
! big.xml:70002: error: unknown attribute 'typs' on <policy>; did you mean 'types'?

# A daemon without a pod: a service that selects it and names a port it
# lacks calls it a daemon (it printed "pod '(null)'").
$ k8snet validate -
< <cluster name="n" version="1.2">
<   <node name="N1" address="192.168.0.1">
<     <daemon name="D" namespace="default"><label key="app" value="x"/></daemon>
<   </node>
<   <service name="s" address="10.96.0.1">
<     <selector key="app" value="x"/><port number="80" target="web"/>
<   </service>
< </cluster>
> <stdin>: valid: cluster n: 1 node, 0 pods, 0 containers, 1 daemon, 0 endpoints
! <stdin>:6: warning: service 's' port 80/TCP: daemon 'D' has no port named 'web' (TCP), so it gives no backend
