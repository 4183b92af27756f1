# k8snet import (k8snet(1), KUBERNETES INPUT): Kubernetes objects to a spec 1.2, and every
# command taking Kubernetes input directly.

# ---- one of each kind ----

# a Deployment on synthetic nodes: round-robin, one /24 per node, the kubelet
$ k8snet import - --name shop --nodes 2
< kind: Deployment
< metadata: {name: web, namespace: shop}
< spec:
<   replicas: 3
<   template:
<     metadata: {labels: {app: web}}
<     spec: {containers: [{name: nginx, ports: [{name: http, containerPort: 8080}]}]}
> <?xml version="1.0" encoding="UTF-8"?>
> <!-- written by k8snet import: every element names the object it comes from -->
> <cluster name="shop" version="1.2">
>   <namespace name="shop">
>     <label key="kubernetes.io/metadata.name" value="shop"/>
>   </namespace>
>   <node name="node-1" address="192.168.0.1">
>     <daemon name="node-1:kubelet"><port number="10250"/></daemon>
>     <!-- <stdin>:1 Deployment shop/web -->
>     <pod name="shop/web-1" namespace="shop" address="10.244.0.1" workload="Deployment/web">
>       <label key="app" value="web"/>
>       <container name="shop/web-1/nginx"><port number="8080" name="http"/></container>
>     </pod>
>     <!-- <stdin>:1 Deployment shop/web -->
>     <pod name="shop/web-3" namespace="shop" address="10.244.0.2" workload="Deployment/web">
>       <label key="app" value="web"/>
>       <container name="shop/web-3/nginx"><port number="8080" name="http"/></container>
>     </pod>
>   </node>
>   <node name="node-2" address="192.168.0.2">
>     <daemon name="node-2:kubelet"><port number="10250"/></daemon>
>     <!-- <stdin>:1 Deployment shop/web -->
>     <pod name="shop/web-2" namespace="shop" address="10.244.1.1" workload="Deployment/web">
>       <label key="app" value="web"/>
>       <container name="shop/web-2/nginx"><port number="8080" name="http"/></container>
>     </pod>
>   </node>
> </cluster>
! import: 1 object read (1 Deployment); pods: 0 live, 3 synthesized; 2 nodes

# StatefulSet, DaemonSet, Job, CronJob, ReplicationController, ReplicaSet
$ k8snet import - --quiet --no-kubelet --nodes 2
< kind: StatefulSet
< metadata: {name: db}
< spec: {replicas: 2, template: {spec: {containers: [{name: pg, ports: [{containerPort: 5432}]}]}}}
< ---
< kind: DaemonSet
< metadata: {name: agent}
< spec: {template: {spec: {containers: [{name: a, ports: [{containerPort: 9100, protocol: UDP}]}]}}}
< ---
< kind: Job
< metadata: {name: once}
< spec: {parallelism: 2, template: {spec: {containers: [{name: j}]}}}
< ---
< kind: CronJob
< metadata: {name: nightly}
< spec: {jobTemplate: {spec: {template: {spec: {containers: [{name: r}]}}}}}
< ---
< kind: ReplicationController
< metadata: {name: legacy}
< spec: {replicas: 0, template: {spec: {containers: [{name: l}]}}}
< ---
< kind: ReplicaSet
< metadata: {name: rs}
< spec: {template: {spec: {containers: [{name: s}]}}}
> <?xml version="1.0" encoding="UTF-8"?>
> <!-- written by k8snet import: every element names the object it comes from -->
> <cluster name="stdin" version="1.2">
>   <namespace name="default">
>     <label key="kubernetes.io/metadata.name" value="default"/>
>   </namespace>
>   <node name="node-1" address="192.168.0.1">
>     <!-- <stdin>:5 DaemonSet default/agent -->
>     <pod name="default/agent-node-1" namespace="default" address="10.244.0.2" workload="DaemonSet/agent">
>       <container name="default/agent-node-1/a"><port number="9100" protocol="UDP"/></container>
>     </pod>
>     <!-- <stdin>:1 StatefulSet default/db -->
>     <pod name="default/db-0" namespace="default" address="10.244.0.1" workload="StatefulSet/db">
>       <container name="default/db-0/pg"><port number="5432"/></container>
>     </pod>
>     <!-- <stdin>:13 CronJob default/nightly -->
>     <pod name="default/nightly-1" namespace="default" address="10.244.0.4" workload="CronJob/nightly">
>       <container name="default/nightly-1/r"/>
>     </pod>
>     <!-- <stdin>:9 Job default/once -->
>     <pod name="default/once-1" namespace="default" address="10.244.0.3" workload="Job/once">
>       <container name="default/once-1/j"/>
>     </pod>
>   </node>
>   <node name="node-2" address="192.168.0.2">
>     <!-- <stdin>:5 DaemonSet default/agent -->
>     <pod name="default/agent-node-2" namespace="default" address="10.244.1.2" workload="DaemonSet/agent">
>       <container name="default/agent-node-2/a"><port number="9100" protocol="UDP"/></container>
>     </pod>
>     <!-- <stdin>:1 StatefulSet default/db -->
>     <pod name="default/db-1" namespace="default" address="10.244.1.1" workload="StatefulSet/db">
>       <container name="default/db-1/pg"><port number="5432"/></container>
>     </pod>
>     <!-- <stdin>:9 Job default/once -->
>     <pod name="default/once-2" namespace="default" address="10.244.1.3" workload="Job/once">
>       <container name="default/once-2/j"/>
>     </pod>
>     <!-- <stdin>:21 ReplicaSet default/rs -->
>     <pod name="default/rs-1" namespace="default" address="10.244.1.4" workload="ReplicaSet/rs">
>       <container name="default/rs-1/s"/>
>     </pod>
>   </node>
> </cluster>

