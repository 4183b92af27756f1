# The command line: usage errors (status 2, a message that says what is
# wrong and "Try 'k8snet --help'", nothing on standard output), --help and
# --version (standard output, status 0), input/output failures (status 3,
# with a message).

# ---- commands and arguments ----

$ k8snet
? 2
! k8snet: missing command
! Try 'k8snet --help' for more information.

$ k8snet frob samples/k1.xml
? 2
! k8snet: unknown command 'frob'
! Try 'k8snet --help' for more information.

$ k8snet validate
? 2
! k8snet: validate: missing arguments: validate SPEC
! Try 'k8snet --help' for more information.

$ k8snet validate samples/k1.xml samples/k1.xml
? 2
! k8snet: validate: too many arguments: validate SPEC
! Try 'k8snet --help' for more information.

$ k8snet fib
? 2
! k8snet: fib: missing arguments: fib SPEC
! Try 'k8snet --help' for more information.

$ k8snet reach samples/k1.xml extra
? 2
! k8snet: reach: too many arguments: reach SPEC
! Try 'k8snet --help' for more information.

$ k8snet trace samples/k1.xml C1.1
? 2
! k8snet: trace: missing arguments: trace SPEC SOURCE DESTINATION
! Try 'k8snet --help' for more information.

$ k8snet trace samples/k1.xml C1.1 10.1.1.1:8080 extra
? 2
! k8snet: trace: too many arguments: trace SPEC SOURCE DESTINATION
! Try 'k8snet --help' for more information.

# ---- options ----

$ k8snet reach samples/k1.xml --bogus
? 2
! k8snet: reach: unknown option '--bogus'
! Try 'k8snet --help' for more information.

$ k8snet reach -z samples/k1.xml
? 2
! k8snet: reach: unknown option '-z'
! Try 'k8snet --help' for more information.

$ k8snet reach samples/k1.xml --format
? 2
! k8snet: reach: option '--format' needs an argument
! Try 'k8snet --help' for more information.

$ k8snet trace samples/k1.xml C1.1 10.1.1.1:8080 -o
? 2
! k8snet: trace: option '-o' needs an argument
! Try 'k8snet --help' for more information.

# An option of another command.
$ k8snet fib samples/k1.xml --ports all
? 2
! k8snet: fib: option '--ports' does not apply to this command
! Try 'k8snet --help' for more information.

$ k8snet reach samples/k1.xml --switch P1
? 2
! k8snet: reach: option '--switch' does not apply to this command
! Try 'k8snet --help' for more information.

$ k8snet validate samples/k1.xml -o out.txt
? 2
! k8snet: validate: option '-o' does not apply to this command
! Try 'k8snet --help' for more information.
= test ! -e out.txt

# Formats: each command lists the ones it has.
$ k8snet reach samples/k1.xml --format xml
? 2
! k8snet: reach: unknown format 'xml' (text, csv, json or html)
! Try 'k8snet --help' for more information.

$ k8snet fib samples/k1.xml --format json
? 2
! k8snet: fib: unknown format 'json' (text, csv or html)
! Try 'k8snet --help' for more information.

$ k8snet trace samples/k1.xml C1.1 10.1.1.1:8080 -f CSV
? 2
! k8snet: trace: unknown format 'CSV' (text, csv, json or dot)
! Try 'k8snet --help' for more information.

$ k8snet reach samples/k1.xml --ports some
? 2
! k8snet: reach: --ports takes open or all, not 'some'
! Try 'k8snet --help' for more information.

$ k8snet reach samples/k1.xml --ports=
? 2
! k8snet: reach: --ports takes open or all, not ''
! Try 'k8snet --help' for more information.

$ k8snet validate samples/k1.xml --max-spec-size 0
? 2
! k8snet: validate: --max-spec-size takes a size in bytes (K, M, G), not '0'
! Try 'k8snet --help' for more information.

