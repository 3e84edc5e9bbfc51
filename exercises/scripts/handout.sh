#!/usr/bin/env bash
# handout.sh OUT.tar.gz: the students' handout. It holds the skeletons,
# the READMEs, the grader and tests, the scenario engine, the CLI and
# the other views, the visualizer sources, slub.h, and handout/slub.c: the allocator
# tangled from slub.nw with EVERY exercise's chunks replaced by the
# #include of the student files, and handout/slub_observe.c, the
# observation layer. Neither slub.nw nor generated/slub.c
# is in it; the script checks that no solution chunk made it in.
set -euo pipefail
. exercises/scripts/common.sh
out=$1
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
top=$stage/slub-exercises
mkdir -p "$top/generated" "$top/handout"
tangle_ex all "$top/handout/slub.c"
# slub.nw is not in the handout: drop the #line directives into it
sed -i '/^#line [0-9]* "slub.nw"$/d' "$top/handout/slub.c"
sed -i '1i /* The SLUB Book, exercise handout: the allocator without the parts\n * the exercises ask for. Each #include of an exNN file below is a\n * student file, found in the directory exercises/NN-name/student. */' "$top/handout/slub.c"
cp generated/slub.h generated/slub_internal.h generated/slub_protos.h \
	generated/slub_observe_protos.h generated/slub_sections.h "$top/generated/"
# the observation layer (events, snapshots, the invariant checker): the
# book's, no exercise is in it
sed '/^#line [0-9]* "slub.nw"$/d' generated/slub_observe.c >"$top/handout/slub_observe.c"
mkdir -p "$top/scenario" "$top/tools" "$top/viz" "$top/exercises/scripts"
cp scenario/*.c scenario/*.h "$top/scenario/"
cp tools/*.c tools/*.h "$top/tools/"
cp viz/*.c viz/*.h "$top/viz/" 2>/dev/null || true
cp -r viz/scenarios "$top/viz/" 2>/dev/null || true
cp exercises/README.md exercises/grade.c exercises/grade.h exercises/targets.txt "$top/exercises/"
for ex in $(ex_all); do
	d=$(ex_dir "$ex")
	mkdir -p "$top/$d/student"
	cp "$d/README.md" "$d/tests.c" "$top/$d/"
	for f in $(ex_files "$ex"); do
		bash $EXDIR/scripts/skeleton.sh "$f" >"$top/$d/student/$f"
	done
done
cp exercises/scripts/handout.mk "$top/Makefile"
cp exercises/scripts/handout-grade.sh "$top/exercises/scripts/grade.sh"
[ -f LICENSE ] && cp LICENSE "$top/"

# No solution in readable form: no five consecutive lines of a solution
# chunk (the bug hunt's files are given) appear in any file.
leak=0
sol=$(mktemp)
while IFS='|' read -r ex f kind _ name; do
	[ "$kind" = bug ] && continue
	chunk "$name" >"$sol"
	if ! find "$top" -type f \( -name '*.c' -o -name '*.h' -o -name '*.md' \) -print0 |
		xargs -0 awk -f $EXDIR/scripts/leakcheck.awk "$sol" >&2; then
		echo "handout: solution text of <<$name>> found" >&2
		leak=1
	fi
done < <(ex_targets all)
rm -f "$sol"
[ $leak = 0 ] || exit 1
[ ! -e "$top/slub.nw" ] && [ ! -e "$top/generated/slub.c" ]
tar -C "$stage" -czf "$out" slub-exercises
echo "handout: wrote $out ($(tar -tzf "$out" | wc -l) files)"
