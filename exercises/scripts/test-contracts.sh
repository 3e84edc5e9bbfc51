# test-contracts.sh: sourced by test-exercises.sh (which defines ok, bad,
# $files/ref with the reference files, $files/skel with the skeletons,
# $B_EX). Checks, for every exercise:
#   - contracts, not recipes: at most a quarter of the distinct functions
#     and macros the reference calls are named in its skeletons and
#     README (the bug hunt: in its README; its files are given);
#   - three hints, each non-empty, and make hint opens them in order and
#     remembers the count in the work folder;
#   - the work folder: start.sh copies the skeletons, never replaces a
#     file that is there, and the grader reads the work folder.
echo "== contracts and hints"
for ex in $(ex_all); do
	dir=$(ex_dir "$ex")
	kind=$(ex_targets "$ex" | head -1 | cut -d'|' -f3)
	sk=$files/skel
	[ "$kind" = bug ] && sk=-
	if out=$(perl $EXDIR/scripts/contract-check.pl "$ex" "$files/ref" "$sk" \
		"$dir/README.md" $(ex_files "$ex")); then
		ok "contract only: $out"
	else
		bad "recipe: $out"
	fi
	nh=0
	for h in 1 2 3; do
		[ -s "$dir/hints/$h.txt" ] && nh=$((nh + 1))
	done
	if [ $nh = 3 ] && [ ! -e "$dir/hints/4.txt" ]; then
		ok "exercise $ex has three hints"
	else
		bad "exercise $ex has $nh non-empty hints of 1.txt 2.txt 3.txt"
	fi
done
wk=$(mktemp -d)
h1=$(WORK_DIR=$wk bash $EXDIR/scripts/hint.sh 05 2>&1)
h2=$(WORK_DIR=$wk bash $EXDIR/scripts/hint.sh 05 2>&1)
if [[ $h1 == *"hint 1 of 3"* ]] && [[ $h2 == *"hint 2 of 3"* ]] &&
	[ "$(cat "$wk/05-fastpath/.hints")" = 2 ] && [[ $h1 != *"[sec:"* ]]; then
	ok "make hint opens the hints in order, remembers them, resolves section labels"
else
	bad "make hint: $h1 $h2"
fi
# A student mid-exercise: the work folder holds a file being edited
# (here the reference of exercise 01, so the grade shows it was read);
# starting again keeps it.
if WORK_DIR=$wk bash $EXDIR/scripts/start.sh 01 >/dev/null &&
	cmp -s "$wk/01-freepointer/ex01_freepointer.c" "$(ex_dir 01)/student/ex01_freepointer.c" &&
	cp "$files/ref/ex01_freepointer.c" "$wk/01-freepointer/" &&
	[[ $(WORK_DIR=$wk bash $EXDIR/scripts/start.sh 01) == *"kept "* ]] &&
	cmp -s "$files/ref/ex01_freepointer.c" "$wk/01-freepointer/ex01_freepointer.c"; then
	ok "make start copies the skeletons and never replaces a student's file"
else
	bad "make start"
fi
s=$(WORK_DIR=$wk B_EX=$B_EX/t/work bash $EXDIR/scripts/grade.sh --ex 01 2>&1 | sed -n 's/^Score: //p' | tail -1)
if [ -n "$s" ] && [ "${s%/*}" = "${s#*/}" ]; then
	ok "the grader reads the work folder (the reference there scores $s)"
else
	bad "the grader does not read the work folder: scores ${s:-nothing}"
fi
rm -rf "$wk"
