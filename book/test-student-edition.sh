#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# test-student-edition.sh DIR [FULL]: the student edition in DIR
# (slub.pdf, html/index.html) gives no exercise away: no line of any
# exercise target chunk appears in the text of its PDF (pdftotext) or of
# its HTML, while the full edition in FULL (default: DIR/../book) shows
# some line of every such chunk (the comparison sees code lines at all). Lines
# are compared with their blanks squeezed; a line counts when it has 8
# characters or more and is not also a line of a chunk that no exercise
# asks for (a statement such as spin_unlock(&n->list_lock); is common to
# many functions: seeing it gives no solution away). Every exercise's
# directory must be named. The prose between %answerprose-begin and
# %answerprose-end in slub.nw is gone from the student edition: of each
# block's runs of six words that occur nowhere else in slub.nw (nor in
# the contracts), none is in the student PDF or HTML, while some are in
# the full edition's; and the student edition says where it left prose
# out. Ends with "N passed, N failed".
set -uo pipefail
. exercises/scripts/common.sh
dir=$1 full=${2:-$(dirname "$1")/book}
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "PASS: $*"; }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
squeeze() { sed -e 's/[[:space:]]\+/ /g' -e 's/^ //' -e 's/ $//'; }
astext() {	# DIR PREFIX
	pdftotext -layout "$1/slub.pdf" - | squeeze >"$tmp/$2pdf.txt"
	# the HTML as text: tags dropped, the entities noweave writes decoded
	sed -e 's/<[^>]*>//g' -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g' \
	    -e 's/&amp;/\&/g' "$1/html/index.html" | squeeze >"$tmp/$2html.txt"
}
astext "$dir" ""
astext "$full" full-
# lines of the chunks no exercise asks for
ex_targets all | cut -d'|' -f5 | sort -u >"$tmp/targets"
"$NOWEB_LIB/markup" -t slub.nw | awk -v t="$tmp/targets" '
BEGIN { while ((getline l < t) > 0) target[l] = 1 }
/^@defn / { name = substr($0, 7); skip = (name in target) }
/^@text / && !skip { print substr($0, 7) }
/^@end code/ { skip = 1 }' | squeeze | sort -u >"$tmp/common"
while IFS='|' read -r ex f kind _ name; do
	chunk "$name" | squeeze | awk 'length($0) >= 8' | sort -u |
		comm -23 - "$tmp/common" >"$tmp/lines"
	n=$(wc -l <"$tmp/lines")
	[ "$n" -gt 0 ] || { bad "exercise $ex, <<$name>>: no line to compare"; continue; }
	for ed in pdf html; do
		hit=$(grep -F -x -f "$tmp/lines" "$tmp/$ed.txt" | head -1)
		seen=$(grep -F -x -c -f "$tmp/lines" "$tmp/full-$ed.txt")
		if [ -n "$hit" ]; then
			bad "exercise $ex, <<$name>>: the student $ed shows \"$hit\""
		elif [ "$seen" = 0 ]; then
			bad "exercise $ex, <<$name>>: not even the full $ed shows its lines"
		else
			ok "exercise $ex ($f): none of its $n lines in the student $ed ($seen in the full one)"
		fi
	done
done < <(ex_targets all)
# the prose blocks: every run of six words of each, in the full and the
# student edition (python3 reads the texts once)
python3 - slub.nw "$tmp" exercises/*/skel/*.head >"$tmp/prose" <<'PY'
import re, sys
nw, tmp = sys.argv[1], sys.argv[2]
def words(s):
    s = re.sub(r"\\[a-zA-Z]+(\{[^}]*\})?|\[\[|\]\]|[~`'$]", " ", s)
    # "Figure" and its number join whatever text is around the figure
    return [w for w in re.findall(r"[a-z]+", s.lower()) if w != "figure"]
def grams(w):
    return set(tuple(w[i:i + 6]) for i in range(len(w) - 5))
texts = {}
for ed in ("pdf", "html", "full-pdf", "full-html"):
    with open("%s/%s.txt" % (tmp, ed)) as f:
        # a word hyphenated at a line's end is joined again
        texts[ed] = grams(words(re.sub(r"-\s*\n\s*", "", f.read())))
# the runs the student edition may show anyway: those of the text
# outside the blocks, and of the contracts that replace the chunks
outside, inside = [], False
for line in open(nw):
    if line.startswith("%answerprose-"):
        inside = line.startswith("%answerprose-begin")
    elif not inside:
        outside.append(line)
for head in sys.argv[3:]:
    outside.extend(open(head))
common = grams(words(" ".join(outside)))
block, start = None, 0
for n, line in enumerate(open(nw), 1):
    if line.startswith("%answerprose-begin"):
        block, start = [], n
    elif line.startswith("%answerprose-end"):
        g = grams(words(" ".join(block))) - common
        print(start, len(g), *(len(g & texts[e]) for e in
              ("full-pdf", "full-html", "pdf", "html")))
        block = None
    elif block is not None:
        block.append(line)
PY
while read -r line n fpdf fhtml spdf shtml; do
	if [ "$spdf" = 0 ] && [ "$shtml" = 0 ] && [ "$fpdf" -gt 0 ] && [ "$fhtml" -gt 0 ]; then
		ok "the prose at slub.nw:$line is left out ($fpdf and $fhtml of its $n six-word runs in the full PDF and HTML, none in the student's)"
	else
		bad "the prose at slub.nw:$line: $spdf and $shtml of its $n six-word runs in the student PDF and HTML, $fpdf and $fhtml in the full"
	fi
done <"$tmp/prose"
[ -s "$tmp/prose" ] || bad "slub.nw marks no prose with %answerprose-begin"
if grep -q 'The student edition leaves out a paragraph here' "$tmp/pdf.txt" &&
	grep -q 'The student edition leaves out a paragraph here' "$tmp/html.txt"; then
	ok "the student edition says where it left prose out"
else
	bad "the student edition does not say where it left prose out"
fi
for ex in $(ex_all); do
	d=$(ex_dir "$ex")
	if grep -q -F "$d/" "$tmp/pdf.txt" && grep -q -F "$d/" "$tmp/html.txt"; then
		ok "the student edition names $d/"
	else
		bad "the student edition does not name $d/"
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
