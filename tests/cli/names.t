# Addresses a person types: trace's SOURCE and DESTINATION, and dot
# --trace's (k8snet(1), "trace"). tests/data/names.xml names its pods as
# import does (shop/frontend-1) and plainly (api); samples/shop.xml
# plainly, in namespaces.

# ---- SOURCE: a container, a daemon, or a pod (its first container) ----

# A pod by its spec name, and by NAME alone when import named it
# NAMESPACE/NAME; a destination NAME:PORT that is a unique service.
$ k8snet trace tests/data/names.xml frontend-1 postgres:5432 --format csv
> source,address,port,protocol,verdict,receiver,path
> shop/frontend-1/nginx,10.96.0.4,5432,TCP,delivered,data/postgres-0/pg,shop/frontend-1/nginx>shop/frontend-1=10.1.0.5:5432>N1>data/postgres-0>data/postgres-0/pg

$ k8snet trace tests/data/names.xml shop/frontend-1 10.1.0.5:5432 --format csv
> source,address,port,protocol,verdict,receiver,path
> shop/frontend-1/nginx,10.1.0.5,5432,TCP,delivered,data/postgres-0/pg,shop/frontend-1/nginx>shop/frontend-1>N1>data/postgres-0>data/postgres-0/pg

# A container other than the first is named as itself.
$ k8snet trace tests/data/names.xml shop/frontend-1/sidecar 10.1.0.5:5432 --format csv
> source,address,port,protocol,verdict,receiver,path
> shop/frontend-1/sidecar,10.1.0.5,5432,TCP,delivered,data/postgres-0/pg,shop/frontend-1/sidecar>shop/frontend-1>N1>data/postgres-0>data/postgres-0/pg

# A plainly named pod, as NAME and as NAMESPACE/NAME; a hostNetwork pod
# is its first daemon.
$ k8snet trace samples/shop.xml web-1 10.20.3.1:5432 --format csv; k8snet trace samples/shop.xml web/web-1 10.20.3.1:5432 --format csv
> source,address,port,protocol,verdict,receiver,path
> web-1/nginx,10.20.3.1,5432,TCP,discarded,,web-1/nginx>web-1>node-a>node-c>db-1
> source,address,port,protocol,verdict,receiver,path
> web-1/nginx,10.20.3.1,5432,TCP,discarded,,web-1/nginx>web-1>node-a>node-c>db-1
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?

$ k8snet trace tests/data/names.xml agent 10.1.0.2:8000 --format csv
> source,address,port,protocol,verdict,receiver,path
> N1/agent,10.1.0.2,8000,TCP,delivered,api/server,N1/agent>N1>api>api/server

# A name that is more than one pod, a pod without containers, a node, a
# name that is nothing: usage errors.
$ k8snet trace tests/data/names.xml cache-1 10.1.0.5:5432
? 2
! k8snet: trace: 'cache-1' is more than one pod: write shop/cache-1 or stage/cache-1
! Try 'k8snet --help' for more information.

$ k8snet trace tests/data/names.xml empty 10.1.0.5:5432
? 2
! k8snet: trace: pod 'empty' has no container to send from
! Try 'k8snet --help' for more information.

$ k8snet trace tests/data/names.xml N1 10.1.0.5:5432
? 2
! k8snet: trace: 'N1' is a node: a SOURCE is a container, a daemon or a pod
! Try 'k8snet --help' for more information.

$ k8snet trace tests/data/names.xml frontend-2 10.1.0.5:5432
? 2
! k8snet: trace: 'frontend-2' is not a container, daemon or pod of the spec; did you mean 'frontend-1'?
! Try 'k8snet --help' for more information.

# ---- DESTINATION ----

# A service: SERVICE.NAMESPACE (also as DNS writes it), NAMESPACE/SERVICE,
# or its name alone when no other pod or service has it; the protocol in
# any case.
$ for d in postgres.data:5432 postgres.data.svc:5432 postgres.data.svc.cluster.local:5432/tcp data/postgres:5432/Tcp postgres:5432 web.stage:80/udp stage/web:80/sctp; do k8snet trace tests/data/names.xml api "$d" | head -n 1; done
> message from container api/server to 10.96.0.4:5432/TCP (source address 10.1.0.2)
> message from container api/server to 10.96.0.4:5432/TCP (source address 10.1.0.2)
> message from container api/server to 10.96.0.4:5432/TCP (source address 10.1.0.2)
> message from container api/server to 10.96.0.4:5432/TCP (source address 10.1.0.2)
> message from container api/server to 10.96.0.4:5432/TCP (source address 10.1.0.2)
> message from container api/server to 10.96.0.3:80/UDP (source address 10.1.0.2)
> message from container api/server to 10.96.0.3:80/SCTP (source address 10.1.0.2)

