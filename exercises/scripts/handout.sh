#!/usr/bin/env bash
# handout.sh OUT.tar.gz [NN]: the students' handout.
#   Without NN: every exercise. handout/slub.c is the allocator tangled
#   from slub.nw with EVERY exercise's chunks replaced by the #include of
#   the student files.
#   With NN: exercise NN alone. handout/slub.c is the book's allocator
#   with only exercise NN's chunks replaced: every other part is the
#   reference, so the exercise grades on its own (a weekly assignment).
# Either holds the skeletons, the READMEs (a top-level one saying what
# to do), the hints, the grader and tests, the scenario engine, the CLI
# and the other views, the visualizer sources, slub.h and
# handout/slub_observe.c, the observation layer. Neither slub.nw nor
# generated/slub.c is in it; the script checks that no solution chunk of
# a handed-out exercise made it in. It builds and grades with gcc, make
# and bash (the visualizer needs SDL2, as the project does).
set -euo pipefail
. exercises/scripts/common.sh
out=$1 one=${2:-}
if [ -n "$one" ]; then
	ex_dir "$one" >/dev/null
	exs=$one name=slub-ex$one
else
	exs=$(ex_all) name=slub-exercises
fi
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
top=$stage/$name
mkdir -p "$top/generated" "$top/handout"
tangle_ex "${one:-all}" "$top/handout/slub.c"
# slub.nw is not in the handout: drop the #line directives into it
sed -i '/^#line [0-9]* "slub.nw"$/d' "$top/handout/slub.c"
if [ -n "$one" ]; then
	sed -i "1i /* The SLUB Book, handout of exercise $one: the book's allocator without\\n * the part exercise $one asks for. Each #include of an ex$one file below is\\n * a student file, found in work/ or in exercises/$(basename "$(ex_dir "$one")")/student. */" "$top/handout/slub.c"
else
	sed -i '1i /* The SLUB Book, exercise handout: the allocator without the parts\n * the exercises ask for. Each #include of an exNN file below is a\n * student file, found in work/NN-name/ or exercises/NN-name/student. */' "$top/handout/slub.c"
fi
# slub.nw is not in the handout: its headers lose their #line directives
# too, or a macro's error would point into it
for h in slub.h slub_internal.h slub_protos.h slub_observe_protos.h slub_sections.h; do
	sed '/^#line [0-9]* "slub.nw"$/d' "generated/$h" >"$top/generated/$h"
done
# the observation layer (events, snapshots, the invariant checker): the
# book's, no exercise is in it
sed '/^#line [0-9]* "slub.nw"$/d' generated/slub_observe.c >"$top/handout/slub_observe.c"
mkdir -p "$top/scenario" "$top/tools" "$top/viz" "$top/exercises/scripts"
cp scenario/*.c scenario/*.h "$top/scenario/"
cp tools/*.c tools/*.h "$top/tools/"
cp viz/*.c viz/*.h "$top/viz/" 2>/dev/null || true
cp -r viz/scenarios "$top/viz/" 2>/dev/null || true
cp exercises/grade.c exercises/grade.h exercises/feedback.c exercises/feedback.h "$top/exercises/"
for ex in $exs; do grep "^$ex|" $EXDIR/targets.txt; done >"$top/exercises/targets.txt"
for ex in $exs; do
	d=$(ex_dir "$ex")
	mkdir -p "$top/$d/student"
	cp "$d/README.md" "$d/tests.c" "$top/$d/"
	[ -d "$d/hints" ] && cp -r "$d/hints" "$top/$d/"
	for f in $(ex_files "$ex"); do
		bash $EXDIR/scripts/skeleton.sh "$f" >"$top/$d/student/$f"
	done
done
cp exercises/scripts/handout.mk "$top/Makefile"
cp exercises/scripts/handout-grade.sh "$top/exercises/scripts/grade.sh"
cp exercises/scripts/common.sh exercises/scripts/start.sh exercises/scripts/hint.sh \
	exercises/scripts/limit.sh "$top/exercises/scripts/"
bash exercises/scripts/handout-readme.sh "$one" >"$top/README.md"
[ -f LICENSE ] && cp LICENSE "$top/"

# No solution in readable form: no five consecutive lines of a solution
# chunk of a handed-out exercise (the bug hunt's files are given) appear
# in any file.
leak=0
sol=$(mktemp)
while IFS='|' read -r ex f kind _ cname; do
	[ "$kind" = bug ] && continue
	chunk "$cname" >"$sol"
	if ! find "$top" -type f \( -name '*.c' -o -name '*.h' -o -name '*.md' -o -name '*.txt' \) -print0 |
		xargs -0 awk -f $EXDIR/scripts/leakcheck.awk "$sol" >&2; then
		echo "handout: solution text of <<$cname>> found" >&2
		leak=1
	fi
done < <(for ex in $exs; do ex_targets "$ex"; done)
rm -f "$sol"
[ $leak = 0 ] || exit 1
# nothing points into slub.nw, which the handout does not have
if grep -l '^#line [0-9]* "slub.nw"' -r "$top" >&2; then
	echo "handout: #line directives into slub.nw left in the files above" >&2
	exit 1
fi
[ ! -e "$top/slub.nw" ] && [ ! -e "$top/generated/slub.c" ]
tar -C "$stage" -czf "$out" "$name"
echo "handout: wrote $out ($(tar -tzf "$out" | wc -l) files)"
