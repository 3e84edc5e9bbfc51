#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# overfull.sh LOG [LIMIT_PT [BODY NW]]: list the overfull \hbox warnings of a
# LaTeX log; with BODY (the woven slub-body.tex) and NW (slub.nw) each code
# line is also found in the source and named by its line there.
# A box whose text starts in typewriter (cmtt: code chunks, verbatim) and
# sticks out by more than LIMIT_PT (default 2pt) pushes code past the margin,
# towards the edge of the page: those are counted and make the exit status 1.
# Overfull prose is only listed.
set -euo pipefail
log=$1
limit=${2:-2}
body=${3:-}
nw=${4:-}
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
set +e
awk -v limit="$limit" -v body="$body" -v tmp="$tmp" '
/^Overfull \\hbox/ {
	pt = $0; sub(/^Overfull \\hbox \(/, "", pt); sub(/pt too wide.*/, "", pt)
	where = $0; sub(/.*too wide\) /, "", where)
	getline text
	while (text == "" && (getline text) > 0)
		;
	# a line of code (a chunk line, verbatim) starts with its indentation
	# box [] and then typewriter; prose in another font, or in the middle
	# of a paragraph (no [])
	font = text
	if (match(font, /\\[A-Z0-9]+\/[a-z]+/))
		font = substr(font, RSTART, RLENGTH)
	kind = (text ~ /^ *\[\]/ && font ~ /\/cmtt$/) ? "code" : "text"
	if (kind == "code" && pt + 0 > limit) {
		bad++
		printf "book: overfull code line, %.1fpt too wide, %s:\n   %s\n", pt, where, substr(text, 1, 100)
		if (body != "") {
			line = where; sub(/^in paragraph at lines /, "", line); sub(/--.*/, "", line)
			print line > (tmp)
		}
	} else if (kind == "text" && pt + 0 > 10) {
		prose++
		printf "book: note: overfull text, %.1fpt too wide, %s\n", pt, where
	}
}
END {
	printf "book: %d overfull code lines over %spt, %d overfull text lines over 10pt\n", bad, limit, prose
	exit bad > 0
}' "$log"
status=$?
# The source of each overfull code line: the woven line without noweb's
# markup, looked up in the .nw.
if [ -n "$body" ] && [ -n "$nw" ] && [ -s "$tmp" ]; then
	while read -r n; do
		code=$(sed -n "${n}p" "$body" | perl -pe '
			s/\\nwlinkedident[qc]\{((?:[^{}]|\{[^{}]*\})*)\}\{[^}]*\}/$1/g;
			s/\\nwindexdefn.*//; s/\\nwindexuse.*//;
			s/\{\\_\}/_/g; s/\\([{}])/$1/g; s/\\\\/\\/g;
			s/\s+$//')
		cols=${#code}
		code=$(sed 's/^[[:space:]]*//' <<<"$code")
		src=$(grep -n -F -- "$code" "$nw" | head -n 1 | cut -d: -f1)
		[ -n "$src" ] || src=$(grep -n -F -- "${code:0:40}" "$nw" |
			head -n 1 | cut -d: -f1)
		echo "book: ${nw}:${src:-?}: $cols columns: $code"
	done <"$tmp"
fi
exit $status
