#!/bin/bash
# The whole test suite: what CI runs (.ci/run) and what the README's
# "Tests" section tells a developer to run.
#
#   tests/all.sh [STAGE...]      default: every stage
#
# Stages (each in its own build folder, two at a time on two cores):
#   check      configure, make, make check (cmocka unit tests + tests/cli/*.t)
#   distcheck  make distcheck (the tarball builds and passes out of tree)
#   asan       configure --enable-asan: make check with -fsanitize=address,undefined
#   valgrind   configure --enable-valgrind: make check under valgrind
#   werror     gcc and clang builds with -Werror
#   fuzz       configure --enable-fuzzing; make fuzz: seed corpus regression, then
#              $K8SNET_FUZZ_TIME seconds (default 60) of fuzzing
#   coverage   make coverage: line coverage of src/
#
# Builds never touch the source tree: the sources (as git sees them:
# tracked and untracked-but-not-ignored files) are copied to a scratch
# folder, autoreconf'ed there, and every stage builds out of tree from that
# copy. So this works in a fresh clone and in a tree configured in place.
# Environment: K8SNET_TEST_DIR (scratch folder, default a new one under
# $TMPDIR, removed on success), K8SNET_JOBS (stages at once, default 2),
# K8SNET_FUZZ_TIME. The last line is "N passed, M failed" (stages); the
# exit status is 0 only when every stage passed.
set -u
export LC_ALL=C

top=$(cd "$(dirname "$0")/.." && pwd)
all_stages="valgrind fuzz distcheck asan coverage check werror"
stages=("$@")
[ ${#stages[@]} -gt 0 ] || read -r -a stages <<<"$all_stages"
for s in "${stages[@]}"; do
	case " $all_stages " in
	*" $s "*) ;;
	*) echo "tests/all.sh: unknown stage '$s' (stages: $all_stages)" >&2; exit 2 ;;
	esac
done
jobs=${K8SNET_JOBS:-2}
fuzz_time=${K8SNET_FUZZ_TIME:-60}

if [ -n "${K8SNET_TEST_DIR:-}" ]; then
	work=$K8SNET_TEST_DIR
	# never empty a folder that a previous run did not make
	if [ -d "$work" ] && [ -n "$(ls -A "$work")" ] && [ ! -e "$work/.k8snet-all" ]; then
		echo "tests/all.sh: K8SNET_TEST_DIR=$work is not empty and not a previous run's folder" >&2
		exit 2
	fi
	rm -rf "$work" && mkdir -p "$work" || exit 2
else
	work=$(mktemp -d "${TMPDIR:-/tmp}/k8snet-all.XXXXXX") || exit 2
fi
touch "$work/.k8snet-all"
src=$work/src
t0=$SECONDS

say() { printf '%s\n' "$*"; }
elapsed() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }

# ---- a clean copy of the sources ----
copy_sources() {
	mkdir -p "$src" || return 1
	if git -C "$top" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		# tracked and new files, as in the work tree; never build outputs
		(cd "$top" && git ls-files -z --cached --others --exclude-standard |
			while IFS= read -r -d '' f; do
				[ -e "$f" ] || [ -L "$f" ] || continue # deleted, not committed yet
				printf '%s\0' "$f"
			done | xargs -0 -r cp -P --parents -t "$src") || return 1
	else
		# a tarball: copy it, then drop an in-place configuration if any
		cp -a "$top/." "$src/" || return 1
		if [ -f "$src/Makefile" ]; then
			make -C "$src" -s distclean >/dev/null 2>&1 || return 1
		fi
	fi
	(cd "$src" && autoreconf -fi) >"$work/autoreconf.log" 2>&1 || {
		cat "$work/autoreconf.log"
		return 1
	}
}

# ---- stages: each runs in $work/$stage, output to $work/$stage.log ----
ncpu() { # make jobs for one stage: share the cores among running stages
	local n
	n=$(nproc 2>/dev/null || echo 2)
	n=$((n / jobs))
	[ "$n" -ge 1 ] || n=1
	echo "$n"
}

