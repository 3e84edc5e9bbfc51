#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# players.sh B HTMLDIR: give the HTML edition its step players (or, with
# PLAYER_SCENARIOS and FIGURES=/dev/null, any page of HTMLDIR its players). Every
# scenario a "Try it" paragraph names and every scenario a figure is drawn
# from (book/figures.txt) is run twice: by `slubviz --headless', one PNG
# frame per step, and by `slub run --trace', the events of each step. The
# frames are kept in B/book-frames/KEY, KEY the hash of the scenario and of
# the two programs, so that a rebuild of the book renders only what
# changed; book/players.pl then writes HTMLDIR/players-data.js and puts the
# players, the event links and the "watch it run" links into index.html.
# With PLAYERS_RENDER_ONLY=1 it only fills the cache.
set -euo pipefail
# The figures show each scenario in its own design, whatever the caller's
# environment asks (SLUB_SHEAVES would give every cache sheaves).
unset SLUB_SHEAVES
B=${1:-build}
OUT=${2:-$B/book/html}
NW=${BOOK_NW:-slub.nw}
LIST=${FIGURES:-book/figures.txt}
SLUB=$B/slub
SLUBVIZ=$B/slubviz
CACHE=${PLAYER_CACHE:-$B/book-frames}
SIZE=${BOOK_FRAME_SIZE:-960x600}
mkdir -p "$CACHE" "$OUT/frames"

for p in "$SLUB" "$SLUBVIZ"; do
	if [ ! -x "$p" ]; then
		echo "book: error: $p does not exist: no players" >&2
		exit 1
	fi
done

# The scenarios: those the book's text names, then those of the figures;
# or those of PLAYER_SCENARIOS (the tour page of `make run').
if [ -n "${PLAYER_SCENARIOS:-}" ]; then
	scns=$PLAYER_SCENARIOS
else
	scns=$( { grep -o '\\path{[^}]*\.scn}' "$NW" | sed 's/^\\path{//; s/}$//'
		  awk '!/^#/ && ($1 == "dot" || $1 == "shot") { print $3 }' "$LIST"; } |
		awk '!seen[$0]++')
fi
progs=$(cat "$SLUB" "$SLUBVIZ" | sha1sum | cut -c1-12)

# render SCN DIR: the frames and the trace of one scenario into DIR.
render() {
	local scn=$1 dir=$2 tmp
	tmp=$(mktemp -d "$dir.XXXXXX")
	# A scenario whose expect fails still has its frames (status 1).
	"$SLUBVIZ" --headless --quiet --size "$SIZE" --out "$tmp" "$scn" \
		>"$tmp/slubviz.log" 2>&1 || true
	"$SLUB" run --trace "$scn" >"$tmp/trace.txt" 2>"$tmp/trace.log" || true
	if ls "$tmp"/step-000.png >/dev/null 2>&1; then
		rm -rf "$dir"
		mv "$tmp" "$dir"
	else
		echo "book: error: slubviz drew no frame of $scn:" >&2
		cat "$tmp/slubviz.log" >&2
		rm -rf "$tmp"
	fi
}

jobs_max=$(nproc 2>/dev/null || echo 2)
manifest=$(mktemp)
rendered=0
for scn in $scns; do
	[ -f "$scn" ] || { echo "book: error: no scenario $scn" >&2; exit 1; }
	key=$( { echo "$progs $SIZE"; cat "$scn"; } | sha1sum | cut -c1-16)
	name=$(basename "$scn" .scn)
	printf '%s\t%s\t%s\n' "$name" "$scn" "$CACHE/$key" >>"$manifest"
	[ -e "$CACHE/$key/step-000.png" ] && continue
	while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do
		wait -n || true
	done
	rendered=$((rendered + 1))
	render "$scn" "$CACHE/$key" &
done
wait
# PLAYERS_RENDER_ONLY=1: fill the cache and stop (book/test-book.sh does
# it before it times the book, as it builds the programs first).
if [ -n "${PLAYERS_RENDER_ONLY:-}" ]; then
	rm -f "$manifest"
	echo "book: players: $(wc -w <<<"$scns") scenarios, $rendered rendered now"
	exit 0
fi
# The frames into the HTML directory, as hard links where possible.
rm -rf "$OUT/frames"
mkdir -p "$OUT/frames"
while IFS=$'\t' read -r name scn dir; do
	[ -e "$dir/step-000.png" ] || { echo "book: error: no frames of $scn" >&2; exit 1; }
	mkdir -p "$OUT/frames/$name"
	cp -l "$dir"/step-*.png "$OUT/frames/$name/" 2>/dev/null ||
		cp "$dir"/step-*.png "$OUT/frames/$name/"
done <"$manifest"
cp book/player.js "$OUT/player.js"
perl book/players.pl "$OUT" "$manifest" "$LIST"
rm -f "$manifest"
echo "book: players: $(wc -w <<<"$scns") scenarios, $rendered rendered now," \
	"$(find "$OUT/frames" -name '*.png' | wc -l) frames"
