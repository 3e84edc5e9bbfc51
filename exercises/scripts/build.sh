#!/usr/bin/env bash
# build.sh NN SRCDIR OUT: build exercise NN with the student files found in
# SRCDIR into OUT: OUT/slub.c (tangled from slub.nw, the exercise's chunks
# replaced by #include of the student files), OUT/libslub.a (with the
# book's observation layer, EX_OBJ/slub_observe.o), and the test
# program OUT/test. Compiler messages go to OUT/build.log (and stderr
# unless QUIET=1). Skips the work when nothing changed.
# Environment (set by exercises/exercises.mk): CC, EX_CFLAGS, LDLIBS,
# LIBSCN, EX_OBJ (directory of grade.o and NN-tests.o).
set -euo pipefail
. exercises/scripts/common.sh
ex=$1 src=$2 out=$3
: "${CC:=gcc}" "${EX_CFLAGS:?}" "${LIBSCN:?}" "${EX_OBJ:?}" "${LDLIBS:=-pthread -lm}"
mkdir -p "$out"
for f in $(ex_files "$ex"); do
	[ -f "$src/$f" ] || { echo "missing student file $src/$f" | tee "$out/build.log" >&2; exit 1; }
done
tangle_ex "$ex" "$out/slub.c"
stamp=$( { cat "$out/slub.c" $(for f in $(ex_files "$ex"); do echo "$src/$f"; done) \
	"$EX_OBJ/grade.o" "$EX_OBJ/feedback.o" "$EX_OBJ/$ex-tests.o" \
	"$EX_OBJ/slub_observe.o" "$LIBSCN"; \
	echo "$CC $EX_CFLAGS $src"; } | sha1sum | cut -c1-40)
if [ -f "$out/stamp" ] && [ "$(cat "$out/stamp")" = "$stamp" ] && [ -x "$out/test" ]; then
	exit 0
fi
rm -f "$out/stamp" "$out/test" "$out/libslub.a"
log=$out/build.log
if ! $CC $EX_CFLAGS -iquote "$src" -c "$out/slub.c" -o "$out/slub.o" >"$log" 2>&1; then
	[ "${QUIET:-0}" = 1 ] || cat "$log" >&2
	exit 1
fi
bash scripts/link-lib.sh "$out/libslub.a" "$out/slub.o" "$EX_OBJ/slub_observe.o" 2>>"$log"
if ! $CC $EX_CFLAGS "$EX_OBJ/grade.o" "$EX_OBJ/feedback.o" "$EX_OBJ/$ex-tests.o" "$LIBSCN" \
	"$out/libslub.a" -o "$out/test" $LDLIBS >>"$log" 2>&1; then
	[ "${QUIET:-0}" = 1 ] || cat "$log" >&2
	exit 1
fi
[ "${QUIET:-0}" = 1 ] || cat "$log" >&2
echo "$stamp" >"$out/stamp"
