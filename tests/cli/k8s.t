# The shop sample: services and policies end to end.

# Service Rules sit between the deliveries and the Local Forwarding Rule,
# 'dnat' to NAMESPACE/NAME.
$ k8snet fib samples/shop.xml --switch api-1 --format csv
> switch,position,src,dst,dport,protocol,action,to,origin
> api-1,1,*,127.0.0.1,8000,TCP,deliver,api-1/server,Delivery on localhost
> api-1,2,*,127.0.0.1,9090,TCP,deliver,api-1/server,Delivery on localhost
> api-1,3,*,10.20.1.2,8000,TCP,deliver,api-1/server,Delivery on Pod Address
> api-1,4,*,10.20.1.2,9090,TCP,deliver,api-1/server,Delivery on Pod Address
> api-1,5,*,10.96.0.10,80,TCP,dnat,web/front,Service Rule
> api-1,6,*,10.96.0.20,80,TCP,dnat,api/api,Service Rule
> api-1,7,*,10.96.0.21,9090,TCP,dnat,api/metrics,Service Rule
> api-1,8,*,10.96.0.30,5432,TCP,dnat,data/db,Service Rule
> api-1,9,*,*,*,*,forward,node-a,Local Forwarding Rule
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?

# ...and after Delivery on Node Address in a node table.
$ k8snet fib samples/shop.xml --switch node-c --format csv
> switch,position,src,dst,dport,protocol,action,to,origin
> node-c,1,*,192.168.10.3,9100,TCP,deliver,node-c/mon,Delivery on Node Address
> node-c,2,*,10.96.0.10,80,TCP,dnat,web/front,Service Rule
> node-c,3,*,10.96.0.20,80,TCP,dnat,api/api,Service Rule
> node-c,4,*,10.96.0.21,9090,TCP,dnat,api/metrics,Service Rule
> node-c,5,*,10.96.0.30,5432,TCP,dnat,data/db,Service Rule
> node-c,6,*,10.20.3.1,*,*,forward,db-1,Node to Pod Forwarding Rule
> node-c,7,*,10.20.3.2,*,*,forward,debug,Node to Pod Forwarding Rule
> node-c,8,*,10.20.1.1,*,*,forward,node-a,Node to Node Forwarding Rule
> node-c,9,*,10.20.1.2,*,*,forward,node-a,Node to Node Forwarding Rule
> node-c,10,*,10.20.2.1,*,*,forward,node-b,Node to Node Forwarding Rule
> node-c,11,*,10.20.2.2,*,*,forward,node-b,Node to Node Forwarding Rule
> node-c,12,*,192.168.10.1,*,*,forward,node-a,Node to Node Forwarding Rule (node address)
> node-c,13,*,192.168.10.2,*,*,forward,node-b,Node to Node Forwarding Rule (node address)
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?

