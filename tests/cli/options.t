# An option that does not apply names itself, not its value.
$ k8snet validate samples/k1.xml --ports all
? 2
! k8snet: validate: option '--ports' does not apply to this command
! Try 'k8snet --help' for more information.

$ k8snet validate samples/k1.xml -f csv
? 2
! k8snet: validate: option '-f' does not apply to this command
! Try 'k8snet --help' for more information.