# a live dump: nodes, ReplicaSet pods, a completed pod, hostNetwork, the API server
$ k8snet import tests/data/k8s/live.yaml
> <?xml version="1.0" encoding="UTF-8"?>
> <!-- written by k8snet import: every element names the object it comes from -->
> <cluster name="live" version="1.2">
>   <namespace name="app">
>     <label key="kubernetes.io/metadata.name" value="app"/>
>   </namespace>
>   <namespace name="default">
>     <label key="kubernetes.io/metadata.name" value="default"/>
>   </namespace>
>   <namespace name="kube-system">
>     <label key="kubernetes.io/metadata.name" value="kube-system"/>
>   </namespace>
>   <!-- tests/data/k8s/live.yaml:15 Node control-plane -->
>   <node name="control-plane" address="172.18.0.2">
>     <daemon name="control-plane:kubelet"><port number="10250"/></daemon>
>     <!-- tests/data/k8s/live.yaml:127 EndpointSlice default/kubernetes -->
>     <daemon name="control-plane:kube-apiserver"><port number="6443"/></daemon>
>     <!-- tests/data/k8s/live.yaml:57 Pod app/api-7d9f8b6c5d-q8w2m -->
>     <pod name="app/api-7d9f8b6c5d-q8w2m" namespace="app" address="10.244.0.5" workload="ReplicaSet/api-7d9f8b6c5d">
>       <label key="app" value="api"/>
>       <label key="pod-template-hash" value="7d9f8b6c5d"/>
>       <container name="app/api-7d9f8b6c5d-q8w2m/api"><port number="8080" name="http"/></container>
>     </pod>
>   </node>
>   <!-- tests/data/k8s/live.yaml:7 Node worker-b -->
>   <node name="worker-b" address="172.18.0.3">
>     <daemon name="worker-b:kubelet"><port number="10250"/></daemon>
>     <!-- tests/data/k8s/live.yaml:89 Pod kube-system/kube-proxy-4xk2p -->
>     <daemon name="kube-system/kube-proxy-4xk2p/kube-proxy" pod="kube-proxy-4xk2p" namespace="kube-system" workload="DaemonSet/kube-proxy">
>       <label key="k8s-app" value="kube-proxy"/>
>       <port number="10249" name="metrics"/>
>     </daemon>
>     <!-- tests/data/k8s/live.yaml:37 Pod app/api-7d9f8b6c5d-x2x9z -->
>     <pod name="app/api-7d9f8b6c5d-x2x9z" namespace="app" address="10.244.1.7" workload="ReplicaSet/api-7d9f8b6c5d">
>       <label key="app" value="api"/>
>       <label key="pod-template-hash" value="7d9f8b6c5d"/>
>       <container name="app/api-7d9f8b6c5d-x2x9z/api"><port number="8080" name="http"/></container>
>     </pod>
>   </node>
>   <!-- tests/data/k8s/live.yaml:108 Service app/api -->
>   <service name="api" namespace="app" address="10.96.12.34">
>     <selector key="app" value="api"/>
>     <port number="80" target="http"/>
>   </service>
>   <!-- tests/data/k8s/live.yaml:118 Service default/kubernetes -->
>   <service name="kubernetes" namespace="default" address="10.96.0.1">
>     <port number="443" target="6443"/>
>     <endpoint address="172.18.0.2" port="6443" protocol="TCP" service-port="443"/>
>   </service>
> </cluster>
! import: 10 objects read (2 Node, 1 Deployment, 4 Pod, 2 Service, 1 EndpointSlice); pods: 3 live, 0 synthesized; 2 nodes
! tests/data/k8s/live.yaml:75:5: warning: pods in phase Succeeded or Failed have no network: skipped (1 in all, the first here)
! tests/data/k8s/live.yaml:127:5: warning: endpoints at a node address that nothing opens: a NODE:kube-apiserver daemon opens them (1 in all, the first here)

