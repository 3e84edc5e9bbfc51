#!/usr/bin/env bash
# skeleton.sh FILE: print the student skeleton of FILE (a student file
# named in exercises/targets.txt), generated from slub.nw:
#   kind fn    each function of the solution chunk keeps its signature; its
#              body becomes a stub that stops with EXERCISE_TODO
#   kind frag  the statements become a stub; the comment in skel/FILE.head
#              says which variables are in scope and what must hold after
#   kind bug   the solution chunk with the planted bug of bug.sed
# Every skeleton starts with the comment of skel/FILE.head.
# Run from the top of the repository.
set -euo pipefail
. exercises/scripts/common.sh
file=$1
line=$(grep "^[0-9]*|$file|" $EXDIR/targets.txt) || die "unknown student file $file"
IFS='|' read -r ex _ kind extra name <<<"$line"
dir=$(ex_dir "$ex")
head=$dir/skel/$file.head
[ -f "$head" ] || die "missing $head"
code=$(chunk "$name") || die "no chunk <<$name>> in slub.nw"

echo "/* SPDX-License-Identifier: GPL-2.0-only */"
echo "/*"
sed -e 's/^/ * /' -e 's/ *$//' "$head"
echo " *"
echo " * Generated from slub.nw <<$name>>"
echo " * by exercises/scripts/skeleton.sh."
echo " */"
if [ "$kind" != bug ]; then
	cat <<'MACRO'
#ifndef EXERCISE_TODO
#define EXERCISE_TODO(what)						\
	do {								\
		fprintf(stderr, "exercise: %s is not written yet\n", what); \
		abort();						\
	} while (0)
#endif
MACRO
fi
case $kind in
fn)
	printf '%s\n' "$code" |
		awk -v extra="$extra" -f $EXDIR/scripts/stub-functions.awk
	;;
frag)
	ind=$(printf '%s\n' "$code" | grep -m1 -o '^[[:space:]]*')
	printf '%s/* TODO: write this part (see above). */\n' "$ind"
	printf '%sEXERCISE_TODO("%s");\n' "$ind" "$file"
	if [ -n "$extra" ]; then
		printf '%s/* stub lines: remove them when you write the code */\n' "$ind"
		printf '%s\n' "$extra" | sed -e 's/\\n/\n/g' -e 's/\\t/\t/g' | sed "s/^/$ind/"
	fi
	;;
bug)
	printf '%s\n' "$code" | sed -f "$dir/bug.sed"
	;;
*)
	die "unknown kind $kind for $file"
	;;
esac