# A pod: NAMESPACE/POD (whether the spec names it POD or NAMESPACE/POD),
# its spec name, or its name alone when unique; a hostNetwork pod's
# address is its node's.
$ for d in data/postgres-0:5432 postgres-0:5432 shop/cache-1:6379 stage/cache-1:6379/TCP kube-system/agent:9100 agent:9100; do k8snet trace tests/data/names.xml api "$d" | head -n 1; done
> message from container api/server to 10.1.0.5:5432/TCP (source address 10.1.0.2)
> message from container api/server to 10.1.0.5:5432/TCP (source address 10.1.0.2)
> message from container api/server to 10.1.0.3:6379/TCP (source address 10.1.0.2)
> message from container api/server to 10.1.0.4:6379/TCP (source address 10.1.0.2)
> message from container api/server to 192.168.0.1:9100/TCP (source address 10.1.0.2)
> message from container api/server to 192.168.0.1:9100/TCP (source address 10.1.0.2)

$ k8snet trace samples/shop.xml web-1 data/db-1:5432 --format csv; k8snet trace samples/shop.xml web-1 db.data:5432 --format csv
> source,address,port,protocol,verdict,receiver,path
> web-1/nginx,10.20.3.1,5432,TCP,discarded,,web-1/nginx>web-1>node-a>node-c>db-1
> source,address,port,protocol,verdict,receiver,path
> web-1/nginx,10.96.0.30,5432,TCP,discarded,,web-1/nginx>web-1=10.20.3.1:5432>node-a>node-c>db-1
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?

# dot --trace takes the same forms.
$ k8snet dot tests/data/names.xml --trace frontend-1 postgres:5432 -o t.dot
= tests/dot-check.sh t.dot valid "path shop/frontend-1/nginx shop/frontend-1 N1 data/postgres-0 data/postgres-0/pg"

# NAMESPACE/X where a service and a pod are both X: a usage error that
# names the two unambiguous forms (with the port and protocol as given).
$ k8snet trace tests/data/names.xml frontend-1 shop/api:80
? 2
! k8snet: trace: 'shop/api:80' names both service api and pod api in namespace shop: write api.shop:80 for the service, 10.1.0.2:80 for the pod
! Try 'k8snet --help' for more information.

$ k8snet dot tests/data/names.xml --trace frontend-1 shop/api:8000/udp
? 2
! k8snet: dot: 'shop/api:8000/udp' names both service api and pod api in namespace shop: write api.shop:8000/udp for the service, 10.1.0.2:8000/udp for the pod
! Try 'k8snet --help' for more information.

# NAME:PORT that is more than one pod or service lists them, each in a
# form that names it alone.
$ k8snet trace tests/data/names.xml frontend-1 web:80
? 2
! k8snet: trace: 'web' is more than one pod or service: write web.shop:80 (service) or web.stage:80 (service)
! Try 'k8snet --help' for more information.

$ k8snet trace tests/data/names.xml frontend-1 cache-1:6379
? 2
! k8snet: trace: 'cache-1' is more than one pod or service: write shop/cache-1:6379 (pod shop/cache-1) or stage/cache-1:6379 (pod stage/cache-1)
! Try 'k8snet --help' for more information.

$ k8snet trace tests/data/names.xml frontend-1 api:80
? 2
! k8snet: trace: 'api' is more than one pod or service: write api.shop:80 (service) or 10.1.0.2:80 (pod shop/api)
! Try 'k8snet --help' for more information.

# Names that are nothing, or something that is no pod or service.
$ k8snet trace tests/data/names.xml api posgres:5432
? 2
! k8snet: trace: destination 'posgres:5432': 'posgres' is no pod or service of the spec (ADDR:PORT, SERVICE.NAMESPACE:PORT, NAMESPACE/SERVICE:PORT, NAMESPACE/POD:PORT or NAME:PORT, each with /PROTO if not TCP); did you mean 'postgres'?
! Try 'k8snet --help' for more information.

$ k8snet trace tests/data/names.xml api postgres.dta:5432
? 2
! k8snet: trace: destination 'postgres.dta:5432': the spec has no namespace 'dta'; did you mean 'data'?
! Try 'k8snet --help' for more information.

$ k8snet trace tests/data/names.xml api data/postgre:5432
? 2
! k8snet: trace: destination 'data/postgre:5432': the spec has no service or pod 'postgre' in namespace 'data'; did you mean 'postgres'?
! Try 'k8snet --help' for more information.

$ k8snet trace tests/data/names.xml api N1:10250
? 2
! k8snet: trace: 'N1' is a node, not a pod or service: write the address of node N1, 192.168.0.1:10250
! Try 'k8snet --help' for more information.

$ k8snet trace tests/data/names.xml api api/server:8000
? 2
! k8snet: trace: 'api/server' is a container, not a pod or service: write the address of pod api, 10.1.0.2:8000
! Try 'k8snet --help' for more information.