# A service destination forks per backend; the path shows the DNAT hop.
# web-2 is denied on 9090 (from-web allows http only); node-a's daemon is
# allowed into api-1 (its own node) but not into api-2.
$ k8snet reach samples/shop.xml --format csv
> source,address,port,protocol,verdict,receiver,path
> node-a/mon,10.20.1.1,8080,TCP,delivered,web-1/nginx,node-a/mon>node-a>web-1>web-1/nginx
> node-a/mon,10.20.1.2,8000,TCP,delivered,api-1/server,node-a/mon>node-a>api-1>api-1/server
> node-a/mon,10.20.1.2,9090,TCP,delivered,api-1/server,node-a/mon>node-a>api-1>api-1/server
> node-a/mon,10.20.2.1,8080,TCP,delivered,web-2/nginx,node-a/mon>node-a>node-b>web-2>web-2/nginx
> node-a/mon,10.20.2.2,8000,TCP,discarded,,node-a/mon>node-a>node-b>api-2
> node-a/mon,10.20.2.2,9090,TCP,discarded,,node-a/mon>node-a>node-b>api-2
> node-a/mon,10.20.3.1,5432,TCP,discarded,,node-a/mon>node-a>node-c>db-1
> node-a/mon,192.168.10.1,9100,TCP,delivered,node-a/mon,node-a/mon>node-a>node-a/mon
> node-a/mon,192.168.10.2,9100,TCP,delivered,node-b/mon,node-a/mon>node-a>node-b>node-b/mon
> node-a/mon,192.168.10.3,9100,TCP,delivered,node-c/mon,node-a/mon>node-a>node-c>node-c/mon
> node-a/mon,10.96.0.10,80,TCP,delivered,web-1/nginx,node-a/mon>node-a=10.20.1.1:8080>web-1>web-1/nginx
> node-a/mon,10.96.0.10,80,TCP,delivered,web-2/nginx,node-a/mon>node-a=10.20.2.1:8080>node-b>web-2>web-2/nginx
> node-a/mon,10.96.0.20,80,TCP,delivered,api-1/server,node-a/mon>node-a=10.20.1.2:8000>api-1>api-1/server
> node-a/mon,10.96.0.20,80,TCP,discarded,,node-a/mon>node-a=10.20.2.2:8000>node-b>api-2
> node-a/mon,10.96.0.21,9090,TCP,discarded,,node-a/mon>node-a
> node-a/mon,10.96.0.30,5432,TCP,discarded,,node-a/mon>node-a=10.20.3.1:5432>node-c>db-1
> web-1/nginx,127.0.0.1,8080,TCP,delivered,web-1/nginx,web-1/nginx>web-1>web-1/nginx
> web-1/nginx,10.20.1.1,8080,TCP,delivered,web-1/nginx,web-1/nginx>web-1>web-1/nginx
> web-1/nginx,10.20.1.2,8000,TCP,delivered,api-1/server,web-1/nginx>web-1>node-a>api-1>api-1/server
> web-1/nginx,10.20.1.2,9090,TCP,discarded,,web-1/nginx>web-1>node-a>api-1
> web-1/nginx,10.20.2.1,8080,TCP,delivered,web-2/nginx,web-1/nginx>web-1>node-a>node-b>web-2>web-2/nginx
> web-1/nginx,10.20.2.2,8000,TCP,delivered,api-2/server,web-1/nginx>web-1>node-a>node-b>api-2>api-2/server
> web-1/nginx,10.20.2.2,9090,TCP,discarded,,web-1/nginx>web-1>node-a>node-b>api-2
> web-1/nginx,10.20.3.1,5432,TCP,discarded,,web-1/nginx>web-1>node-a>node-c>db-1
> web-1/nginx,192.168.10.1,9100,TCP,delivered,node-a/mon,web-1/nginx>web-1>node-a>node-a/mon
> web-1/nginx,192.168.10.2,9100,TCP,delivered,node-b/mon,web-1/nginx>web-1>node-a>node-b>node-b/mon
> web-1/nginx,192.168.10.3,9100,TCP,delivered,node-c/mon,web-1/nginx>web-1>node-a>node-c>node-c/mon
> web-1/nginx,10.96.0.10,80,TCP,delivered,web-1/nginx,web-1/nginx>web-1=10.20.1.1:8080>web-1/nginx
> web-1/nginx,10.96.0.10,80,TCP,delivered,web-2/nginx,web-1/nginx>web-1=10.20.2.1:8080>node-a>node-b>web-2>web-2/nginx
> web-1/nginx,10.96.0.20,80,TCP,delivered,api-1/server,web-1/nginx>web-1=10.20.1.2:8000>node-a>api-1>api-1/server
> web-1/nginx,10.96.0.20,80,TCP,delivered,api-2/server,web-1/nginx>web-1=10.20.2.2:8000>node-a>node-b>api-2>api-2/server
> web-1/nginx,10.96.0.21,9090,TCP,discarded,,web-1/nginx>web-1
> web-1/nginx,10.96.0.30,5432,TCP,discarded,,web-1/nginx>web-1=10.20.3.1:5432>node-a>node-c>db-1
> api-1/server,127.0.0.1,8000,TCP,delivered,api-1/server,api-1/server>api-1>api-1/server
> api-1/server,127.0.0.1,9090,TCP,delivered,api-1/server,api-1/server>api-1>api-1/server
> api-1/server,10.20.1.1,8080,TCP,delivered,web-1/nginx,api-1/server>api-1>node-a>web-1>web-1/nginx
> api-1/server,10.20.1.2,8000,TCP,delivered,api-1/server,api-1/server>api-1>api-1/server
> api-1/server,10.20.1.2,9090,TCP,delivered,api-1/server,api-1/server>api-1>api-1/server
> api-1/server,10.20.2.1,8080,TCP,delivered,web-2/nginx,api-1/server>api-1>node-a>node-b>web-2>web-2/nginx
> api-1/server,10.20.2.2,8000,TCP,discarded,,api-1/server>api-1>node-a>node-b>api-2
> api-1/server,10.20.2.2,9090,TCP,discarded,,api-1/server>api-1>node-a>node-b>api-2
> api-1/server,10.20.3.1,5432,TCP,delivered,db-1/postgres,api-1/server>api-1>node-a>node-c>db-1>db-1/postgres
> api-1/server,192.168.10.1,9100,TCP,delivered,node-a/mon,api-1/server>api-1>node-a>node-a/mon
> api-1/server,192.168.10.2,9100,TCP,delivered,node-b/mon,api-1/server>api-1>node-a>node-b>node-b/mon
> api-1/server,192.168.10.3,9100,TCP,delivered,node-c/mon,api-1/server>api-1>node-a>node-c>node-c/mon
> api-1/server,10.96.0.10,80,TCP,delivered,web-1/nginx,api-1/server>api-1=10.20.1.1:8080>node-a>web-1>web-1/nginx
> api-1/server,10.96.0.10,80,TCP,delivered,web-2/nginx,api-1/server>api-1=10.20.2.1:8080>node-a>node-b>web-2>web-2/nginx
> api-1/server,10.96.0.20,80,TCP,delivered,api-1/server,api-1/server>api-1=10.20.1.2:8000>api-1/server
> api-1/server,10.96.0.20,80,TCP,discarded,,api-1/server>api-1=10.20.2.2:8000>node-a>node-b>api-2
> api-1/server,10.96.0.21,9090,TCP,discarded,,api-1/server>api-1
> api-1/server,10.96.0.30,5432,TCP,delivered,db-1/postgres,api-1/server>api-1=10.20.3.1:5432>node-a>node-c>db-1>db-1/postgres
> node-b/mon,10.20.1.1,8080,TCP,delivered,web-1/nginx,node-b/mon>node-b>node-a>web-1>web-1/nginx
> node-b/mon,10.20.1.2,8000,TCP,discarded,,node-b/mon>node-b>node-a>api-1
> node-b/mon,10.20.1.2,9090,TCP,discarded,,node-b/mon>node-b>node-a>api-1
> node-b/mon,10.20.2.1,8080,TCP,delivered,web-2/nginx,node-b/mon>node-b>web-2>web-2/nginx
> node-b/mon,10.20.2.2,8000,TCP,delivered,api-2/server,node-b/mon>node-b>api-2>api-2/server
> node-b/mon,10.20.2.2,9090,TCP,delivered,api-2/server,node-b/mon>node-b>api-2>api-2/server
> node-b/mon,10.20.3.1,5432,TCP,discarded,,node-b/mon>node-b>node-c>db-1
> node-b/mon,192.168.10.1,9100,TCP,delivered,node-a/mon,node-b/mon>node-b>node-a>node-a/mon
> node-b/mon,192.168.10.2,9100,TCP,delivered,node-b/mon,node-b/mon>node-b>node-b/mon
> node-b/mon,192.168.10.3,9100,TCP,delivered,node-c/mon,node-b/mon>node-b>node-c>node-c/mon
> node-b/mon,10.96.0.10,80,TCP,delivered,web-1/nginx,node-b/mon>node-b=10.20.1.1:8080>node-a>web-1>web-1/nginx
> node-b/mon,10.96.0.10,80,TCP,delivered,web-2/nginx,node-b/mon>node-b=10.20.2.1:8080>web-2>web-2/nginx
> node-b/mon,10.96.0.20,80,TCP,discarded,,node-b/mon>node-b=10.20.1.2:8000>node-a>api-1
> node-b/mon,10.96.0.20,80,TCP,delivered,api-2/server,node-b/mon>node-b=10.20.2.2:8000>api-2>api-2/server
> node-b/mon,10.96.0.21,9090,TCP,discarded,,node-b/mon>node-b
> node-b/mon,10.96.0.30,5432,TCP,discarded,,node-b/mon>node-b=10.20.3.1:5432>node-c>db-1
> web-2/nginx,127.0.0.1,8080,TCP,delivered,web-2/nginx,web-2/nginx>web-2>web-2/nginx
> web-2/nginx,10.20.1.1,8080,TCP,delivered,web-1/nginx,web-2/nginx>web-2>node-b>node-a>web-1>web-1/nginx
> web-2/nginx,10.20.1.2,8000,TCP,delivered,api-1/server,web-2/nginx>web-2>node-b>node-a>api-1>api-1/server
> web-2/nginx,10.20.1.2,9090,TCP,discarded,,web-2/nginx>web-2>node-b>node-a>api-1
> web-2/nginx,10.20.2.1,8080,TCP,delivered,web-2/nginx,web-2/nginx>web-2>web-2/nginx
> web-2/nginx,10.20.2.2,8000,TCP,delivered,api-2/server,web-2/nginx>web-2>node-b>api-2>api-2/server
> web-2/nginx,10.20.2.2,9090,TCP,discarded,,web-2/nginx>web-2>node-b>api-2
> web-2/nginx,10.20.3.1,5432,TCP,discarded,,web-2/nginx>web-2>node-b>node-c>db-1
> web-2/nginx,192.168.10.1,9100,TCP,delivered,node-a/mon,web-2/nginx>web-2>node-b>node-a>node-a/mon
> web-2/nginx,192.168.10.2,9100,TCP,delivered,node-b/mon,web-2/nginx>web-2>node-b>node-b/mon
> web-2/nginx,192.168.10.3,9100,TCP,delivered,node-c/mon,web-2/nginx>web-2>node-b>node-c>node-c/mon
> web-2/nginx,10.96.0.10,80,TCP,delivered,web-1/nginx,web-2/nginx>web-2=10.20.1.1:8080>node-b>node-a>web-1>web-1/nginx
> web-2/nginx,10.96.0.10,80,TCP,delivered,web-2/nginx,web-2/nginx>web-2=10.20.2.1:8080>web-2/nginx
> web-2/nginx,10.96.0.20,80,TCP,delivered,api-1/server,web-2/nginx>web-2=10.20.1.2:8000>node-b>node-a>api-1>api-1/server
> web-2/nginx,10.96.0.20,80,TCP,delivered,api-2/server,web-2/nginx>web-2=10.20.2.2:8000>node-b>api-2>api-2/server
> web-2/nginx,10.96.0.21,9090,TCP,discarded,,web-2/nginx>web-2
> web-2/nginx,10.96.0.30,5432,TCP,discarded,,web-2/nginx>web-2=10.20.3.1:5432>node-b>node-c>db-1
> api-2/server,127.0.0.1,8000,TCP,delivered,api-2/server,api-2/server>api-2>api-2/server
> api-2/server,127.0.0.1,9090,TCP,delivered,api-2/server,api-2/server>api-2>api-2/server
> api-2/server,10.20.1.1,8080,TCP,delivered,web-1/nginx,api-2/server>api-2>node-b>node-a>web-1>web-1/nginx
> api-2/server,10.20.1.2,8000,TCP,discarded,,api-2/server>api-2>node-b>node-a>api-1
> api-2/server,10.20.1.2,9090,TCP,discarded,,api-2/server>api-2>node-b>node-a>api-1
> api-2/server,10.20.2.1,8080,TCP,delivered,web-2/nginx,api-2/server>api-2>node-b>web-2>web-2/nginx
> api-2/server,10.20.2.2,8000,TCP,delivered,api-2/server,api-2/server>api-2>api-2/server
> api-2/server,10.20.2.2,9090,TCP,delivered,api-2/server,api-2/server>api-2>api-2/server
> api-2/server,10.20.3.1,5432,TCP,delivered,db-1/postgres,api-2/server>api-2>node-b>node-c>db-1>db-1/postgres
> api-2/server,192.168.10.1,9100,TCP,delivered,node-a/mon,api-2/server>api-2>node-b>node-a>node-a/mon
> api-2/server,192.168.10.2,9100,TCP,delivered,node-b/mon,api-2/server>api-2>node-b>node-b/mon
> api-2/server,192.168.10.3,9100,TCP,delivered,node-c/mon,api-2/server>api-2>node-b>node-c>node-c/mon
> api-2/server,10.96.0.10,80,TCP,delivered,web-1/nginx,api-2/server>api-2=10.20.1.1:8080>node-b>node-a>web-1>web-1/nginx
> api-2/server,10.96.0.10,80,TCP,delivered,web-2/nginx,api-2/server>api-2=10.20.2.1:8080>node-b>web-2>web-2/nginx
> api-2/server,10.96.0.20,80,TCP,discarded,,api-2/server>api-2=10.20.1.2:8000>node-b>node-a>api-1
> api-2/server,10.96.0.20,80,TCP,delivered,api-2/server,api-2/server>api-2=10.20.2.2:8000>api-2/server
> api-2/server,10.96.0.21,9090,TCP,discarded,,api-2/server>api-2
> api-2/server,10.96.0.30,5432,TCP,delivered,db-1/postgres,api-2/server>api-2=10.20.3.1:5432>node-b>node-c>db-1>db-1/postgres
> node-c/mon,10.20.1.1,8080,TCP,delivered,web-1/nginx,node-c/mon>node-c>node-a>web-1>web-1/nginx
> node-c/mon,10.20.1.2,8000,TCP,discarded,,node-c/mon>node-c>node-a>api-1
> node-c/mon,10.20.1.2,9090,TCP,discarded,,node-c/mon>node-c>node-a>api-1
> node-c/mon,10.20.2.1,8080,TCP,delivered,web-2/nginx,node-c/mon>node-c>node-b>web-2>web-2/nginx
> node-c/mon,10.20.2.2,8000,TCP,discarded,,node-c/mon>node-c>node-b>api-2
> node-c/mon,10.20.2.2,9090,TCP,discarded,,node-c/mon>node-c>node-b>api-2
> node-c/mon,10.20.3.1,5432,TCP,delivered,db-1/postgres,node-c/mon>node-c>db-1>db-1/postgres
> node-c/mon,192.168.10.1,9100,TCP,delivered,node-a/mon,node-c/mon>node-c>node-a>node-a/mon
> node-c/mon,192.168.10.2,9100,TCP,delivered,node-b/mon,node-c/mon>node-c>node-b>node-b/mon
> node-c/mon,192.168.10.3,9100,TCP,delivered,node-c/mon,node-c/mon>node-c>node-c/mon
> node-c/mon,10.96.0.10,80,TCP,delivered,web-1/nginx,node-c/mon>node-c=10.20.1.1:8080>node-a>web-1>web-1/nginx
> node-c/mon,10.96.0.10,80,TCP,delivered,web-2/nginx,node-c/mon>node-c=10.20.2.1:8080>node-b>web-2>web-2/nginx
> node-c/mon,10.96.0.20,80,TCP,discarded,,node-c/mon>node-c=10.20.1.2:8000>node-a>api-1
> node-c/mon,10.96.0.20,80,TCP,discarded,,node-c/mon>node-c=10.20.2.2:8000>node-b>api-2
> node-c/mon,10.96.0.21,9090,TCP,discarded,,node-c/mon>node-c
> node-c/mon,10.96.0.30,5432,TCP,delivered,db-1/postgres,node-c/mon>node-c=10.20.3.1:5432>db-1>db-1/postgres
> db-1/postgres,127.0.0.1,5432,TCP,delivered,db-1/postgres,db-1/postgres>db-1>db-1/postgres
> db-1/postgres,10.20.1.1,8080,TCP,delivered,web-1/nginx,db-1/postgres>db-1>node-c>node-a>web-1>web-1/nginx
> db-1/postgres,10.20.1.2,8000,TCP,discarded,,db-1/postgres>db-1>node-c>node-a>api-1
> db-1/postgres,10.20.1.2,9090,TCP,discarded,,db-1/postgres>db-1>node-c>node-a>api-1
> db-1/postgres,10.20.2.1,8080,TCP,delivered,web-2/nginx,db-1/postgres>db-1>node-c>node-b>web-2>web-2/nginx
> db-1/postgres,10.20.2.2,8000,TCP,discarded,,db-1/postgres>db-1>node-c>node-b>api-2
> db-1/postgres,10.20.2.2,9090,TCP,discarded,,db-1/postgres>db-1>node-c>node-b>api-2
> db-1/postgres,10.20.3.1,5432,TCP,delivered,db-1/postgres,db-1/postgres>db-1>db-1/postgres
> db-1/postgres,192.168.10.1,9100,TCP,delivered,node-a/mon,db-1/postgres>db-1>node-c>node-a>node-a/mon
> db-1/postgres,192.168.10.2,9100,TCP,delivered,node-b/mon,db-1/postgres>db-1>node-c>node-b>node-b/mon
> db-1/postgres,192.168.10.3,9100,TCP,delivered,node-c/mon,db-1/postgres>db-1>node-c>node-c/mon
> db-1/postgres,10.96.0.10,80,TCP,delivered,web-1/nginx,db-1/postgres>db-1=10.20.1.1:8080>node-c>node-a>web-1>web-1/nginx
> db-1/postgres,10.96.0.10,80,TCP,delivered,web-2/nginx,db-1/postgres>db-1=10.20.2.1:8080>node-c>node-b>web-2>web-2/nginx
> db-1/postgres,10.96.0.20,80,TCP,discarded,,db-1/postgres>db-1=10.20.1.2:8000>node-c>node-a>api-1
> db-1/postgres,10.96.0.20,80,TCP,discarded,,db-1/postgres>db-1=10.20.2.2:8000>node-c>node-b>api-2
> db-1/postgres,10.96.0.21,9090,TCP,discarded,,db-1/postgres>db-1
> db-1/postgres,10.96.0.30,5432,TCP,delivered,db-1/postgres,db-1/postgres>db-1=10.20.3.1:5432>db-1/postgres
> debug/shell,10.20.1.1,8080,TCP,discarded,,debug/shell>debug
> debug/shell,10.20.1.2,8000,TCP,discarded,,debug/shell>debug
> debug/shell,10.20.1.2,9090,TCP,discarded,,debug/shell>debug
> debug/shell,10.20.2.1,8080,TCP,discarded,,debug/shell>debug
> debug/shell,10.20.2.2,8000,TCP,discarded,,debug/shell>debug
> debug/shell,10.20.2.2,9090,TCP,discarded,,debug/shell>debug
> debug/shell,10.20.3.1,5432,TCP,discarded,,debug/shell>debug
> debug/shell,192.168.10.1,9100,TCP,discarded,,debug/shell>debug
> debug/shell,192.168.10.2,9100,TCP,discarded,,debug/shell>debug
> debug/shell,192.168.10.3,9100,TCP,delivered,node-c/mon,debug/shell>debug>node-c>node-c/mon
> debug/shell,10.96.0.10,80,TCP,discarded,,debug/shell>debug=10.20.1.1:8080
> debug/shell,10.96.0.10,80,TCP,discarded,,debug/shell>debug=10.20.2.1:8080
> debug/shell,10.96.0.20,80,TCP,discarded,,debug/shell>debug=10.20.1.2:8000
> debug/shell,10.96.0.20,80,TCP,discarded,,debug/shell>debug=10.20.2.2:8000
> debug/shell,10.96.0.21,9090,TCP,discarded,,debug/shell>debug
> debug/shell,10.96.0.30,5432,TCP,discarded,,debug/shell>debug=10.20.3.1:5432
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?

