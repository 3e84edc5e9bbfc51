#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# test-book.sh B: build The SLUB Book from scratch, time it and check both
# editions. Ends with "N passed, N failed"; exits 1 if anything failed.
#
#   - the book builds; its CPU and wall time are reported (with the programs
#     built and the players' frames cached first). Speed is not a test: only
#     when BOOK_TIME_LIMIT=N is set (on an idle machine) does a build slower
#     than N seconds fail
#   - slub_snapshot_write_dot() on hand-built snapshots (book/test_snapshot_dot.c)
#   - every name of book/seed-sections.txt is a numbered section title, in the
#     PDF outline (the bookmarks hyperref writes, slub.out) and in the text
#     of the PDF (pdftotext)
#   - no undefined reference or chunk, no "??" in the text, no dangling link
#   - the generated function -> section table matches the book's numbers
#   - every \slubfigure of slub.nw is in book/figures.txt and was generated,
#     is referenced by \ref{fig:NAME}, and prints its labels at 7 pt or more
#   - every page is portrait: none is landscape or rotated, no figure sideways
#   - no page is less than half full except where a part ends
#     (book/page-fill.sh)
#   - the chunk index and the identifier index are in the PDF; the identifier
#     index lists no C keyword or type, no "never used" definition, each
#     chunk once per identifier, in two columns
#   - no chunk before the appendices is longer than 60 lines
#   - every citation has an entry in book/slub.bib and resolves in the PDF
#     and in the HTML
#   - 3 to 5 questions end a part that has them; the teacher edition
#     (slub-teacher.pdf) answers every one, the PDF none
#   - no code line sticks out past the margin (book/overfull.sh)
#   - noroots shows only the intended root chunks
#   - the HTML: every image file exists, every #link has its anchor, and
#     headless Chromium loads every image and finds every link target; the
#     contents nest each entry one level under its heading
#   - the step players in headless Chromium (book/check-players.js): next
#     and the arrow keys change the frame and the events, every frame loads,
#     #scenario=NAME&step=N opens a player at that step
set -uo pipefail
B=${1:-build}
OUT=$B/book
HTML=$OUT/html
LIMIT=${BOOK_TIME_LIMIT:-}
NW=${BOOK_NW:-slub.nw}
MAKE=${MAKE:-make}
pass=0
fail=0

ok() {
	pass=$((pass + 1))
	echo "PASS: $*"
}
bad() {
	fail=$((fail + 1))
	echo "FAIL: $*"
}
finish() {
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
	exit
}

# ---------------------------------------------------------------- build
# The limit applies to the CPU time (user + system, all processes): on an
# idle machine it is about the wall time, and unlike the wall time it does
# not grow when other jobs share the two CPUs. Both are reported.
rm -rf "$OUT"
mkdir -p "$B"
# The programs that draw the figures are built first, outside the time.
tools=("$B/slub")
grep -qs '^shot' book/figures.txt && tools+=("$B/slubviz")
if [ "${BOOK_MISSING_FIGS:-error}" != warn ]; then
	$MAKE --no-print-directory "${tools[@]}" >"$B/book-tools.log" 2>&1 ||
		echo "     (building ${tools[*]} failed: see $B/book-tools.log)"
fi
# The step players' frames are a cache of what the programs draw
# ($B/book-frames, keyed by the programs and the scenario): like the
# programs, they are made before the build is timed, and what that cost
# is reported.
TIMEFORMAT='%R %U %S'
if [ -x "$B/slub" ] && [ -x "$B/slubviz" ]; then
	{ time PLAYERS_RENDER_ONLY=1 bash book/players.sh "$B" "$OUT/html" \
		>"$B/book-frames.log" 2>&1; } 2>"$B/book-frames-time.txt" || true
	read -r fwall fuser fsys <"$B/book-frames-time.txt" || fwall=0 fuser=0 fsys=0
	echo "     ($(grep -o '[0-9]* rendered now' "$B/book-frames.log" || echo '? rendered') before the timed build:" \
		"$(awk -v u="$fuser" -v s="$fsys" 'BEGIN { printf "%.1f", u + s }') s of CPU time)"
	rm -rf "$OUT"
