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
# makes the tool crash; that 'run --sysfs' writes the attribute tree
# (files equal to the attribute layer, aliases as links, memcg children
# under cgroup/), that slabinfo's tables (-D -r -a -T -v -s) give the
# numbers computed by hand for tests/scenarios/cli/known-65.scn and agree
# with the tree, the memory-cgroup statements, and SLUB_DEBUG=FZPU,cache. The last line is "N passed, N failed"; the exit
# status is non-zero if anything failed.

# 'COND && pass || fail MSG' is safe here: pass always succeeds.
# shellcheck disable=SC2015

set -u
cd "$(dirname "$0")/.." || exit 2

# Each test chooses its design (--sheaves); none comes from the caller.
unset SLUB_SHEAVES
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

# --------------------------------------------------------------- orders
# 'slub orders' tries every order through the sysfs attribute: the order
# it marks as chosen is the one 'slub geometry' reports for that size, and
# at the chosen order it finds geometry's objects per slab.
for size in 40 700 3000; do
	run geometry --size $size
	gorder=$(printf '%s\n' "$out" | awk '$1 == "order" { print $2 }')
	gobjs=$(printf '%s\n' "$out" | awk '$1 == "objs_per_slab" { print $2 }')
	run orders $size
	read -r osize stride chosen o0 o1 o2 o3 <<<"$out"
	cells=("$o0" "$o1" "$o2" "$o3")
	if [ "$rc" = 0 ] && [ "$osize" = $size ] && [ "$chosen" = "$gorder" ] &&
	   [ "${cells[$chosen]%/*}" = "$gobjs" ] && [ -n "$stride" ]; then
		pass
	else
		fail "orders $size (rc $rc): '$out'; geometry: order $gorder, $gobjs objects"
	fi
done
run orders --out "$TMP/orders.dot" 64 1100
if [ "$rc" = 0 ] && grep -q 'chosen: ' "$TMP/orders.dot" &&
   dot -Tsvg "$TMP/orders.dot" -o /dev/null 2>/dev/null; then
	pass
else
	fail "orders --out: rc $rc, $err"
fi
for view in layout alias; do
	run run --dot 2 --out "$TMP/$view.dot" --cache debugged --view $view \
		book/scenarios/create.scn
	if [ "$rc" = 0 ] && dot -Tsvg "$TMP/$view.dot" -o /dev/null 2>/dev/null; then
		pass
	else
		fail "run --view $view: rc $rc, $err"
	fi
done

# --------------------------------------------------------------- help
for cmd in "--help" "help" "geometry --help" "kmalloc-caches --help" \
	   "orders --help" "run --help" "slabinfo --help" "help run"; do
	# shellcheck disable=SC2086
	run $cmd
	if [ "$rc" = 0 ] && [ -n "$out" ] && [ -z "$err" ]; then
		pass
	else
		fail "slub $cmd: rc $rc"
	fi
done
run --help
for cmd in geometry kmalloc-caches orders run slabinfo; do
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
usage_error "SIZE" orders
usage_error "SIZE" orders 40 0
usage_error "--view" run --dot 1 --out - --view layout book/scenarios/create.scn
usage_error "--view" run --dot 1 --out - --cache x --view frob book/scenarios/create.scn
usage_error "--view" run --view alias book/scenarios/create.scn
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