# The life of a denied message, with the policy that isolates the pod.
$ k8snet trace samples/shop.xml web-1/nginx 10.96.0.30:5432
> message from container web-1/nginx to 10.96.0.30:5432/TCP (source address 10.20.1.1)
>   web-1/nginx sends on its link to web-1
>   at web-1: rule 6 [* * 10.96.0.30 5432 TCP] dnat data/db (Service Rule)
>   at web-1: destination rewritten to 10.20.3.1:5432 (backend pod db-1)
>   at web-1: rule 7 [* * * * *] forward node-a (Local Forwarding Rule)
>   at node-a: rule 10 [* * 10.20.3.1 * *] forward node-c (Node to Node Forwarding Rule)
>   at node-c: rule 6 [* * 10.20.3.1 * *] forward db-1 (Node to Pod Forwarding Rule)
>   at db-1: rule 2 [* * 10.20.3.1 5432 TCP] deliver db-1/postgres (Delivery on Pod Address)
> verdict: discarded at db-1: ingress policy
>   db-1 is isolated for ingress by data/from-api (line 85, 1 ingress rule)
>   no rule of theirs allows source 10.20.1.1 to 10.20.3.1:5432/TCP
> path: web-1/nginx>web-1=10.20.3.1:5432>node-a>node-c>db-1
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?

