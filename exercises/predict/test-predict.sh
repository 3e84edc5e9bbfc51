#!/usr/bin/env bash
# test-predict.sh: the prediction exercises and slub quiz.
#   - every exercises/predict/*.scn is a valid scenario with blanks only:
#     graded blank it scores 0 and exits 1; filled with the answers that
#     slub predict --reveal computes it scores full marks and exits 0;
#     one wrong answer prints the right one and the visualizer step;
#   - slub quiz: the same seed writes the same quiz, seeds differ, every
#     topic's revealed answers grade full, bad flags are one-line errors.
set -uo pipefail
SLUB=${SLUB:-build/slub}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
ok() { echo "  ok    $*"; }
bad() { echo "  FAIL  $*"; fail=$((fail + 1)); }
# fill FILE ANSWERS OUT: the '?' of FILE replaced by the revealed answers
fill() {
	awk -v ans="$2" 'BEGIN { while ((getline l < ans) > 0) {
			split(l, a, ":"); n = a[2]; sub(/.* = /, "", l); v[n] = l } }
		/^#\?/ && (FNR in v) { sub(/= .*/, "= " v[FNR]) } { print }' "$1" >"$3"
}
n=0
for f in exercises/predict/[0-9]*.scn; do
	b=$(basename "$f" .scn)
	n=$((n + 1))
	"$SLUB" predict "$f" >"$T/$b.blank" 2>&1
	rc=$?
	q=$(grep -c '^#?' "$f")
	if [ $rc = 1 ] && grep -q "^Score: 0/$q$" "$T/$b.blank" &&
		[ "$(grep -c '^#?.*= ?$' "$f")" = "$q" ]; then
		ok "$b: blank, scores 0/$q"
	else
		bad "$b: blank grading: rc $rc, $(tail -2 "$T/$b.blank")"
	fi
	"$SLUB" predict --reveal "$f" >"$T/$b.ans" 2>&1 || bad "$b: --reveal fails"
	cp "$f" "$T/$b.scn"
	fill "$T/$b.scn" "$T/$b.ans" "$T/$b.filled.scn"
	if "$SLUB" predict "$T/$b.filled.scn" >"$T/$b.full" 2>&1 &&
		grep -q "^Score: $q/$q$" "$T/$b.full"; then
		ok "$b: the revealed answers score $q/$q"
	else
		bad "$b: revealed answers: $(tail -2 "$T/$b.full")"
	fi
	# one wrong answer: the first question answered "999"
	awk '/^#\?/ && !done { sub(/= .*/, "= 999"); done = 1 } { print }' \
		"$T/$b.filled.scn" >"$T/$b.wrong.scn"
	"$SLUB" predict "$T/$b.wrong.scn" >"$T/$b.wout" 2>&1
	if [ $? = 1 ] && grep -q 'WRONG: it is' "$T/$b.wout" &&
		grep -Eq 'slubviz --step [0-9]+ .*'"$b"'.wrong.scn' "$T/$b.wout"; then
		ok "$b: a wrong answer shows the right one and the step"
	else
		bad "$b: wrong answer: $(cat "$T/$b.wout")"
	fi
done
[ $n -ge 5 ] && ok "$n prediction exercises" || bad "only $n prediction exercises"
# slub quiz
for topic in fastpath slowpath free partial kmalloc sheaves; do
	"$SLUB" quiz --seed 42 --topic $topic --out "$T/q1.scn" >"$T/o1" 2>&1 &&
	"$SLUB" quiz --seed 42 --topic $topic --out "$T/q2.scn" >/dev/null 2>&1 &&
	"$SLUB" quiz --seed 43 --topic $topic --out "$T/q3.scn" >/dev/null 2>&1 ||
		{ bad "quiz --topic $topic fails: $(tail -1 "$T/o1")"; continue; }
	sed 1,4d "$T/q1.scn" >"$T/q1.body"; sed 1,4d "$T/q2.scn" >"$T/q2.body"
	cmp -s "$T/q1.body" "$T/q2.body" || bad "quiz $topic: seed 42 twice gives two quizzes"
	grep -q "^alloc\|^kmalloc" "$T/q1.scn" || bad "quiz $topic: no scenario in the output"
	grep -q "written to $T/q1.scn" "$T/o1" || bad "quiz $topic: the file path is not printed"
	"$SLUB" predict --reveal "$T/q1.scn" >"$T/q1.ans" 2>&1 || bad "quiz $topic: --reveal fails"
	fill "$T/q1.scn" "$T/q1.ans" "$T/q1.filled"
	if "$SLUB" predict "$T/q1.filled" >"$T/q1.grade" 2>&1; then
		ok "quiz $topic: same seed same quiz; revealed answers grade $(sed -n 's/^Score: //p' "$T/q1.grade")"
	else
		bad "quiz $topic: revealed answers do not grade full: $(cat "$T/q1.grade")"
	fi
