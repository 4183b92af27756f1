# An option that does not apply names itself, not its value.
$ k8snet validate samples/k1.xml --ports all
? 2
! k8snet: validate: option '--ports' does not apply to this command
! Try 'k8snet --help' for more information.

$ k8snet validate samples/k1.xml -f csv
? 2
! k8snet: validate: option '-f' does not apply to this command
! Try 'k8snet --help' for more information.

# In a group of short options, the unknown one is named.
$ k8snet reach -zq samples/k1.xml
? 2
! k8snet: reach: unknown option '-z'
! Try 'k8snet --help' for more information.

# Options come after the command.
$ k8snet --ports all
? 2
! k8snet: unknown option '--ports' (options come after the command)
! Try 'k8snet --help' for more information.

# A wrong format is a usage error before the spec is even read.
$ k8snet reach nosuch.xml --format xml
? 2
! k8snet: reach: unknown format 'xml' (text, csv, json or html)
! Try 'k8snet --help' for more information.

# Help and version are output like any other: a failed write is status 3.
$ k8snet reach --help >/dev/full
? 3
! k8snet: cannot write standard output: No space left on device

$ k8snet --version >/dev/full
? 3
! k8snet: cannot write standard output: No space left on device

# -o writes a symbolic link's target in place of the link, and a pipe or
# a device as it is, never replacing them with a regular file.
$ echo old >target; ln -s target link; k8snet validate samples/k1.xml >/dev/null; k8snet fib samples/k1.xml --switch P1 --format csv -o link; test -L link && head -1 target
> switch,position,src,dst,dport,protocol,action,to,origin

$ mkfifo pipe; (cat pipe >got &); k8snet fib samples/k1.xml --switch P1 --format csv -o pipe; sleep 1; test -p pipe && wc -l <got
> 6

$ k8snet reach samples/k1.xml -o /dev/null; test -c /dev/null && echo still a device
> still a device

# Text where no text belongs gets the line where it starts.
$ k8snet validate -
< <cluster name="x">
<   <node name="N" address="10.0.0.1"/>
<   nodes
<
<   <node name="M" address="10.0.0.2"/>
< </cluster>
? 2
! <stdin>:3: error: unexpected text in <cluster>

# A long option without argument, given one, is named as written.
$ k8snet check samples/k1.xml --all=x
? 2
! k8snet: check: option '--all' takes no argument
! Try 'k8snet --help' for more information.

$ k8snet check samples/k1.xml --frob=2
? 2
! k8snet: check: unknown option '--frob'
! Try 'k8snet --help' for more information.

# A -o file that meets the file size limit (as a full disk would): status
# 3 with the real cause, the previous file kept, no temporary file left.
# Run bare: valgrind itself does not start under such a limit. A coverage
# build writes its .gcda files at exit, after k8snet gave the default
# SIGXFSZ back: there (make coverage sets K8SNET_COVERAGE) the shell
# ignores it for the whole run (gcov's own complaints are not k8snet's),
# and k8snet must still say why it failed.
$ echo previous >big.csv; (K8SNET_WRAPPER=; ulimit -f 10; if [ -n "${K8SNET_COVERAGE:-}" ]; then trap '' XFSZ; fi; k8snet reach samples/shop.xml --format csv -o big.csv 2>err.txt); echo "status $?"; grep -v '^libgcov profiling error' err.txt >&2; cat big.csv; ls -a | grep 'k8snet-' | wc -l
> status 3
> previous
> 0
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?
! k8snet: cannot write big.csv: File too large