# Namespaces, a Service with each kind of port, a headless one, NodePort
$ k8snet import - --nodes 1 --service-cidr 10.100.0.0/16
< kind: Namespace
< metadata: {name: prod, labels: {env: prod}}
< ---
< kind: Pod
< metadata: {name: web, namespace: prod, labels: {app: web}}
< spec: {containers: [{name: c, ports: [{name: http, containerPort: 8080}, {containerPort: 53, protocol: UDP}]}]}
< ---
< kind: Service
< metadata: {name: web, namespace: prod}
< spec:
<   type: NodePort
<   selector: {app: web}
<   ports:
<     - {name: http, port: 80, targetPort: http, nodePort: 30080}
<     - {name: dns, port: 53, targetPort: 53, protocol: UDP}
<     - {name: alt, port: 8080}
< ---
< kind: Service
< metadata: {name: headless, namespace: prod}
< spec: {clusterIP: None, selector: {app: web}, ports: [{port: 80}]}
> <?xml version="1.0" encoding="UTF-8"?>
> <!-- written by k8snet import: every element names the object it comes from -->
> <cluster name="stdin" version="1.2">
>   <!-- <stdin>:1 Namespace prod -->
>   <namespace name="prod">
>     <label key="kubernetes.io/metadata.name" value="prod"/>
>     <label key="env" value="prod"/>
>   </namespace>
>   <node name="node-1" address="192.168.0.1">
>     <daemon name="node-1:kubelet"><port number="10250"/></daemon>
>     <!-- <stdin>:4 Pod prod/web -->
>     <pod name="prod/web" namespace="prod" address="10.244.0.1" workload="Pod/web">
>       <label key="app" value="web"/>
>       <container name="prod/web/c"><port number="8080" name="http"/><port number="53" protocol="UDP"/></container>
>     </pod>
>   </node>
>   <!-- <stdin>:8 Service prod/web -->
>   <service name="web" namespace="prod" address="10.100.0.10">
>     <selector key="app" value="web"/>
>     <port number="80" target="http"/>
>     <port number="53" protocol="UDP"/>
>     <port number="8080"/>
>   </service>
> </cluster>
! import: 4 objects read (1 Namespace, 1 Pod, 2 Service); pods: 0 live, 1 synthesized; 1 node
! <stdin>:11:9: warning: node ports, load-balancer addresses, externalIPs and hostPorts are not modelled yet: imported without them (2 in all, the first here)
! <stdin>:20:19: warning: headless services (clusterIP: None) have no virtual address: skipped (1 in all, the first here)

# a NetworkPolicy with every field
$ k8snet import - --nodes 1 --no-kubelet
< kind: NetworkPolicy
< metadata: {name: db, namespace: data}
< spec:
<   podSelector: {matchLabels: {app: db}}
<   policyTypes: [Ingress, Egress]
<   ingress:
<     - from:
<         - podSelector: {matchLabels: {app: api}}
<           namespaceSelector: {matchExpressions: [{key: env, operator: In, values: [prod, staging]}]}
<         - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
<         - ipBlock: {cidr: "fd00::/8"}
<       ports:
<         - {port: 5432}
<         - {port: metrics, protocol: UDP}
<         - {port: 7000, endPort: 7010, protocol: SCTP}
<     - from: [{ipBlock: {cidr: "2001:db8::/32"}}]
<   egress:
<     - to: [{ipBlock: {cidr: 192.168.1.7/24}}]
<     - {}
> <?xml version="1.0" encoding="UTF-8"?>
> <!-- written by k8snet import: every element names the object it comes from -->
> <cluster name="stdin" version="1.2">
>   <namespace name="data">
>     <label key="kubernetes.io/metadata.name" value="data"/>
>   </namespace>
>   <node name="node-1" address="192.168.0.1">
>   </node>
>   <!-- <stdin>:1 NetworkPolicy data/db -->
>   <policy name="db" namespace="data" types="Ingress Egress">
>     <pod-selector>
>       <match key="app" value="db"/>
>     </pod-selector>
>     <ingress>
>       <from>
>         <pod-selector>
>           <match key="app" value="api"/>
>         </pod-selector>
>         <namespace-selector>
>           <expression key="env" operator="In" values="prod staging"/>
>         </namespace-selector>
>       </from>
>       <from>
>         <ip-block cidr="10.0.0.0/8"><except cidr="10.1.0.0/16"/></ip-block>
>       </from>
>       <port number="5432"/>
>       <port number="metrics" protocol="UDP"/>
>       <port number="7000" protocol="SCTP" end="7010"/>
>     </ingress>
>     <egress>
>       <to>
>         <ip-block cidr="192.168.1.0/24"/>
>       </to>
>     </egress>
>     <egress/>
>   </policy>
> </cluster>
! import: 1 object read (1 NetworkPolicy); pods: 0 live, 0 synthesized; 1 node
! <stdin>:1:1: warning: policy 'db' selects no pod: no pod of namespace 'data' matches its pod-selector
! <stdin>:1:1: warning: a <from> of policy 'db' matches no pod: its namespace-selector matches no namespace
! <stdin>:11:20: warning: IPv6 ipBlocks are not modelled: dropped (2 in all, the first here)
! <stdin>:16:7: warning: policy rules left with only IPv6 peers: dropped (never widened to everyone) (1 in all, the first here)
! <stdin>:18:29: warning: CIDRs with host bits set: masked (1 in all, the first here)

# a List whose items take their kind from it; JSON; an empty document
$ k8snet import - --nodes 1 --no-kubelet --quiet
< {"kind": "PodList", "items": [{"metadata": {"name": "a"}, "spec": {"containers": [{"name": "c"}]}}]}
< ---
< # only a comment
< ---
> <?xml version="1.0" encoding="UTF-8"?>
> <!-- written by k8snet import: every element names the object it comes from -->
> <cluster name="stdin" version="1.2">
>   <namespace name="default">
>     <label key="kubernetes.io/metadata.name" value="default"/>
>   </namespace>
>   <node name="node-1" address="192.168.0.1">
>     <!-- <stdin>:1 Pod default/a -->
>     <pod name="default/a" namespace="default" address="10.244.0.1" workload="Pod/a">
>       <container name="default/a/c"/>
>     </pod>
>   </node>
> </cluster>

