#!/bin/sh
# The LOG_COMPILER of the unit tests, and the K8SNET_WRAPPER of every
# k8snet that the CLI tests run, in a build configured with --enable-asan
# or --enable-valgrind (Makefile.am sets WRAP_MODE, SUPP and VALGRIND).
# Scripts run as they are: valgrind checks k8snet, not a shell.
case $(head -c 2 "$1") in '#!') exec "$@" ;; esac
case ${WRAP_MODE:-} in
asan)
	# Graphviz and fontconfig are built without frame pointers: only the
	# slow unwinder (the default that make check sets) sees the gvc
	# frames that tests/lsan.supp names. It costs ten times more, so
	# programs that do not call gvc switch back to the fast one.
	if ! nm -D --undefined-only "$1" 2>/dev/null | grep -q ' gv[A-Z]'; then
		ASAN_OPTIONS=$ASAN_OPTIONS:fast_unwind_on_malloc=1
		export ASAN_OPTIONS
	fi
	exec "$@" ;;
valgrind)
	exec "${VALGRIND:-valgrind}" -q --leak-check=full --show-leak-kinds=definite \
		--errors-for-leak-kinds=definite --error-exitcode=99 --num-callers=50 \
		--suppressions="$SUPP" "$@" ;;
esac
echo "tests/wrap.sh: WRAP_MODE must be asan or valgrind" >&2
exit 2
