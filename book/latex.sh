#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# latex.sh DIR [JOB]: run pdflatex on DIR/JOB.tex (default slub) until the
# cross references, the contents and noweb's chunk numbers are stable (at
# most 5 runs), with bibtex after the first run when the text cites
# anything. No shell escape, no network. On an error, point at the line of
# the source.
set -euo pipefail
dir=$1
job=${2:-slub}
cd "$dir"
runs=0
sum_prev=
# From scratch the first run only writes the .aux: no PDF (draft mode).
draft=
[ -s $job.aux ] || draft=-draftmode
while :; do
	runs=$((runs + 1))
	if ! pdflatex $draft -interaction=nonstopmode -halt-on-error \
			-no-shell-escape $job.tex >/dev/null 2>&1; then
		echo "book: error: pdflatex failed (run $runs); from $dir/$job.log:" >&2
		grep -A 8 '^!' $job.log | head -n 14 >&2 || tail -n 30 $job.log >&2
		# Point at the source: the woven line, and the lines of the .nw
		# that hold the same words.
		n=$(sed -n 's/^l\.\([0-9]*\) .*/\1/p' $job.log | head -n 1)
		if [ -n "$n" ] && [ -f slub-body.tex ]; then
			line=$(sed -n "${n}p" slub-body.tex)
			echo "book: woven line $n: $line" >&2
			# the longest run of plain text on the line
			frag=$(awk '{ n = split($0, p, /[\\{}$]/); b = "";
				for (i = 1; i <= n; i++)
					if (length(p[i]) > length(b)) b = p[i];
				gsub(/^ +| +$/, "", b); print b }' <<<"$line")
			if [ ${#frag} -ge 8 ] && [ -n "${BOOK_NW:-}" ]; then
				grep -n -F -- "$frag" "$OLDPWD/$BOOK_NW" | head -n 3 |
					sed "s|^|book: $BOOK_NW:|" >&2
			fi
		fi
		exit 1
	fi
	# The references: bibtex once, after the first run has written the
	# citations into the .aux.
	if [ $runs -eq 1 ] && grep -q '^\\citation' $job.aux; then
		# exit status 1 is warnings only, 2 and more errors
		rc=0
		bibtex -terse $job >$job.blg.out 2>&1 || rc=$?
		if [ $rc -ge 2 ]; then
			echo "book: error: bibtex failed; from $dir/$job.blg:" >&2
			cat $job.blg.out >&2
			exit 1
		fi
	fi
	sum=$(cat $job.aux $job.toc $job.out $job.bbl 2>/dev/null | md5sum)
	if [ "$sum" = "$sum_prev" ] &&
	   ! grep -q 'Rerun to get\|Label(s) may have changed' $job.log; then
		break
	fi
	if [ $runs -ge 5 ]; then
		echo "book: warning: references still changing after $runs runs" >&2
		break
	fi
	sum_prev=$sum
	draft=
done
pages=$(sed -n "s/^Output written on $job.pdf (\([0-9]*\) pages.*/\1/p" $job.log)
echo "book: $job.pdf, ${pages:-?} pages, $runs pdflatex runs"