configure_in() { # dir, configure arguments...
	local dir=$1
	shift
	mkdir -p "$dir" && cd "$dir" && "$src/configure" -q "$@"
}

# One "result:" line (finish() shows those) with make check's counts.
summary() {
	awk '/^# (TOTAL|PASS|FAIL|ERROR):/ { sub(/:$/, "", $2); r = r " " tolower($2) " " $3 }
		END { print "result: tests" r }' "$work/$1/test-suite.log"
}

# Print the lines of the test logs that explain a failed "make check".
show_test_failures() {
	local f
	for f in "$@"; do
		[ -f "$f" ] || continue
		say "---- $f (failures)"
		grep -E '^(FAIL|ERROR|XPASS)|^not ok|^# |^Bail out|ERROR:|runtime error|Sanitizer|==[0-9]+==' "$f" | head -80
	done
}

# The suppression files may name only Graphviz's gvc and fontconfig.
check_suppressions() {
	local bad
	bad=$(grep -hE '^[[:space:]]*(fun|obj|src):|^leak:' "$src/tests/valgrind.supp" "$src/tests/lsan.supp" |
		grep -vE '^[[:space:]]*(fun:(gvContext|gvLayout|dot_layout)[*]?|obj:[*]/libfontconfig[.]so[*])$|^leak:(gvContext|gvLayout|dot_layout|libfontconfig[.]so)$')
	if [ -n "$bad" ]; then
		say "tests/valgrind.supp or tests/lsan.supp names more than gvc and fontconfig:"
		say "$bad"
		return 1
	fi
}

stage_check() {
	check_suppressions &&
		configure_in "$work/check" &&
		make -j"$(ncpu)" &&
		make -j"$(ncpu)" check || {
		show_test_failures "$work/check/test-suite.log"
		return 1
	}
	summary check
	bash "$src/tests/html/run.sh" "$work/check/src/k8snet" || return 1 # the page: Nu HTML checker, Chromium
	# what the README's quick start runs
	"$work/check/src/k8snet" reach "$src/samples/k1.xml" >/dev/null
}

stage_distcheck() {
	configure_in "$work/distcheck" &&
		make -j"$(ncpu)" distcheck || {
		show_test_failures "$work"/distcheck/k8snet-*/_build/sub/test-suite.log
		return 1
	}
}

# --enable-asan: make check with the sanitizers (the flags, ASAN_OPTIONS and
# the wrapper, tests/wrap.sh, are in configure.ac and Makefile.am)
stage_asan() {
	local cc=gcc
	command -v gcc >/dev/null || cc=clang
	configure_in "$work/asan" CC="$cc" CFLAGS='-O1 -g' --enable-asan &&
		make -j"$(ncpu)" &&
		make -j"$(ncpu)" check || {
		show_test_failures "$work/asan/test-suite.log"
		return 1
	}
	summary asan
}

# --enable-valgrind: make check with every unit test and every k8snet of
# the CLI tests under valgrind (a valgrind error shows as status 99, or as
# a wrong exit status and extra standard error). Valgrind starts in about a
# second per k8snet, so this is the longest stage: its tests use every core.
stage_valgrind() {
	configure_in "$work/valgrind" CFLAGS='-O1 -g' --enable-valgrind &&
		make -j"$(ncpu)" &&
		make -j"$(nproc 2>/dev/null || echo 2)" check || {
		show_test_failures "$work/valgrind/test-suite.log"
		summary valgrind
		return 1
	}
	summary valgrind
}

stage_werror() {
	local cc
	for cc in gcc clang; do
		command -v "$cc" >/dev/null || continue
		say "== $cc -Werror"
		configure_in "$work/werror-$cc" CC="$cc" CFLAGS='-O2 -Werror' &&
			make -j"$(ncpu)" &&
			make -j"$(ncpu)" check TESTS= || return 1
	done
}

