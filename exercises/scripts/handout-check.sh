#!/usr/bin/env bash
# handout-check.sh NN REFDIR WORKDIR [SEED]: build the handout of exercise
# NN alone, unpack it in WORKDIR, grade its untouched skeletons there and
# then the reference files of REFDIR (put in its work/ folder, as a
# student's make start and edits would), with only the handout's own
# Makefile. Writes WORKDIR/result: "skel SCORE" and "ref SCORE". SEED: a
# build/ folder of an earlier handout whose objects that do not depend on
# the exercise (the scenario library, the observation layer, the grader)
# are reused.
set -uo pipefail
. exercises/scripts/common.sh
ex=$1 ref=$2 w=$3 seed=${4:-}
mkdir -p "$w"
bash $EXDIR/scripts/handout.sh "$w/h.tar.gz" "$ex" >"$w/log" 2>&1 || { echo "skel none" >"$w/result"; exit 1; }
tar -C "$w" -xzf "$w/h.tar.gz"
h=$w/slub-ex$ex
if [ -n "$seed" ]; then
	mkdir -p "$h/build/ex"
	cp -r "$seed/obj" "$seed/libscn.a" "$seed/slub_observe.o" "$h/build/"
	cp "$seed/ex/grade.o" "$seed/ex/feedback.o" "$h/build/ex/"
	find "$h/build" -type f -exec touch {} +
fi
score() { sed -n 's/^Score: //p' | tail -1; }
s=$(cd "$h" && make -s grade 2>>"$w/log" | tee -a "$w/log" | score)
echo "skel ${s:-none}" >"$w/result"
(cd "$h" && make -s start EX="$ex" >>"$w/log")
for f in $(ex_files "$ex"); do
	cp "$ref/$f" "$h/$(work_dir "$ex")/$f"
done
s=$(cd "$h" && make -s grade 2>>"$w/log" | tee -a "$w/log" | score)
echo "ref ${s:-none}" >>"$w/result"