# the origin comment keeps a name Kubernetes would refuse, "--" escaped
$ k8snet import - --nodes 1 --no-kubelet
< kind: Pod
< metadata: {name: "Web--1"}
< spec: {containers: [{name: c, ports: [{containerPort: "80"}]}]}
> <?xml version="1.0" encoding="UTF-8"?>
> <!-- written by k8snet import: every element names the object it comes from -->
> <cluster name="stdin" version="1.2">
>   <namespace name="default">
>     <label key="kubernetes.io/metadata.name" value="default"/>
>   </namespace>
>   <node name="node-1" address="192.168.0.1">
>     <!-- <stdin>:1 Pod default/Web-\-1 -->
>     <pod name="default/web--1" namespace="default" address="10.244.0.1" workload="Pod/web--1">
>       <container name="default/web--1/c"><port number="80"/></container>
>     </pod>
>   </node>
> </cluster>
! import: 1 object read (1 Pod); pods: 0 live, 1 synthesized; 1 node
! <stdin>:2:18: warning: names that Kubernetes would refuse: lowercased, other characters written '-' (1 in all, the first here)
! <stdin>:3:55: warning: quoted numbers where Kubernetes wants a number: read as that number (1 in all, the first here)

# unknown fields (Kubernetes ignores them, so does import): one warning
# for all, at the first, with a guess; each map the importer reads is checked
$ k8snet import - --nodes 1 --no-kubelet >/dev/null
< kind: Pod
< metadata: {name: web, labels: {app: web}}
< spec:
<   containers:
<   - name: c
<     ports:
<     - contianerPort: 8080
<       protocol: TCP
< ---
< kind: NetworkPolicy
< metadata: {name: p}
< spec:
<   podSelecter: {matchLabels: {app: web}}
<   policyType: [Ingress]
<   ingress:
<   - from:
<     - namespaceSelector: {matchLabel: {team: a}}
<     ports:
<     - {port: 80, protocl: TCP}
! import: 2 objects read (1 Pod, 1 NetworkPolicy); pods: 0 live, 1 synthesized; 1 node
! <stdin>:7:7: warning: ports entries without containerPort (or 0) open nothing (1 in all, the first here)
! <stdin>:7:7: warning: unknown fields: ignored, as Kubernetes ignores them (5 in all, the first here: 'contianerPort' in a container port; did you mean 'containerPort'?)

# a service name with no letter at its ends is trimmed, so that the spec stays valid
$ k8snet import - --nodes 1 --no-kubelet --quiet | grep '<service'
< kind: Service
< metadata: {name: _Web.}
< spec: {ports: [{port: 80}]}
>   <service name="web" namespace="default" address="10.96.0.10">

# two workloads of one name (legal: different kinds) would give two pods one
# name: a Pod object keeps its own name, and a synthesized pod whose name is
# taken gets the first free suffix, with a warning
$ k8snet import - --nodes 1 --no-kubelet | grep '<pod'
< kind: StatefulSet
< metadata: {name: db}
< spec: {replicas: 2, template: {spec: {containers: [{name: c}]}}}
< ---
< kind: Deployment
< metadata: {name: db}
< spec: {template: {spec: {containers: [{name: c}]}}}
< ---
< kind: Pod
< metadata: {name: DB-1}
< spec: {containers: [{name: c}]}
>     <pod name="default/db-0" namespace="default" address="10.244.0.1" workload="StatefulSet/db">
>     <pod name="default/db-1" namespace="default" address="10.244.0.4" workload="Pod/db-1">
>     <pod name="default/db-1-2" namespace="default" address="10.244.0.2" workload="StatefulSet/db">
>     <pod name="default/db-1-3" namespace="default" address="10.244.0.3" workload="Deployment/db">
! import: 3 objects read (1 StatefulSet, 1 Deployment, 1 Pod); pods: 0 live, 4 synthesized; 1 node
! <stdin>:1:1: warning: pod names taken by another pod of the namespace (two workloads of one name, or names equal once lowercased): renamed with the first free suffix -2, -3, ... (2 in all, the first here)
! <stdin>:10:18: warning: names that Kubernetes would refuse: lowercased, other characters written '-' (1 in all, the first here)

# ---- every command takes Kubernetes input: one truth ----

$ k8snet import samples/k8s -o k8s.xml --quiet && k8snet reach k8s.xml --format csv >a.csv && k8snet reach samples/k8s --format csv >b.csv 2>/dev/null && cmp a.csv b.csv && k8snet check samples/k8s --quiet 2>/dev/null
> constraint 1, distinct addresses: pass (14 addresses, checked when the spec is read)
> constraint 2, container to container: pass (25 pairs checked, 0 violations)
> constraint 3, pod to pod: pass (240 pairs checked, 0 violations, 117 denied by policy)
> constraint 4, daemon to pod: pass (30 pairs checked, 0 violations)
> constraint 5, service endpoints: pass (6 service ports checked, 0 violations)
> constraint 6, service targets: pass (10 service backends checked, 0 violations)
> expects: none in the spec
> summary: pass: 6 constraints and 0 expects hold
= test -s k8s.xml && ! test -e k8s.xml.tmp-k8snet

