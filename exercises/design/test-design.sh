#!/usr/bin/env bash
# test-design.sh: the design exercise. The skeleton scores 0; the design
# in solution/ passes every correctness test and gets a throughput ratio
# (a number: its value is not asserted, timing belongs to benchmarks);
# each mutants/*.sed (a wrong design) fails a correctness test. The same
# for the sheaf variant (sheaf/), whose design may not call the book's
# own refill and flush.
set -uo pipefail
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
ok() { echo "  ok    $*"; }
bad() { echo "  FAIL  $*"; fail=$((fail + 1)); }
D=exercises/design
bash $D/grade.sh $D/skel >"$T/skel" 2>&1
if [ $? = 1 ] && grep -q '^Score: 0/14$' "$T/skel"; then ok "the skeleton scores 0/14"
else bad "the skeleton: $(tail -2 "$T/skel")"; fi
bash $D/grade.sh $D/solution >"$T/sol" 2>&1
if [ $? = 0 ] && grep -q '^Score: 10/10$' "$T/sol" &&
	grep -Eq 'ratio [0-9]+\.[0-9]+$' "$T/sol" && grep -Eq '^Performance: [0-4]/4$' "$T/sol"; then
	ok "the solution's design: correctness 10/10, $(grep -o 'ratio .*' "$T/sol")"
else
	bad "the solution's design: $(cat "$T/sol")"
fi
for m in $D/mutants/*.sed; do
	mn=$(basename "$m" .sed)
	mkdir -p "$T/$mn"
	sed -f "$m" $D/solution/free_bulk.c >"$T/$mn/free_bulk.c"
	if cmp -s $D/solution/free_bulk.c "$T/$mn/free_bulk.c"; then
		bad "mutant $mn does not change the solution"; continue
	fi
	bash $D/grade.sh "$T/$mn" >"$T/$mn.out" 2>&1
	s=$(sed -n 's/^Score: \([0-9]*\)\/10$/\1/p' "$T/$mn.out")
	if [ -n "$s" ] && [ "$s" -lt 10 ]; then
		ok "mutant $mn ($(sed -n 's/^# what: //p' "$m")) scores $s/10"
	else
		bad "mutant $mn is not caught: $(tail -3 "$T/$mn.out")"
	fi
done
# the sheaf variant: the same checks, and a call of the book's refill is
# a compile error that names it
S=$D/sheaf
bash $S/grade.sh $S/skel >"$T/sskel" 2>&1
if [ $? = 1 ] && grep -q '^Score: 0/14$' "$T/sskel"; then ok "sheaf: the skeleton scores 0/14"
else bad "sheaf: the skeleton: $(tail -2 "$T/sskel")"; fi
bash $S/grade.sh $S/solution >"$T/ssol" 2>&1
if [ $? = 0 ] && grep -q '^Score: 10/10$' "$T/ssol" &&
	grep -Eq 'ratio [0-9]+\.[0-9]+$' "$T/ssol" && grep -Eq '^Performance: [0-4]/4$' "$T/ssol"; then
	ok "sheaf: the solution's design: correctness 10/10, $(grep -o 'ratio .*' "$T/ssol")"
else
	bad "sheaf: the solution's design: $(cat "$T/ssol")"
fi
for m in $S/mutants/*.sed; do
	mn=sheaf-$(basename "$m" .sed)
	mkdir -p "$T/$mn"
	sed -f "$m" $S/solution/sheaf.c >"$T/$mn/sheaf.c"
	if cmp -s $S/solution/sheaf.c "$T/$mn/sheaf.c"; then
		bad "mutant $mn does not change the solution"; continue
	fi
	bash $S/grade.sh "$T/$mn" >"$T/$mn.out" 2>&1
	s=$(sed -n 's/^Score: \([0-9]*\)\/10$/\1/p' "$T/$mn.out")
	if [ -n "$s" ] && [ "$s" -lt 10 ]; then
		ok "mutant $mn ($(sed -n 's/^# what: //p' "$m")) scores $s/10"
	else
		bad "mutant $mn is not caught: $(tail -3 "$T/$mn.out")"
	fi
done
mkdir -p "$T/banned"
sed 's/^\tfor (i = 0; i < n; i = j) {$/\tsheaf_flush(s, sheaf);\n&/' $S/solution/sheaf.c >"$T/banned/sheaf.c"
bash $S/grade.sh "$T/banned" >"$T/banned.out" 2>&1
if [ $? = 1 ] && grep -q 'not_yours_to_call_sheaf_flush' "$T/banned.out" &&
	grep -q '^Score: 0/14$' "$T/banned.out"; then
	ok "sheaf: a call of the book's sheaf_flush() is a compile error that names it"
else
	bad "sheaf: a call of sheaf_flush(): $(cat "$T/banned.out")"
fi
[ $fail = 0 ]