done
# sheaves: every seed's quiz runs and its revealed answers grade full
nsh=0
for s in 1 2 3 4 5 6 7 8 9 10 11 12; do
	"$SLUB" quiz --seed $s --topic sheaves --out "$T/sh.scn" >/dev/null 2>&1 &&
		"$SLUB" predict --reveal "$T/sh.scn" >"$T/sh.ans" 2>&1 &&
		fill "$T/sh.scn" "$T/sh.ans" "$T/sh.filled" &&
		"$SLUB" predict "$T/sh.filled" >/dev/null 2>&1 && nsh=$((nsh + 1))
done
grep -q '^config .*sheaves [0-9]' "$T/sh.scn" && grep -q '^#? barn c full' "$T/sh.scn" &&
	[ $nsh = 12 ] && ok "twelve sheaves quizzes run and grade full with their answers" ||
	bad "sheaves quizzes: $nsh of 12 grade full"
# --viz opens the visualizer beside slub at the first wrong answer's step
mkdir -p "$T/bin"
cp "$SLUB" "$T/bin/slub"
printf '#!/bin/sh\necho "slubviz $*"\n' >"$T/bin/slubviz"
chmod +x "$T/bin/slubviz"
b=$(basename "$(ls exercises/predict/[0-9]*.scn | head -1)" .scn)
step=$(sed -n 's/.*slubviz --step \([0-9]*\) .*/\1/p' "$T/$b.wout" | head -1)
if "$T/bin/slub" predict --viz "$T/$b.wrong.scn" 2>&1 | tail -1 |
	grep -qx "slubviz --step $step $T/$b.wrong.scn"; then
	ok "predict --viz opens the visualizer at step $step of the wrong answer"
else
	bad "predict --viz: $("$T/bin/slub" predict --viz "$T/$b.wrong.scn" 2>&1 | tail -2)"
fi
d=0
for s in 1 2 3 4 5 6; do
	"$SLUB" quiz --seed $s --topic fastpath --out "$T/s$s.scn" >/dev/null 2>&1
	sed 1,4d "$T/s$s.scn" | md5sum
done | sort -u | wc -l >"$T/distinct"
[ "$(cat "$T/distinct")" -ge 4 ] && ok "six seeds give $(cat "$T/distinct") different fastpath quizzes" ||
	bad "six seeds give only $(cat "$T/distinct") different quizzes"
"$SLUB" quiz --seed 5 --reveal --out "$T/r.scn" >"$T/r.out" 2>&1 &&
	grep -q '^Answers:' "$T/r.out" &&
	ok "quiz --reveal prints the answers" || bad "quiz --reveal prints no answers"
for args in "--seed x" "--seed 1 --topic sheaf" "--seed" "--seed 1 --bogus" ""; do
	"$SLUB" quiz $args --out "$T/bad.scn" >"$T/bad.out" 2>&1
	rc=$?
	if [ $rc = 2 ] && [ "$(wc -l <"$T/bad.out")" = 1 ]; then
		ok "quiz $args: $(cat "$T/bad.out")"
	else
		bad "quiz $args: rc $rc, $(cat "$T/bad.out")"
	fi
done
printf 'cache c size 64\n#? c nosuch = ?\n' >"$T/e1.scn"
printf 'cache c size 64\n#? c alloc_slab\n' >"$T/e2.scn"
for e in e1 e2; do
	"$SLUB" predict "$T/$e.scn" >"$T/$e.out" 2>&1
	rc=$?
	[ $rc = 2 ] && grep -q "$e.scn:2: error:" "$T/$e.out" &&
		ok "predict, a bad question: $(sed "s|$T/||" "$T/$e.out")" ||
		bad "predict $e: rc $rc, $(cat "$T/$e.out")"
done
[ $fail = 0 ]