fi
if { time $MAKE --no-print-directory book >"$B/book-build.log" 2>&1; } \
		2>"$B/book-time.txt"; then
	built=1
else
	built=0
fi
read -r wall user sys <"$B/book-time.txt" || wall=0 user=0 sys=0
cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", u + s }')
load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')
if [ $built -eq 1 ]; then
	ok "make book (log in $B/book-build.log)"
else
	bad "make book failed; the end of $B/book-build.log:"
	tail -n 25 "$B/book-build.log" | sed 's/^/    /'
fi
# BOOK_TIME_CLOCK=wall puts the limit on the wall time instead.
measured=$cpu
[ "${BOOK_TIME_CLOCK:-cpu}" = wall ] && measured=$wall
if [ $built -eq 0 ]; then
	bad "no build time: the build failed"
elif [ -z "$LIMIT" ]; then
	echo "INFO: the book builds in ${cpu} s of CPU time, ${wall} s wall time (load average $load)"
	ok "the book builds"
elif awk -v c="$measured" -v l="$LIMIT" 'BEGIN { exit !(c < l) }'; then
	ok "the book builds in ${cpu} s of CPU time, ${wall} s wall time (limit $LIMIT s of ${BOOK_TIME_CLOCK:-cpu} time; load average $load)"
else
	bad "the book takes ${cpu} s of CPU time to build, ${wall} s wall time (limit $LIMIT s of ${BOOK_TIME_CLOCK:-cpu} time; load average $load)"
fi

# ---------------------------------------------------------------- snapshot_dot
mkdir -p "$OUT"
if ${CC:-gcc} -std=gnu11 -Wall -Wextra -Werror -g -D_GNU_SOURCE -Igenerated -Itools \
		book/test_snapshot_dot.c tools/snapshot_dot.c tools/palette.c \
		-o "$OUT/test_snapshot_dot" 2>"$OUT/test_snapshot_dot.log" &&
   "$OUT/test_snapshot_dot" "$OUT/test-snapshot.dot" \
		>>"$OUT/test_snapshot_dot.log" 2>&1 &&
   dot -Tsvg "$OUT/test-snapshot.dot" -o "$OUT/test-snapshot.svg" \
		2>>"$OUT/test_snapshot_dot.log" &&
   [ ! -s "$OUT/test_snapshot_dot.log" ]; then
	ok "slub_snapshot_write_dot on hand-built snapshots; dot draws it"
else
	bad "slub_snapshot_write_dot on hand-built snapshots:"
	sed 's/^/    /' "$OUT/test_snapshot_dot.log"
fi

# ---------------------------------------------------------------- chunks
expected=$(printf '%s\n' '<<slub.c>>' '<<slub.h>>' '<<[[slub_internal.h]]>>' '<<[[slub_observe.c]]>>' | sort)
actual=$(noroots "$NW" | sort)
if [ "$actual" = "$expected" ]; then
	ok "noroots shows only the four roots: <<slub.c>>, <<slub_observe.c>>, <<slub_internal.h>>, <<slub.h>>"
else
	bad "noroots shows other roots (unused chunks):" $(comm -13 \
		<(echo "$expected") <(echo "$actual"))
fi

if [ ! -s "$OUT/slub.pdf" ]; then
	bad "no $OUT/slub.pdf: the PDF checks cannot run"
	finish
fi

# ---------------------------------------------------------------- sections
pdftotext "$OUT/slub.pdf" "$OUT/slub.txt"
# The outline: hyperref's slub.out, one \BOOKMARK per section; titles are
# PDF strings (octal escapes, maybe UTF-16) decoded to plain text here.
perl -ne 'next unless /^\\BOOKMARK \[\d+\]\[[^]]*\]\{[^}]*\}\{(.*)\}\{[^}]*\}%/;
	$t = $1; $t =~ s/\\([0-7]{3})/chr(oct($1))/ge; $t =~ s/\\(.)/$1/g;
	$t =~ s/^\xfe\xff//; $t =~ s/\x00//g; print "$t\n"' \
	"$OUT/slub.out" >"$OUT/outline.txt" 2>/dev/null
