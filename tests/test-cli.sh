#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# test-cli.sh: tests of the command-line tool build/slub and of the
# scenario language behind it.
#
#   tests/test-cli.sh            test build/slub
#   SLUB=build/asan/slub tests/test-cli.sh    the same under ASan+UBSan
#
# Checks the geometry the kernel computes, the one-line usage errors
# (exit 2), that every shipped scenario under viz/scenarios/ runs and
# holds its expects (exit 0), that every malformed scenario under
# tests/scenarios/bad/ gives the error announced on its first line
# ("# expect-error: LINE:COL: MESSAGE") with exit 2, and that no input at
# all (garbage, binary bytes, empty files, huge numbers, very long lines)
# makes the tool crash. The last line is "N passed, N failed"; the exit
# status is non-zero if anything failed.

# 'COND && pass || fail MSG' is safe here: pass always succeeds.
# shellcheck disable=SC2015

set -u
cd "$(dirname "$0")/.." || exit 2

SLUB=${SLUB:-build/slub}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

# run ARGS...: run the tool with a time limit; sets rc, out, err.
run() {
	timeout 120 "$SLUB" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	out=$(cat "$TMP/out")
	err=$(cat "$TMP/err")
}

# A crash is a signal (128+), a timeout (124) or a sanitizer report.
crashed() {
	[ "$rc" -ge 124 ] || grep -q 'Sanitizer\|runtime error:' "$TMP/err"
}

# --------------------------------------------------------------- geometry
# check_attr "ARGS" NAME VALUE: 'slub geometry ARGS' prints "NAME VALUE".
check_attr() {
	local args=$1 name=$2 want=$3 got

	# shellcheck disable=SC2086
	run geometry $args
	got=$(printf '%s\n' "$out" | awk -v n="$name" '$1 == n { print $2 }')
	if [ "$rc" = 0 ] && [ "$got" = "$want" ]; then
		pass
	else
		fail "geometry $args: $name is '$got' (rc $rc), expected '$want'"
	fi
}

check_attr "--size 64" slab_size 64
check_attr "--size 64" order 0
check_attr "--size 64" objs_per_slab 64
check_attr "--size 64" min_partial 5
check_attr "--size 64" cpu_partial 30
check_attr "--size 192 --align 64" slab_size 192
check_attr "--size 192 --align 64" objs_per_slab 21
check_attr "--size 4096" order 3
check_attr "--size 4096" objs_per_slab 8
check_attr "--size 4096" cpu_partial 2
check_attr "--size 100 --flags hwcache_align" slab_size 128
check_attr "--size 64 --flags destroy_by_rcu" reserved 0
check_attr "--size 64 --cpus 1" objs_per_slab 64

# Every attribute the brief names is printed, in that order.
run geometry --size 64
names=$(printf '%s\n' "$out" | awk '{ print $1 }' | tr '\n' ' ')
want="slab_size object_size objs_per_slab order min_partial cpu_partial \
align hwcache_align reclaim_account destroy_by_rcu red_zone poison \
store_user sanity_checks trace ctor aliases reserved "
[ "$names" = "$want" ] && pass || fail "geometry attribute list: $names"

# A constructor shows in the ctor attribute (the kernel prints its symbol).
run geometry --size 64 --ctor
got=$(printf '%s\n' "$out" | awk '$1 == "ctor" { print $2 }')
[ "$rc" = 0 ] && [ -n "$got" ] && pass || fail "geometry --ctor: ctor '$got'"

# --------------------------------------------------------------- kmalloc
run kmalloc-caches
if [ "$rc" = 0 ] && [ "$(printf '%s\n' "$out" | grep -c '^kmalloc-')" = 13 ] &&
   printf '%s\n' "$out" | grep -q '^kmalloc-192 *192 *192 *21 *0 ' &&
   printf '%s\n' "$out" | grep -q '^kmalloc-8192 *8192 *8192 *4 *3 '; then
	pass
else
	fail "kmalloc-caches (rc $rc): $out"
fi

# --------------------------------------------------------------- help
for cmd in "--help" "help" "geometry --help" "kmalloc-caches --help" \
	   "run --help" "slabinfo --help" "help run"; do
	# shellcheck disable=SC2086
	run $cmd
	if [ "$rc" = 0 ] && [ -n "$out" ] && [ -z "$err" ]; then
		pass
	else
		fail "slub $cmd: rc $rc"
	fi
done
run --help
for cmd in geometry kmalloc-caches run slabinfo; do
	printf '%s\n' "$out" | grep -q "^  $cmd " && pass ||
		fail "slub --help does not document $cmd"
done

