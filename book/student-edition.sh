#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# student-edition.sh OUT.nw: the student edition's source: slub.nw with
# the code of every exercise target chunk (exercises/targets.txt) replaced
# by a box that states the exercise's contract (the comment at the top of
# its skeleton, exercises/NN-name/skel/FILE.head) and names the
# exercise's directory. The chunk keeps its name and its place, so the
# chunks that use it still read as the book's. Prose that tells an
# exercise's steps is marked in slub.nw by the LaTeX comment lines
# %answerprose-begin and %answerprose-end (in documentation only, so the
# full edition is unchanged): the student edition prints a one-line note
# in its place. A marker in a code chunk, a chunk inside the markers or
# markers that do not pair are an error naming the line. Run from the top
# of the repository.
set -euo pipefail
out=$1
map=$(mktemp)
trap 'rm -f "$map"' EXIT
# NAME <tab> HEAD FILE <tab> DIRECTORY <tab> EX <tab> KIND
grep -v '^#' exercises/targets.txt | grep -v '^ *$' |
while IFS='|' read -r ex f kind _ name; do
	dir=$(ls -d exercises/"$ex"-*)
	printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$dir/skel/$f.head" "$dir" "$ex" "$kind"
done >"$map"
awk -F'\t' -v map="$map" '
BEGIN {
	while ((getline l < map) > 0) {
		split(l, f, "\t")
		head[f[1]] = f[2]; dir[f[1]] = f[3]; ex[f[1]] = f[4]
		kind[f[1]] = f[5]
	}
}
function fail(msg) {
	printf "slub.nw:%d: %s\n", FNR, msg > "/dev/stderr"
	failed = 1
	exit 1
}
/^%answerprose-begin[ \t]*$/ {
	if (incode) fail("%answerprose-begin inside a code chunk")
	if (prose) fail("%answerprose-begin inside another; expected %answerprose-end first")
	prose = FNR
	print "\\emph{[The student edition leaves out a paragraph here: it tells" \
	      " step by step what an exercise asks you to work out.]}"
	next
}
/^%answerprose-end[ \t]*$/ {
	if (!prose) fail("%answerprose-end without %answerprose-begin")
	prose = 0
	next
}
prose && /^<<.*>>=[ \t]*$/ {
	fail("a chunk inside %answerprose (begun at line " prose "): markers go around prose only")
}
prose { next }
# a chunk definition: <<NAME>>=
/^<<.*>>=[ \t]*$/ {
	incode = 1
	name = $0
	sub(/^<</, "", name); sub(/>>=[ \t]*$/, "", name)
	print
	skipping = (name in head)
	if (skipping && !(name in done)) {
		done[name] = 1
		print "/*"
		print " * Yours to write: " dir[name] "/."
		if (kind[name] == "bug")
			print " * (The bug hunt: the code is in the exercise, with a bug.)"
		print " *"
		while ((getline h < head[name]) > 0)
			print (h == "" ? " *" : " * " h)
		close(head[name])
		print " */"
	}
	next
}
# the end of a code chunk: a line starting with @ (documentation follows)
/^@( |$)/ { skipping = 0; incode = 0 }
!skipping { print }
END {
	if (!failed && prose)
		printf "slub.nw:%d: %%answerprose-begin without %%answerprose-end\n", prose > "/dev/stderr"
	if (failed || prose)
		exit 1
}
' slub.nw >"$out.tmp"
mv "$out.tmp" "$out"
