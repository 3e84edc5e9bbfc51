#!/usr/bin/env bash
# hint.sh NN: print the next hint of exercise NN that the student has not
# opened yet (exercises/NN-name/hints/1.txt, 2.txt, 3.txt: where to read,
# the algorithm in words, the kernel functions involved). The number
# opened is kept in the work folder (work/NN-name/.hints). A reference
# [sec:LABEL] in a hint becomes the section's number and title, from the
# generated table of sections (generated/slub_sections.h).
set -euo pipefail
. exercises/scripts/common.sh
[ $# = 1 ] && [ -n "$1" ] || die "usage: make hint EX=NN (NN: $(ex_all | tr '\n' ' '))"
ex=$1
dir=$(ex_dir "$ex")
n=$(ls "$dir"/hints/[0-9].txt 2>/dev/null | wc -l)
[ "$n" -gt 0 ] || die "exercise $ex has no hints"
w=$(work_dir "$ex")
mkdir -p "$w"
state=$w/.hints
seen=$(cat "$state" 2>/dev/null || echo 0)
[[ $seen =~ ^[0-9]+$ ]] || seen=0
if [ "$seen" -ge "$n" ]; then
	echo "Exercise $ex: all $n hints are open; the last one again:"
	next=$n
else
	next=$((seen + 1))
	echo "$next" >"$state"
	echo "Exercise $ex, hint $next of $n:"
fi
echo
table=${SECTIONS_H:-generated/slub_sections.h}
# [sec:LABEL] -> section N "Title" (the first entry of the label)
awk -v table="$table" '
BEGIN {
	while ((getline l < table) > 0) {
		if (match(l, /"[0-9.]+", "sec:[^"]+",?/)) {
			split(substr(l, RSTART, RLENGTH), f, "\"")
			num = f[2]; lab = f[4]
			getline t < table
			sub(/^[ \t]*"/, "", t); sub(/" *},? *$/, "", t)
			if (!(lab in title)) { title[lab] = t; number[lab] = num }
		}
	}
}
{
	while (match($0, /\[sec:[a-z0-9-]+\]/)) {
		lab = substr($0, RSTART + 1, RLENGTH - 2)
		rep = (lab in title) ? "section " number[lab] " \"" title[lab] "\"" : "the section labelled " lab
		$0 = substr($0, 1, RSTART - 1) rep substr($0, RSTART + RLENGTH)
	}
	print "  " $0
}' "$dir/hints/$next.txt" | fmt -w 72
echo
if [ "$next" -lt "$n" ]; then
	echo "(make hint EX=$ex again for hint $((next + 1)) of $n)"
fi