# Egress denial after DNAT ends at the rewritten token.
$ k8snet trace samples/shop.xml debug/shell 10.96.0.10:80 --format csv
> source,address,port,protocol,verdict,receiver,path
> debug/shell,10.96.0.10,80,TCP,discarded,,debug/shell>debug=10.20.1.1:8080
> debug/shell,10.96.0.10,80,TCP,discarded,,debug/shell>debug=10.20.2.1:8080
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?

# A service port without endpoints: discarded where the Service Rule matched.
$ k8snet trace samples/shop.xml api-1/server 10.96.0.21:9090 --format json
> {"cluster":"shop","source":"api-1/server","source_address":"10.20.1.2","address":"10.96.0.21","port":9090,"protocol":"TCP","fates":[
> {"verdict":"discarded","receiver":null,"path":["api-1/server","api-1"],"reason":"no endpoints","class":"discarded","at":"api-1","hops":[{"switch":"api-1","position":7,"origin":"Service Rule","src":"*","dst":"10.96.0.21","dport":"9090","protocol":"TCP","action":"dnat","to":"api/metrics"}]}
> ]}
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?

# check: policy denials are intended; the service without endpoints is a
# violation; the expects hold.
$ k8snet check samples/shop.xml
? 1
> check of cluster shop
> constraint 1, distinct addresses: pass (9 addresses, checked when the spec is read)
> constraint 2, container to container: pass (7 pairs checked, 0 violations)
> constraint 3, pod to pod: pass (42 pairs checked, 0 violations, 21 denied by policy)
> constraint 4, daemon to pod: pass (7 pairs checked, 0 violations)
> constraint 5, service endpoints: FAIL (4 service ports checked, 1 violation)
>   service api/metrics at 10.96.0.21:9090/TCP: no endpoints
> constraint 6, service targets: pass (5 service backends checked, 0 violations)
> expects: 4 checked, 0 failed
>   line 99: web-1/nginx -> 10.96.0.20:80/TCP delivered: pass
>   line 100: api-2/server -> 10.96.0.30:5432/TCP delivered to db-1/postgres: pass
>   line 101: web-1/nginx -> 10.20.3.1:5432/TCP discarded: pass
>   line 102: debug/shell -> 10.96.0.10:80/TCP discarded: pass
> summary: FAIL: 1 of 6 constraints and 0 of 4 expects failed
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?

