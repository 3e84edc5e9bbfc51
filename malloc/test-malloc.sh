#!/usr/bin/env bash
# test-malloc.sh BUILD - real programs on SLUB by LD_PRELOAD (make test-malloc).
#
# Programs nobody here wrote, from packages every build machine has, run on
# BUILD/libslub-malloc.so, plain and under SLUB_DEBUG=FZPU, and their
# results are compared with the same programs on glibc's malloc:
#   git    clone of this repository (the transport packs objects), repack
#          -a -d -f --threads=2, fsck --full, log -p of HEAD byte for byte
#   cc     -O2 -c generated/slub.c, the object byte for byte
#   make   building the library's object, byte for byte
# and programs of our own: the C interface's contract (api), fork() while
# other threads allocate (fork_threads), three memory bugs that slub_debug
# must report (misuse). With per-CPU sheaves in every cache
# (SLUB_SHEAVES=32): fork from four threads that churn the sheaves and
# barns, git fsck and the compiler. A run fails on a non-zero exit, on different output
# and, except where a bug is planted, on any BUG report. The test build of
# the library (BUILD/malloc/check) aborts if the allocator ever calls back
# into malloc; the interface test and git run on it too, under FZPU.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
so=$build/libslub-malloc.so
check_so=$build/malloc/check/libslub-malloc.so
bin=$build/malloc/tests
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

# No configuration of the user's may change what git does.
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null HOME=$tmp LC_ALL=C
unset MAKEFLAGS MAKELEVEL MFLAGS GIT_DIR GIT_WORK_TREE SLUB_DEBUG SLUB_ARENA \
	SLUB_SHEAVES

# Results go to fd 3, the script's own output: a run's output may be
# redirected to a file.
exec 3>&1
started=$SECONDS
pass() {
	passed=$((passed + 1))
	printf '  ok   %s (%ds)\n' "$1" $((SECONDS - started)) >&3
}

fail() {
	failed=$((failed + 1))
	printf '  FAIL %s: %s\n' "$1" "$2" >&3
	[ ! -s "$tmp/err" ] || sed -n '1,20s/^/       | /p' "$tmp/err" >&3
}

# run NAME MODE CMD...: MODE is glibc, slub, debug (slub with
# SLUB_DEBUG=FZPU), sheaves (slub with SLUB_SHEAVES=32) or check (the
# re-entry checking build). Standard error
# goes to $tmp/err; output where the command sends it.
run() {
	local name=$1 mode=$2
	shift 2
	case $mode in
	glibc) "$@" 2>"$tmp/err" ;;
	slub) LD_PRELOAD=$so "$@" 2>"$tmp/err" ;;
	debug) SLUB_DEBUG=FZPU LD_PRELOAD=$so "$@" 2>"$tmp/err" ;;
	sheaves) SLUB_SHEAVES=32 LD_PRELOAD=$so "$@" 2>"$tmp/err" ;;
	check) SLUB_DEBUG=FZPU LD_PRELOAD=$check_so "$@" 2>"$tmp/err" ;;
	esac || { fail "$name" "exit status $?"; return 1; }
	if [ "$mode" != glibc ] &&
	   grep -qE '^(BUG |Kernel panic|libslub-malloc:)' "$tmp/err"; then
		fail "$name" "the allocator reported a problem"
		return 1
	fi
	pass "$name"
}

same() {
	if cmp -s "$2" "$3"; then
		pass "$1"
	else
		fail "$1" "$2 and $3 differ"
	fi
}

echo "test-malloc: $so"

