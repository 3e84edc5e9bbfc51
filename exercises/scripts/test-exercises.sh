#!/usr/bin/env bash
# test-exercises.sh: the test of the exercises themselves.
#   - the committed skeletons are what slub.nw generates;
#   - every untouched skeleton scores 0;
#   - the reference solutions (the chunks of slub.nw) score full marks;
#   - every mutant (exercises/NN-*/mutants/*.sed, applied to one
#     reference file) changes its file and loses points.
# Each variant is built once; builds and test runs go two at a time.
set -uo pipefail
. exercises/scripts/common.sh
start=$(date +%s)
B_EX=${B_EX:-build/ex}
files=$B_EX/files
rm -rf "$files" "$B_EX/t"
mkdir -p "$files/ref" "$files/skel" "$B_EX/t"
# a private copy of the scenario library: another make may be rebuilding it
cp "$LIBSCN" "$B_EX/libscn.a.tmp" && mv "$B_EX/libscn.a.tmp" "$B_EX/libscn.a"
export LIBSCN=$B_EX/libscn.a
fail=0 npass=0

ok() { echo "  ok    $*"; npass=$((npass + 1)); }
bad() { echo "  FAIL  $*"; fail=$((fail + 1)); }

echo "== skeletons"
if bash $EXDIR/scripts/skeletons.sh check; then
	ok "exercises/*/student/ are what slub.nw generates"
else
	bad "skeletons out of date"
fi
# reference and skeleton files
for ex in $(ex_all); do
	ex_targets "$ex" | while IFS='|' read -r _ f _ _ name; do
		chunk "$name" >"$files/ref/$f"
	done
done
bash $EXDIR/scripts/skeletons.sh write "$files/skel" >/dev/null
# variants: NAME EX SRCDIR
: >"$B_EX/t/jobs"
for ex in $(ex_all); do
	echo "ref-$ex $ex $files/ref" >>"$B_EX/t/jobs"
	echo "skel-$ex $ex $files/skel" >>"$B_EX/t/jobs"
	dir=$(ex_dir "$ex")
	for m in "$dir"/mutants/*.sed; do
		[ -f "$m" ] || continue
		mn=$(basename "$m" .sed)
		f=$(sed -n 's/^# file: *//p' "$m")
		d=$files/mut-$ex-$mn
		mkdir -p "$d"
		cp "$files/ref/"* "$d/"
		sed -f "$m" "$files/ref/$f" >"$d/$f"
		if cmp -s "$files/ref/$f" "$d/$f"; then
			bad "mutant $ex/$mn does not change $f"
			continue
		fi
		echo "mut-$ex-$mn $ex $d" >>"$B_EX/t/jobs"
	done
done
export QUIET=1
# The slowest builds first: every job compiles slub.c once.
xargs -P "$(nproc)" -L1 sh -c '
	out='"$B_EX"'/t/$0
	if bash exercises/scripts/build.sh "$1" "$2" "$out" >/dev/null 2>&1; then
		timeout 600 "$out/test" --timeout 6 --json "$out/result.json" >"$out/output" 2>&1
		echo built >"$out/status"
	else
		echo unbuilt >"$out/status"
	fi' <"$B_EX/t/jobs"

score() { sed -n 's/^Score: //p' "$B_EX/t/$1/output" 2>/dev/null | tail -1; }
for ex in $(ex_all); do
	echo "== exercise $ex"
	for v in ref skel; do
		out=$B_EX/t/$v-$ex
		if [ "$(cat "$out/status" 2>/dev/null)" != built ]; then
			bad "$v-$ex does not build (see $out/build.log)"
			continue
		fi
		s=$(score "$v-$ex")
		case $v in
		ref)
			if [ -n "$s" ] && [ "${s%/*}" = "${s#*/}" ]; then ok "reference solution scores $s"
			else bad "reference solution scores ${s:-nothing}:"; grep FAIL "$out/output"; fi ;;
		skel)
			if [ -n "$s" ] && [ "${s%/*}" = 0 ]; then ok "untouched skeleton scores $s"
			else bad "untouched skeleton scores ${s:-nothing}:"; grep ' ok$' "$out/output"; fi ;;
		esac
	done
	while read -r name e _; do
		[ "$e" = "$ex" ] && [ "${name#mut-}" != "$name" ] || continue
		out=$B_EX/t/$name
		mn=${name#mut-$ex-}
		what=$(sed -n 's/^# what: *//p' "$(ex_dir "$ex")/mutants/$mn.sed")
		if [ "$(cat "$out/status" 2>/dev/null)" != built ]; then
			bad "mutant $mn does not build (a mutant must compile): see $out/build.log"
			continue
		fi
		s=$(score "$name")
		if [ -n "$s" ] && [ "${s%/*}" -lt "${s#*/}" ]; then
			ok "mutant $mn ($what) scores $s"
		else
			bad "mutant $mn ($what) is not caught: scores ${s:-nothing}"
		fi
	done <"$B_EX/t/jobs"
done
# a student's failed scenario is kept, with the command that opens the
# visualizer at the failing step
m=$B_EX/t/mut-05-alloc-no-tid-bump
if [ -x "$m/test" ]; then
	sd=$(mktemp -d)
	EX_SCN_DIR=$sd "$m/test" preempt_after_tid >"$sd/out" 2>&1
	if grep -q "watch it: make ex-viz EX=05 SCENARIO=$sd/after_tid.scn VIZ_ARGS=\"--step [0-9]*\"" "$sd/out" &&
		build/slub run "$sd/after_tid.scn" >/dev/null 2>&1; then
		ok "a failed scenario is saved and the grader prints how to watch it"
	else
		bad "a failed scenario: $(cat "$sd/out")"
	fi
	rm -rf "$sd"
fi
. $EXDIR/scripts/test-contracts.sh
. $EXDIR/scripts/test-handouts.sh
echo "== handout"
ho=$B_EX/handout-test
rm -rf "$ho"
mkdir -p "$ho"
if bash $EXDIR/scripts/handout.sh "$ho/handout.tar.gz" >"$ho/log" 2>&1 &&
	tar -C "$ho" -xzf "$ho/handout.tar.gz" &&
	(cd "$ho/slub-exercises" && $CC $EX_CFLAGS -Igenerated -Iscenario -Itools -Iexercises \
		$(for d in exercises/*/student; do echo -iquote "$d"; done) \
		-c handout/slub.c -o ../slub.o &&
		$CC $EX_CFLAGS -Igenerated -Isrc -c handout/slub_observe.c \
		-o ../slub_observe.o) >>"$ho/log" 2>&1; then
	ok "the handout has no solution text and its allocator builds with the skeletons"
else
	bad "handout (see $ho/log)"
fi
for t in exercises/teacher/test-*.sh exercises/bughunt/test-*.sh exercises/predict/test-*.sh \
		exercises/design/test-*.sh; do
	[ -f "$t" ] || continue
	echo "== $(basename "$t" .sh)"
	if bash "$t"; then npass=$((npass + 1)); else fail=$((fail + 1)); fi
done
echo "test-exercises: $(( $(date +%s) - start )) s"
echo "$npass passed, $fail failed"
[ $fail = 0 ]