stage_fuzz() {
	configure_in "$work/fuzz" --enable-fuzzing &&
		make fuzz FUZZ_TIME="$fuzz_time" &&
		make fuzz-import FUZZ_TIME="$fuzz_time" || {
		# the inputs that crashed, readable in a CI log
		local f
		for f in "$work"/fuzz/fuzz/artifacts/*; do
			[ -f "$f" ] || continue
			say "---- crashing input $f ($(wc -c <"$f") bytes, shown with cat -v):"
			head -c 4000 "$f" | cat -v
			say ""
		done
		return 1
	}
	# libFuzzer prints its stats after each run: seeds, then fuzzing,
	# for fuzz_spec, fuzz_import and fuzz_import_map
	local runs
	runs=($(sed -n 's/^stat::number_of_executed_units: *//p' "$work/fuzz.log"))
	say "fuzz: spec: ${runs[1]:-?} inputs run in ${fuzz_time} s after $(find "$work/fuzz/fuzz/seeds" -type f | wc -l) seeds replayed; $(find "$work/fuzz/fuzz/corpus-run" -type f | wc -l) new corpus inputs; no crash, leak or mismatch"
	say "fuzz: import: ${runs[3]:-?} inputs run in ${fuzz_time} s; $(find "$work/fuzz/fuzz/import-run" -type f | wc -l) new corpus inputs; no crash or leak"
	say "fuzz: import mapping: ${runs[5]:-?} inputs (fixed seed); whatever import accepted, the spec parser accepted"
}

stage_coverage() {
	configure_in "$work/coverage" &&
		make -j"$(ncpu)" coverage || {
		show_test_failures "$work/coverage/test-suite.log"
		return 1
	}
	# make coverage prints "coverage: 91.2% of the lines of src/ (...)"
	grep -q '^coverage: [0-9]' "$work/coverage.log"
}

# ---- run ----
say "tests/all.sh: stages: ${stages[*]}; scratch folder: $work"
if ! copy_sources; then
	say "tests/all.sh: cannot prepare the sources"
	say "0 passed, 1 failed"
	exit 1
fi
say "sources copied and autoreconf'ed in $(elapsed $((SECONDS - t0)))"

declare -A pid_stage=() start=()
passed=0 failed=0 failed_names=""

finish() { # pid status
	local s=${pid_stage[$1]} st=$2 took
	took=$(elapsed $((SECONDS - ${start[$s]})))
	unset "pid_stage[$1]"
	if [ "$st" -eq 0 ]; then
		passed=$((passed + 1))
		say "PASS $s ($took)"
		# the figures a reader wants: test counts, coverage, fuzz runs
		sed -n -E 's/^(result: |(coverage|fuzz): [0-9])/     &/p' "$work/$s.log"
	else
		failed=$((failed + 1))
		failed_names+=" $s"
		say "FAIL $s ($took, status $st): last lines of $work/$s.log:"
		tail -n 100 "$work/$s.log" | sed 's/^/  | /'
	fi
}

for s in "${stages[@]}"; do
	while [ ${#pid_stage[@]} -ge "$jobs" ]; do
		wait -n -p done_pid
		st=$?
		finish "$done_pid" "$st"
	done
	start[$s]=$SECONDS
	(set -o pipefail; "stage_$s") >"$work/$s.log" 2>&1 </dev/null &
	pid_stage[$!]=$s
done
while [ ${#pid_stage[@]} -gt 0 ]; do
	wait -n -p done_pid
	st=$?
	finish "$done_pid" "$st"
done

say "tests/all.sh: ${stages[*]} in $(elapsed $((SECONDS - t0)))"
if [ "$failed" -eq 0 ]; then
	[ -n "${K8SNET_TEST_DIR:-}" ] || rm -rf "$work"
else
	say "failed:$failed_names (logs and builds kept in $work)"
fi
say "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