# --------------------------------------------------------------- api, fork
for mode in glibc slub debug check; do
	if run "api ($mode)" $mode "$bin/api" >"$tmp/api.out"; then
		lib=$(sed -n 's/^malloc from //p' "$tmp/api.out")
		case $mode/$lib in
		glibc/*/libc.so*|slub/*libslub-malloc.so|debug/*libslub-malloc.so|check/*libslub-malloc.so) ;;
		*) fail "api ($mode)" "malloc came from $lib" ;;
		esac
	fi
done
run "fork while three threads allocate (slub)" slub "$bin/fork_threads" 100 \
	>/dev/null || true
run "fork while three threads allocate (debug)" debug "$bin/fork_threads" 20 \
	>/dev/null || true
run "fork while three threads churn sheaves and barns (sheaves)" sheaves \
	"$bin/fork_threads" 30 batch >/dev/null || true

# --------------------------------------------------------------- misuse
# bug and the report slub_debug must make of it
for case in "double-free:Object already free" "overflow:Redzone overwritten" \
	    "use-after-free:Poison overwritten"; do
	bug=${case%%:*} report=${case#*:}
	if SLUB_DEBUG=FZPU LD_PRELOAD=$so "$bin/misuse" "$bug" \
		>"$tmp/out" 2>"$tmp/err" && grep -q survived "$tmp/out" &&
	   grep -q "^BUG kmalloc-[0-9]* (Not tainted): $report" "$tmp/err" &&
	   grep -q '^INFO: Allocated in 0x' "$tmp/err"; then
		pass "misuse $bug: '$report' reported, program survived"
	else
		fail "misuse $bug" "no '$report' report"
	fi
done

# --------------------------------------------------------------- options
# a value that means nothing stops the start with a line naming it and
# exit status 1
st=0
SLUB_ARENA=lots LD_PRELOAD=$so "$bin/api" >/dev/null 2>"$tmp/err" || st=$?
if [ "$st" != 1 ]; then
	fail "SLUB_ARENA=lots" "exit status $st, not 1"
elif [ "$(wc -l <"$tmp/err")" = 1 ] &&
     grep -q '^SLUB: SLUB_ARENA=lots: expected a size' "$tmp/err"; then
	pass "SLUB_ARENA=lots: refused in one line, exit status 1"
else
	fail "SLUB_ARENA=lots" "not one line naming the variable"
fi
run "api -a with SLUB_ARENA=16M: 72 MiB in blocks of 3 MiB (slub)" slub \
	env SLUB_ARENA=16M "$bin/api" -a >/dev/null || true

# --------------------------------------------------------------- git
src=$root
if ! git -C "$src" rev-parse --verify -q HEAD >/dev/null 2>&1; then
	# not a clone: a repository of the sources, a few commits deep
	src=$tmp/src
	git init -q "$src"
	cp -r "$root/slub.nw" "$root/generated" "$src"
	for i in 1 2 3; do
		echo "$i" >>"$src/slub.nw"
		git -C "$src" add -A
		git -C "$src" -c user.name=t -c user.email=t@t commit -qm "$i"
	done
fi
head=$(git -C "$src" rev-parse HEAD)
git clone -q --no-local "$src" "$tmp/git-glibc"
git -C "$tmp/git-glibc" log -p "$head" >"$tmp/log.glibc"
for mode in slub debug check; do
	g=$tmp/git-$mode
	run "git clone ($mode)" $mode git clone -q --no-local "$src" "$g" &&
	run "git repack -a -d -f --threads=2 ($mode)" $mode \
		git -C "$g" repack -q -a -d -f --threads=2 &&
	run "git fsck --full ($mode)" $mode \
		git -C "$g" fsck --full --no-progress &&
	{ [ $mode != slub ] ||
	  run "git fsck --full (sheaves)" sheaves \
		git -C "$g" fsck --full --no-progress; } &&
	run "git log -p ($mode)" $mode git -C "$g" log -p "$head" \
		>"$tmp/log.$mode" &&
	same "git log -p ($mode) is glibc's, byte for byte" \
		"$tmp/log.glibc" "$tmp/log.$mode" || true
done

# --------------------------------------------------------------- cc
cflags="-O2 -std=gnu11 -mcx16 -pthread -D_GNU_SOURCE -I$root/generated"
cc=${CC:-cc}
$cc $cflags -c "$root/generated/slub.c" -o "$tmp/cc.glibc.o"
for mode in slub debug sheaves; do
	run "$cc -O2 -c generated/slub.c ($mode)" $mode \
		$cc $cflags -c "$root/generated/slub.c" -o "$tmp/cc.$mode.o" &&
	same "the object ($mode) is glibc's, byte for byte" \
		"$tmp/cc.glibc.o" "$tmp/cc.$mode.o" || true
done

# --------------------------------------------------------------- make
make -C "$root" --no-print-directory -s B="$tmp/mk.glibc" \
	"$tmp/mk.glibc/libslub.a" >/dev/null
for mode in slub debug; do
	run "make building the library ($mode)" $mode \
		make -C "$root" --no-print-directory -s B="$tmp/mk.$mode" \
		"$tmp/mk.$mode/libslub.a" >/dev/null &&
	same "make's object ($mode) is glibc's, byte for byte" \
		"$tmp/mk.glibc/obj/slub.o" "$tmp/mk.$mode/obj/slub.o" || true
done

echo "test-malloc: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
