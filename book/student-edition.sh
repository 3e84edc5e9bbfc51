#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# student-edition.sh OUT.nw: the student edition's source: slub.nw with
# the code of every exercise target chunk (exercises/targets.txt) replaced
# by a box that states the exercise's contract (the comment at the top of
# its skeleton, exercises/NN-name/skel/FILE.head) and names the
# exercise's directory. The chunk keeps its name and its place, so the
# chunks that use it still read as the book's. Run from the top of the
# repository.
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
# a chunk definition: <<NAME>>=
/^<<.*>>=[ \t]*$/ {
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
/^@( |$)/ { skipping = 0 }
!skipping { print }
' slub.nw >"$out.tmp"
mv "$out.tmp" "$out"
