#!/usr/bin/env bash
# test-design.sh: the design exercises. For the bulk free (design/) and
# the sheaf refill and flush (design/sheaf/): the skeleton scores 0; the
# design in solution/ passes every correctness test and gets a
# throughput ratio (a number: its value is not asserted, timing belongs
# to benchmarks); each mutants/*.sed (a wrong design) fails a
# correctness test. A sheaf design that calls the book's own flush is a
# compile error naming it. The gradings run two at a time.
set -uo pipefail
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
ok() { echo "  ok    $*"; }
bad() { echo "  FAIL  $*"; fail=$((fail + 1)); }
D=exercises/design
S=$D/sheaf
# jobs: NAME GRADER SRCDIR (mutants and the banned call get a SRCDIR here)
{
	echo "skel $D $D/skel"
	echo "sol $D $D/solution"
	echo "sskel $S $S/skel"
	echo "ssol $S $S/solution"
	for m in $D/mutants/*.sed $S/mutants/*.sed; do
		case $m in
		$S/*) mn=sheaf-$(basename "$m" .sed) g=$S f=sheaf.c ;;
		*) mn=$(basename "$m" .sed) g=$D f=free_bulk.c ;;
		esac
		mkdir -p "$T/$mn"
		sed -f "$m" $g/solution/$f >"$T/$mn/$f"
		if cmp -s $g/solution/$f "$T/$mn/$f"; then
			echo "mutant $mn does not change the solution" >>"$T/unchanged"
			continue
		fi
		echo "$mn $g $T/$mn"
	done
	mkdir -p "$T/banned"
	sed 's/^\tfor (i = 0; i < n; i = j) {$/\tsheaf_flush(s, sheaf);\n&/' \
		$S/solution/sheaf.c >"$T/banned/sheaf.c"
	echo "banned $S $T/banned"
} >"$T/jobs"
export T
# one grader for both designs: "sheaf" selects the sheaf one
xargs -P 2 -L1 sh -c 'bash exercises/design/grade.sh "$2" $([ "$1" = exercises/design/sheaf ] && echo sheaf) >"$T/$0.out" 2>&1; echo $? >"$T/$0.rc"' <"$T/jobs"
[ -f "$T/unchanged" ] && while read -r l; do bad "$l"; done <"$T/unchanged"
while read -r job g _; do
	out=$T/$job.out rc=$(cat "$T/$job.rc")
	what=$([ "$g" = $S ] && echo "sheaf: ")
	case $job in
	skel|sskel)
		if [ "$rc" = 1 ] && grep -q '^Score: 0/14$' "$out"; then ok "${what}the skeleton scores 0/14"
		else bad "${what}the skeleton: $(tail -2 "$out")"; fi ;;
	sol|ssol)
		if [ "$rc" = 0 ] && grep -q '^Score: 10/10$' "$out" &&
			grep -Eq 'ratio [0-9]+\.[0-9]+$' "$out" && grep -Eq '^Performance: [0-4]/4$' "$out"; then
			ok "${what}the solution's design: correctness 10/10, $(grep -o 'ratio .*' "$out")"
		else
			bad "${what}the solution's design: $(cat "$out")"
		fi ;;
	banned)
		if [ "$rc" = 1 ] && grep -q 'not_yours_to_call_sheaf_flush' "$out" &&
			grep -q '^Score: 0/14$' "$out"; then
			ok "sheaf: a call of the book's sheaf_flush() is a compile error that names it"
		else
			bad "sheaf: a call of sheaf_flush(): $(cat "$out")"
		fi ;;
	*)
		m=$D/mutants/$job.sed
		[ "${job#sheaf-}" != "$job" ] && m=$S/mutants/${job#sheaf-}.sed
		s=$(sed -n 's/^Score: \([0-9]*\)\/10$/\1/p' "$out")
		if [ -n "$s" ] && [ "$s" -lt 10 ]; then
			ok "mutant $job ($(sed -n 's/^# what: //p' "$m")) scores $s/10"
		else
			bad "mutant $job is not caught: $(tail -3 "$out")"
		fi ;;
	esac
done <"$T/jobs"
[ $fail = 0 ]