# --------------------------------------------------------------- usage errors
# Each bad command line: exit 2, nothing on stdout, exactly one line on
# stderr that names the offending flag or word.
usage_error() {
	local word=$1
	shift
	run "$@"
	if [ "$rc" = 2 ] && [ -z "$out" ] &&
	   [ "$(printf '%s\n' "$err" | wc -l)" = 1 ] &&
	   printf '%s\n' "$err" | grep -qF -- "$word"; then
		pass
	else
		fail "slub $*: rc $rc, stderr: $err"
	fi
}

usage_error "COMMAND"
usage_error "frob" frob
usage_error "--bogus" --bogus
usage_error "--size" geometry
usage_error "--size" geometry --size
usage_error "--size" geometry --size abc
usage_error "--size" geometry --size -5
usage_error "--size" geometry --size 0
usage_error "--size" geometry --size 99999999999999999999999
usage_error "--align" geometry --size 64 --align 3
usage_error "--align" geometry --size 64 --align x
usage_error "--flags" geometry --size 64 --flags red_zone,nope
usage_error "--cpus" geometry --size 64 --cpus 0
usage_error "--cpus" geometry --size 64 --cpus many
usage_error "--colour" geometry --size 64 --colour
usage_error "-x" geometry -x
usage_error "extra" geometry --size 64 extra
usage_error "--cpus" kmalloc-caches --cpus
usage_error "SCENARIO" run
usage_error "--out" run --dot 3 viz/scenarios/tour.scn
usage_error "--dot" run --dot abc --out "$TMP/x.dot" viz/scenarios/tour.scn
usage_error "--quiet" run --quiet --stats viz/scenarios/tour.scn
usage_error "--dot" run --out "$TMP/x.dot" viz/scenarios/tour.scn
usage_error "second.scn" run first.scn second.scn
usage_error "SCENARIO" slabinfo
usage_error "nope" help nope

# geometry that the allocator refuses: one line, exit 2.
run geometry --size 4
if [ "$rc" = 2 ] && [ -z "$out" ] && printf '%s\n' "$err" | tail -1 |
   grep -q 'kmem_cache_create'; then
	pass
else
	fail "geometry --size 4: rc $rc, $err"
fi