$ k8snet validate samples/k8s
> samples/k8s: valid: cluster k8s: 3 nodes, 11 pods, 16 containers, 6 daemons, 21 endpoints
! samples/k8s/platform.yaml:41:7: warning: kind ConfigMap is not modelled: 1 object skipped
! samples/k8s/shop.yaml:77:9: warning: node ports, load-balancer addresses, externalIPs and hostPorts are not modelled yet: imported without them (1 in all, the first here)

$ k8snet validate - <tests/data/k8s/live.yaml
> <stdin>: valid: cluster stdin: 2 nodes, 2 pods, 2 containers, 4 daemons, 6 endpoints
! <stdin>:75:5: warning: pods in phase Succeeded or Failed have no network: skipped (1 in all, the first here)
! <stdin>:127:5: warning: endpoints at a node address that nothing opens: a NODE:kube-apiserver daemon opens them (1 in all, the first here)

# netpol-analyzer's inputs (Apache-2.0, tests/data/netpol-analyzer)
$ for d in tests/data/netpol-analyzer/*/input; do k8snet validate $d 2>/dev/null || echo "FAIL $d"; done
> tests/data/netpol-analyzer/ipblockstest/input: valid: cluster input: 3 nodes, 11 pods, 18 containers, 24 daemons, 21 endpoints
> tests/data/netpol-analyzer/minimal_test_in_ns/input: valid: cluster input: 3 nodes, 4 pods, 4 containers, 3 daemons, 11 endpoints
> tests/data/netpol-analyzer/netpol_named_port_test/input: valid: cluster input: 3 nodes, 2 pods, 2 containers, 3 daemons, 7 endpoints
> tests/data/netpol-analyzer/onlineboutique/input: valid: cluster input: 1 node, 12 pods, 12 containers, 1 daemon, 12 endpoints
> tests/data/netpol-analyzer/onlineboutique_workloads/input: valid: cluster input: 3 nodes, 14 pods, 14 containers, 3 daemons, 14 endpoints
> tests/data/netpol-analyzer/with_end_port_example/input: valid: cluster input: 3 nodes, 29 pods, 39 containers, 3 daemons, 21 endpoints
$ for d in tests/data/netpol-analyzer/*/input; do k8snet check $d --quiet 2>/dev/null >/dev/null; echo "$? $d"; done
> 0 tests/data/netpol-analyzer/ipblockstest/input
> 0 tests/data/netpol-analyzer/minimal_test_in_ns/input
> 0 tests/data/netpol-analyzer/netpol_named_port_test/input
> 0 tests/data/netpol-analyzer/onlineboutique/input
> 0 tests/data/netpol-analyzer/onlineboutique_workloads/input
> 0 tests/data/netpol-analyzer/with_end_port_example/input
$ k8snet reach tests/data/netpol-analyzer/onlineboutique/input --format csv 2>/dev/null | head -3
> source,address,port,protocol,verdict,receiver,path
> minikube:kubelet,10.244.120.79,9555,TCP,delivered,default/adservice-77d5cd745d-t8mx4/server,minikube:kubelet>minikube>default/adservice-77d5cd745d-t8mx4>default/adservice-77d5cd745d-t8mx4/server
> minikube:kubelet,10.244.120.78,7070,TCP,delivered,default/cartservice-74f56fd4b-8fjzp/server,minikube:kubelet>minikube>default/cartservice-74f56fd4b-8fjzp>default/cartservice-74f56fd4b-8fjzp/server
$ k8snet import tests/data/netpol-analyzer/onlineboutique/input --quiet | grep -c '<pod '
> 12

# ---- bad input: every error, exit 2, nothing written ----

$ k8snet import tests/data/k8s/bad.yaml -o out.xml
? 2
! tests/data/k8s/bad.yaml:6:12: error: invalid label key '-bad' ([PREFIX/]NAME: NAME 1 to 63 characters of A-Z a-z 0-9 . _ -, alphanumeric at both ends; PREFIX a DNS subdomain)
! tests/data/k8s/bad.yaml:11:27: error: invalid containerPort 70000 (1 to 65535)
! tests/data/k8s/bad.yaml:12:41: error: invalid protocol 'tcp' (TCP, UDP or SCTP)
! tests/data/k8s/bad.yaml:21:30: error: invalid selector operator 'Equals' (In, NotIn, Exists or DoesNotExist)
! tests/data/k8s/bad.yaml:24:27: error: invalid CIDR '10.0.0.0/33' (ADDR/LEN, LEN 0 to 32)
! tests/data/k8s/bad.yaml:26:33: error: endPort 8000 is below port 9000
! tests/data/k8s/bad.yaml:27:18: error: invalid port -1 (1 to 65535)
! tests/data/k8s/bad.yaml:34:14: error: spec.clusterIP '2001:db8::1' is not an IPv4 address
! tests/data/k8s/bad.yaml:41:9: error: duplicate Pod default/web (already at tests/data/k8s/bad.yaml:2)
! tests/data/k8s/bad.yaml:44:1: error: an object without kind
! tests/data/k8s/bad.yaml:48:11: error: a Service without metadata.name
! tests/data/k8s/bad.yaml:50:1: error: a document that is not a mapping (an object is a mapping)
= ! test -e out.xml

