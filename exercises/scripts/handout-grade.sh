#!/usr/bin/env bash
# grade.sh [NN...]: the handout's grader (run by make grade). Builds the
# allocator with every student file, then runs each exercise's tests.
set -uo pipefail
exs=${*:-$(ls -d exercises/[0-9][0-9]-* | sed 's|exercises/||; s|-.*||')}
total=0 max=0 np=0 nf=0
log=build/build.log
mkdir -p build
if ! $CC $CFLAGS $(for d in $STUDENT; do printf -- '-iquote %s ' "$d"; done) \
	-c handout/slub.c -o build/slub.o >"$log" 2>&1; then
	echo "BUILD FAILED: the allocator does not compile with your files ($log):"
	grep -m 15 -E 'error' "$log" | sed 's/^/  /'
	built=0
else
	built=1
fi
for ex in $exs; do
	d=$(ls -d exercises/$ex-*)
	t=build/ex/$ex/test
	mkdir -p build/ex/$ex
	if [ $built = 1 ]; then
		$CC $CFLAGS build/ex/grade.o build/ex/feedback.o build/ex/$(basename "$d")/tests.o \
			build/libscn.a build/slub.o build/slub_observe.o -o "$t" $LDLIBS || exit 2
		mkdir -p build/ex/$ex/scenarios
		EX_SCN_DIR=build/ex/$ex/scenarios timeout 600 "$t" --timeout 10 |
			tee build/ex/$ex/output
	else
		$CC $CFLAGS build/ex/grade.o build/ex/$(basename "$d")/tests.o -o "$t.list" \
			-no-pie -Wl,--unresolved-symbols=ignore-all $LDLIBS || exit 2
		m=$("$t.list" --list | awk '{ s += $2 } END { print s }')
		n=$("$t.list" --list | wc -l)
		echo "== Exercise $ex: not built, every test scores 0"
		printf 'Score: 0/%d\n0 passed, %d failed\n' "$m" "$n" | tee build/ex/$ex/output
	fi
	s=$(sed -n 's/^Score: //p' build/ex/$ex/output | tail -1)
	pf=$(tail -1 build/ex/$ex/output)
	total=$((total + ${s%/*})) max=$((max + ${s#*/}))
	np=$((np + ${pf%% *})); pf=${pf#*, }; nf=$((nf + ${pf%% *}))
	echo
done
# one exercise: its own summary was the last word
if [ "$(echo $exs | wc -w)" -gt 1 ]; then
	echo "Score: $total/$max"
	echo "$np passed, $nf failed"
fi
