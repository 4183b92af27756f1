# The reference model's worked examples on K1 (reference-model.md).
$ k8snet trace samples/k1.xml C1.1 127.0.0.1:9090 --format csv
> source,address,port,protocol,verdict,receiver,path
> C1.1,127.0.0.1,9090,TCP,delivered,C1.2,C1.1>P1>C1.2

$ k8snet trace samples/k1.xml C1.1 10.1.1.2:8080 --format csv
> source,address,port,protocol,verdict,receiver,path
> C1.1,10.1.1.2,8080,TCP,delivered,C3.1,C1.1>P1>N1>P3>C3.1

$ k8snet trace samples/k1.xml C1.1 10.1.2.1:8080 --format csv
> source,address,port,protocol,verdict,receiver,path
> C1.1,10.1.2.1,8080,TCP,delivered,C2.1,C1.1>P1>N1>N2>P2>C2.1

$ k8snet trace samples/k1.xml D1 10.1.1.1:8080 --format csv
> source,address,port,protocol,verdict,receiver,path
> D1,10.1.1.1,8080,TCP,delivered,C1.1,D1>N1>P1>C1.1

$ k8snet trace samples/k1.xml C1.1 10.1.1.1:7777 --format csv
> source,address,port,protocol,verdict,receiver,path
> C1.1,10.1.1.1,7777,TCP,loop,,C1.1>P1>N1>P1

$ k8snet trace samples/k1.xml C1.1 127.0.0.1:7777 --format csv
> source,address,port,protocol,verdict,receiver,path
> C1.1,127.0.0.1,7777,TCP,discarded,,C1.1>P1>N1

# The contract's FIB example.
$ k8snet fib samples/k1.xml --switch P2 --format csv
> switch,position,src,dst,dport,protocol,action,to,origin
> P2,1,*,127.0.0.1,8080,TCP,deliver,C2.1,Delivery on localhost
> P2,2,*,127.0.0.1,9090,TCP,deliver,C2.2,Delivery on localhost
> P2,3,*,10.1.2.1,8080,TCP,deliver,C2.1,Delivery on Pod Address
> P2,4,*,10.1.2.1,9090,TCP,deliver,C2.2,Delivery on Pod Address
> P2,5,*,*,*,*,forward,N2,Local Forwarding Rule
