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
