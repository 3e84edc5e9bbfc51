#!/usr/bin/env bash
# grade.sh SRCDIR [sheaf]: grade a design exercise: the bulk free with
# SRCDIR/free_bulk.c, or with "sheaf" the sheaf refill and flush with
# SRCDIR/sheaf.c (its tests, bench and headers in design/sheaf/). First
# the correctness tests (tests.c, 10 points), then, only if they all
# pass, the throughput against the book's own code in the same run
# (bench.c, 4 points). Prints both parts and "Score: N/14"; exits 0 on
# full correctness. Environment as exercises/exercises.mk sets it.
set -uo pipefail
src=$1
case ${2:-} in
'') f=free_bulk.c D=exercises/design start='make design-start' errors=error ;;
sheaf) f=sheaf.c D=exercises/design/sheaf start='make design-start DESIGN=sheaf'
	errors='error|undeclared' ;;
*) echo "design: '$2': expected nothing (the bulk free) or sheaf" >&2; exit 2 ;;
esac
: "${CC:=gcc}" "${EX_CFLAGS:?}" "${EX_OBJ:?}" "${LIBSCN:?}"
[ -f "$src/$f" ] || { echo "design: no $src/$f (run: $start)" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# the allocator at -O2: the throughput of -O0 code would measure nothing
if ! $CC $EX_CFLAGS -O2 -iquote "$src" -I$D -c $D/design.c -o "$out/design.o" 2>"$out/log" ||
	! $CC $EX_CFLAGS -I$D -c $D/tests.c -o "$out/tests.o" 2>>"$out/log" ||
	! $CC $EX_CFLAGS -O2 -I$D -c $D/bench.c -o "$out/bench.o" 2>>"$out/log"; then
	echo "design: $src/$f does not compile; the compiler said:"
	grep -m 12 -E "$errors" "$out/log" | sed 's/^/    /'
	echo "Score: 0/14"
	exit 1
fi
bash scripts/link-lib.sh "$out/libdesign.a" "$out/design.o" "$EX_OBJ/slub_observe.o"
$CC $EX_CFLAGS "$EX_OBJ/grade.o" "$EX_OBJ/feedback.o" "$out/tests.o" "$LIBSCN" "$out/libdesign.a" \
	-o "$out/test" $LDLIBS && $CC $EX_CFLAGS "$out/bench.o" "$out/libdesign.a" \
	-o "$out/bench" $LDLIBS || { echo "design: cannot link the grader"; exit 2; }
"$out/test" --timeout 10 | tee "$out/output"
sc=$(sed -n 's/^Score: //p' "$out/output")
c=${sc%/*} cmax=${sc#*/}
p=0
if [ -n "$sc" ] && [ "$c" = "$cmax" ]; then
	timeout 120 "$out/bench" | tee "$out/bench.out"
	p=$(sed -n 's/^Performance: \([0-9]*\)\/4$/\1/p' "$out/bench.out")
	p=${p:-0}
else
	echo "  throughput: not measured until every correctness test passes"
fi
echo "Score: $((${c:-0} + p))/$((${cmax:-10} + 4))"
[ -n "$sc" ] && [ "$c" = "$cmax" ]