# Both designs: every shipped scenario with sheaves in every cache
# (--sheaves 32, and SLUB_SHEAVES=32) and on the cpu slab (--sheaves 0).
for g in viz/scenarios/*.scn; do
	for d in 0 32; do
		run run --quiet --sheaves "$d" "$g"
		[ "$rc" = 0 ] && ! crashed && pass ||
			fail "run --sheaves $d $g: rc $rc: $(printf '%s\n' "$err" | tail -3)"
	done
done
SLUB_SHEAVES=32 run run --stats "$f"
printf '%s\n' "$out" | grep -q '^c sheaf_refill ' && [ "$rc" = 0 ] && pass ||
	fail "SLUB_SHEAVES=32 slub run --stats $f: no sheaf_refill: $out"
run run --stats --sheaves 0 viz/scenarios/22-sheaves-barn.scn
! printf '%s\n' "$out" | grep -q 'sheaf_\|barn_' && [ "$rc" = 0 ] && pass ||
	fail "run --sheaves 0 on a sheaves scenario counts sheaves: $out"
usage_error "--sheaves" run --sheaves 2000 "$f"
usage_error "--sheaves" run --sheaves x "$f"
SLUB_SHEAVES=lots run run --quiet "$f"
[ "$rc" = 2 ] && printf '%s\n' "$err" | grep -q '^slub run: SLUB_SHEAVES=lots: expected a sheaf capacity' &&
	pass || fail "SLUB_SHEAVES=lots: rc $rc: $err"

# compare: the same scenario in both designs, side by side.
run compare viz/scenarios/05-remote-free.scn
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q '^  c  *free_frozen  *3  *0$' &&
   printf '%s\n' "$out" | grep -q '^  c  *cpu0 sheaves  *-  *[0-9]*/' &&
   printf '%s\n' "$out" | tail -1 | grep -q '^expects: 0 failed on the cpu slab, 0 with sheaves$'; then
	pass
else
	fail "compare: rc $rc: $out $err"
