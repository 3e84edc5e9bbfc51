#!/usr/bin/env bash
# build.sh DIR OUT: OUT/libslub.a from a bug hunt's DIR/slub.c and the
# book's observation layer. Compiler messages go to OUT/build.log; on a
# failure its error lines are printed and the exit status is 1.
set -uo pipefail
dir=$1 out=$2
: "${CC:=gcc}" "${EX_CFLAGS:?}" "${EX_OBJ:?}"
[ -f "$dir/slub.c" ] || { echo "bughunt: no $dir/slub.c (run: make bughunt SEED=<your id>)" >&2; exit 2; }
mkdir -p "$out"
if ! $CC $EX_CFLAGS -c "$dir/slub.c" -o "$out/slub.o" 2>"$out/build.log"; then
	echo "bughunt: $dir/slub.c does not compile; the compiler said:"
	grep -m 12 -E 'error' "$out/build.log" | sed 's/^/    /'
	exit 1
fi
rm -f "$out/libslub.a"
bash scripts/link-lib.sh "$out/libslub.a" "$out/slub.o" "$EX_OBJ/slub_observe.o"