# pdftotext output with the lines joined, to find titles that wrap.
tr '\n' ' ' <"$OUT/slub.txt" | tr -s ' ' >"$OUT/slub.flat.txt"
missing=()
while read -r kind text; do
	case $kind in '' | '#'*) continue ;; esac
	re="(^|[^A-Za-z0-9_])${text}([^A-Za-z0-9_]|\$)"
	title=$(grep -E '^[0-9]+(\.[0-9]+)* ' "$OUT/outline.txt" |
		grep -E -m 1 -- "$re" || true)
	if [ -z "$title" ]; then
		missing+=("$text")
		bad "no numbered section is titled with $kind $text"
		continue
	fi
	if ! grep -qF -- "$title" "$OUT/slub.flat.txt"; then
		missing+=("$text")
		bad "section \"$title\" is in the outline but not in the PDF text"
		continue
	fi
	ok "section \"$title\""
done <book/seed-sections.txt
if [ ${#missing[@]} -gt 0 ]; then
	echo "     (${#missing[@]} names of book/seed-sections.txt title no section: ${missing[*]})"
fi

# ---------------------------------------------------------------- numbers
# The function -> section table (generated/slub_sections.h) and the numbers
# scripts/sections.pl computes are those LaTeX gave the book; every
# numbered heading has a \label.
if perl scripts/check-sections.pl --aux "$OUT/slub.aux" >"$OUT/check-sections.txt" 2>&1; then
	ok "section numbers: $(tail -n 2 "$OUT/check-sections.txt" | head -n 1 | sed 's/^ *//')"
else
	bad "section numbers differ from the book's:"
	grep '^FAIL' "$OUT/check-sections.txt" | head -n 10 | sed 's/^/    /'
fi

# ---------------------------------------------------------------- references
undef=$(grep -c "Reference .* undefined\|There were undefined references\|Citation .* undefined" \
	"$OUT/slub.log")
if [ "$undef" -eq 0 ]; then
	ok "no undefined references in the LaTeX log"
else
	bad "$undef undefined references in the LaTeX log:"
	grep -o "Reference \`[^']*' on page [0-9]* undefined" "$OUT/slub.log" |
		sort | uniq -c | head -n 10 | sed 's/^/    /'
fi
dests=$(grep -A1 'pdfTeX warning (dest)' "$OUT/slub.log" | tr -d '\n' |
	grep -o 'name{[^}]*}' | sort -u)
if [ -z "$dests" ]; then
	ok "every link in the PDF has its destination"
else
	bad "links without destination (nw@notdef: a chunk used but never defined):" \
		$dests
	grep -o '\\LA{}[^~]*~{\\nwtagstyle{}\\subpageref{nw@notdef}' \
		"$OUT/slub-body.tex" | sed 's/\\LA{}//; s/~.*//' | sort -u |
		head -n 20 | sed 's/^/    undefined chunk: /'
fi
if grep -q '??' "$OUT/slub.txt"; then
	bad "the PDF text shows '??' (an unresolved reference):"
	grep -n '??' "$OUT/slub.txt" | head -n 5 | sed 's/^/    /'
else
	ok "no '??' in the PDF text"
fi

# ---------------------------------------------------------------- figures
figs_used=$(grep -o '\\slub\(wide\)\?fig\(ure\)\?{[^}]*}' "$NW" |
	sed 's/.*{//; s/}//' | sort -u)
figs_listed=$(awk '!/^#/ && NF { print $2 }' "${FIGURES:-book/figures.txt}" | sort -u)
nf=0
for f in $figs_used; do
	nf=$((nf + 1))
	if ! grep -qx -- "$f" <<<"$figs_listed"; then
		bad "figure $f is used in $NW but not listed in ${FIGURES:-book/figures.txt}"
	elif grep -qs 'is missing:' "$OUT/fig-$f.dot"; then
		bad "figure $f is a placeholder: $(grep -o 'missing:[^"]*' "$OUT/fig-$f.dot")"
	elif [ ! -s "$OUT/fig-$f.pdf" ] && [ ! -s "$OUT/fig-$f.png" ]; then
		bad "figure $f was not generated"
	elif [ ! -s "$HTML/fig-$f.svg" ]; then
		bad "figure $f has no SVG for the HTML edition"
	else
		pass=$((pass + 1))
	fi
done
echo "     ($nf figures used in slub.nw)"
ph=$(grep -ls 'is missing:' "$OUT"/fig-*.dot 2>/dev/null | wc -l)
if [ "$ph" -eq 0 ]; then
	ok "every figure of book/figures.txt was generated"
else
	bad "$ph figures of book/figures.txt are placeholders"
fi
if grep -q 'LaTeX Warning: Reference `fig:' "$OUT/slub.log"; then
	bad "a \\ref{fig:...} names no figure"
fi
# Every figure is referenced in the text, by \ref{fig:NAME}.
unref=()
for f in $figs_used; do
	grep -q "\\ref{fig:$f}" "$NW" || unref+=("$f")
done
if [ ${#unref[@]} -eq 0 ]; then
	ok "every figure is referenced in the text (\\ref{fig:NAME})"
else
	bad "figures never referenced in the text: ${unref[*]}"
fi
# Portrait only: every page is upright (no /Rotate) and taller than wide,
# and no figure is turned on its page (a sidewaysfigure turns the content,
# not the page): the word "Figure" of every caption is set horizontally.
pages=$(pdfinfo "$OUT/slub.pdf" | awk '/^Pages:/ { print $2 }')
turned=$(pdfinfo -f 1 -l "$pages" "$OUT/slub.pdf" | awk '
	/^Page +[0-9]+ size:/ && $4 + 0 >= $6 + 0 { print "page " $2 " is landscape" }
	/^Page +[0-9]+ rot:/ && $4 != 0 { print "page " $2 " is rotated" }')
turned+=$(pdftotext -bbox "$OUT/slub.pdf" - 2>/dev/null | perl -ne '
	$p++ if /<page /;
	print "a caption on page $p is set sideways\n"
		if /xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">Figure</ &&
		   $4 - $2 > $3 - $1;')
if [ -z "$turned" ]; then
	ok "no landscape page, no rotated page, no sideways figure ($pages pages)"
else
	bad "not portrait: $(head -n 3 <<<"$turned" | tr '\n' ';')"
fi
# No page is less than half full, but where a part ends (the page before
# a section starts, the front matter, the appendices, the last page):
# book/page-fill.sh measures the ink of each page.
if fill=$(bash book/page-fill.sh "$OUT/slub.pdf" 0.5 2>&1); then
	ok "$(tail -n 1 <<<"$fill" | sed 's/^book: //'): every page but a part's last is at least half full"
else
	bad "pages less than half full, not at the end of a part: $(grep '^page' <<<"$fill" | head -n 8 | paste -sd';')"
fi
# Labels at 7 points or more: \slubfigure scales a figure down to the text
# width and 0.9 of the text height (book/preamble.tex: A4 with its margins,
# 470.55 x 642.9 pt); the smallest text of the graph (its dot file) prints
# at its size times that scale.
small=()
nsmall=0
for f in $(awk '!/^#/ && $1 ~ /^(dot|layout|alias|orders)$/ { print $2 }' "${FIGURES:-book/figures.txt}"); do
	[ -s "$OUT/fig-$f.pdf" ] || continue
	nsmall=$((nsmall + 1))
	# the smallest size of text the graph sets
	min=$(grep -o 'fontsize=[0-9.]*\|POINT-SIZE="[0-9.]*"' "$OUT/fig-$f.dot" |
		tr -dc '0-9.\n' | sort -n | head -n 1)
	pt=$(pdfinfo "$OUT/fig-$f.pdf" | awk -v m="${min:-14}" '/^Page size:/ {
		s = 1; if (470.55 / $3 < s) s = 470.55 / $3
		if (642.9 / $5 < s) s = 642.9 / $5; printf "%.2f", m * s }')
	awk -v p="$pt" 'BEGIN { exit !(p < 7) }' && small+=("$f ($pt pt)")
done
if [ ${#small[@]} -eq 0 ]; then
	ok "the smallest label of each of the $nsmall generated figures is 7 pt or more at print size"
else
	bad "figures whose smallest labels print under 7 pt: ${small[*]}"
fi

# ---------------------------------------------------------------- indexes
if grep -q 'Index of chunks' "$OUT/slub.txt" &&
   grep -q 'Index of identifiers' "$OUT/slub.txt" &&
   grep -q 'kmem_cache_create' <(sed -n '/Index of identifiers/,$p' "$OUT/slub.txt"); then
	ok "the PDF has the chunk index and the identifier index"
else
	bad "the chunk index or the identifier index is missing or empty"
fi

# The identifier index lists no word of C's own vocabulary (the words
# book/index-drop.sed drops), no definition "never used", and each chunk
# once in an entry; it is set in two columns.
kw=$(sed -n 's/^\/\^@index (defn|localdefn) (\(.*\))\$\/d$/\1/p' book/index-drop.sed |
	paste -sd'|')
idents=$(perl -ne 'print "$1\n" while /\\nwixadds\{i\}\{\{\\nwixident \{((?:[^{}]|\{\\_\})*)\}/g' \
	"$OUT/slub.aux" | sed 's/{\\_}/_/g' | sort -u)
bad_idents=$(grep -xE "$kw" <<<"$idents" | paste -sd' ')
if [ -z "$kw" ] || [ -z "$idents" ]; then
	bad "cannot read the keyword list of book/index-drop.sed or the index of $OUT/slub.aux"
elif [ -n "$bad_idents" ]; then
	bad "the identifier index lists C keywords or types: $bad_idents"
else
	ok "the identifier index lists no C keyword or type ($(wc -l <<<"$idents") identifiers)"
fi
never=$(grep -cE '^[A-Za-z_][A-Za-z0-9_]*, never used' "$OUT/slub.txt")
if [ "$never" -eq 0 ]; then
	ok "no chunk lists a definition as \"never used\""
else
	bad "$never definitions are listed as \"never used\":" \
		$(grep -oE '^[A-Za-z_][A-Za-z0-9_]*, never used' "$OUT/slub.txt" | sort | uniq -c | head -n 5)
fi
dups=$(sed -n '/^Each identifier is followed by/,$p' "$OUT/slub.txt" |
	grep -oE '(^|[ :,])([0-9]+[a-z]?), \2(,|$)' | head -n 5 | paste -sd' ')
if [ -n "$dups" ]; then
	bad "the identifier index repeats a chunk in an entry: $dups"
else
	ok "the identifier index lists each chunk once per identifier"
fi
if grep -q '\\begin{multicols}{2}' book/slub.tex &&
   sed -n '/\\begin{multicols}{2}/,/\\end{multicols}/p' book/slub.tex | grep -q '\\nowebindex'; then
	ok "the identifier index is set in two columns"
else
	bad "the identifier index is not in a multicols{2} environment (book/slub.tex)"
fi

# ---------------------------------------------------------------- chunk length
# A chunk is short enough to read at once: no woven chunk before the
# appendices is longer than 60 lines.
long=$(awk '/^\\appendix/ { app = 1 }
	/^<<.*>>=[ \t]*$/ { if (name != "" && !app && n > 60) print start ": " n " lines: " name
		name = $0; start = NR; n = 0; next }
	/^@( |\t|$)/ { if (name != "" && !app && n > 60) print start ": " n " lines: " name
		name = ""; next }
	name != "" { n++ }' "$NW")
if [ -z "$long" ]; then
	ok "no chunk before the appendices is longer than 60 lines"
else
	bad "chunks longer than 60 lines in $NW:"
	sed 's/^/    /' <<<"$long" | head -n 10
fi

# ---------------------------------------------------------------- citations
# Every citation of the text names an entry of book/slub.bib, bibtex
# resolved it in the PDF (the LaTeX log has no undefined citation, checked
# above), and the HTML edition shows it as author and year with a link to
# its entry in the list of references.
cited=$(grep -o '\\cite[tp]\?\*\?{[^}]*}' "$NW" | sed 's/.*{//; s/}//' | tr ',' '\n' |
	sed 's/^ *//; s/ *$//' | sort -u)
keys=$(sed -n 's/^@[A-Za-z]*{\([^,]*\),.*/\1/p' book/slub.bib | sort -u)
unknown=$(comm -23 <(echo "$cited") <(echo "$keys") | paste -sd' ')
if [ -z "$cited" ]; then
	bad "$NW cites nothing"
elif [ -n "$unknown" ]; then
	bad "citations without an entry in book/slub.bib: $unknown"
else
	ok "every citation ($(wc -l <<<"$cited") keys) has an entry in book/slub.bib"
fi
bibcites=$(grep -o '\\bibcite{[^}]*}' "$OUT/slub.aux" | sed 's/.*{//; s/}//' | sort -u)
unresolved=$(comm -23 <(echo "$cited") <(echo "$bibcites") | paste -sd' ')
if [ -z "$unresolved" ]; then
	ok "every citation resolves in the PDF (bibtex: $OUT/slub.bbl)"
else
	bad "citations that bibtex did not resolve in the PDF: $unresolved"
fi
if [ -s "$HTML/index.html" ]; then
	html_unres=$(grep -o '\[?[^]]*\]\|<cite class' "$HTML/index.html" | sort -u | paste -sd' ')
	html_missing=""
	for k in $cited; do
		grep -q "name=\"bib-$k\"" "$HTML/index.html" || html_missing+=" $k"
	done
	if [ -z "$html_unres$html_missing" ]; then
		ok "every citation resolves in the HTML, with its entry in the references"
	else
		bad "HTML citations unresolved: $html_unres; without an entry:$html_missing"
	fi
fi

# ---------------------------------------------------------------- questions
# The parts end with questions (3 to 5 where a part has them); the teacher
# edition has every answer, numbered as its question, and the PDF none.
nq=$(grep -c '^\\slubquestion{' "$NW")
counts=$(awk '/^\\section\{/ { if (n) print n; n = 0 } /^\\slubquestion\{/ { n++ }
	END { if (n) print n }' "$NW")
nparts=$(grep -c . <<<"$counts")
badcount=$(awk '$1 < 3 || $1 > 5' <<<"$counts" | paste -sd' ')
if [ "$nq" -eq 0 ]; then
	bad "no questions in $NW"
elif [ -n "$badcount" ]; then
	bad "a part has a number of questions outside 3 to 5: $badcount"
else
	ok "$nq questions in $nparts parts, 3 to 5 each"
fi
if [ ! -s "$OUT/slub-teacher.pdf" ]; then
	bad "no teacher edition $OUT/slub-teacher.pdf"
else
	pdftotext "$OUT/slub-teacher.pdf" "$OUT/slub-teacher.txt"
	nans=$(grep -c '^\\slubanswer' "$OUT/slub-teacher.ans" 2>/dev/null || echo 0)
	if grep -q 'Answers to the questions' "$OUT/slub-teacher.txt" &&
	   [ "$nans" -eq "$nq" ] &&
	   ! grep -q 'Answers to the questions' "$OUT/slub.txt"; then
		ok "the teacher edition answers all $nq questions; the book itself shows no answers"
	else
		bad "the teacher edition has $nans answers for $nq questions (or the book shows answers)"
	fi
fi

# ---------------------------------------------------------------- overfull
if bash book/overfull.sh "$OUT/slub.log" 2 "$OUT/slub-body.tex" "$NW" \
		>"$OUT/overfull.txt"; then
	ok "no code line overfull by more than 2pt ($(grep 'overfull code lines over' "$OUT/overfull.txt" | sed 's/^book: //'))"
else
	bad "code lines stick out past the margin (about 99 columns fit):"
	grep "^book: $NW:" "$OUT/overfull.txt" | head -n 20 |
		sed 's/^book: /    /'
fi

# ---------------------------------------------------------------- HTML
if [ ! -s "$HTML/index.html" ]; then
	bad "no $HTML/index.html: the HTML checks cannot run"
	finish
fi
# The HTML headings carry the PDF's section numbers: each seed name titles
# a numbered heading there too.
hmissing=()
while read -r kind text; do
	case $kind in '' | '#'*) continue ;; esac
	perl -0777 -ne 'BEGIN { $re = shift }
		while (/<h[1-6][^>]*>(.*?)<\/h[1-6]>/gs) {
			($t = $1) =~ s/<[^>]*>//g;
			exit 0 if $t =~ /^\d+(\.\d+)*&nbsp;/ &&
				  $t =~ /(^|[^A-Za-z0-9_])\Q$re\E([^A-Za-z0-9_]|$)/;
		}
		exit 1' "$text" "$HTML/index.html" || hmissing+=("$text")
done <book/seed-sections.txt
if [ ${#hmissing[@]} -eq 0 ]; then
	ok "HTML: every name of book/seed-sections.txt titles a numbered heading"
else
	bad "HTML: no numbered heading titled with: ${hmissing[*]}"
fi
# The contents nest each entry one level under its heading: no list opens
# right inside another with no entry between them (an empty level that
# indents what follows one level too deep), and the preface's paragraphs
# are one level under it.
toc=$(sed -n '/<tableofcontents>/,/<\/tableofcontents>/p' "$HTML/index.html")
empty=$(awk '/<ul compact>/ { if (open) n++; open = 1; next }
	/<li>/ { open = 0 } END { print n + 0 }' <<<"$toc")
pdepth=$(awk '/<ul compact>/ { d++ } /<\/ul>/ { d-- }
	/>How to read it\.</ { print d; exit }' <<<"$toc")
if [ "$empty" -eq 0 ] && [ "$pdepth" = 2 ]; then
	ok "HTML: the contents nest each entry one level under its heading"
else
	bad "HTML: the contents have $empty empty levels; the preface's paragraphs are at depth ${pdepth:-?} (expected 2)"
fi
imgs=$(grep -o '<img [^>]*src="[^"]*"' "$HTML/index.html" |
	sed 's/.*src="//; s/"$//' | sort -u)
nimg=0
for i in $imgs; do
	nimg=$((nimg + 1))
	[ -s "$HTML/$i" ] || bad "HTML image $i does not exist"
done
anchors=$(grep -o -i '\(name\|id\)="\?[^" >]*' "$HTML/index.html" |
	sed 's/^[^=]*="\?//' | sort -u)
# (#scenario=NAME&amp;step=N addresses a player, not an anchor: below)
links=$(grep -o 'href="#[^"]*"' "$HTML/index.html" | sed 's/href="#//; s/"$//' |
	grep -v '^scenario=' | sort -u)
nlink=0
broken=()
for l in $links; do
	nlink=$((nlink + 1))
	grep -qxF -- "$l" <<<"$anchors" || broken+=("$l")
done
if [ ${#broken[@]} -eq 0 ]; then
	ok "HTML: $nlink internal link targets all exist; $nimg image files"
else
	bad "HTML: ${#broken[@]} of $nlink internal links have no anchor: ${broken[*]:0:10}"
fi
for l in $(grep -o 'href="[^"#:]*"' "$HTML/index.html" | sed 's/href="//; s/"$//' | sort -u); do
	[ -e "$HTML/$l" ] || bad "HTML: relative link $l points to nothing"
done

# Headless Chromium: a copy of the page with a script that waits for the
# images, checks each (complete, with a size) and each #link, and writes the
# verdict into the DOM, which --dump-dom prints.
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
	bad "chromium is not installed (scripts/packages.txt lists it)"
	finish
fi
check="$HTML/check-chromium.html"
sed 's|</body>|<script src="check-chromium.js"></script></body>|' \
	"$HTML/index.html" >"$check"
cat >"$HTML/check-chromium.js" <<'EOF'
window.addEventListener('load', function () {
	var bad = [], imgs = document.images, n = 0;
	for (var i = 0; i < imgs.length; i++) {
		n++;
		if (!imgs[i].complete || imgs[i].naturalWidth === 0)
			bad.push('image ' + imgs[i].getAttribute('src'));
	}
	var links = document.querySelectorAll('a[href^="#"]');
	for (var j = 0; j < links.length; j++) {
		var t = decodeURIComponent(links[j].getAttribute('href').slice(1));
		if (/^scenario=/.test(t))
			continue;
		if (!document.getElementById(t) &&
		    document.getElementsByName(t).length === 0)
			bad.push('link #' + t);
	}
	var seen = {}, uniq = [];
	for (var k = 0; k < bad.length; k++) {
		seen[bad[k]] = (seen[bad[k]] || 0) + 1;
		if (seen[bad[k]] === 1)
			uniq.push(bad[k]);
	}
	for (k = 0; k < uniq.length; k++)
		if (seen[uniq[k]] > 1)
			uniq[k] += ' (' + seen[uniq[k]] + ' times)';
	var p = document.createElement('pre');
	p.id = 'chromium-check';
	p.textContent = 'CHECK images=' + n + ' links=' + links.length +
		' broken=' + bad.length + (bad.length ? ': ' + uniq.join(', ') : '');
	document.body.appendChild(p);
});
EOF
abs=$(cd "$HTML" && pwd)
chrome_flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage
	--no-first-run --no-default-browser-check --allow-file-access-from-files
	--user-data-dir="$OUT/chromium-profile")
timeout 60 "$CHROMIUM" "${chrome_flags[@]}" --virtual-time-budget=10000 \
	--dump-dom "file://$abs/check-chromium.html" \
	>"$OUT/chromium-dom.html" 2>"$OUT/chromium.log"
verdict=$(grep -o 'CHECK images=[^<]*' "$OUT/chromium-dom.html" | head -n 1)
if [ -z "$verdict" ]; then
	bad "headless Chromium gave no verdict (see $OUT/chromium.log)"
elif [[ $verdict == *"broken=0"* ]]; then
	ok "headless Chromium: ${verdict#CHECK }"
else
	bad "headless Chromium: ${verdict#CHECK }"
fi
timeout 60 "$CHROMIUM" "${chrome_flags[@]}" --window-size=1200,2400 \
	--screenshot="$OUT/html-screenshot.png" "file://$abs/index.html" \
	>>"$OUT/chromium.log" 2>&1
if [ -s "$OUT/html-screenshot.png" ]; then
	ok "headless Chromium rendered $OUT/html-screenshot.png"
else
	bad "headless Chromium could not take a screenshot (see $OUT/chromium.log)"
fi
rm -f "$check" "$HTML/check-chromium.js"

# The step players (book/check-players.js): "next" changes the frame and
# the event text, the arrow keys step the focused player, every event link
# has its chunk, every frame of every scenario loads; and an address
# #scenario=NAME&step=N opens a player at that step.
check="$HTML/check-players.html"
sed 's|</body>|<script src="check-players.js"></script></body>|' \
	"$HTML/index.html" >"$check"
cp book/check-players.js "$HTML/check-players.js"
timeout 120 "$CHROMIUM" "${chrome_flags[@]}" --virtual-time-budget=20000 \
	--dump-dom "file://$abs/check-players.html" \
	>"$OUT/players-dom.html" 2>>"$OUT/chromium.log"
verdict=$(grep -o 'PLAYERS players=[^<]*' "$OUT/players-dom.html" | head -n 1)
if [ -z "$verdict" ]; then
	bad "headless Chromium gave no verdict on the step players (see $OUT/chromium.log)"
elif [[ $verdict == *" bad=0"* ]] && [[ $verdict != *"players=0 "* ]]; then
	ok "headless Chromium: step players: ${verdict#PLAYERS }; next and the arrow keys step"
else
	bad "headless Chromium: step players: ${verdict#PLAYERS }"
fi
first=$(grep -o 'class="slubplayer" data-scenario="[^"]*"' "$HTML/index.html" |
	head -n 1 | sed 's/.*data-scenario="//; s/"$//')
timeout 60 "$CHROMIUM" "${chrome_flags[@]}" --virtual-time-budget=5000 \
	--dump-dom "file://$abs/index.html#scenario=$first&step=3" \
	>"$OUT/players-hash.html" 2>>"$OUT/chromium.log"
shown=$(grep -o "data-scenario=\"$first\"[^>]*data-shown=\"[0-9]*\"" \
	"$OUT/players-hash.html" | head -n 1 | sed 's/.*data-shown="//; s/"$//')
if [ -n "$first" ] && [ "$shown" = 3 ]; then
	ok "#scenario=$first&step=3 opens the player of $first at step 3"
else
	bad "#scenario=${first:-?}&step=3 shows step '${shown:-none}'"
fi
rm -f "$check" "$HTML/check-players.js"
rm -rf "$OUT/chromium-profile"
finish