fi
run compare --steps --sheaves 4 viz/scenarios/01-first-alloc.scn
[ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q '^== step 7 (viz/scenarios/01-first-alloc.scn:29): alloc a from c$' &&
	printf '%s\n' "$out" | grep -q 'sheaves(4)' && pass ||
	fail "compare --steps: rc $rc: $out"
printf 'config cpus 1 nomerge\ncache c size 64\nalloc x from c\nexpect c alloc_slowpath 1\n' >"$TMP/cmp.scn"
run compare "$TMP/cmp.scn"
[ "$rc" = 1 ] && printf '%s\n' "$out" | tail -1 | grep -q '0 failed on the cpu slab, 1 with sheaves' &&
	pass || fail "compare with an expect of one design: rc $rc: $out"
run compare --sheaves 0 "$f"
[ "$rc" = 2 ] && pass || fail "compare --sheaves 0: rc $rc"
run compare
[ "$rc" = 2 ] && pass || fail "compare without a scenario: rc $rc"

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

# --------------------------------------------------------------- --sysfs
# The tree of a known state: a directory per cache under its sysfs name,
# a file per attribute holding what slab_attr_show() gives (compared with
# the scenario's own 'show' of every attribute, run in the same state),
# aliases as symbolic links, memcg children under <root>/cgroup/.
f=tests/scenarios/cli/tree.scn
run run --quiet --sysfs "$TMP/sys" "$f"
if [ "$rc" = 0 ] && [ -d "$TMP/sys/:t-0000064" ] && [ -z "$out" ]; then
	pass
else
	fail "run --sysfs $f: rc $rc: $err"
fi
attrs=$(cd "$TMP/sys/:t-0000064" 2>/dev/null && find . -maxdepth 1 -type f |
	sed 's|^\./||' | sort)
nattrs=$(printf '%s\n' "$attrs" | grep -c .)
ok=1
for a in slab_size object_size objs_per_slab order min_partial cpu_partial \
	 objects objects_partial partial cpu_slabs ctor aliases align \
	 hwcache_align reclaim_account destroy_by_rcu shrink slabs_cpu_partial \
	 total_objects slabs sanity_checks trace red_zone poison store_user \
	 validate remote_node_defrag_ratio alloc_fastpath cpu_partial_drain \
	 alloc_calls free_calls; do
	printf '%s\n' "$attrs" | grep -qx "$a" || { ok=0; echo "  no $a"; }
done
printf '%s\n' "$attrs" | grep -qx flush && ok=0	# hidden: not in sysfs
[ "$ok" = 1 ] && [ "$nattrs" -ge 58 ] && pass ||
	fail "--sysfs: attribute files ($nattrs): $attrs"
# validate and shrink are write-only actions: empty files, as in sysfs.
[ -f "$TMP/sys/:t-0000064/validate" ] && [ ! -s "$TMP/sys/:t-0000064/validate" ] &&
   [ ! -s "$TMP/sys/d/shrink" ] && pass || fail "--sysfs: validate/shrink not empty"
# Links: every name merged into kmalloc-64 points at its unique id; an
# unmergeable cache is a directory under its name; no dangling link.
ok=1
for l in kmalloc-64 foo bar; do
	[ -L "$TMP/sys/$l" ] && [ "$(readlink "$TMP/sys/$l")" = ":t-0000064" ] ||
		{ ok=0; echo "  $l -> $(readlink "$TMP/sys/$l")"; }
done
[ "$(readlink "$TMP/sys/kmalloc-128")" = ":t-0000128" ] || ok=0
[ -d "$TMP/sys/d" ] && [ ! -L "$TMP/sys/d" ] || ok=0
[ -z "$(find -L "$TMP/sys" -maxdepth 1 -type l)" ] || ok=0
[ "$ok" = 1 ] && pass || fail "--sysfs: aliases as links"
# memcg children: <root dir>/cgroup/<child>/, every root has cgroup/.
[ -f "$TMP/sys/:t-0000064/cgroup/kmalloc-64(0:A)/objects" ] &&
   [ -f "$TMP/sys/:t-0000064/cgroup/kmalloc-64(1:B)/objects" ] &&
   [ -f "$TMP/sys/d/cgroup/d(0:A)/objects" ] && [ -d "$TMP/sys/kmem_cache/cgroup" ] &&
   [ -z "$(find "$TMP/sys" -maxdepth 1 -name '*(*')" ] &&
	pass || fail "--sysfs: memcg child caches: $(find "$TMP/sys" -name '*(*')"
# alloc_calls and free_calls: a cache that does not store its users
# answers -ENOSYS, written as an empty file (the kernel's read fails);
# u's list its call sites, the scenario lines, in list_locations() format:
# 3 objects in use, 2 allocated at ux[0..2]'s line, 1 at uy's; their free
# tracks: 2 never freed (<not-available>), 1 freed at free ux[1]'s line.
ok=1
for a in alloc_calls free_calls; do
	[ -f "$TMP/sys/:t-0000064/$a" ] && [ ! -s "$TMP/sys/:t-0000064/$a" ] &&
	   [ ! -s "$TMP/sys/d/$a" ] || { ok=0; echo "  $a not empty"; }
done
ln=$(grep -n '^alloc ux' "$f" | cut -d: -f1)
ly=$(grep -n '^alloc uy' "$f" | cut -d: -f1)
lf=$(grep -n '^free ux' "$f" | cut -d: -f1)
n='[0-9][0-9]*'
grep -qx "      2 $f:$ln age=$n\(/$n/$n\)\{0,1\} pid=$n cpus=0" "$TMP/sys/u/alloc_calls" &&
   grep -qx "      1 $f:$ly age=$n pid=$n cpus=0" "$TMP/sys/u/alloc_calls" &&
   [ "$(wc -l <"$TMP/sys/u/alloc_calls")" = 2 ] &&
   grep -qx "      2 <not-available> age=$n pid=0 cpus=0" "$TMP/sys/u/free_calls" &&
   grep -qx "      1 $f:$lf age=$n pid=$n cpus=0" "$TMP/sys/u/free_calls" ||
	{ ok=0; cat "$TMP/sys/u/alloc_calls" "$TMP/sys/u/free_calls"; }
[ "$ok" = 1 ] && pass || fail "--sysfs: alloc_calls and free_calls"
# slabinfo -r prints them as tools/vm/slabinfo does (its show_tracking()),
# "No Data" for a cache without them; u's 4 allocations, every one a slow
# path (a debugged cache), are the "Total".
run slabinfo -r "$f" '^u$'
[ "$rc" = 0 ] && printf '%s\n' "$out" | grep -qxF "u: Kernel object allocation" &&
   printf '%s\n' "$out" | grep -qx "      1 $f:$ly age=$n pid=$n cpus=0" &&
   printf '%s\n' "$out" | grep -qxF "u: Kernel object freeing" &&
   printf '%s\n' "$out" | grep -qx "      1 $f:$lf age=$n pid=$n cpus=0" &&
   printf '%s\n' "$out" | grep -qxF "Slowpath                    4        1 100 100" &&
   printf '%s\n' "$out" | grep -qxF "Total                       4        1" &&
	pass || fail "slabinfo -r: call sites: $out"
run slabinfo -r "$f" '^d$'
[ "$rc" = 0 ] && [ "$(printf '%s\n' "$out" | grep -cxF "No Data")" = 2 ] &&
	pass || fail "slabinfo -r: No Data for d: $out"
# Every file equals the attribute: append 'show' of all attributes of
# four caches (through an alias, a plain name, two children) and compare;
# alloc_calls and free_calls, whose reads fail there, were checked above.
cp "$f" "$TMP/tree-show.scn"
attrs=$(printf '%s\n' "$attrs" | grep -vx 'alloc_calls\|free_calls')
nattrs=$(printf '%s\n' "$attrs" | grep -c .)
for c in foo d "kmalloc-64(0:A)" "d(0:A)" bar; do
	printf 'show "%s" %s\n' "$c" "$(printf '%s\n' "$attrs" | tr '\n' ' ')" \
		>>"$TMP/tree-show.scn"
done
run run --sysfs "$TMP/sys2" "$TMP/tree-show.scn"
bad=0
nshow=0
while IFS= read -r line; do
	c=${line%% *}
	rest=${line#* }
	a=${rest%% *}
	text=${rest#"$a"}
	text=${text# }
	case $c in
	*"(0:A)"|*"(1:B)") dir=$TMP/sys2/$(readlink "$TMP/sys2/${c%%(*}" ||
				echo "${c%%(*}")/cgroup/$c ;;
	*) dir=$TMP/sys2/$c ;;
	esac
	nshow=$((nshow + 1))
	if [ "$(cat "$dir/$a" 2>/dev/null)" != "$text" ]; then
		bad=$((bad + 1))
		[ "$bad" -le 3 ] && echo "  $dir/$a: '$(cat "$dir/$a")' != '$text'"
	fi
done < <(printf '%s\n' "$out" | grep -v '^$')
[ "$rc" = 0 ] && [ "$bad" = 0 ] && [ "$nshow" = $((5 * nattrs)) ] && pass ||
	fail "--sysfs: $bad of $nshow files differ from show (rc $rc)"
# File modes: read-only attributes 0400, writable ones 0600.
[ "$(stat -c %a "$TMP/sys/d/object_size")" = 400 ] &&
   [ "$(stat -c %a "$TMP/sys/d/order")" = 600 ] && pass ||
	fail "--sysfs: modes $(stat -c %a "$TMP/sys/d/object_size" "$TMP/sys/d/order")"
# A non-empty directory is refused; --force replaces an earlier tree but
# never clears a directory that is not one.
run run --quiet --sysfs "$TMP/sys" "$f"
[ "$rc" = 2 ] && printf '%s\n' "$err" | grep -q "not empty" && pass ||
	fail "--sysfs into a non-empty dir: rc $rc: $err"
run run --quiet --force --sysfs "$TMP/sys" viz/scenarios/01-first-alloc.scn
[ "$rc" = 0 ] && [ ! -e "$TMP/sys/foo" ] && [ -d "$TMP/sys/kmem_cache" ] &&
	pass || fail "--sysfs --force: rc $rc: $err"
mkdir -p "$TMP/precious/sub"
echo keep >"$TMP/precious/sub/file"
run run --quiet --force --sysfs "$TMP/precious" "$f"
[ "$rc" = 2 ] && [ -f "$TMP/precious/sub/file" ] &&
   printf '%s\n' "$err" | grep -q "does not look like a slab tree" && pass ||
	fail "--sysfs --force on a foreign dir: rc $rc: $err"
: >"$TMP/plainfile"
run run --quiet --sysfs "$TMP/plainfile" "$f"
[ "$rc" = 2 ] && printf '%s\n' "$err" | grep -q "not a directory" && pass ||
	fail "--sysfs onto a file: rc $rc: $err"
usage_error "--force" run --force viz/scenarios/01-first-alloc.scn
usage_error "--sysfs" run --sysfs "" viz/scenarios/01-first-alloc.scn

# --------------------------------------------------------------- slabinfo
# A state computed by hand (tests/scenarios/cli/known-65.scn): 65 objects
# of 64 bytes on one CPU. Objects 128 (the CPU slab counts as full),
# Space 2 pages = 8.1K, Slabs/Part/Cpu 1/0/1, O/S 64, O 0, %Fr 0, %Ef 100.
k=tests/scenarios/cli/known-65.scn
run slabinfo "$k"
want=$(printf '%-21s %8d %7d %8s %14s %4d %1d %3d %3d ' c 128 64 8.1K 1/0/1 64 0 0 100)
[ "$rc" = 0 ] && printf '%s\n' "$out" | grep -qxF "$want" && pass ||
	fail "slabinfo $k: no line '$want' in: $out"
# The same numbers through the tree: each column from its attribute file.
run run --quiet --sysfs "$TMP/k65" "$k"
objs=$(cut -d' ' -f1 "$TMP/k65/c/objects")
slabs=$(cut -d' ' -f1 "$TMP/k65/c/slabs")
part=$(cut -d' ' -f1 "$TMP/k65/c/partial")
cpus=$(cut -d' ' -f1 "$TMP/k65/c/cpu_slabs")
[ "$objs/$slabs/$part/$cpus" = "128/2/0/1" ] &&
   [ "$(cat "$TMP/k65/c/objs_per_slab")/$(cat "$TMP/k65/c/order")" = 64/0 ] &&
	pass || fail "known-65 attributes: $objs/$slabs/$part/$cpus"
# -D: Alloc = fastpath 63 + slowpath 2 = the 65 allocations (3.18 counts
# ALLOC_SLOWPATH once per call of __slab_alloc(): the first allocation,
# which found no CPU slab, and the 65th), Free 0, %Fast 63*100/65 = 96.
run slabinfo -D "$k"
want=$(printf '%-21s %8d %10d %10d %3d %3d %5d %1d %4d %4d' c 128 65 0 96 0 0 0 0 0)
[ "$rc" = 0 ] && printf '%s\n' "$out" | head -1 |
   grep -qx 'Name  *Objects  *Alloc  *Free  *%Fast Fallb O CmpX  *UL' &&
   printf '%s\n' "$out" | grep -qxF "$want" && pass ||
	fail "slabinfo -D $k: no '$want' in: $out"
# A boot cache is never merged: its refcount is -1 and the tool, which
# keeps aliases in an int, reads aliases -2 (3.18's aliases_show prints
# refcount - 1 without clamping).
run slabinfo -r "$k" '^kmem_cache_node$'
[ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q "^Slabcache: kmem_cache_node  *Aliases: -2 " && pass ||
	fail "slabinfo -r kmem_cache_node: no 'Aliases: -2' in: $out"
# -r (PATTERN selecting one cache prints its report the same way).
for args in "-r $k ^c$" "$k ^c$"; do
	# shellcheck disable=SC2086
	run slabinfo $args
	if [ "$rc" = 0 ] &&
	   printf '%s\n' "$out" | grep -qxF "Slabcache: c                     Aliases:  0 Order :  0 Objects: 128" &&
	   printf '%s\n' "$out" | grep -qxF "Object :      64  Total  :       2   Sanity Checks : Off  Total:    8192" &&
	   printf '%s\n' "$out" | grep -qxF "SlabObj:      64  Full   :       1   Redzoning     : Off  Used :    8192" &&
	   printf '%s\n' "$out" | grep -qxF "Loss   :       0  CpuSlab:       1   Tracking      : Off  Lalig:       0" &&
	   printf '%s\n' "$out" | grep -qxF "Slab Perf Counter       Alloc     Free %Al %Fr" &&
	   printf '%s\n' "$out" | grep -qxF "Fastpath                   63        0  96   0" &&
	   printf '%s\n' "$out" | grep -qxF "Slowpath                    2        0   3   0" &&
	   printf '%s\n' "$out" | grep -qxF "Page Alloc                  2        0   3   0" &&
	   printf '%s\n' "$out" | grep -qxF "Total                      65        0" &&
	   printf '%s\n' "$out" | grep -qxF "Slab Deactivation             Ocurrences  %" &&
	   printf '%s\n' "$out" | grep -qxF "Deactivation bypass                 1  100%"; then
		pass
	else
		fail "slabinfo $args: $out"
	fi
done
# -a: 'target <- aliases' (with -1 also single-name caches); -i: one
# 'alias -> target' line each; the links of the tree say the same.
run slabinfo -a "$f"
[ "$rc" = 0 ] && printf '%s\n' "$out" | grep -qxF ":t-0000064   <- bar foo kmalloc-64" &&
   ! printf '%s\n' "$out" | grep -q "kmalloc-128" && pass ||
	fail "slabinfo -a: $out"
run slabinfo -a -i -1 "$f"
ok=1
for l in "$TMP/sys2"/*; do
	[ -L "$l" ] || continue
	n=${l##*/}
	printf '%s\n' "$out" | grep -qxF "$(printf '%-20s -> %s' "$n" "$(readlink "$l")")" ||
		{ ok=0; echo "  no line for $n"; }
done
[ "$rc" = 0 ] && [ "$ok" = 1 ] &&
   [ "$(printf '%s\n' "$out" | grep -c ' -> ')" = "$(find "$TMP/sys2" -maxdepth 1 -type l | wc -l)" ] &&
	pass || fail "slabinfo -a -i -1: $out"
# The default table names a ':' cache with several names by its id, one
# with a single name by that name; memcg children are rows of their own.
run slabinfo "$f"
[ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q '^:t-0000064 .* \*$' &&
   printf '%s\n' "$out" | grep -q '^kmalloc-128 ' &&
   printf '%s\n' "$out" | grep -q '^kmalloc-64(0:A) ' &&
   printf '%s\n' "$out" | grep -q '^d(0:A) ' && pass ||
	fail "slabinfo $f: $out"
# -T: totals agree with the attribute files of the tree.
run slabinfo -T "$k"
tslabs=0
tobjs=0
ncaches=0
for d in "$TMP/k65"/*/; do
	ncaches=$((ncaches + 1))
	s=$(cut -d' ' -f1 "$d/slabs")
	o=$(cut -d' ' -f1 "$d/objects")
	[ "$s" -gt 0 ] && [ "$o" -gt 0 ] || continue
	tslabs=$((tslabs + s))
	tobjs=$((tobjs + o))
done
[ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q "^Slabcaches : *$ncaches " &&
   printf '%s\n' "$out" | grep -q "^#Slabs .* $tslabs\$" &&
   printf '%s\n' "$out" | grep -q "^#Objects .* $(printf '%s' "$tobjs" |
	awk '{ if ($1 > 1000) printf "%.1fK", int($1 / 100) / 10; else print $1 }')\$" &&
	pass || fail "slabinfo -T ($ncaches caches, $tslabs slabs, $tobjs objects): $out"
# -v: validate every cache; a clean state reports nothing.
run slabinfo -v "$k"
[ "$rc" = 0 ] && [ -z "$out" ] && ! printf '%s\n' "$err" | grep -q '^BUG' &&
	pass || fail "slabinfo -v: rc $rc: $err"
# -s -l: shrink, then the table: 200 freed objects leave c with empty
# slabs; after the shrink it has none (and -z still lists it).
printf 'config cpus 1 nomerge\ncache c size 64\nalloc x[0..199] from c\nfree x[0..199]\n' \
	>"$TMP/shrink.scn"
run slabinfo "$TMP/shrink.scn"
before=$(printf '%s\n' "$out" | awk '$1 == "c" { print $5 }')
run slabinfo -s -l -z "$TMP/shrink.scn"
after=$(printf '%s\n' "$out" | awk '$1 == "c" { print $2, $4, $5 }')
[ "$rc" = 0 ] && [ -n "$before" ] && [ "$before" != "0/0/0" ] &&
   [ "$after" = "0 0 0/0/0" ] && pass ||
	fail "slabinfo -s: before '$before', after '$after'"
run slabinfo -e "$TMP/shrink.scn"
[ "$rc" = 0 ] && ! printf '%s\n' "$out" | grep -q '^kmem_cache ' && pass ||
	fail "slabinfo -e lists a cache with slabs: $out"
usage_error "pattern" slabinfo "$k" "a[b"
usage_error "--lines" slabinfo --lines 0 "$k"
usage_error "-q" slabinfo -q "$k"

# --------------------------------------------------------------- memcg
# The shipped scenario runs clean (its expects hold) under the sanitizers
# too; the allocator's own reports of the limit and of the busy cgroup
# are on stderr.
run run --quiet viz/scenarios/12-memcg.scn
[ "$rc" = 0 ] && ! crashed &&
   printf '%s\n' "$err" | grep -q 'Objects remaining in c(1:B)' && pass ||
	fail "12-memcg.scn: rc $rc: $err"
# A cgroup left alive is destroyed at the end, with its child cache.
printf 'config cpus 1 nomerge\ncache c size 64\nmemcg A limit 4K\nenter A\nalloc x from c\nalloc y[0..63] from c\nexpect y[63] null\nexpect "c(0:A)" slabs 1\n' \
	>"$TMP/memcg-left.scn"
run run --quiet "$TMP/memcg-left.scn"
[ "$rc" = 0 ] && ! crashed && ! printf '%s\n' "$err" | grep -q '^BUG' &&
	pass || fail "memcg left alive: rc $rc: $err"

# --------------------------------------------------------------- SLUB_DEBUG
# SLUB_DEBUG=FZPU,mycache debugs mycache alone: its flags are on, its
# layout grows (red zone, free pointer, two tracks), the others are plain.
SLUB_DEBUG=FZPU,mycache run run tests/scenarios/cli/debug-env.scn
ok=1
for w in "mycache red_zone 1" "mycache poison 1" "mycache store_user 1" \
	 "mycache sanity_checks 1" "other red_zone 0" "other poison 0" \
	 "other store_user 0" "other sanity_checks 0" "other slab_size 64" \
	 "kmalloc-64 red_zone 0" "kmalloc-64 sanity_checks 0"; do
	printf '%s\n' "$out" | grep -qxF "$w" || { ok=0; echo "  no '$w'"; }
done
mz=$(printf '%s\n' "$out" | awk '$1 == "mycache" && $2 == "slab_size" { print $3 }')
gz=$($SLUB geometry --size 64 --flags red_zone,poison,store_user,debug_free |
	awk '$1 == "slab_size" { print $2 }')
[ "$rc" = 0 ] && [ "$ok" = 1 ] && [ -n "$mz" ] && [ "$mz" = "$gz" ] &&
   [ "$mz" -gt 64 ] && ! printf '%s\n' "$err" | grep -q '^BUG' && pass ||
	fail "SLUB_DEBUG=FZPU,mycache: rc $rc, slab_size $mz vs geometry $gz"
SLUB_DEBUG=FZPU,mycache run slabinfo tests/scenarios/cli/debug-env.scn
[ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q '^mycache .* PZFU$' &&
   ! printf '%s\n' "$out" | grep -v '^mycache' | grep -q '[PZFU]$' && pass ||
	fail "SLUB_DEBUG slabinfo flags: $out"
SLUB_DEBUG=FZPU,mycache run run --quiet --sysfs "$TMP/dbg" tests/scenarios/cli/debug-env.scn
[ "$rc" = 0 ] && [ "$(cat "$TMP/dbg/mycache/red_zone")" = 1 ] &&
   [ "$(cat "$TMP/dbg/mycache/store_user")" = 1 ] &&
   [ "$(cat "$TMP/dbg/kmalloc-64/red_zone")" = 0 ] && pass ||
	fail "SLUB_DEBUG --sysfs: rc $rc: $err"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