# a YAML syntax error
$ k8snet import -
< kind: Pod
< metadata: {name: [a}
? 2
! <stdin>:2:20: error: did not find expected ',' or ']'

# a key twice in one mapping: Kubernetes refuses it, so does import
$ k8snet import - -o out.xml
< kind: Pod
< metadata: {name: a, namespace: x, name: b}
< spec:
<   containers: [{name: c}]
<   containers: [{name: d}]
? 2
! <stdin>:2:35: error: duplicate key 'name' (already at line 2): Kubernetes refuses a key twice in one mapping
! <stdin>:5:3: error: duplicate key 'containers' (already at line 4): Kubernetes refuses a key twice in one mapping
= ! test -e out.xml

# a billion laughs is refused, not expanded
$ k8snet import -
< a: &a ["x","x","x","x","x","x","x","x","x","x"]
< b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
< c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
< d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
< e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
< f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
< g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]
< kind: Pod
< metadata: {name: lol}
? 2
! <stdin>:6:29: error: alias *e expands the aliases past 1000000 nodes (a "billion laughs"?): refused

# input over --max-input-size
$ k8snet import tests/data/k8s/live.yaml --max-input-size 1K
? 2
! tests/data/k8s/live.yaml: error: the input is 3567 bytes, more than the limit of 1024 (raise it with --max-input-size)

# two pods with the same address, two services with the same address
$ k8snet import -
< kind: Pod
< metadata: {name: a}
< status: {podIP: 10.0.0.1}
< ---
< kind: Pod
< metadata: {name: b}
< status: {podIP: 10.0.0.1}
< ---
< kind: Service
< metadata: {name: s}
< spec: {clusterIP: 10.96.0.5, ports: [{port: 80}]}
< ---
< kind: Service
< metadata: {name: t}
< spec: {clusterIP: 10.96.0.5, ports: [{port: 80}]}
? 2
! <stdin>:7:17: error: pod default/b has the address 10.0.0.1 of pod default/a (<stdin>:3)
! <stdin>:13:1: error: service default/t has the address 10.96.0.5 of service default/s (<stdin>:9)

# an IPv6-only pod; a bad label value; a bad port name
$ k8snet import -
< kind: Pod
< metadata: {name: six, labels: {app: "-x"}}
< spec: {containers: [{name: c, ports: [{containerPort: 80, name: HTTP}]}]}
< status: {podIP: "fd00::1"}
? 2
! <stdin>:2:37: error: invalid label value '-x' for key 'app' (empty, or 1 to 63 characters of A-Z a-z 0-9 . _ -, alphanumeric at both ends)
! <stdin>:3:65: error: invalid port name 'HTTP' (1 to 15 characters of a-z 0-9 -, with a letter, no '-' at an end, no '--')
! <stdin>:4:17: error: pod default/six has only IPv6 addresses (IPv6 is not modelled yet)

# Names that differ in the input but not in the spec, which writes a
# name that Kubernetes refuses lowercased ('Web' is 'web'): for kinds that
# import does not rename (services, policies, namespaces, nodes), an error
# at the later name, where the parser would have refused the spec at a
# line of the XML.
$ k8snet import - -o out.xml
< kind: Service
< metadata: {name: Web}
< spec: {ports: [{port: 80}]}
< ---
< kind: Service
< metadata: {name: web}
< spec: {ports: [{port: 80}]}
< ---
< kind: NetworkPolicy
< metadata: {name: deny}
< spec: {podSelector: {}}
< ---
< kind: NetworkPolicy
< metadata: {name: Deny}
< spec: {podSelector: {}}
< ---
< kind: Namespace
< metadata: {name: Shop}
< ---
< kind: Namespace
< metadata: {name: shop}
< ---
< kind: Node
< metadata: {name: Node-A}
< ---
< kind: Node
< metadata: {name: node_a}
? 2
! <stdin>:6:18: error: Service default/web and default/Web (<stdin>:1) would both be 'web' in the spec (a name that Kubernetes refuses is lowercased, other characters written '-')
! <stdin>:14:18: error: NetworkPolicy default/Deny and default/deny (<stdin>:9) would both be 'deny' in the spec (a name that Kubernetes refuses is lowercased, other characters written '-')
! <stdin>:21:18: error: Namespace shop and Shop (<stdin>:17) would both be 'shop' in the spec (a name that Kubernetes refuses is lowercased, other characters written '-')
! <stdin>:27:18: error: Node node_a and Node-A (<stdin>:23) would both be 'node-a' in the spec (a name that Kubernetes refuses is lowercased, other characters written '-')
= ! test -e out.xml

# An endpoint at a service's address (it would be rewritten again), and
# loopback or 0.0.0.0 where an address is needed: errors at the field,
# not at the object that the spec writes them in (a service's endpoints).
$ k8snet import - -o out.xml
< kind: Service
< metadata: {name: a}
< spec: {clusterIP: 10.96.0.20, ports: [{port: 80}]}
< ---
< kind: Endpoints
< metadata: {name: a}
< subsets: [{addresses: [{ip: 10.96.0.20}, {ip: 127.0.0.1}], ports: [{port: 80}]}]
< ---
< kind: Service
< metadata: {name: lo}
< spec: {clusterIP: 127.0.0.5, ports: [{port: 80}]}
< ---
< kind: Pod
< metadata: {name: p}
< spec: {nodeName: n1}
< status: {podIP: 127.0.0.9, hostIP: 0.0.0.0}
< ---
< kind: Node
< metadata: {name: n1}
< status: {addresses: [{type: InternalIP, address: 127.0.0.2}]}
? 2
! <stdin>:7:29: error: endpoint address 10.96.0.20 is the address of service default/a (<stdin>:1): an endpoint is a pod, a node or an address outside the cluster
! <stdin>:7:47: error: endpoint address 127.0.0.1 is reserved (loopback or 0.0.0.0)
! <stdin>:11:19: error: spec.clusterIP 127.0.0.5 is reserved (loopback or 0.0.0.0)
! <stdin>:16:17: error: status.podIP 127.0.0.9 is reserved (loopback or 0.0.0.0)
! <stdin>:16:36: error: status.hostIP 0.0.0.0 is reserved (loopback or 0.0.0.0)
! <stdin>:20:50: error: node address 127.0.0.2 is reserved (loopback or 0.0.0.0)
= ! test -e out.xml