# --------------------------------------------------------------- scenarios
for f in viz/scenarios/*.scn; do
	run run --quiet "$f"
	if [ "$rc" = 0 ] && ! crashed; then
		pass
	else
		fail "$f: rc $rc: $(printf '%s\n' "$err" | tail -3)"
	fi
done

# The default output: a trace with step headers and counter lines.
f=viz/scenarios/03-slab-exhaustion-refill.scn
run run "$f"
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q '^== step ' &&
   printf '%s\n' "$out" | grep -q 'cpu0 .*new_slab_objects' &&
   printf '%s\n' "$out" | grep -q '^c alloc_slab 2 C0=2$'; then
	pass
else
	fail "slub run $f: rc $rc"
fi

# --stats: only the counters, as the attribute prints them.
run run --stats "$f"
if [ "$rc" = 0 ] && [ "$(printf '%s\n' "$out" | grep -vc '^c [a-z_]* [0-9]')" = 0 ] &&
   printf '%s\n' "$out" | grep -q '^c alloc_fastpath 126 C0=126$' &&
   printf '%s\n' "$out" | grep -q '^c deactivate_bypass 2 C0=2$'; then
	pass
else
	fail "slub run --stats $f: rc $rc: $out"
fi

# --quiet: nothing on stdout.
run run --quiet viz/scenarios/tour.scn
[ "$rc" = 0 ] && [ -z "$out" ] && pass || fail "run --quiet prints: $out"

# slabinfo: the kernel's header and a row for the scenario's cache.
run slabinfo "$f"
if [ "$rc" = 0 ] &&
   printf '%s\n' "$out" | head -1 | grep -q '^Name  *Objects Objsize  *Space Slabs/Part/Cpu  O/S O %Fr %Ef Flg$' &&
   printf '%s\n' "$out" | grep -q '^c  *128  *64  *8.1K  *1/0/1  *64 0 '; then
	pass
else
	fail "slabinfo $f: rc $rc: $out"
fi

# --dot: a graphviz file of the state after a step.
run run --dot 5 --out "$TMP/state.dot" viz/scenarios/02-fastpath-run.scn
if [ "$rc" = 0 ] && head -1 "$TMP/state.dot" 2>/dev/null | grep -q '^digraph'; then
	pass
else
	fail "run --dot: rc $rc: $err"
fi
run run --dot 999 --out "$TMP/state.dot" viz/scenarios/02-fastpath-run.scn
[ "$rc" = 2 ] && pass || fail "run --dot 999: rc $rc"

# A failed expect: exit 1, and the failure names file, line and column.
printf 'config cpus 2 nomerge\ncache c size 64\nalloc x from c\nexpect c alloc_slab 7\n' \
	>"$TMP/expect.scn"
run run --quiet "$TMP/expect.scn"
if [ "$rc" = 1 ] && printf '%s\n' "$err" |
   grep -q "expect.scn:4:21: expect failed: c alloc_slab is 1, expected 7"; then
	pass
else
	fail "failed expect: rc $rc: $err"
fi

# --------------------------------------------------------------- bad scenarios
for f in tests/scenarios/bad/*.scn; do
	want=$(head -1 "$f" | sed -n 's/^# expect-error: //p')
	if [ -z "$want" ]; then
		fail "$f: no '# expect-error: LINE:COL: MESSAGE' on line 1"
		continue
	fi
	exp="$f:${want%%: *}: error: ${want#*: }"
	run run --quiet "$f"
	got=$(printf '%s\n' "$err" | grep ': error: ' | tail -1)
	if [ "$rc" = 2 ] && ! crashed && [ "$got" = "$exp" ]; then
		pass
	else
		fail "$f: rc $rc"
		echo "  expected: $exp"
		echo "  got:      $got"
	fi
done

# --------------------------------------------------------------- robustness
# Inputs no one should write. Each must end with exit 0 (a valid
# scenario) or 2 (an error reported as FILE:LINE:COL), never a crash.
robust() {
	local name=$1 want=$2
	run run --quiet "$TMP/$name"
	if crashed || [ "$rc" != "$want" ]; then
		fail "robustness $name: rc $rc: $(printf '%s\n' "$err" | tail -2)"
	elif [ "$rc" = 2 ] && ! printf '%s\n' "$err" |
	     grep -q "^$TMP/$name\(:[0-9]*:[0-9]*\)\?: error: "; then
		fail "robustness $name: no FILE:LINE:COL error: $err"
	else
		pass
	fi
}

: >"$TMP/empty.scn"
robust empty.scn 0
printf '\n\n  \t \n# nothing but a comment\n' >"$TMP/blank.scn"
robust blank.scn 0
printf 'echo no newline at the end' >"$TMP/nonl.scn"
robust nonl.scn 0
printf 'echo crlf\r\ncache c size 64\r\n' >"$TMP/crlf.scn"
robust crlf.scn 0
head -c 4096 /dev/urandom >"$TMP/random.scn"
robust random.scn 2
printf 'cache c size 64\nalloc x from c\x00\n' >"$TMP/nul.scn"
robust nul.scn 2
printf '\xff\xfe\xfd garbage\n' >"$TMP/highbytes.scn"
robust highbytes.scn 2
printf 'cache c size 18446744073709551616\n' >"$TMP/overflow.scn"
robust overflow.scn 2
printf 'kmalloc k 4294967296\n' >"$TMP/toobig.scn"
robust toobig.scn 0
printf 'kmalloc k 4294967297\n' >"$TMP/toobig2.scn"
robust toobig2.scn 2
printf 'config cpus 4096 arena 1099511627776\n' >"$TMP/hugecfg.scn"
robust hugecfg.scn 2
printf 'alloc x[0..999999999999] from kmalloc-8\n' >"$TMP/hugerange.scn"
robust hugerange.scn 2
printf 'kmalloc x[0..1000000] 8\n' >"$TMP/bigrange.scn"
robust bigrange.scn 2
{ printf 'echo '; head -c 1000000 /dev/zero | tr '\0' 'a'; printf '\n'; } \
	>"$TMP/longecho.scn"
robust longecho.scn 0
{ head -c 200000 /dev/zero | tr '\0' 'z'; printf '\n'; } >"$TMP/longword.scn"
robust longword.scn 2
{ printf 'cache c size 64\nalloc '; head -c 100000 /dev/zero | tr '\0' 'v'; \
  printf ' from c\n'; } >"$TMP/longvar.scn"
robust longvar.scn 0
printf 'echo "unterminated\n' >"$TMP/quote.scn"
robust quote.scn 2
printf 'inject alloc.after_tid\ninject alloc.after_tid\nend\nend\n' >"$TMP/nested.scn"
robust nested.scn 2
printf 'cache c size 64\nalloc x[0..9] from c\ndestroy c\nfree x[0..9]\n' \
	>"$TMP/destroylive.scn"
robust destroylive.scn 0
printf 'fail_page_alloc 1\nkmalloc k 100000\nexpect k null\nkfree k\n' \
	>"$TMP/failalloc.scn"
robust failalloc.scn 0
run run --quiet "$TMP/does-not-exist.scn"
[ "$rc" = 2 ] && printf '%s\n' "$err" | grep -q 'error: cannot open' &&
	pass || fail "missing file: rc $rc: $err"
run run --quiet "$TMP"
[ "$rc" = 2 ] && ! crashed && pass || fail "directory as scenario: rc $rc: $err"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
