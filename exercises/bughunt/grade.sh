#!/usr/bin/env bash
# grade.sh DIR [SEED]: grade a personal bug hunt. DIR/slub.c (written by
# make bughunt, then fixed by the student) is built with the book's
# observation layer and run against every exercise's test suite (the
# tests only use the allocator's interface, so they grade a whole
# allocator as well as one exercise). The suites that expose the seed's
# bug decide "fixed"; the others check that the fix broke nothing.
# Prints each suite's failures, "Score: N/M" and "N passed, N failed";
# exits 0 when every test passes. Environment as exercises/exercises.mk
# sets it (CC, EX_CFLAGS, LDLIBS, LIBSCN, EX_OBJ).
set -uo pipefail
. exercises/scripts/common.sh
[ $# -ge 1 ] || die "usage: grade.sh DIR [SEED]"
dir=$1
[ -f "$dir/slub.c" ] || die "bughunt: no $dir/slub.c (run: make bughunt SEED=<your id>)"
seed=${2:-$(cat "$dir/.seed" 2>/dev/null)}
[ -n "$seed" ] || die "bughunt: $dir/.seed is missing: give SEED=<your id>"
bug=$(python3 exercises/bughunt/plant.py bug "$seed") || exit 2
exposing=$(sed -n 's/^# caught-by: *//p' "exercises/bughunt/bugs/$bug.sed")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if ! bash exercises/bughunt/build.sh "$dir" "$out"; then
	echo "Score: 0"
	exit 1
fi
score=0 max=0 np=0 nf=0 fixed=1
# BUGHUNT_SUITES="NN ...": only these suites (the catalogue's test)
for ex in ${BUGHUNT_SUITES:-$(ex_all)}; do
	$CC $EX_CFLAGS "$EX_OBJ/grade.o" "$EX_OBJ/feedback.o" "$EX_OBJ/$ex-tests.o" "$LIBSCN" \
		"$out/libslub.a" -o "$out/t$ex" $LDLIBS 2>>"$out/build.log" ||
		die "bughunt: cannot link the tests of exercise $ex (see the compiler's output above)"
	timeout 300 "$out/t$ex" --quiet --timeout "${BUGHUNT_TIMEOUT:-10}" >"$out/o$ex" 2>&1
	sc=$(sed -n 's/^Score: //p' "$out/o$ex" | tail -1)
	pf=$(tail -1 "$out/o$ex")
	if [[ ! $pf =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]] || [ -z "$sc" ]; then
		n=$("$out/t$ex" --list | wc -l)
		m=$("$out/t$ex" --list | awk '{ s += $2 } END { print s }')
		echo "  the tests of exercise $ex stopped early: all $n fail"
		sc=0/$m pf="0 passed, $n failed"
		[[ $pf =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]
	fi
	score=$((score + ${sc%/*})) max=$((max + ${sc#*/}))
	np=$((np + BASH_REMATCH[1])) nf=$((nf + BASH_REMATCH[2]))
	if [ "${BASH_REMATCH[2]}" != 0 ]; then
		grep -a -E '^== |FAIL' "$out/o$ex"
		case " $exposing " in *" $ex "*) fixed=0 ;; esac
	fi
done
if [ $fixed = 1 ] && [ $nf = 0 ]; then
	echo "Bug hunt of seed $seed: fixed, and nothing else broke."
elif [ $fixed = 1 ]; then
	echo "Bug hunt of seed $seed: the planted bug is fixed, but other tests fail (see above)."
else
	echo "Bug hunt of seed $seed: not fixed yet (the failures above show where it bites)."
fi
echo "Score: $score/$max"
echo "$np passed, $nf failed"
[ $nf = 0 ]