# A port and protocol twice in one service: Kubernetes refuses it, and
# so does import, at the later port (the parser refused the spec at the
# service).
$ k8snet import -
< kind: Service
< metadata: {name: s}
< spec: {ports: [{port: 80}, {port: 80, protocol: UDP}, {port: 80, targetPort: 81}]}
? 2
! <stdin>:3:62: error: port 80/TCP is given twice in spec.ports (Kubernetes refuses it)

# the pod subnet runs out
$ k8snet import - --nodes 1 --pod-cidr 10.244.0.0/24 --quiet
< kind: Deployment
< metadata: {name: big}
< spec: {replicas: 300, template: {spec: {containers: [{name: c}]}}}
? 2
! <stdin>:1:1: error: the pod subnet of node node-1 (a /24 of --pod-cidr 10.244.0.0/24) is full: widen --pod-cidr (or add nodes with --nodes)

# more nodes than --pod-cidr has /24 subnets, when a pod needs an address
$ k8snet import - --nodes 2 --pod-cidr 10.0.0.0/24 --quiet
< kind: Deployment
< metadata: {name: d}
< spec: {replicas: 2, template: {spec: {containers: [{name: c}]}}}
? 2
! <stdin>:1:1: error: --pod-cidr 10.0.0.0/24 holds 1 node subnets of /24, too few for node node-2 (node 2 in node order): widen --pod-cidr

# no object that import reads
$ k8snet import -
< kind: ConfigMap
< metadata: {name: x}
? 2
! <stdin>: error: no Kubernetes object that import reads (Namespace, Node, Pod, workloads, Service, EndpointSlice, Endpoints, NetworkPolicy)

# a directory without any YAML is no spec either
$ k8snet reach tests/cli
? 2
! tests/cli: error: no Kubernetes object that import reads (Namespace, Node, Pod, workloads, Service, EndpointSlice, Endpoints, NetworkPolicy)

# usage
$ k8snet import
? 2
! k8snet import: import needs at least one INPUT (a file, a directory, or -)
! Try 'k8snet import --help'.
$ k8snet import x.yaml --pod-cidr 10.0.0.1/8
? 2
! k8snet import: --pod-cidr takes a CIDR (ADDR/LEN, no host bits), not '10.0.0.1/8'
! Try 'k8snet import --help'.
$ k8snet import x.yaml --nodes 0
? 2
! k8snet import: --nodes takes a number from 1 to 100000, not '0'
! Try 'k8snet import --help'.
$ k8snet import x.yaml --bogus
? 2
! k8snet import: unknown option '--bogus'
! Try 'k8snet import --help'.
$ k8snet import nosuch.yaml
? 3
! nosuch.yaml: error: cannot read: No such file or directory

# A file name is no cluster name as it is: bytes that are not UTF-8 or
# are control characters become '?' in the default name, and are escaped
# in the origin comments, so that the XML stays well-formed (it was not);
# --name refuses them.
$ printf 'kind: Pod\nmetadata: {name: p}\n' >"$(printf 'u\377\001.yaml')"; k8snet import "$(printf 'u\377\001.yaml')" --quiet | grep -e '<cluster' -e 'Pod default/p'
> <cluster name="u??" version="1.2">
>     <!-- u\xff\x01.yaml:1 Pod default/p -->
$ k8snet import samples/k8s --name "$(printf 'a\tb')"
? 2
! k8snet import: --name takes a cluster name (1 to 253 bytes of UTF-8, no control characters), not 'a	b'
! Try 'k8snet import --help'.

# a failed write: status 3, and no file left behind
$ k8snet import samples/k8s --quiet -o nosuch/x.xml
? 3
! k8snet: cannot write nosuch/x.xml: No such file or directory
$ k8snet import samples/k8s --quiet >/dev/full
? 3
! k8snet: cannot write standard output: No space left on device

# ---- the kubectl plugin, with a stand-in kubectl that prints a dump ----
# One `kubectl get` per kind (every namespace, unless -n); kubectl's
# flags go to kubectl, the others to k8snet.