$ k8snet validate samples/k1.xml --max-spec-size 1X
? 2
! k8snet: validate: --max-spec-size takes a size in bytes (K, M, G), not '1X'
! Try 'k8snet --help' for more information.

# Long options may come anywhere, as --name=value too, and short forms.
$ k8snet trace --format=csv samples/k1.xml -o t.csv C1.1 10.1.1.1:8080 && cat t.csv
> source,address,port,protocol,verdict,receiver,path
> C1.1,10.1.1.1,8080,TCP,delivered,C1.1,C1.1>P1>C1.1

$ k8snet fib -f csv --switch=N2 samples/k1.xml
> switch,position,src,dst,dport,protocol,action,to,origin
> N2,1,*,10.1.2.1,*,*,forward,P2,Node to Pod Forwarding Rule
> N2,2,*,10.1.2.2,*,*,forward,P4,Node to Pod Forwarding Rule
> N2,3,*,10.1.1.1,*,*,forward,N1,Node to Node Forwarding Rule
> N2,4,*,10.1.1.2,*,*,forward,N1,Node to Node Forwarding Rule

# ---- names and destinations on the command line ----

# trace's SOURCE is a container, a daemon or a pod of the spec (names.t
# has the rest); a node sends nothing.
$ k8snet trace samples/k1.xml N1 10.1.1.1:8080
? 2
! k8snet: trace: 'N1' is a node: a SOURCE is a container, a daemon or a pod
! Try 'k8snet --help' for more information.

$ k8snet trace samples/k1.xml C9 10.1.1.1:8080
? 2
! k8snet: trace: 'C9' is not a container, daemon or pod of the spec
! Try 'k8snet --help' for more information.

# The destination: ADDR:PORT[/PROTO], the address canonical as in the
# spec, the protocol in any case; P1:8080 is pod P1's address.
$ for d in 10.1.1.1 10.1.1.1: 10.1.1.1:0 10.1.1.1:65536 10.1.1.1:080 10.1.1.01:80 P1:8080 10.1.1.1:80/tcp 10.1.1.1:80/ 10.1.1.1:80/TCP/x; do k8snet trace samples/k1.xml C1.1 "$d" 2>&1 | head -n 1; done
> k8snet: trace: invalid destination '10.1.1.1' (ADDR:PORT, SERVICE.NAMESPACE:PORT, NAMESPACE/SERVICE:PORT, NAMESPACE/POD:PORT or NAME:PORT, each with /PROTO if not TCP)
> k8snet: trace: invalid port '' in destination '10.1.1.1:' (1 to 65535, no leading zeros)
> k8snet: trace: invalid port '0' in destination '10.1.1.1:0' (1 to 65535, no leading zeros)
> k8snet: trace: invalid port '65536' in destination '10.1.1.1:65536' (1 to 65535, no leading zeros)
> k8snet: trace: invalid port '080' in destination '10.1.1.1:080' (1 to 65535, no leading zeros)
> k8snet: trace: invalid address '10.1.1.01' in destination '10.1.1.01:80' (a dotted quad, no leading zeros)
> message from container C1.1 to 10.1.1.1:8080/TCP (source address 10.1.1.1)
> message from container C1.1 to 10.1.1.1:80/TCP (source address 10.1.1.1)
> k8snet: trace: unknown protocol '' in destination '10.1.1.1:80/' (TCP, UDP or SCTP, in any case)
> k8snet: trace: unknown protocol 'TCP/x' in destination '10.1.1.1:80/TCP/x' (TCP, UDP or SCTP, in any case)

# An unknown protocol names the known ones.
$ k8snet trace samples/k1.xml C1.1 10.1.1.1:8080/ICMP
? 2
! k8snet: trace: unknown protocol 'ICMP' in destination '10.1.1.1:8080/ICMP' (TCP, UDP or SCTP, in any case)
! Try 'k8snet --help' for more information.

