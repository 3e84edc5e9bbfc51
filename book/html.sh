#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# html.sh OUTDIR [OUTLINE]: weave slub.nw into OUTDIR/index.html with
# noweave's HTML back end and l2h (the LaTeX of the documentation chunks to
# HTML), the section numbers of the PDF (from OUTLINE, its slub.out), a
# table of contents by htmltoc (nested by book/toc-nest.pl), and book.css. The figures (fig-NAME.svg) are
# put into OUTDIR by book/figures.sh.
set -euo pipefail
out=$1
mkdir -p "$out"
tmp="$out/index.raw.html"
noweave -filter 'sed -f book/html-endquote.sed' -filter l2h -autodefs c -filter 'sed -E -f book/index-drop.sed' -index -html book/html-macros.nw "${BOOK_NW:-slub.nw}" \
	>"$tmp" 2>"$out/l2h.log" || {
	cat "$out/l2h.log" >&2
	exit 1
}
if [ -s "$out/l2h.log" ]; then
	sed 's/^/book: html: /' "$out/l2h.log" >&2
fi
perl book/number-html.pl "${2:-}" <"$tmp" >"$tmp.num"
mv "$tmp.num" "$tmp"
# The contents by htmltoc; book/toc-nest.pl then drops the empty levels it
# opens when a heading steps down more than one level (a \paragraph* under
# a \section*), so each entry sits one level under its heading.
htmltoc "$tmp" | perl book/toc-nest.pl >"$out/index.toc.html"
# The head: a title, the character set and the style sheet. l2h marks every
# \label with a visible [*]: keep the anchor, drop the mark.
sed -e 's|<title>[^<]*</title>|<title>The SLUB Book</title>|' \
    -e 's|<head>|<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="book.css">|' \
    -e 's|\(<a name="[^"]*">\)<b>\[\*\]</b></a>|\1</a>|g' \
    "$out/index.toc.html" >"$out/index.html"
# Number the figures as LaTeX does, in the order of the source: the
# caption reads "Figure N." and \ref{fig:NAME}, which l2h shows as [->] or
# [<-], reads N.
n=0
for name in $(grep -o '\\slub\(wide\)\?figure{[^}]*}' "${BOOK_NW:-slub.nw}" |
		sed 's/.*{//; s/}$//'); do
	n=$((n + 1))
	sed -i -e "s|\(<a name=\"fig:$name\"></a><img [^>]*><p class=\"caption\"><b>Figure\)\.</b>|\1 $n.</b>|" \
	    -e "s|<a href=\"#fig:$name\">\[[^]]*\]</a>|<a href=\"#fig:$name\">$n</a>|g" \
	    "$out/index.html"
done
# Section references: \ref{sec:LABEL}, which l2h also shows as an arrow,
# reads the number LaTeX gives the section; scripts/sections.pl computes
# it from the sectioning commands (and test-book checks it against the
# PDF's). One sed script for all labels.
secs=$(mktemp)
perl scripts/sections.pl --list "${BOOK_NW:-slub.nw}" |
	awk -F'\t' '$2 != "" { printf "s|<a href=\"#%s\">\\[[^]]*\\]</a>|<a href=\"#%s\">%s</a>|g\n", $2, $2, $1 }' \
	>"$secs"
sed -i -f "$secs" "$out/index.html"
rm -f "$secs"
rm -f "$tmp" "$out/index.toc.html"
# Citations as in the PDF, the references, and headings for the indexes.
perl book/bib-html.pl book/slub.bib "$out/index.html"
cp book/book.css "$out/book.css"
echo "book: $out/index.html"
