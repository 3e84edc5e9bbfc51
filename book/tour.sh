#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# tour.sh B: the guided tour (viz/scenarios/tour.scn) as a web page,
# B/tour/index.html: one step player over the frames slubviz draws of it,
# with the events of each step. `make run' writes it when there is no
# display to open slubviz's window on. Local files only: it opens from
# file:// with no network.
set -euo pipefail
B=${1:-build}
OUT=$B/tour
SCN=viz/scenarios/tour.scn
mkdir -p "$OUT"
cat >"$OUT/index.html" <<'HTML'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The SLUB Book: the guided tour</title>
<link rel="stylesheet" href="book.css"></head>
<body>
<h1>The SLUB Book: the guided tour</h1>
<p>The tour scenario, <code>viz/scenarios/tour.scn</code>, as slubviz draws
it after every statement, with the allocator's events of each step. Step
with the buttons, the slider, or the arrow keys once the player has the
focus (click it); Space plays. With a display, <code>build/slubviz
--tour</code> opens the same run in a window (press h for its keys).</p>
<div class="slubplayer" data-scenario="tour" data-step="0"></div>
</body></html>
HTML
cp book/book.css "$OUT/book.css"
PLAYER_SCENARIOS=$SCN FIGURES=/dev/null PLAYER_CACHE=$B/tour-frames \
	bash book/players.sh "$B" "$OUT" >"$OUT/players.log"
echo "The tour, as a web page: open file://$(cd "$OUT" && pwd)/index.html"