# fib --switch names a pod or a node.
$ k8snet fib samples/k1.xml --switch C1.1
? 2
! k8snet: fib: 'C1.1' is not a pod or node of the spec
! Try 'k8snet --help' for more information.

$ k8snet fib samples/k1.xml --switch N9 --format csv
? 2
! k8snet: fib: 'N9' is not a pod or node of the spec
! Try 'k8snet --help' for more information.

# ---- --help, --version ----

$ k8snet --help >help.txt; echo "status $?"; head -n 1 help.txt; grep -E '^  (validate|fib|trace|reach) ' help.txt
> status 0
> Usage: k8snet COMMAND SPEC [OPTION]...
>   validate SPEC                  check the spec; print a one-line summary
>   fib SPEC [--switch NAME] [--format text|csv|html]
>   trace SPEC SOURCE DESTINATION [--format text|csv|json|dot]
>   reach SPEC [--ports open|all] [--format csv|json|text|html] [-o FILE]

# -h, and --help after a command, print the same.
$ k8snet --help >a; k8snet -h >b; k8snet reach --help >c; k8snet trace samples/k1.xml -h >d; cmp a b && cmp a c && cmp a d && echo same
> same

$ k8snet --version | grep -Ec '^k8snet [0-9]+\.[0-9]+(\.[0-9]+)?$'; k8snet -V | grep -Ec '^k8snet [0-9]'
> 1
> 1

# ---- input/output failures: status 3 ----

$ k8snet validate nosuch.xml
? 3
! nosuch.xml: error: cannot read the spec: No such file or directory

# (a directory is Kubernetes input now: tests/cli/import.t)

# A failed write to standard output ends with status 3 and a message,
# never 0 (each command, each format).
$ k8snet reach samples/k1.xml --format csv >/dev/full
? 3
! k8snet: cannot write standard output: No space left on device

$ k8snet reach samples/k1.xml --ports all --format json >/dev/full
? 3
! k8snet: cannot write standard output: No space left on device

$ k8snet reach samples/k1.xml >/dev/full
? 3
! k8snet: cannot write standard output: No space left on device

$ k8snet trace samples/k1.xml C1.1 10.1.1.1:8080 >/dev/full
? 3
! k8snet: cannot write standard output: No space left on device

$ k8snet fib samples/k1.xml --format csv >/dev/full
? 3
! k8snet: cannot write standard output: No space left on device

$ k8snet validate samples/k1.xml >/dev/full
? 3
! k8snet: cannot write standard output: No space left on device

$ k8snet --version >/dev/full 2>/dev/null; echo "status $?"; k8snet --help >/dev/full 2>/dev/null; echo "status $?"
> status 3
> status 3

# -o FILE: written whole or not at all. A folder that does not exist, or a
# folder in place of a file: status 3, a message, no file, no temporary.
$ k8snet reach samples/k1.xml --format csv -o nosuch/out.csv
? 3
! k8snet: cannot write nosuch/out.csv: No such file or directory
= test ! -e nosuch && ! ls -A | grep -q k8snet-

$ mkdir out.csv; k8snet reach samples/k1.xml --format csv -o out.csv
? 3
! k8snet: cannot write out.csv: Is a directory
= test -d out.csv && test -z "$(ls -A out.csv)" && ! ls -A | grep -q k8snet-

# A run that fails leaves the previous file as it was; one that succeeds
# replaces it.
$ echo previous >out.csv; k8snet reach samples/k1.xml --format xml -o out.csv; cat out.csv
> previous
! k8snet: reach: unknown format 'xml' (text, csv, json or html)
! Try 'k8snet --help' for more information.

$ echo previous >out.csv; k8snet trace samples/k1.xml C1.1 10.1.1.2:8080 --format csv -o out.csv; cat out.csv
> source,address,port,protocol,verdict,receiver,path
> C1.1,10.1.1.2,8080,TCP,delivered,C3.1,C1.1>P1>N1>P3>C3.1
