#!/usr/bin/env bash
# test-bughunt.sh: the personal bug hunts.
#   - every bug of the catalogue changes the allocator, builds, and is
#     caught: planted with a seed that draws it, the grader fails and
#     says "not fixed yet" (a suite of its "# caught-by:" line fails);
#   - the disguised reference (no bug) builds and scores full marks for
#     two seeds, so the disguise changes nothing but names;
#   - every bug is drawn by some seed; the seed -> bug map is stable;
#   - a diff of a disguised copy against the book changes at least 50
#     lines for every line the bug changes (plant.py measure);
#   - a bad seed is a one-line error.
# Environment as exercises/exercises.mk sets it. Exits 1 on any failure.
set -uo pipefail
. exercises/scripts/common.sh
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
ok() { echo "  ok    $*"; }
bad() { echo "  FAIL  $*"; fail=$((fail + 1)); }
P=exercises/bughunt/plant.py
nbugs=$(ls exercises/bughunt/bugs/*.sed | wc -l)
[ "$nbugs" -ge 10 ] && ok "the catalogue holds $nbugs bugs" ||
	bad "the catalogue holds $nbugs bugs, fewer than 10"
# a seed for every bug: the first of s0, s1, ... that draws it
python3 - "$P" >"$T/seeds" <<'PY'
import subprocess, sys
names = sorted(l.split()[0] for l in subprocess.run(
    ["python3", sys.argv[1], "catalogue"], capture_output=True, text=True,
    check=True).stdout.splitlines() if l and not l[0].isspace())
seeds = ["s%d" % i for i in range(400)]
got = dict(l.split()[:2] for l in subprocess.run(
    ["python3", sys.argv[1], "list"] + seeds, capture_output=True,
    text=True, check=True).stdout.splitlines())
for n in names:
    s = [k for k in seeds if got[k] == n]
    print(n, s[0] if s else "-")
PY
if grep -q ' -$' "$T/seeds"; then bad "no seed among 400 draws: $(grep ' -$' "$T/seeds" | cut -d' ' -f1)"
else ok "every bug is drawn by some seed"; fi
a=$(python3 $P list s1 s2 s3 2>&1) b=$(python3 $P list s1 s2 s3 2>&1)
[ "$a" = "$b" ] && ok "the seed -> bug map is stable" || bad "the seed -> bug map changes"
if python3 $P plant 'no/slash' "$T/x" 2>"$T/err"; then bad "a bad seed is accepted"
elif [ "$(wc -l <"$T/err")" = 1 ]; then ok "a bad seed: $(cat "$T/err")"
else bad "a bad seed: no one-line error"; fi
# the disguise resists a diff: against the book's code (comments and
# #line out, as a student would strip them), the disguised copy of every
# bug's seed differs in at least 50 times as many lines as the bug does
python3 $P measure $(awk '$2 != "-" { print $2 }' "$T/seeds") >"$T/measure" 2>&1
if awk 'NR > 1 && $5 < 50 { bad = 1 } NR > 1 { n++ } END { exit bad || n == 0 }' "$T/measure"; then
	ok "a diff against the book changes at least 50 lines per line of the bug (least: $(awk 'NR > 1 { print $5 }' "$T/measure" | sort -n | head -1))"
else
	bad "the disguise is too thin: $(cat "$T/measure")"
fi
# the jobs: every bug with its seed, and the reference for two seeds
{
	while read -r name seed; do
		[ "$seed" != - ] && echo "bug-$name $seed \"\" $(sed -n 's/^# caught-by: *//p' exercises/bughunt/bugs/$name.sed | tr ' ' ,)"
	done <"$T/seeds"
	echo "ref-1 s1 --none"
	echo "ref-2 student42 --none"
} >"$T/jobs"
export T P
# a bug runs only the suites that must catch it, with a short timeout
xargs -P 2 -L1 sh -c '
	python3 "$P" plant "$1" "$T/$0" $2 >"$T/$0.plant" 2>&1 &&
	BUGHUNT_SUITES=$(echo "$3" | tr , " ") BUGHUNT_TIMEOUT=${3:+4} \
	bash exercises/bughunt/grade.sh "$T/$0" >"$T/$0.out" 2>&1
	echo $? >"$T/$0.rc"' <"$T/jobs"
while read -r job seed _; do
	rc=$(cat "$T/$job.rc")
	sc=$(sed -n 's/^Score: //p' "$T/$job.out" 2>/dev/null)
	case $job in
	ref-*)
		if [ "$rc" = 0 ] && grep -q 'fixed, and nothing else broke' "$T/$job.out"; then
			ok "the disguised reference of seed $seed scores $sc"
		else
			bad "the disguised reference of seed $seed: $(tail -3 "$T/$job.out" "$T/$job.plant" 2>/dev/null)"
		fi ;;
	bug-*)
		what=$(sed -n 's/^# what: *//p' "exercises/bughunt/bugs/${job#bug-}.sed")
		if [ "$rc" != 0 ] && grep -q 'not fixed yet' "$T/$job.out" && [ -n "$sc" ]; then
			ok "${job#bug-} (seed $seed) is caught: $sc"
		else
			bad "${job#bug-} ($what) is not caught by its suites: $(tail -2 "$T/$job.out" "$T/$job.plant" 2>/dev/null)"
		fi ;;
	esac
done <"$T/jobs"
# bughunt-compare: the disguised reference matches the book on every
# scenario; a bug that changes counters shows in them
if [ -x "${SLUB:-build/slub}" ]; then
	for job in ref-1 bug-pobjects-all-objects; do
		[ -d "$T/$job" ] || continue
		$CC $EX_CFLAGS -c "$T/$job/slub.c" -o "$T/$job.c.o" 2>/dev/null &&
			bash scripts/link-lib.sh "$T/$job.a" "$T/$job.c.o" "$EX_OBJ/slub_observe.o" &&
			$CC $EX_CFLAGS build/obj/tools/slub_cli.o build/libtools.a "$LIBSCN" "$T/$job.a" \
				-o "$T/$job.slub" $LDLIBS 2>/dev/null ||
			{ bad "bughunt-compare: cannot build the CLI on $job"; continue; }
		bash exercises/bughunt/compare.sh "$T/$job.slub" "${SLUB:-build/slub}" >"$T/$job.cmp" 2>&1
		last=$(tail -1 "$T/$job.cmp")
		case $job in
		ref-*) [[ $last == 0\ of\ * ]] && ok "bughunt-compare, the disguised reference: $last" ||
			bad "bughunt-compare on the reference: $(cat "$T/$job.cmp")" ;;
		*) [[ $last != 0\ of\ * ]] && grep -q 'yours: ' "$T/$job.cmp" &&
			ok "bughunt-compare, ${job#bug-}: $last" ||
			bad "bughunt-compare misses ${job#bug-}: $(cat "$T/$job.cmp")" ;;
		esac
	done
fi
[ $fail = 0 ]