# The truth table marks a policy's denial (-) apart from a broken network (x).
$ k8snet reach samples/shop.xml
> reachability of cluster shop (--ports open): 9 senders x 18 destinations
>
>                        111111111
>        sender 123456789012345678
> node-a/mon    ....++++---++++-x-
> web-1/nginx   ..+.++-++--+++++x-
> api-1/server  .+.+++++--+++++-x+
> node-b/mon    ....+--+++-++++-x-
> web-2/nginx   ..+.++-++--+++++x-
> api-2/server  .+.++--++++++++-x+
> node-c/mon    ....+--+--+++++-x+
> db-1/postgres +...+--+--+++++-x+
> debug/shell   ....---------+--x-
>
> destinations:
>  1  127.0.0.1:5432/TCP     (the sender's own pod)
>  2  127.0.0.1:8000/TCP     (the sender's own pod)
>  3  127.0.0.1:8080/TCP     (the sender's own pod)
>  4  127.0.0.1:9090/TCP     (the sender's own pod)
>  5  10.20.1.1:8080/TCP     web-1
>  6  10.20.1.2:8000/TCP     api-1
>  7  10.20.1.2:9090/TCP     api-1
>  8  10.20.2.1:8080/TCP     web-2
>  9  10.20.2.2:8000/TCP     api-2
> 10  10.20.2.2:9090/TCP     api-2
> 11  10.20.3.1:5432/TCP     db-1
> 12  192.168.10.1:9100/TCP  node-a
> 13  192.168.10.2:9100/TCP  node-b
> 14  192.168.10.3:9100/TCP  node-c
> 15  10.96.0.10:80/TCP      service web/front
> 16  10.96.0.20:80/TCP      service api/api
> 17  10.96.0.21:9090/TCP    service api/metrics
> 18  10.96.0.30:5432/TCP    service data/db
>
> legend: + delivered  > discarded outside the cluster  - denied by a policy  o nothing listens  ! delivered to another process  x discarded  @ loop  . not a pair of this sender
> summary: 133 pairs: 78 delivered, 46 denied by a policy, 9 discarded
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?

# JSON names the policies that isolate the pod that denied the message.
$ k8snet trace samples/shop.xml web-1/nginx 10.20.3.1:5432 --format json
> {"cluster":"shop","source":"web-1/nginx","source_address":"10.20.1.1","address":"10.20.3.1","port":5432,"protocol":"TCP","fates":[
> {"verdict":"discarded","receiver":null,"path":["web-1/nginx","web-1","node-a","node-c","db-1"],"reason":"ingress policy","class":"denied","at":"db-1","isolated_by":["data/from-api"],"hops":[{"switch":"web-1","position":7,"origin":"Local Forwarding Rule","src":"*","dst":"*","dport":"*","protocol":"*","action":"forward","to":"node-a"},{"switch":"node-a","position":10,"origin":"Node to Node Forwarding Rule","src":"*","dst":"10.20.3.1","dport":"*","protocol":"*","action":"forward","to":"node-c"},{"switch":"node-c","position":6,"origin":"Node to Pod Forwarding Rule","src":"*","dst":"10.20.3.1","dport":"*","protocol":"*","action":"forward","to":"db-1"},{"switch":"db-1","position":2,"origin":"Delivery on Pod Address","src":"*","dst":"10.20.3.1","dport":"5432","protocol":"TCP","action":"deliver","to":"db-1/postgres"}]}
> ]}
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?

# ---- spec 1.2 (tests/data/spec-1.2.xml) ----

# A service selects a hostNetwork pod (daemons with a namespace) once: its
# node's address, the named target resolved on that pod's daemons.
$ k8snet trace tests/data/spec-1.2.xml shop/web-1/nginx 10.96.0.10:80 --format csv
> source,address,port,protocol,verdict,receiver,path
> shop/web-1/nginx,10.96.0.10,80,TCP,delivered,shop/agent-n1/agent,shop/web-1/nginx>shop/web-1=192.168.0.1:9100>N1>shop/agent-n1/agent

# Explicit endpoints: at a node's address (a daemon listens), at a pod's.
$ k8snet trace tests/data/spec-1.2.xml N1:kubelet 10.96.0.1:443 --format csv
> source,address,port,protocol,verdict,receiver,path
> N1:kubelet,10.96.0.1,443,TCP,delivered,N2:kube-apiserver,N1:kubelet>N1=192.168.0.2:6443>N2>N2:kube-apiserver

$ k8snet trace tests/data/spec-1.2.xml shop/web-1/nginx 10.96.0.11:5432 --format csv
> source,address,port,protocol,verdict,receiver,path
> shop/web-1/nginx,10.96.0.11,5432,TCP,delivered,shop/db-1/pg,shop/web-1/nginx>shop/web-1=10.244.1.1:5432>N1>N2>shop/db-1>shop/db-1/pg

# An endpoint outside the cluster: discarded at the first switch without
# a rule for it, reason "outside the cluster"; the CSV says discarded.
$ k8snet trace tests/data/spec-1.2.xml shop/web-1/nginx 10.96.0.12:443 --format csv
> source,address,port,protocol,verdict,receiver,path
> shop/web-1/nginx,10.96.0.12,443,TCP,discarded,,shop/web-1/nginx>shop/web-1=203.0.113.5:443>N1

$ k8snet trace tests/data/spec-1.2.xml shop/web-1/nginx 10.96.0.12:443 | grep '^verdict'
> verdict: discarded at N1: outside the cluster (203.0.113.5:443 is no node's or pod's address)

$ k8snet trace tests/data/spec-1.2.xml N1:kubelet 10.96.0.12:443 --format json | grep -o '"reason":"[^"]*"'
> "reason":"outside the cluster"