$ mkdir bin && printf '#!/bin/sh\necho "$@" >>kubectl.args\ncase "$*" in *"get pods"*) cat tests/data/k8s/live.yaml ;; *) printf "apiVersion: v1\\nkind: List\\nitems: []\\n" ;; esac\n' >bin/kubectl && chmod +x bin/kubectl && PATH=$PWD/bin:$PATH K8SNET=$K8SNET tests/../kubectl-k8snet validate --context prod && cat kubectl.args
> <stdin>: valid: cluster stdin: 2 nodes, 2 pods, 2 containers, 4 daemons, 6 endpoints
> --context prod get nodes -o yaml
> --context prod get namespaces -o yaml
> --context prod get pods --all-namespaces -o yaml
> --context prod get services --all-namespaces -o yaml
> --context prod get endpointslices --all-namespaces -o yaml
> --context prod get networkpolicies --all-namespaces -o yaml
! <stdin>:84:5: warning: pods in phase Succeeded or Failed have no network: skipped (1 in all, the first here)
! <stdin>:136:5: warning: endpoints at a node address that nothing opens: a NODE:kube-apiserver daemon opens them (1 in all, the first here)

# A user who may not list nodes still gets a result, with a warning that
# names what kubectl refused; -n reads one namespace.
$ mkdir bin && printf '#!/bin/sh\necho "$@" >>kubectl.args\ncase "$*" in *"get nodes"*) echo "Error from server (Forbidden): nodes is forbidden" >&2; exit 1 ;; *"get pods"*) cat tests/data/k8s/live.yaml ;; *) printf "apiVersion: v1\\nkind: List\\nitems: []\\n" ;; esac\n' >bin/kubectl && chmod +x bin/kubectl && PATH=$PWD/bin:$PATH K8SNET=$K8SNET tests/../kubectl-k8snet connlist -n app --format csv >/dev/null; echo "status $?"; grep -c -- '--namespace app' kubectl.args
> status 0
> 4
! kubectl k8snet: warning: kubectl refused nodes (Error from server (Forbidden): nodes is forbidden): going on without them
! <stdin>:80:5: warning: pods in phase Succeeded or Failed have no network: skipped (1 in all, the first here)
! <stdin>:132:5: warning: endpoints at a node address that nothing opens: a NODE:kube-apiserver daemon opens them (1 in all, the first here)

$ mkdir bin && printf '#!/bin/sh\necho "error: You must be logged in to the server (Unauthorized)" >&2\nexit 1\n' >bin/kubectl && chmod +x bin/kubectl && PATH=$PWD/bin:$PATH K8SNET=$K8SNET tests/../kubectl-k8snet reach
? 3
! kubectl k8snet: kubectl could not read the cluster: nodes (error: You must be logged in to the server (Unauthorized))

# -o goes through the same writer as every command's: a symbolic link
# keeps pointing where it did (and a device, such as /dev/null, is
# written in place, never replaced by a file).
$ echo old >target.xml; ln -s target.xml link.xml; k8snet import samples/k8s --quiet -o link.xml; test -L link.xml && echo link; grep -c '<cluster ' target.xml
> link
> 1

# Two containers of one pod with the same name: Kubernetes refuses the
# pod, and so does import, at the second name (found by fuzz_import_map).
$ printf 'kind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c1\n  - name: c1\n' | k8snet import -
? 2
! <stdin>:6:11: error: container name 'c1' is used twice in the pod

# Containers without a name are container-N by their place among the pod's
# containers, running sidecars first (an init container that ends is not
# one): two unnamed ones never clash.
$ printf 'kind: Pod\nmetadata: {name: unn}\nspec:\n  initContainers:\n  - {image: x, restartPolicy: Always, ports: [{containerPort: 15001}]}\n  - {image: y}\n  containers:\n  - {image: x, ports: [{containerPort: 80}]}\n' | k8snet import - --nodes 1 --no-kubelet --quiet | grep '<container'
>       <container name="default/unn/container-1"><port number="15001"/></container>
>       <container name="default/unn/container-2"><port number="80"/></container>

# An EndpointSlice endpoint that is not ready gets no traffic from
# kube-proxy: no backend, as an Endpoints' notReadyAddresses.
$ printf 'kind: Service\napiVersion: v1\nmetadata: {name: ext}\nspec: {clusterIP: 10.96.0.9, ports: [{port: 443}]}\n---\nkind: EndpointSlice\napiVersion: discovery.k8s.io/v1\nmetadata: {name: ext-1, labels: {kubernetes.io/service-name: ext}}\naddressType: IPv4\nendpoints:\n- addresses: [203.0.113.5]\n- addresses: [203.0.113.7]\n  conditions: {ready: false}\n- addresses: [203.0.113.8]\n  conditions: {ready: true}\nports: [{port: 443}]\n' | k8snet import - --nodes 1 --no-kubelet --quiet | grep '<endpoint'
>     <endpoint address="203.0.113.5" port="443" protocol="TCP" service-port="443"/>
>     <endpoint address="203.0.113.8" port="443" protocol="TCP" service-port="443"/>

# The cluster of "import ." is named after the folder, not ".".
$ (cd samples/k8s && k8snet import . --quiet) | grep '<cluster'
> <cluster name="k8s" version="1.2">

# A synthesized pod's address skips the clusterIPs the input fixes, even
# where --pod-cidr and the services' range overlap: import chose the pod's
# address, so it must not then blame the Service for it.
$ printf 'kind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c}]}\n---\nkind: Service\nmetadata: {name: s}\nspec: {clusterIP: 10.96.0.1, ports: [{port: 80}]}\n' | k8snet import - --pod-cidr 10.96.0.0/16 --nodes 1 --no-kubelet --quiet | grep -E '<pod|<service'
>     <pod name="default/p" namespace="default" address="10.96.0.2" workload="Pod/p">
>   <service name="s" namespace="default" address="10.96.0.1">
